import { read } from '../../api/http.js';

// The subscriptions service (事件订阅: data shared with other departments). Departments (machine clients) ask for
// event types; committee staff grant, refuse, change or revoke; auditors read. Deliveries are the service's log of what
// it sent each subscription (pushed over SSE or posted to a webhook), a dead letter one it gave up on.
export const BASE = '/api/subscriptions';
const subscriptionPath = (id) => `${BASE}/subscriptions/${encodeURIComponent(id)}`;
const deliveryPath = (id) => `${BASE}/deliveries/${encodeURIComponent(id)}`;

/** A page of subscriptions: state, department (client id), page, size. */
export function listSubscriptions(params = {}) {
  return read(`${BASE}/subscriptions`, params);
}

/** A subscription as it stands, read at least at `minSequence` (a command just sent). */
export function getSubscription(id, minSequence) {
  return read(subscriptionPath(id), { minSequence });
}

/** A page of a subscription's timeline: {entries, next}. */
export function subscriptionTimeline(id, { from = 0, limit = 200, minSequence } = {}) {
  return read(`${subscriptionPath(id)}/timeline`, { from, limit, minSequence });
}

/** A subscription's hash chain checked. */
export function verifySubscription(id) {
  return read(`${subscriptionPath(id)}/verification`);
}

let catalogueRead = null;

/**
 * The catalogue: every event type a department may ask for (service, titles, grantable, the personal data it
 * carries) and the kinds of personal data with their titles. Read once per page load (again after a failure).
 */
export function catalogue() {
  if (!catalogueRead) {
    catalogueRead = read(`${BASE}/catalogue`).catch((e) => {
      catalogueRead = null;
      throw e;
    });
  }
  return catalogueRead;
}

/** Forgets the catalogue read (tests). */
export function forgetCatalogue() {
  catalogueRead = null;
}

/** A page of deliveries: subscriptionId, state (DELIVERED, RETRYING, DEAD_LETTER), page, size. */
export function listDeliveries(params = {}) {
  return read(`${BASE}/deliveries`, params);
}

/** The command paths (sent with useCommand), by action as subscriptions.js names them. */
export const commands = {
  grant: (id) => `${subscriptionPath(id)}/grant`,
  refuse: (id) => `${subscriptionPath(id)}/refusal`,
  changeGrant: (id) => `${subscriptionPath(id)}/grant-change`,
  revoke: (id) => `${subscriptionPath(id)}/revocation`,
  redeliver: (id) => `${deliveryPath(id)}/redelivery`,
};
