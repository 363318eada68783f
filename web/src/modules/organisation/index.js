import { PEOPLE } from '../roles.js';

/**
 * The organisation service's screens (组织建设): the tree, the register of units, and their home panels.
 * A module names its API base, its routes, its menu group and its home panels; the shell does the rest.
 */
export default {
  name: 'organisation',
  titleKey: 'menu.organisation',
  apiBase: '/api/organisation',
  readModels: true,
  routes: [
    {
      path: '/organisation/tree',
      name: 'org-tree',
      component: () => import('./views/OrganisationTreeView.vue'),
      meta: { titleKey: 'menu.tree', roles: PEOPLE },
    },
    {
      path: '/organisation/units',
      name: 'org-units',
      component: () => import('./views/UnitRegisterView.vue'),
      meta: { titleKey: 'menu.units', roles: PEOPLE },
    },
  ],
  menu: [
    {
      key: 'organisation',
      titleKey: 'menu.organisation',
      icon: 'OfficeBuilding',
      order: 10,
      items: [
        { route: 'org-tree', titleKey: 'menu.tree', icon: 'Share', roles: PEOPLE },
        { route: 'org-units', titleKey: 'menu.units', icon: 'List', roles: PEOPLE },
      ],
    },
  ],
  homePanels: [
    { key: 'my-unit', order: 10, component: () => import('./components/MyUnitPanel.vue') },
    {
      key: 'units-by-kind',
      order: 30,
      roles: ['COMMITTEE_STAFF', 'AUDITOR', 'DISCIPLINE_INSPECTOR', 'PLATFORM_OPERATOR'],
      component: () => import('./components/UnitsByKindPanel.vue'),
    },
  ],
};
