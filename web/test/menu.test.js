import { describe, expect, it } from 'vitest';
import { homePanelsFor, mayOpen, menuFor } from '../src/modules/menu.js';
import { MODULES, SERVICES } from '../src/modules/index.js';
import { fromFormerLink, pageTitle, routes } from '../src/router/index.js';

const itemsOf = (menu) => menu.flatMap((g) => g.items.map((i) => i.route));

describe('menus per role', () => {
  it('gives operators the read models and nobody else', () => {
    expect(itemsOf(menuFor(MODULES, ['PLATFORM_OPERATOR']))).toContain('platform-read-models');
    for (const role of ['COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'PARTY_MEMBER', 'DISCIPLINE_INSPECTOR', 'AUDITOR']) {
      expect(itemsOf(menuFor(MODULES, [role]))).not.toContain('platform-read-models');
      expect(itemsOf(menuFor(MODULES, [role]))).toEqual(['org-tree', 'org-units']);
    }
  });

  it('leaves out a group without items, and everything for a user without roles', () => {
    expect(menuFor(MODULES, [])).toEqual([]);
    expect(menuFor(MODULES, ['COMMITTEE_STAFF']).map((g) => g.key)).toEqual(['organisation']);
  });

  it('opens a route only for its roles, and every menu item names a route that exists', () => {
    const readModels = routes.find((r) => r.name === 'platform-read-models');
    expect(mayOpen(readModels, ['PLATFORM_OPERATOR'])).toBe(true);
    expect(mayOpen(readModels, ['COMMITTEE_STAFF'])).toBe(false);
    expect(mayOpen(routes.find((r) => r.name === 'home'), [])).toBe(true);
    const names = new Set(routes.map((r) => r.name));
    MODULES.flatMap((m) => m.menu || []).flatMap((g) => g.items).forEach((item) => expect(names).toContain(item.route));
  });

  it('gives each role its home panels, operators their due read models', () => {
    expect(homePanelsFor(MODULES, ['PLATFORM_OPERATOR']).map((p) => p.key)).toEqual(['read-models-due', 'my-unit', 'units-by-kind']);
    expect(homePanelsFor(MODULES, ['PARTY_MEMBER']).map((p) => p.key)).toEqual(['my-unit']);
  });

  it('lists the services whose read models operators see', () => {
    expect(SERVICES).toEqual([{ name: 'organisation', titleKey: 'menu.organisation', apiBase: '/api/organisation' }]);
  });
});

describe('addresses', () => {
  it('opens a unit from the former client links (/#unit=<id>) in the tree', () => {
    expect(fromFormerLink({ path: '/', hash: '#unit=00000000-0000-4000-8000-00000000004A' }))
      .toEqual({ name: 'org-tree', query: { unit: '00000000-0000-4000-8000-00000000004a' }, hash: '' });
    expect(fromFormerLink({ path: '/', hash: '#unit=javascript:alert(1)' })).toBe(true);
    expect(fromFormerLink({ path: '/organisation/units', hash: '' })).toBe(true);
  });

  it('titles each page after its screen, then the platform', () => {
    expect(pageTitle(routes.find((r) => r.name === 'org-units'))).toBe('组织名册 · 智慧党建平台');
    expect(pageTitle(undefined)).toBe('智慧党建平台');
  });
});
