/**
 * The subscriptions service's screens (数据共享: other departments subscribing to the platform's events): 订阅申请 (the
 * departments' requests, the pending first), a subscription's detail (what was requested, what is granted, the decision,
 * its timeline, and for committee staff 授权, 拒绝, 变更授权 and 撤销), 投递记录 (the delivery log) and 死信 (the deliveries
 * given up on, with 重新投递 for committee staff). Committee staff decide, auditors read everything and change nothing;
 * nobody else sees any of it (departments are machine clients and never sign in here).
 */
import { READERS, STAFF } from './subscriptions.js';

const UUID = '([0-9a-fA-F-]{36})';

export default {
  name: 'subscriptions',
  titleKey: 'menu.subscriptions',
  apiBase: '/api/subscriptions',
  routes: [
    { path: '/subscriptions', name: 'subscription-requests', component: () => import('./views/SubscriptionListView.vue'), meta: { titleKey: 'menu.subscriptionRequests', roles: READERS } },
    { path: `/subscriptions/:id${UUID}`, name: 'subscription', component: () => import('./views/SubscriptionDetailView.vue'), meta: { titleKey: 'subscriptions.detail', roles: READERS } },
    { path: '/subscriptions/deliveries', name: 'subscription-deliveries', component: () => import('./views/DeliveryListView.vue'), meta: { titleKey: 'menu.deliveries', roles: READERS } },
    { path: '/subscriptions/dead-letters', name: 'subscription-dead-letters', component: () => import('./views/DeliveryListView.vue'), props: { deadLetters: true }, meta: { titleKey: 'menu.deadLetters', roles: READERS } },
  ],
  menu: [
    {
      key: 'subscriptions',
      titleKey: 'menu.subscriptions',
      icon: 'Share',
      order: 55,
      items: [
        { route: 'subscription-requests', titleKey: 'menu.subscriptionRequests', icon: 'Tickets', roles: READERS },
        { route: 'subscription-deliveries', titleKey: 'menu.deliveries', icon: 'Promotion', roles: READERS },
        { route: 'subscription-dead-letters', titleKey: 'menu.deadLetters', icon: 'WarningFilled', roles: READERS },
      ],
    },
  ],
  homePanels: [
    { key: 'subscriptions-due', order: 30, due: true, roles: [STAFF], component: () => import('./components/PendingRequestsPanel.vue') },
  ],
};
