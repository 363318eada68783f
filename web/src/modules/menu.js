/** Whether a user with `roles` may use something that names the roles it is for (none named: anyone signed in). */
const allows = (roles) => (thing) => !thing.roles || thing.roles.some((r) => roles.includes(r));

/**
 * The side menu for a user: each module's groups with only the items the user's roles may use; a group left
 * without items is left out.
 */
export function menuFor(modules, roles) {
  return modules.flatMap((module) => module.menu || [])
    .map((group) => ({ ...group, items: (group.items || []).filter(allows(roles)) }))
    .filter((group) => group.items.length > 0)
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

/** Whether a route may be shown to a user: its `meta.roles` (absent: any signed-in user). */
export function mayOpen(route, roles) {
  return allows(roles)({ roles: route.meta?.roles });
}

/** Each module's home-page panels that a user's roles may see, in order. */
export function homePanelsFor(modules, roles) {
  return modules.flatMap((module) => module.homePanels || [])
    .filter(allows(roles))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}
