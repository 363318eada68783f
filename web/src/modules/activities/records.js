// 学习与实践 (learning and practice records: 学习教育, "我为群众办实事", 调研报告, 群众性活动), mirrored from the
// service (which decides): what each kind asks for, the bodies of 登记 and 更正 (a correction sends only what
// changes), the steps the user may take, and what each event of a record's timeline says.
import { eventName } from '../../utils/format.js';
import { mayManage } from './activities.js';

export const ENGAGEMENT_KINDS = ['LEARNING', 'DEED', 'RESEARCH_REPORT', 'MASS_ACTIVITY'];
export const LEARNING_FORMS = ['CENTRALISED_STUDY', 'THEMATIC_SEMINAR', 'ONLINE_LEARNING', 'READING_CLASS'];
export const TITLE_MAX = 200;
export const TEXT_MAX = 2000;
export const EVIDENCE_MAX = 20;
export const EVIDENCE_TEXT_MAX = 300;
export const PARTICIPANTS_MAX = 500;

const length = (text) => [...(text ?? '').normalize('NFC')].length;
const trimmed = (text) => (text ?? '').trim();

/** Hours per participant as the service takes them: more than 0, at most 24, in steps of 0.5. */
export function validHours(hours) {
  const value = Number(hours);
  return hours !== '' && hours !== null && hours !== undefined && Number.isFinite(value) && value > 0 && value <= 24
    && Number.isInteger(value * 2);
}

/** The evidence references typed one per line: trimmed, blank lines left out. */
export function evidenceLines(text) {
  return (text ?? '').split('\n').map((line) => line.trim()).filter((line) => line);
}

/** A report's participants hold its authors: the participants chosen, then any author not among them. */
export function withAuthors(participants, authors) {
  const all = [...(participants || [])];
  (authors || []).forEach((author) => {
    if (!all.includes(author)) {
      all.push(author);
    }
  });
  return all;
}

/**
 * The message key for a 登记 form the service would refuse, or null: a title (at most 200), a day, hours (a report may
 * have none), 1 to 500 participants, at most 20 evidence references of at most 300 characters each; learning names
 * its form, a report its authors and summary.
 */
export function recordProblem(form) {
  if (!trimmed(form.title)) {
    return 'records.problems.title';
  }
  if (length(form.title) > TITLE_MAX) {
    return 'records.problems.titleTooLong';
  }
  if (!form.date) {
    return 'records.problems.date';
  }
  const noHours = form.hours === '' || form.hours === null || form.hours === undefined;
  if (noHours ? form.kind !== 'RESEARCH_REPORT' : !validHours(form.hours)) {
    return 'records.problems.hours';
  }
  if (form.kind === 'LEARNING' && !form.learningForm) {
    return 'records.problems.learningForm';
  }
  if (form.kind === 'RESEARCH_REPORT') {
    if (!(form.authors || []).length) {
      return 'records.problems.authors';
    }
    if (!trimmed(form.summary)) {
      return 'records.problems.summary';
    }
  }
  const participants = form.kind === 'RESEARCH_REPORT' ? withAuthors(form.participants, form.authors) : form.participants || [];
  if (!participants.length) {
    return 'records.problems.participants';
  }
  if (participants.length > PARTICIPANTS_MAX) {
    return 'records.problems.tooManyParticipants';
  }
  return evidenceProblem(form.evidence) || textProblem(form.description) || textProblem(form.summary);
}

/** The message key for evidence references (one per line) the service would refuse, or null. */
export function evidenceProblem(text) {
  const lines = evidenceLines(text);
  if (lines.length > EVIDENCE_MAX) {
    return 'records.problems.tooManyEvidence';
  }
  if (lines.some((line) => length(line) > EVIDENCE_TEXT_MAX)) {
    return 'records.problems.evidenceTooLong';
  }
  if (new Set(lines).size !== lines.length) {
    return 'records.problems.evidenceTwice';
  }
  return null;
}

function textProblem(text) {
  return length(text) > TEXT_MAX ? 'records.problems.textTooLong' : null;
}

/** The body of 登记: what every kind has, then what the kind adds; empty optional fields left out. */
export function recordBody(form) {
  const body = { id: form.id, kind: form.kind, branchId: form.branchId, title: trimmed(form.title), date: form.date,
    participants: form.kind === 'RESEARCH_REPORT' ? withAuthors(form.participants, form.authors) : [...(form.participants || [])] };
  if (validHours(form.hours)) {
    body.hours = Number(form.hours);
  }
  const evidence = evidenceLines(form.evidence);
  if (evidence.length) {
    body.evidence = evidence;
  }
  if (trimmed(form.description)) {
    body.description = trimmed(form.description);
  }
  if (form.kind === 'LEARNING') {
    body.learningForm = form.learningForm;
  }
  if (form.kind === 'RESEARCH_REPORT') {
    body.authors = [...form.authors];
    body.summary = trimmed(form.summary);
  }
  if (form.kind === 'MASS_ACTIVITY' && form.organiserId) {
    body.organiserId = form.organiserId;
  }
  return body;
}

