/** The platform's own screens (平台运维): the services' read models, their lag, parked aggregates and rebuilds. */
export default {
  name: 'platform',
  titleKey: 'menu.platform',
  routes: [
    {
      path: '/platform/read-models',
      name: 'platform-read-models',
      component: () => import('./views/ReadModelsView.vue'),
      meta: { titleKey: 'menu.readModels', roles: ['PLATFORM_OPERATOR'] },
    },
  ],
  menu: [
    {
      key: 'platform',
      titleKey: 'menu.platform',
      icon: 'Monitor',
      order: 90,
      items: [{ route: 'platform-read-models', titleKey: 'menu.readModels', icon: 'DataLine', roles: ['PLATFORM_OPERATOR'] }],
    },
  ],
  homePanels: [
    {
      key: 'read-models-due',
      order: 5,
      due: true,
      roles: ['PLATFORM_OPERATOR'],
      component: () => import('./components/ReadModelsDuePanel.vue'),
    },
  ],
};
