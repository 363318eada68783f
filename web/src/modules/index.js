// The modules of the web client, one per service (plus the platform's own screens). A service's screens are
// added by writing its module (routes, menu group, home panels) and listing it here: see docs/web.md.
import organisation from './organisation/index.js';
import members from './members/index.js';
import activities from './activities/index.js';
import discipline from './discipline/index.js';
import audit from './audit/index.js';
import subscriptions from './subscriptions/index.js';
import platform from './platform/index.js';

export const MODULES = [organisation, members, activities, discipline, subscriptions, audit, platform];

/** The services whose read models the operators' screen lists: {name, titleKey, apiBase}. */
export const SERVICES = MODULES.filter((m) => m.apiBase && m.readModels)
  .map(({ name, titleKey, apiBase }) => ({ name, titleKey, apiBase }));

/** The path of a route by its name (menus and shortcuts name routes). */
export function pathOf(name) {
  return MODULES.flatMap((m) => m.routes || []).find((r) => r.name === name)?.path || '/';
}