/** A correction form filled from the record as it stands. */
export function correctionForm(record) {
  return {
    reason: '',
    title: record.title || '',
    date: record.date || '',
    hours: record.hours ?? undefined,
    participants: (record.participants || []).map((p) => p.memberId),
    evidence: (record.evidence || []).join('\n'),
    description: record.description || '',
    learningForm: record.learningForm || '',
    authors: (record.authors || []).map((p) => p.memberId),
    summary: record.summary || '',
    organiserId: record.organiserId || record.branchId,
    completedOn: record.completedOn || '',
    result: record.result || '',
  };
}

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The body of 更正: the reason and only the fields that differ from the record (a list as a whole). */
export function correctionBody(record, form) {
  const was = correctionForm(record);
  const body = { reason: trimmed(form.reason) };
  if (trimmed(form.title) !== was.title) {
    body.title = trimmed(form.title);
  }
  if (form.date && form.date !== was.date) {
    body.date = form.date;
  }
  if (validHours(form.hours) && Number(form.hours) !== Number(was.hours)) {
    body.hours = Number(form.hours);
  }
  const participants = record.kind === 'RESEARCH_REPORT' ? withAuthors(form.participants, form.authors) : form.participants || [];
  if (!sameSet(participants, was.participants)) {
    body.participants = participants;
  }
  const evidence = evidenceLines(form.evidence);
  if (!sameList(evidence, evidenceLines(was.evidence))) {
    body.evidence = evidence;
  }
  if (trimmed(form.description) && trimmed(form.description) !== was.description) {
    body.description = trimmed(form.description);
  }
  if (record.kind === 'LEARNING' && form.learningForm && form.learningForm !== was.learningForm) {
    body.learningForm = form.learningForm;
  }
  if (record.kind === 'RESEARCH_REPORT') {
    if ((form.authors || []).length && !sameSet(form.authors, was.authors)) {
      body.authors = [...form.authors];
    }
    if (trimmed(form.summary) && trimmed(form.summary) !== was.summary) {
      body.summary = trimmed(form.summary);
    }
  }
  if (record.kind === 'MASS_ACTIVITY' && form.organiserId && form.organiserId !== was.organiserId) {
    body.organiserId = form.organiserId;
  }
  if (record.kind === 'DEED' && record.state === 'COMPLETED') {
    if (form.completedOn && form.completedOn !== was.completedOn) {
      body.completedOn = form.completedOn;
    }
    if (trimmed(form.result) && trimmed(form.result) !== was.result) {
      body.result = trimmed(form.result);
    }
  }
  return body;
}

/** Whether a correction body changes anything (the service refuses one that does not: ENGAGEMENT_UNCHANGED). */
export function changesSomething(body) {
  return Object.keys(body).some((key) => key !== 'reason');
}

/** The steps the user may take on a record: a committed deed is completed (办结); any record is corrected (更正). */
export function engagementActions(record, roles, org) {
  if (!record || !mayManage(record.branchId, roles, org)) {
    return [];
  }
  return record.kind === 'DEED' && record.state === 'COMMITTED' ? ['complete', 'correct'] : ['correct'];
}

/** What a record's event says, for the timeline: its label and facts. */
export function describeEngagementEvent(entry, { t, te }, memberName = (id) => id) {
  const type = eventName(entry.type);
  const data = entry.data || {};
  const label = te(`records.events.${type}`) ? t(`records.events.${type}`) : type;
  const facts = [];
  const add = (key, value) => {
    if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && !value.length && key !== 'evidence')) {
      facts.push({ label: t(`records.${key}`), value: Array.isArray(value) ? value.join('、') || '—' : value });
    }
  };
  if (type === 'EngagementRecorded') {
    add('kind', data.kind && t(`records.kinds.${data.kind}`));
  }
  add('reason', data.reason && type === 'EngagementCorrected' ? data.reason : undefined);
  add('title', data.title);
  add(type === 'DeedCompleted' ? 'completedOn' : 'date', data.date);
  add('hours', data.hours);
  add('learningForm', data.learningForm && t(`records.forms.${data.learningForm}`));
  add('participants', data.participants && data.participants.map(memberName));
  add('authors', data.authors && data.authors.map(memberName));
  add('summary', data.summary);
  add('evidence', type === 'EngagementRecorded' && !(data.evidence || []).length ? undefined : data.evidence);
  add('description', data.description);
  add('completedOn', data.completedOn);
  add('result', data.result);
  return { label, facts };
}
