// The audit screens' rules (审计), mirrored from the audit service (which decides): who may read what, the names of the
// services, finding kinds and time axes, the questions asked (as-of, difference, consistency) and how answers are
// shown (short event names, a timeline's verification and checkpoint, open findings by kind, a replay's progress).
import { formatNumber, share } from '../../utils/format.js';

/** Who reads the audited records (each within his scope: a secretary his branch's, a member his own). */
export const RECORD_READERS = ['AUDITOR', 'DISCIPLINE_INSPECTOR', 'COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'PARTY_MEMBER'];
/** Who reads the integrity findings, verifications and consistency proofs. */
export const INTEGRITY_READERS = ['AUDITOR', 'DISCIPLINE_INSPECTOR', 'PLATFORM_OPERATOR'];
/** Who verifies and replays. */
export const AUDITORS = ['AUDITOR'];
/** Who signs a checkpoint on request. */
export const CHECKPOINT_SIGNERS = ['AUDITOR', 'PLATFORM_OPERATOR'];

/** The services the audit service witnesses (each with a name in both languages). */
export const SERVICES = ['organisation', 'members', 'activities', 'discipline', 'audit'];
/** By which time an as-of or difference question is asked: when it happened, or when it was recorded. */
export const TIME_AXES = ['OCCURRED', 'RECORDED'];
export const FINDING_STATUSES = ['OPEN', 'RESOLVED'];
/** What the witness and the verifications find wrong, in the order the screens list them. */
export const FINDING_KINDS = ['HASH_MISMATCH', 'CHAIN_BROKEN', 'SEQUENCE_GAP', 'ALTERED_REDELIVERY', 'FORK', 'UNREADABLE_RECORD',
  'WRONG_TOPIC', 'STORE_BEHIND', 'STORE_HEAD_DIFFERS', 'STORE_MISSING', 'STORE_AHEAD', 'STORE_CHAIN_BROKEN', 'CHECKPOINT_INCONSISTENT'];
/** What a consistency proof finds wrong with a stream of the earlier checkpoint. */
export const CONSISTENCY_PROBLEMS = ['REMOVED', 'SHORTER', 'REWRITTEN'];
/** A running replay is read again this often. */
export const REPLAY_POLL_MS = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const trimmed = (value) => (typeof value === 'string' ? value.trim() : '');
const allows = (allowed) => (roles) => (roles || []).some((role) => allowed.includes(role));

export const mayReadRecords = allows(RECORD_READERS);
export const mayReadIntegrity = allows(INTEGRITY_READERS);
export const mayVerify = allows(AUDITORS);
export const maySign = allows(CHECKPOINT_SIGNERS);
export const mayReplay = allows(AUDITORS);

/**
 * An event type's short name, the part between its service and its version:
 * "org.dangjian.members.MemberAssessmentConcluded.v1" → "MemberAssessmentConcluded" (also when the name has dots of its
 * own after the service). Without the service the last name before the version.
 */
export function shortType(type, service) {
  const text = typeof type === 'string' ? type : '';
  const unversioned = text.replace(/\.v\d+$/, '');
  const marker = service ? `.${service}.` : null;
  if (marker && unversioned.includes(marker)) {
    return unversioned.substring(unversioned.lastIndexOf(marker) + marker.length);
  }
  const dot = unversioned.lastIndexOf('.');
  return dot >= 0 ? unversioned.substring(dot + 1) : unversioned;
}

/** The text of a key when the language has it, else the value as it came ('—' when there is none). */
export function named({ t, te }, key, value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  return te(key) ? t(key) : String(value);
}

export const serviceName = (i18n, service) => named(i18n, `audit.services.${service}`, service);
export const findingKindName = (i18n, kind) => named(i18n, `audit.findingKinds.${kind}`, kind);
export const roleName = (i18n, role) => named(i18n, `roles.${role}`, role);

/** Where the words of the enums a subject's label may hold are (an activity's kind, an assessment's type). */
const LABEL_ENUMS = ['activities.kinds', 'members.assessments.types'];

/**
 * A subject's label in the user's language: its parts (joined by " · ") that are enum constants the client knows
 * (THEME_PARTY_DAY) in words, the rest (names, periods, days) as they are.
 */
export function labelText({ t, te }, label) {
  if (!label) {
    return '—';
  }
  return String(label).split(' · ').map((part) => {
    if (/^[A-Z][A-Z0-9_]+$/.test(part)) {
      const key = LABEL_ENUMS.map((path) => `${path}.${part}`).find((candidate) => te(candidate));
      return key ? t(key) : part;
    }
    return part;
  }).join(' · ');
}

/** A subject kind's or subject's title in the user's language (the Chinese one when there is no English one). */
export function titleOf(thing, locale) {
  if (!thing) {
    return '';
  }
  return (locale === 'en' && thing.titleEn) ? thing.titleEn : (thing.title || thing.titleEn || thing.kind || '');
}

/** An ISO instant of a picked time (a Date, milliseconds, or a text), null when none or unreadable. */
export function instant(value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const date = value instanceof Date ? value : new Date(/^\d+$/.test(String(value)) ? Number(value) : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const axis = (by) => (TIME_AXES.includes(by) ? by : 'OCCURRED');
const partParam = (part) => trimmed(part) || undefined;

/** The as-of question for a picked moment: {at, by, part}; null until a moment is picked. */
export function asOfParams({ at, by, part } = {}) {
  const moment = instant(at);
  return moment ? { at: moment, by: axis(by), part: partParam(part) } : null;
}

/**
 * The difference question between two picked moments: {params: {from, to, by, part}}, {problem} (a message key) when
 * the second is not after the first, or null until both are picked.
 */
export function differenceParams({ from, to, by, part } = {}) {
  const start = instant(from);
  const end = instant(to);
  if (!start || !end) {
    return null;
  }
  if (Date.parse(end) <= Date.parse(start)) {
    return { problem: 'audit.problems.order' };
  }
  return { params: { from: start, to: end, by: axis(by), part: partParam(part) } };
}

/** A state value as text: '—' for none, JSON for lists and objects. */
export function valueText(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

/** The rows of an as-of state: each field with its value and the sequence of the event that set it (null if none). */
export function stateRows(asOf) {
  const state = asOf?.state || {};
  const setBy = asOf?.setBy || {};
  return Object.keys(state).map((field) => ({ field, value: valueText(state[field]), setBy: setBy[field] ?? null }));
}

/** The subjects' filters as the service takes them: ids trimmed and in lower case. */
export function subjectParams({ kind = '', memberId = '', unitId = '', ...rest } = {}) {
  return { ...rest, kind: trimmed(kind) || undefined, memberId: trimmed(memberId).toLowerCase() || undefined,
    unitId: trimmed(unitId).toLowerCase() || undefined };
}

/** Whether a typed id is empty or a UUID (anything else the service refuses: INVALID_ID). */
export function validId(value) {
  return !trimmed(value) || UUID.test(trimmed(value));
}

/** The timeline screen of a stream (or of one subject within it: part). */
export function timelineRoute(service, aggregateId, part) {
  return { name: 'audit-timeline', params: { service, aggregateId }, query: part ? { part } : {} };
}

/** The timeline screen a causation link leads to (another stream, in any service). */
export function linkRoute(link) {
  return link ? timelineRoute(link.service, link.aggregateId) : null;
}

/** Where the next page of a stream's timeline starts: after the last sequence shown. */
export function nextFrom(entries) {
  return entries?.length ? entries[entries.length - 1].sequence + 1 : 0;
}

/**
 * What an export says of a stream: its chain walked again (state 'intact' or 'broken' with the problems, 'unknown' before
 * the answer) and the checkpoint that holds it (number, root, key id, issued at, where its leaf is), or null.
 */
export function chainBadge(exported) {
  const verification = exported?.verification;
  const state = !verification ? 'unknown' : (verification.intact ? 'intact' : 'broken');
  const proof = exported?.checkpoint;
  const checkpoint = proof?.checkpoint ? { number: proof.checkpoint.number, root: proof.checkpoint.root, keyId: proof.checkpoint.keyId,
    issuedAt: proof.checkpoint.issuedAt, leafIndex: proof.leafIndex, treeSize: proof.treeSize, leaf: proof.leaf || null } : null;
  return { state, eventsChecked: verification?.eventsChecked ?? 0, head: verification?.head || null,
    problems: verification?.problems || [], checkpoint };
}

/** The open findings by kind ({KIND: count}) as rows: the known kinds in their order, then any other, none at 0. */
export function openCounts(openFindings) {
  const counts = openFindings || {};
  const known = FINDING_KINDS.filter((kind) => counts[kind] > 0);
  const others = Object.keys(counts).filter((kind) => !FINDING_KINDS.includes(kind) && counts[kind] > 0).sort();
  return [...known, ...others].map((kind) => ({ kind, count: counts[kind] }));
}

/** Where a finding comes from: the witness as events arrived, or a verification (with its id). */
export function findingSource(source) {
  const text = trimmed(source);
  if (text === 'witness') {
    return { kind: 'witness', id: null };
  }
  const verification = /^verification\s+(\S+)$/.exec(text);
  return verification ? { kind: 'verification', id: verification[1] } : { kind: 'other', id: text || null };
}

/** Whether checkpoint `to` may be checked against the earlier `from`: a message key, or null when it may. */
export function consistencyProblem(from, to) {
  const earlier = Number(from);
  const later = Number(to);
  if (!Number.isInteger(earlier) || !Number.isInteger(later) || earlier < 1 || later < 1) {
    return 'audit.problems.checkpointNumbers';
  }
  return earlier < later ? null : 'audit.problems.checkpointOrder';
}

/** A replay's id (its record is listed with `_id`, read alone with `id`). */
export const replayId = (replay) => replay?.id ?? replay?._id ?? null;

/** Whether a replay still runs (a listed one says so by not being finished). */
export function replayRunning(replay) {
  if (!replay) {
    return false;
  }
  return replay.state ? replay.state === 'RUNNING' : !replay.finishedAt;
}

/**
 * A replay's progress: events done of the total, the share in whole percent (0 while the total is not counted yet),
 * the rate in events a second and the seconds left (null when not known).
 */
export function replayProgress(replay) {
  const running = replayRunning(replay);
  const total = Number(replay?.eventsTotal) || 0;
  const done = running ? Number(replay?.eventsDone) || 0 : Number(replay?.eventsReplayed ?? replay?.eventsDone ?? total) || 0;
  const percent = running ? (total > 0 ? Math.floor(100 * share(done, total)) : 0) : 100;
  const rate = Number.isFinite(Number(replay?.ratePerSecond)) && replay?.ratePerSecond !== null ? Number(replay.ratePerSecond) : null;
  const secondsLeft = running && Number.isFinite(Number(replay?.secondsLeft)) && replay?.secondsLeft !== null
    ? Math.max(0, Number(replay.secondsLeft)) : null;
  return { running, done, total, percent, rate, secondsLeft };
}

/** Seconds as hours, minutes and seconds (rounded up to a whole second). */
export function durationParts(seconds) {
  const whole = Math.max(0, Math.ceil(Number(seconds) || 0));
  return { h: Math.floor(whole / 3600), m: Math.floor((whole % 3600) / 60), s: whole % 60 };
}

/** Seconds as text: 1 小时 2 分 3 秒 / 1 h 2 min 3 s. */
export function durationText(seconds, t) {
  const { h, m, s } = durationParts(seconds);
  if (h > 0) {
    return t('audit.duration.hms', { h, m, s });
  }
  return m > 0 ? t('audit.duration.minSec', { m, s }) : t('audit.duration.sec', { s });
}

/** A replay's progress as one line: events done of all, the rate, the time left. */
export function progressText(replay, t, lang = 'zh-CN') {
  const p = replayProgress(replay);
  const parts = [t('audit.replay.events', { done: formatNumber(p.done, lang), total: formatNumber(p.total, lang) })];
  if (p.rate !== null) {
    parts.push(t('audit.replay.rate', { rate: formatNumber(Math.round(p.rate), lang) }));
  }
  if (p.running && p.secondsLeft !== null) {
    parts.push(t('audit.replay.left', { time: durationText(p.secondsLeft, t) }));
  }
  return parts.join(' · ');
}

/** The file an exported timeline is saved as: audit-<service>-<aggregateId>.json. */
export function exportFileName(service, aggregateId) {
  const safe = (text) => String(text || '').replace(/[^A-Za-z0-9_.-]/g, '_');
  return `audit-${safe(service)}-${safe(aggregateId)}.json`;
}
