import { read } from '../../api/http.js';

export const BASE = '/api/activities';
const activityPath = (id) => `${BASE}/activities/${encodeURIComponent(id)}`;

/** A page of a calendar: branch, kind, state, from, to (yyyy-MM-dd), page, size; activity + minSequence to read one's own write. */
export function listActivities(params = {}) {
  return read(`${BASE}/activities`, params);
}

export function getActivity(id, minSequence) {
  return read(activityPath(id), { minSequence });
}

export function activityTimeline(id, { from = 0, limit = 200, minSequence } = {}) {
  return read(`${activityPath(id)}/timeline`, { from, limit, minSequence });
}

export function verifyActivity(id) {
  return read(`${activityPath(id)}/verification`);
}

/** A member's participation: year; activity (or service, or engagement) + minSequence. */
export function participation(memberId, params = {}) {
  return read(`${BASE}/members/${encodeURIComponent(memberId)}/participation`, params);
}

/** The signed-in party member's own participation: year. */
export function myParticipation(params = {}) {
  return read(`${BASE}/members/me/participation`, params);
}

/** The volunteer hours ranking of a year: year, branch, limit; service + minSequence. */
export function volunteerRanking(params = {}) {
  return read(`${BASE}/volunteer-hours/ranking`, params);
}

/** The "三会一课" compliance board: period (yyyy-MM, yyyy-Qn or yyyy; this month when absent), branch. */
export function complianceBoard(params = {}) {
  return read(`${BASE}/compliance`, params);
}

/** Every version of the "三会一课" compliance rules. */
export function complianceRules() {
  return read(`${BASE}/compliance/rules`);
}

/** The members of a branch, from the members service (for the attendance list): at most 200. */
export function branchMembers(branchId) {
  return read('/api/members/members', { branch: branchId, size: 200 });
}

const engagementPath = (id) => `${BASE}/engagements/${encodeURIComponent(id)}`;

/** A page of learning and practice records: kind, branch, from, to (yyyy-MM-dd), page, size; engagement + minSequence. */
export function listEngagements(params = {}) {
  return read(`${BASE}/engagements`, params);
}

export function getEngagement(id, minSequence) {
  return read(engagementPath(id), { minSequence });
}

export function engagementTimeline(id, { from = 0, limit = 200, minSequence } = {}) {
  return read(`${engagementPath(id)}/timeline`, { from, limit, minSequence });
}

export function verifyEngagement(id) {
  return read(`${engagementPath(id)}/verification`);
}

/** Dual organisational life records (双重组织生活): branch, member, active; assignment + minSequence to read one's own write. */
export function listDualLives(params = {}) {
  return read(`${BASE}/dual-lives`, params);
}

const dualLifePath = (id) => `${BASE}/dual-lives/${encodeURIComponent(id)}`;

export function dualLifeTimeline(id, { from = 0, limit = 200, minSequence } = {}) {
  return read(`${dualLifePath(id)}/timeline`, { from, limit, minSequence });
}

export function verifyDualLife(id) {
  return read(`${dualLifePath(id)}/verification`);
}

/** The command paths (sent with useCommand). */
export const commands = {
  schedule: () => `${BASE}/activities`,
  hold: (id) => `${activityPath(id)}/holding`,
  cancel: (id) => `${activityPath(id)}/cancellation`,
  attendance: (id) => `${activityPath(id)}/attendance`,
  correction: (id) => `${activityPath(id)}/attendance-corrections`,
  volunteer: () => `${BASE}/volunteer-services`,
  assignDualLife: () => `${BASE}/dual-lives`,
  endDualLife: (id) => `${dualLifePath(id)}/ending`,
  recordEngagement: () => `${BASE}/engagements`,
  completeDeed: (id) => `${engagementPath(id)}/completion`,
  correctEngagement: (id) => `${engagementPath(id)}/corrections`,
};
