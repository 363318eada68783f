import { request, read } from './http.js';

/** Who is signed in: {username, name, roles, org}; throws ApiProblem 401 when nobody is. */
export function currentUser() {
  return request('GET', '/api/me');
}

/**
 * Ends the session at the gateway; answers where the browser goes next (the identity provider's logout, which
 * then leads back to /).
 */
export async function signOut() {
  const answer = await request('POST', '/logout');
  return answer?.redirect || '/';
}

/** A service's read models and reactions (PLATFORM_OPERATOR): {name: {kind, topics, types, lag, parked, rebuild?}}. */
export function readModels(apiBase) {
  return read(`${apiBase}/actuator/readmodels`);
}

/** Asks a service to drop a read model and rebuild it from its topics (202). */
export function rebuildReadModel(apiBase, name) {
  return request('POST', `${apiBase}/actuator/readmodels/${encodeURIComponent(name)}`);
}
