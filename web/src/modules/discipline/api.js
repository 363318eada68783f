import { read } from '../../api/http.js';

// The discipline supervision service (纪检监督). Every read of a record (its detail, timeline or verification) is
// logged by the service in the record's access log before it is answered; lists are not record reads.
export const BASE = '/api/discipline';
const inspectionPath = (id) => `${BASE}/inspections/${encodeURIComponent(id)}`;
const talkPath = (id) => `${BASE}/talks/${encodeURIComponent(id)}`;
const casePath = (id) => `${BASE}/cases/${encodeURIComponent(id)}`;
const selectionPath = (id) => `${BASE}/selection-supervisions/${encodeURIComponent(id)}`;

/** A page of inspections (明察暗访): state, target, from, to (the day planned, yyyy-MM-dd), page, size; newest planned first. */
export function listInspections(params = {}) {
  return read(`${BASE}/inspections`, params);
}

/** An inspection as it stands (logged). */
export function getInspection(id, minSequence) {
  return read(inspectionPath(id), { minSequence });
}

/** A page of an inspection's timeline (logged). */
export function inspectionTimeline(id, { from = 0, limit = 200, minSequence } = {}) {
  return read(`${inspectionPath(id)}/timeline`, { from, limit, minSequence });
}

/** An inspection's hash chain checked (logged). */
export function verifyInspection(id) {
  return read(`${inspectionPath(id)}/verification`);
}

/** The rectification board (整改台账): rectifications required or reported, not accepted, deadline first (a list, not a page). */
export function rectifications({ overdue = false } = {}) {
  return read(`${BASE}/rectifications`, { overdue: overdue ? 'true' : undefined });
}

/** A page of talks and written inquiries (谈话函询): kind, state, member, from, to, page, size; newest first. */
export function listTalks(params = {}) {
  return read(`${BASE}/talks`, params);
}

export function getTalk(id, minSequence) {
  return read(talkPath(id), { minSequence });
}

export function talkTimeline(id, { from = 0, limit = 200, minSequence } = {}) {
  return read(`${talkPath(id)}/timeline`, { from, limit, minSequence });
}

export function verifyTalk(id) {
  return read(`${talkPath(id)}/verification`);
}

/** A page of cases (问责, 党纪处分): type, state, member, from, to (the day opened), page, size; newest first. */
export function listCases(params = {}) {
  return read(`${BASE}/cases`, params);
}

export function getCase(id, minSequence) {
  return read(casePath(id), { minSequence });
}

export function caseTimeline(id, { from = 0, limit = 200, minSequence } = {}) {
  return read(`${casePath(id)}/timeline`, { from, limit, minSequence });
}

export function verifyCase(id) {
  return read(`${casePath(id)}/verification`);
}

/** A page of cadre selection supervision records (选人用人监督): state, from, to (the procedure began), page, size. */
export function listSelections(params = {}) {
  return read(`${BASE}/selection-supervisions`, params);
}

export function getSelection(id, minSequence) {
  return read(selectionPath(id), { minSequence });
}

export function selectionTimeline(id, { from = 0, limit = 200, minSequence } = {}) {
  return read(`${selectionPath(id)}/timeline`, { from, limit, minSequence });
}

export function verifySelection(id) {
  return read(`${selectionPath(id)}/verification`);
}

/** The access log (查阅记录, auditors only): record, reader, from, to (ISO instants), page, size; newest first. */
export function accessLog(params = {}) {
  return read(`${BASE}/access-log`, params);
}

/** The command paths (sent with useCommand), by record kind and step, as discipline.js names them. */
export const commands = {
  inspection: {
    plan: () => `${BASE}/inspections`,
    carryOut: (id) => `${inspectionPath(id)}/carrying-out`,
    finding: (id) => `${inspectionPath(id)}/findings`,
    require: (id) => `${inspectionPath(id)}/rectification-requirement`,
    report: (id) => `${inspectionPath(id)}/rectification-report`,
    verify: (id) => `${inspectionPath(id)}/rectification-verification`,
    close: (id) => `${inspectionPath(id)}/closing`,
  },
  talk: {
    hold: () => `${BASE}/talks`,
    issue: () => `${BASE}/inquiries`,
    answer: (id) => `${talkPath(id)}/answer`,
    conclude: (id) => `${talkPath(id)}/conclusion`,
  },
  case: {
    open: () => `${BASE}/cases`,
    propose: (id) => `${casePath(id)}/proposal`,
    decide: (id) => `${casePath(id)}/decision`,
    end: (id) => `${casePath(id)}/sanction-ending`,
  },
  selection: {
    open: () => `${BASE}/selection-supervisions`,
    check: (id) => `${selectionPath(id)}/checks`,
    conclude: (id) => `${selectionPath(id)}/conclusion`,
  },
};
