import { describe, expect, it } from 'vitest';
import { homePanelsFor, mayOpen, menuFor } from '../src/modules/menu.js';
import { MODULES, SERVICES } from '../src/modules/index.js';
import { fromFormerLink, pageTitle, routes } from '../src/router/index.js';

const itemsOf = (menu) => menu.flatMap((g) => g.items.map((i) => i.route));

describe('menus per role', () => {
  it('gives each role exactly its screens', () => {
    const members = ['member-directory', 'member-pipeline', 'member-transfers', 'member-points', 'member-dues', 'member-assessments', 'member-care'];
    const activities = ['activity-calendar', 'activity-volunteer', 'activity-compliance', 'activity-records', 'activity-dual-lives'];
    const discipline = ['discipline-inspections', 'discipline-rectifications', 'discipline-talks', 'discipline-cases', 'discipline-selections'];
    const work = ['org-terms', 'org-plans', 'org-lists', 'org-assessments'];
    const organisation = ['org-tree', 'org-units', ...work, 'org-reports'];
    const subscriptions = ['subscription-requests', 'subscription-deliveries', 'subscription-dead-letters'];
    const expected = {
      COMMITTEE_STAFF: [...organisation, ...members, ...activities, 'audit-subjects', 'audit-checkpoints', ...subscriptions],
      BRANCH_SECRETARY: [...organisation, ...members, ...activities, 'audit-subjects', 'audit-checkpoints'],
      DISCIPLINE_INSPECTOR: [...organisation, ...members, ...activities, ...discipline, 'audit-subjects', 'audit-findings', 'audit-checkpoints'],
      AUDITOR: [...organisation, ...members, ...activities, ...discipline, 'discipline-access-log', 'audit-subjects', 'audit-findings',
        'audit-checkpoints', 'audit-replays', ...subscriptions],
      PARTY_MEMBER: ['org-tree', 'org-units', ...work, 'member-me', 'activity-me', 'audit-subjects', 'audit-checkpoints'],
      PLATFORM_OPERATOR: ['org-tree', 'org-units', 'audit-findings', 'audit-checkpoints', 'platform-read-models'],
    };
    Object.entries(expected).forEach(([role, items]) => expect(itemsOf(menuFor(MODULES, [role])), role).toEqual(items));
  });

  it('leaves out a group without items, and everything for a user without roles', () => {
    expect(menuFor(MODULES, [])).toEqual([]);
    expect(menuFor(MODULES, ['PLATFORM_OPERATOR']).map((g) => g.key)).toEqual(['organisation', 'audit', 'platform']);
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
    expect(homePanelsFor(MODULES, ['BRANCH_SECRETARY']).map((p) => p.key)).toEqual(['my-unit', 'pipeline-due', 'compliance-due']);
    expect(homePanelsFor(MODULES, ['AUDITOR']).map((p) => p.key)).not.toContain('compliance-due');
  });

  it('lists the services whose read models operators see', () => {
    expect(SERVICES).toEqual([{ name: 'organisation', titleKey: 'menu.organisation', apiBase: '/api/organisation' },
      { name: 'members', titleKey: 'menu.members', apiBase: '/api/members' },
      { name: 'activities', titleKey: 'menu.activities', apiBase: '/api/activities' }]);
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
