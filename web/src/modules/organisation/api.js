import { read } from '../../api/http.js';

export const BASE = '/api/organisation';
const unitPath = (id) => `${BASE}/units/${encodeURIComponent(id)}`;

/**
 * A page of units (GET /units): parent (a unit id or 'top'), q (in the name), kind, status, page (from 0), size,
 * and unit + minSequence to wait until that change shows. Answers {items, page, size, total}.
 */
export function listUnits(params = {}) {
  return read(`${BASE}/units`, params);
}

export function getUnit(id, minSequence) {
  return read(unitPath(id), { minSequence });
}

export function unitTimeline(id, { from = 0, limit = 200, minSequence } = {}) {
  return read(unitPath(id) + '/timeline', { from, limit, minSequence });
}

export function verifyUnit(id) {
  return read(unitPath(id) + '/verification');
}

/** The command paths (sent with useCommand, which adds the idempotency key). */
export const commands = {
  establish: () => `${BASE}/units`,
  rename: (id) => `${unitPath(id)}/rename`,
  dissolve: (id) => `${unitPath(id)}/dissolve`,
};


/** A unit's roster (支部党员名册), as the members service published it: counts per stage and a page of members. */
export function unitRoster(id, params = {}) {
  return read(`${BASE}/units/${encodeURIComponent(id)}/roster`, params);
}
