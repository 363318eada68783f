import { read } from '../../api/http.js';

export const BASE = '/api/members';
const memberPath = (id) => `${BASE}/members/${encodeURIComponent(id)}`;

/** A page of members: branch, stage, q (in the name), page, size; member + minSequence to read one's own write. */
export function listMembers(params = {}) {
  return read(`${BASE}/members`, params);
}

export function getMember(id, minSequence) {
  return read(memberPath(id), { minSequence });
}

export function memberTimeline(id, { from = 0, limit = 200, minSequence } = {}) {
  return read(`${memberPath(id)}/timeline`, { from, limit, minSequence });
}

export function verifyMember(id) {
  return read(`${memberPath(id)}/verification`);
}

/** The development board: counts per stage and the members due next (earliest first). */
export function pipeline(params = {}) {
  return read(`${BASE}/pipeline`, params);
}

/** The open transfers (组织关系转接): branch (sent or received), state, page, size; member + minSequence. */
export function listTransfers(params = {}) {
  return read(`${BASE}/transfers`, params);
}

/** A member's points of a year: balance, stars, entries. */
export function memberPoints(id, { year, minSequence } = {}) {
  return read(`${memberPath(id)}/points`, { year, minSequence });
}

/** The points ranking of a year: branch, limit; member + minSequence. */
export function pointsRanking(params = {}) {
  return read(`${BASE}/points/ranking`, params);
}

/** Every version of the points rules. */
export function pointsRules() {
  return read(`${BASE}/points/rules`);
}

/** A member's dues of a year: months, totals, arrears, the base in effect. */
export function memberDues(id, { year, minSequence } = {}) {
  return read(`${memberPath(id)}/dues`, { year, minSequence });
}

/** A month's dues of a branch or all: month (yyyy-MM), branch. */
export function duesSummary(params = {}) {
  return read(`${BASE}/dues/summary`, params);
}

/** The members in arrears: branch, limit. */
export function duesArrears(params = {}) {
  return read(`${BASE}/dues/arrears`, params);
}

/** The care list of a year: year, branch. */
export function careList(params = {}) {
  return read(`${BASE}/care`, params);
}

/** The assessments the user sees: member, type, period, branch, page, size. */
export function listAssessments(params = {}) {
  return read(`${BASE}/assessments`, params);
}

export function assessmentTimeline(id, { from = 0, limit = 200 } = {}) {
  return read(`${BASE}/assessments/${encodeURIComponent(id)}/timeline`, { from, limit });
}

export function verifyAssessment(id) {
  return read(`${BASE}/assessments/${encodeURIComponent(id)}/verification`);
}

/** Every version of the comprehensive assessment's criteria. */
export function assessmentCriteria() {
  return read(`${BASE}/assessment-criteria`);
}

/** The command paths (sent with useCommand). */
export const commands = {
  apply: () => `${BASE}/members`,
  step: (id, step) => `${memberPath(id)}/${STEP_PATHS[step]}`,
  transfer: (id) => `${memberPath(id)}/transfers`,
  points: (id) => `${memberPath(id)}/points`,
  duesBase: (id) => `${memberPath(id)}/dues/base`,
  care: (id) => `${memberPath(id)}/care`,
  training: (id) => `${memberPath(id)}/trainings`,
  qualification: (id) => `${memberPath(id)}/qualification`,
  account: (id) => `${memberPath(id)}/account`,
  accountUnlink: (id) => `${memberPath(id)}/account/unlink`,
  duesPayment: (id) => `${memberPath(id)}/dues/payments`,
  cadreAssessment: (id) => `${memberPath(id)}/cadre-assessments`,
  cadreConclusion: (id, n) => `${memberPath(id)}/cadre-assessments/${encodeURIComponent(n)}/conclusion`,
  assessment: () => `${BASE}/assessments`,
  /** step: scores | conclusion | correction, from the dialog's action */
  assessmentStep: (id, action) => `${BASE}/assessments/${encodeURIComponent(id)}/${ASSESSMENT_STEPS[action]}`,
  transferStep: (id, transfer, action) => `${memberPath(id)}/transfers/${encodeURIComponent(transfer)}/${action}`,
};

const ASSESSMENT_STEPS = { score: 'scores', conclude: 'conclusion', correct: 'correction' };

/** The next step's path under /members/{id}. */
export const STEP_PATHS = {
  ACTIVIST: 'activist',
  DEVELOPMENT_OBJECT: 'development-object',
  POLITICAL_REVIEW: 'political-review',
  ADMISSION: 'admission',
  FULL_MEMBERSHIP: 'full-membership',
  PROBATION_EXTENSION: 'probation-extension',
  PROBATION_CANCELLATION: 'probation-cancellation',
};
