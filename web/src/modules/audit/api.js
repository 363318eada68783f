import { read } from '../../api/http.js';

// The audit service (审计): what it witnessed of every other service, its integrity findings, verifications, signed
// checkpoints and replays. A stream the caller may not see answers 404 STREAM_NOT_WITNESSED.
export const BASE = '/api/audit';
const id = (value) => encodeURIComponent(value);
const streamPath = (service, aggregateId) => `${BASE}/timelines/${id(service)}/${id(aggregateId)}`;

/** The kinds of audited subjects: {version, kinds: [{kind, title, titleEn, openedBy}]}. */
export function subjectKinds() {
  return read(`${BASE}/subject-kinds`);
}

/** A page of audited subjects: kind, memberId, unitId, page, size; newest first. */
export function listSubjects(params = {}) {
  return read(`${BASE}/subjects`, params);
}

/** A stream's summary and a page of its events from a sequence: {stream, entries: {items, total}}. */
export function timeline(service, aggregateId, { part, from = 0, limit = 200 } = {}) {
  return read(streamPath(service, aggregateId), { part, from, limit });
}

/** The stream as of a moment: params from asOfParams ({at, by, part}). */
export function asOf(service, aggregateId, params) {
  return read(`${streamPath(service, aggregateId)}/as-of`, params);
}

/** What changed between two moments: params from differenceParams ({from, to, by, part}). */
export function difference(service, aggregateId, params) {
  return read(`${streamPath(service, aggregateId)}/difference`, params);
}

/** Everything an auditor files of a stream: its events, its chain walked again now, the checkpoint holding it. */
export function exportTimeline(service, aggregateId, part) {
  return read(`${streamPath(service, aggregateId)}/export`, { part });
}

/** A page of what named a member, in any service, by recording time. */
export function memberTimeline(memberId, { page = 0, size = 50 } = {}) {
  return read(`${BASE}/members/${id(memberId)}/timeline`, { page, size });
}

/** A page of what named an organisation unit, in any service, by recording time. */
export function unitTimeline(unitId, { page = 0, size = 50 } = {}) {
  return read(`${BASE}/units/${id(unitId)}/timeline`, { page, size });
}

/** A page of integrity findings: status, kind, service, aggregateId, page, size; newest first. */
export function listFindings(params = {}) {
  return read(`${BASE}/findings`, params);
}

/** Open findings by kind, the latest checkpoint and the latest verification. */
export function integrity() {
  return read(`${BASE}/integrity`);
}

/** A verification's result, once the service has recorded it (minSequence: the command's answer). */
export function getVerification(verificationId, minSequence) {
  return read(`${BASE}/verifications/${id(verificationId)}`, { minSequence });
}

export function listVerifications(params = {}) {
  return read(`${BASE}/verifications`, params);
}

/** A page of signed checkpoints, newest first. */
export function listCheckpoints(params = {}) {
  return read(`${BASE}/checkpoints`, params);
}

export function getCheckpoint(number) {
  return read(`${BASE}/checkpoints/${id(number)}`);
}

/** The checkpoints' signing key: {algorithm, keyId, publicKeyPem}. */
export function checkpointKey() {
  return read(`${BASE}/checkpoints/key`);
}

/** That checkpoint `to` holds everything the earlier `from` held. */
export function consistency(to, from) {
  return read(`${BASE}/checkpoints/${id(to)}/consistency`, { from });
}

/** A replay's progress and result (minSequence: the command's answer). */
export function getReplay(replayId, minSequence) {
  return read(`${BASE}/replays/${id(replayId)}`, { minSequence });
}

/** A page of replays, newest first. */
export function listReplays(params = {}) {
  return read(`${BASE}/replays`, params);
}

/** The command paths (sent with useCommand, each with its Idempotency-Key). */
export const commands = {
  /** body {} (everything) or {service, aggregateId} */
  verify: () => `${BASE}/verifications`,
  /** no body */
  sign: () => `${BASE}/checkpoints`,
  /** body {} (the whole record) */
  replay: () => `${BASE}/replays`,
};
