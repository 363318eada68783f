import { createRouter, createWebHistory } from 'vue-router';
import { MODULES } from '../modules/index.js';
import { i18n } from '../i18n/index.js';

export const routes = [
  { path: '/', name: 'home', component: () => import('../views/HomeView.vue'), meta: { titleKey: 'menu.home' } },
  ...MODULES.flatMap((m) => m.routes || []),
  { path: '/:unknown(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue'), meta: { titleKey: 'errors.notFound' } },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.afterEach((to) => {
  const title = to.meta?.titleKey ? i18n.global.t(to.meta.titleKey) : null;
  document.title = [title, i18n.global.t('app.name')].filter(Boolean).join(' · ');
});
