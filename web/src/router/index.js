import { createRouter, createWebHistory } from 'vue-router';
import { MODULES } from '../modules/index.js';
import { i18n } from '../i18n/index.js';
import StatusPage from '../views/StatusPage.vue';

export const routes = [
  { path: '/', name: 'home', component: () => import('../views/HomeView.vue'), meta: { titleKey: 'menu.home' } },
  ...MODULES.flatMap((m) => m.routes || []),
  { path: '/:unknown(.*)*', name: 'not-found', component: StatusPage, props: { kind: 'not-found' }, meta: { titleKey: 'errors.notFound' } },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

/** The former client's links (/#unit=<id>) open that unit in the tree; anything else goes where it was going. */
export function fromFormerLink(to) {
  const unit = /^#unit=([0-9a-fA-F-]{36})$/.exec(to.hash || '');
  if (to.path === '/' && unit) {
    return { name: 'org-tree', query: { unit: unit[1].toLowerCase() }, hash: '' };
  }
  return true;
}
router.beforeEach(fromFormerLink);

/** The page title: the screen's, then the platform's name, in the chosen language. */
export function pageTitle(route) {
  const title = route?.meta?.titleKey ? i18n.global.t(route.meta.titleKey) : null;
  return [title, i18n.global.t('app.name')].filter(Boolean).join(' · ');
}
