// The discipline supervision screens' rules (纪检监督), mirrored from the service (which decides): who may take which
// step on an inspection, talk or inquiry, case or selection supervision record in each state (discipline inspectors
// only; auditors read), each step's form (its fields, their checks and the body sent), and what each event of a
// record's timeline says.
import { eventName } from '../../utils/format.js';

/** Who may see the discipline screens: inspectors (every command and read) and auditors (every read, the access log). */
export const READERS = ['DISCIPLINE_INSPECTOR', 'AUDITOR'];
export const INSPECTOR = 'DISCIPLINE_INSPECTOR';

export const INSPECTION_TARGETS = ['WINDOW', 'SECTION'];
export const INSPECTION_MODES = ['OPEN', 'UNANNOUNCED'];
export const SEVERITIES = ['MINOR', 'GENERAL', 'SERIOUS'];
export const INSPECTION_STATES = ['PLANNED', 'CARRIED_OUT', 'RECTIFICATION_REQUIRED', 'RECTIFICATION_REPORTED', 'RECTIFIED', 'CLOSED'];
export const ROUND_STEPS = ['REPORTED', 'SENT_BACK', 'ACCEPTED'];
/** The talks held (a written inquiry is issued, not held: INQUIRY_IS_ISSUED). */
export const HELD_KINDS = ['INTEGRITY_TALK', 'INTERVIEW', 'ADMONISHMENT_TALK', 'REMINDER'];
export const TALK_KINDS = [...HELD_KINDS, 'WRITTEN_INQUIRY'];
export const TALK_STATES = ['HELD', 'ISSUED', 'ANSWERED', 'CONCLUDED'];
export const CASE_TYPES = ['ACCOUNTABILITY', 'SANCTION'];
export const SANCTIONS = ['WARNING', 'SERIOUS_WARNING', 'REMOVAL_FROM_PARTY_POSTS', 'PROBATION_WITHIN_THE_PARTY', 'EXPULSION'];
export const MEASURES = ['NOTICE', 'ADMONISHMENT', 'ORGANISATIONAL_ADJUSTMENT'];
export const CASE_STATES = ['OPEN', 'PROPOSED', 'DECIDED', 'IN_EFFECT', 'ENDED'];
export const SELECTION_STAGES = ['MOTION', 'DEMOCRATIC_RECOMMENDATION', 'INSPECTION', 'DISCUSSION_DECISION', 'PUBLICITY'];
export const SELECTION_STATES = ['OPEN', 'CONCLUDED'];
export const RECORD_KINDS = ['INSPECTION', 'TALK', 'CASE', 'SELECTION_SUPERVISION'];
export const RECORD_VIEWS = ['DETAIL', 'TIMELINE', 'VERIFICATION'];
/** At most this many names or evidence references in a list (INVALID_LIST). */
export const LIST_MAX = 20;

/** The detail screen of each kind of record, by the access log's record kind. */
export const RECORD_ROUTES = { INSPECTION: 'discipline-inspection', TALK: 'discipline-talk', CASE: 'discipline-case',
  SELECTION_SUPERVISION: 'discipline-selection' };

/** Whether the user takes the steps (only discipline inspectors; auditors read). */
export function mayCommand(roles) {
  return (roles || []).includes(INSPECTOR);
}

/**
 * The steps on an inspection: a planned one is carried out (实施); a carried-out one gets its findings (登记问题) and
 * then rectification required (责令整改) when it has any, or is closed (办结) when it has none; a required
 * rectification is reported (整改报告), a report verified (整改验收: accepted or sent back), an accepted one closed.
 */
export function inspectionActions(inspection, roles) {
  if (!inspection || !mayCommand(roles)) {
    return [];
  }
  switch (inspection.state) {
    case 'PLANNED': return ['carryOut'];
    case 'CARRIED_OUT': return (inspection.findings || []).length ? ['finding', 'require'] : ['finding', 'close'];
    case 'RECTIFICATION_REQUIRED': return ['report'];
    case 'RECTIFICATION_REPORTED': return ['verify'];
    case 'RECTIFIED': return ['close'];
    default: return [];
  }
}

/** The steps on a talk or inquiry: a talk held is concluded (了结); an inquiry issued is answered (登记回复), then concluded. */
export function talkActions(talk, roles) {
  if (!talk || !mayCommand(roles)) {
    return [];
  }
  switch (talk.state) {
    case 'HELD': return ['conclude'];
    case 'ISSUED': return ['answer'];
    case 'ANSWERED': return ['conclude'];
    default: return [];
  }
}

/**
 * The steps on a case: an open one gets a proposal (处理意见), a proposed one another proposal or its decision (处理决定);
 * a sanction in effect ends (处分期满或撤销); an accountability decided and a sanction ended take none.
 */
export function caseActions(matter, roles) {
  if (!matter || !mayCommand(roles)) {
    return [];
  }
  switch (matter.state) {
    case 'OPEN': return ['propose'];
    case 'PROPOSED': return ['propose', 'decide'];
    case 'IN_EFFECT': return matter.type === 'SANCTION' ? ['end'] : [];
    default: return [];
  }
}

/** The steps on a selection supervision record: an open one has its stages checked (环节检查) and is concluded (监督结论). */
export function selectionActions(record, roles) {
  return record && mayCommand(roles) && record.state === 'OPEN' ? ['check', 'conclude'] : [];
}

/** The steps on a record of a kind (inspection, talk, case, selection). */
export function recordActions(kind, record, roles) {
  return { inspection: inspectionActions, talk: talkActions, case: caseActions, selection: selectionActions }[kind]?.(record, roles) || [];
}

/** The stages whose latest check found them not compliant (the selection is then not concluded compliant: STAGE_NOT_COMPLIANT). */
export function nonCompliantStages(record) {
  return (record?.latestByStage || []).filter((check) => !check.compliant).map((check) => check.stage);
}

/** The latest check of each stage, in the stages' order; null for a stage not checked yet. */
export function stageRows(record) {
  const latest = new Map((record?.latestByStage || []).map((check) => [check.stage, check]));
  return SELECTION_STAGES.map((stage) => ({ stage, check: latest.get(stage) || null }));
}

const latestOf = (...days) => days.filter(Boolean).sort().pop() || null;

/** The day of the record's previous dated step: a step's day is not before it (DATE_BEFORE_PREVIOUS_STEP); null when none. */
export function previousStepDay(kind, record, action) {
  if (!record) {
    return null;
  }
  if (kind === 'inspection') {
    return ['report', 'verify', 'close'].includes(action) ? latestOf(record.carriedOutOn, ...(record.rounds || []).map((r) => r.date)) : null;
  }
  if (kind === 'talk') {
    return latestOf(record.date, record.answeredOn);
  }
  if (kind === 'case') {
    return ['propose', 'decide'].includes(action) ? latestOf(record.date, ...(record.proposals || []).map((p) => p.date)) : null;
  }
  if (kind === 'selection') {
    return latestOf(record.date, ...(record.checks || []).map((c) => c.date));
  }
  return null;
}

// the forms' fields: day (past: not after today; after/notBefore: another day), name (one line), text (free text),
// lines (one entry a line), choice (one of options), yesNo, member, branch, measure (a case's sanction or measure)
const day = (name, more = {}) => ({ name, type: 'day', ...more });
const past = (name, more = {}) => day(name, { past: true, ...more });
const name = (field, max, more = {}) => ({ name: field, type: 'name', max, ...more });
const text = (field, max, more = {}) => ({ name: field, type: 'text', max, ...more });
const lines = (field, entryMax, more = {}) => ({ name: field, type: 'lines', entryMax, min: 0, ...more });
const choice = (field, options, group, more = {}) => ({ name: field, type: 'choice', options, group, ...more });
const yesNo = (field) => ({ name: field, type: 'yesNo' });
const member = () => ({ name: 'memberId', type: 'member' });
const previous = { notBefore: 'previous' };

/** Every step's form, by record kind and step: its fields in order. */
export const STEPS = {
  inspection: {
    plan: [choice('target', INSPECTION_TARGETS, 'targets'), name('targetName', 200), { name: 'branchId', type: 'branch', optional: true },
      choice('mode', INSPECTION_MODES, 'modes'), day('plannedDate'), lines('inspectors', 100, { min: 1 }), text('focus', 2000, { optional: true })],
    carryOut: [past('date'), text('summary', 4000)],
    finding: [text('description', 2000), choice('severity', SEVERITIES, 'severities'), lines('evidence', 300)],
    require: [text('requirement', 2000), day('deadline', { notBefore: 'carriedOutOn' }), name('responsible', 200)],
    report: [past('date', previous), text('report', 4000), lines('evidence', 300)],
    verify: [past('date', previous), yesNo('accepted'), text('opinion', 2000)],
    close: [past('date', previous), text('conclusion', 2000)],
  },
  talk: {
    hold: [choice('kind', HELD_KINDS, 'talkKinds'), member(), past('date'), lines('talkers', 100, { min: 1 }), text('content', 4000),
      text('basis', 500)],
    issue: [member(), past('date'), text('questions', 4000), day('dueDate', { notBefore: 'date' }), text('basis', 500)],
    answer: [past('date', previous), text('answer', 8000)],
    conclude: [past('date', previous), text('outcome', 2000)],
  },
  case: {
    open: [choice('type', CASE_TYPES, 'caseTypes'), member(), text('matter', 4000), text('basis', 500), past('date')],
    propose: [{ name: 'measure', type: 'measure' }, text('reasons', 4000), past('date', previous)],
    decide: [{ name: 'measure', type: 'measure' }, text('basis', 2000), past('date', previous), past('effectiveFrom', { notBefore: 'date' }),
      day('effectiveUntil', { optional: true, after: 'effectiveFrom', sanctionOnly: true })],
    end: [past('endedOn', { after: 'effectiveFromOfDecision' }), text('reason', 500)],
  },
  selection: {
    open: [name('position', 200), name('unitName', 200), past('date'), text('description', 2000, { optional: true })],
    check: [choice('stage', SELECTION_STAGES, 'stages'), past('date', previous), yesNo('compliant'), text('note', 2000, { optional: true })],
    conclude: [past('date', previous), yesNo('compliant'), text('opinion', 2000)],
  },
};

/** The steps that create a record (their body carries a new id). */
export const CREATIONS = { inspection: 'plan', talk: ['hold', 'issue'], case: 'open', selection: 'open' };
const creates = (kind, action) => [].concat(CREATIONS[kind]).includes(action);

/** The fields of a step's form for this record (a sanction's decision has its period of effect, an accountability's none). */
export function fieldsOf(kind, action, record = null) {
  return (STEPS[kind]?.[action] || []).filter((field) => !field.sanctionOnly || record?.type === 'SANCTION');
}

/** The options of a case's measure field: a sanction case's sanctions, an accountability case's measures. */
export function measureOptions(record) {
  return record?.type === 'SANCTION' ? { options: SANCTIONS, group: 'sanctions' } : { options: MEASURES, group: 'measures' };
}

/** A step's form as it opens: today for the days something happened, the first choice, the last proposal for a decision. */
export function blankForm(kind, action, record = null, today = '') {
  const form = {};
  fieldsOf(kind, action, record).forEach((field) => {
    if (field.type === 'day') {
      form[field.name] = field.past || field.name === 'plannedDate' ? today : '';
    } else if (field.type === 'choice') {
      form[field.name] = field.options[0];
    } else if (field.type === 'yesNo') {
      form[field.name] = null;
    } else if (field.type === 'measure') {
      const last = (record?.proposals || []).at(-1);
      form[field.name] = (record?.type === 'SANCTION' ? last?.sanction : last?.measure) || '';
    } else {
      form[field.name] = '';
    }
  });
  if (kind === 'case' && action === 'end' && record?.decision?.effectiveUntil && record.decision.effectiveUntil <= today) {
    form.endedOn = record.decision.effectiveUntil; // 影响期满: the first day no longer in effect
  }
  return form;
}

const length = (value) => [...(value ?? '').normalize('NFC')].length;
const trimmed = (value) => (value ?? '').trim();

/** The entries typed one per line: trimmed, blank lines left out. */
export function entryLines(value) {
  return (value ?? '').split('\n').map((line) => line.trim()).filter((line) => line);
}

/** The day another field of the form or the record says a day may not be before (or must be after). */
function boundOf(bound, form, record, kind, action) {
  switch (bound) {
    case 'previous': return previousStepDay(kind, record, action);
    case 'carriedOutOn': return record?.carriedOutOn || null;
    case 'effectiveFromOfDecision': return record?.decision?.effectiveFrom || null;
    default: return form[bound] || null;
  }
}

/**
 * The message key for a field the service would refuse, or null: a required value missing, a text too long, a list
 * too short, too long or naming an entry twice, a day in the future or before (not after) the day it follows.
 * Messages take {field}, {max} and {day}: see problemParams.
 */
export function fieldProblem(field, form, { kind, action, record = null, today = '' } = {}) {
  const value = form[field.name];
  switch (field.type) {
    case 'name':
    case 'text': {
      if (!trimmed(value)) {
        return field.optional ? null : 'discipline.problems.required';
      }
      if (field.type === 'name' && /[\n\r\u2028\u2029]/.test(trimmed(value))) {
        return 'discipline.problems.oneLine';
      }
      return length(trimmed(value)) > field.max ? 'discipline.problems.tooLong' : null;
    }
    case 'lines': {
      const entries = entryLines(value);
      if (entries.length < field.min) {
        return 'discipline.problems.required';
      }
      if (entries.length > LIST_MAX) {
        return 'discipline.problems.tooMany';
      }
      if (entries.some((entry) => length(entry) > field.entryMax)) {
        return 'discipline.problems.entryTooLong';
      }
      return new Set(entries).size === entries.length ? null : 'discipline.problems.twice';
    }
    case 'day': {
      if (!value) {
        return field.optional ? null : 'discipline.problems.required';
      }
      if (field.past && today && value > today) {
        return 'discipline.problems.future';
      }
      const notBefore = field.notBefore && boundOf(field.notBefore, form, record, kind, action);
      if (notBefore && value < notBefore) {
        return { previous: 'discipline.problems.beforePrevious', carriedOutOn: 'discipline.problems.deadlineBeforeInspection',
          date: kind === 'talk' ? 'discipline.problems.dueBeforeIssue' : 'discipline.problems.effectBeforeDecision' }[field.notBefore];
      }
      const after = field.after && boundOf(field.after, form, record, kind, action);
      if (after && value <= after) {
        return field.after === 'effectiveFrom' ? 'discipline.problems.invalidPeriod' : 'discipline.problems.endBeforeEffect';
      }
      return null;
    }
    case 'yesNo':
      if (value !== true && value !== false) {
        return 'discipline.problems.choose';
      }
      if (kind === 'selection' && action === 'conclude' && value === true && nonCompliantStages(record).length) {
        return 'discipline.problems.stageNotCompliant';
      }
      return null;
    case 'branch':
      return null;
    default:
      return value ? null : 'discipline.problems.choose';
  }
}

/** The values a field's message names: its label, its limit, the day it may not be before. */
export function problemParams(field, form, { kind, action, record = null } = {}) {
  const bound = field.notBefore || field.after;
  return { max: field.max ?? field.entryMax ?? LIST_MAX, day: bound ? boundOf(bound, form, record, kind, action) || '' : '' };
}

/** Whether a whole form would be refused (the first field problem), or null. */
export function formProblem(kind, action, form, { record = null, today = '' } = {}) {
  for (const field of fieldsOf(kind, action, record)) {
    const problem = fieldProblem(field, form, { kind, action, record, today });
    if (problem) {
      return problem;
    }
  }
  return null;
}

/**
 * The body of a step: each field as the service takes it (texts trimmed, lists one per line, a case's measure as
 * `sanction` or `measure` by its type); optional fields left out when empty; a creation carries the new record's id.
 */
export function stepBody(kind, action, form, record = null) {
  const body = creates(kind, action) && form.id ? { id: form.id } : {};
  fieldsOf(kind, action, record).forEach((field) => {
    const value = form[field.name];
    switch (field.type) {
      case 'name':
      case 'text':
        if (trimmed(value)) {
          body[field.name] = trimmed(value);
        }
        break;
      case 'lines': {
        const entries = entryLines(value);
        if (entries.length || field.min > 0) {
          body[field.name] = entries;
        }
        break;
      }
      case 'yesNo':
        body[field.name] = value === true;
        break;
      case 'measure':
        body[record?.type === 'SANCTION' ? 'sanction' : 'measure'] = value;
        break;
      default:
        if (value) {
          body[field.name] = value;
        }
    }
  });
  return body;
}

/** The tag colour of a record's state. */
export function stateType(state, overdue = false) {
  if (overdue) {
    return 'danger';
  }
  if (['CLOSED', 'CONCLUDED', 'ENDED', 'DECIDED', 'RECTIFIED'].includes(state)) {
    return 'success';
  }
  if (['RECTIFICATION_REQUIRED', 'ISSUED', 'IN_EFFECT'].includes(state)) {
    return 'warning';
  }
  return 'primary';
}

/** The access log's query: a record id and a reader as typed (trimmed; the id in lower case), a time range as ISO instants. */
export function accessLogParams({ record = '', reader = '', range = null, ...rest } = {}) {
  const instant = (value) => (value === null || value === undefined || value === '' ? undefined : new Date(value).toISOString());
  return { ...rest, record: trimmed(record).toLowerCase() || undefined, reader: trimmed(reader) || undefined,
    from: instant(range?.[0]), to: instant(range?.[1]) };
}

/** Whether a record id typed in the access log's filter is a UUID (anything else the service refuses: INVALID_ID). */
export function validRecordId(value) {
  return !trimmed(value) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed(value));
}

// the facts of an event, in this order; a field may be labelled by its event (实施日期, 报告日期, …)
const FACTS = ['target', 'targetName', 'branchId', 'mode', 'plannedDate', 'inspectors', 'focus', 'type', 'kind', 'memberId', 'position',
  'unitName', 'findingNo', 'severity', 'stage', 'sanction', 'measure', 'date', 'summary', 'description', 'requirement', 'deadline',
  'responsible', 'report', 'accepted', 'compliant', 'opinion', 'conclusion', 'talkers', 'content', 'questions', 'dueDate', 'answer', 'outcome',
  'matter', 'reasons', 'effectiveFrom', 'effectiveUntil', 'endedOn', 'reason', 'note', 'evidence', 'sanctionId'];
const ENUMS = { target: 'targets', mode: 'modes', severity: 'severities', kind: 'talkKinds', type: 'caseTypes', sanction: 'sanctions',
  measure: 'measures', stage: 'stages' };

/**
 * What an event of a discipline record's timeline says: its label and facts (choices and yes/no in words, lists joined,
 * members and the branch by name). The basis (依据) is the timeline's own line on talks and cases, so it is not repeated.
 */
export function describeDisciplineEvent(entry, { t, te }, memberName = (id) => id, unitName = (id) => id, { basisShown = false } = {}) {
  const type = eventName(entry.type);
  const data = entry.data || {};
  const label = te(`discipline.events.${type}`) ? t(`discipline.events.${type}`) : type;
  const facts = [];
  const add = (key, value) => {
    if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && !value.length)) {
      facts.push({ label: t(key), value: Array.isArray(value) ? value.join('、') : value });
    }
  };
  // a field's label as the event names it (实施日期, 验收意见, …), else the field's own
  const labelOf = (field) => (te(`discipline.eventFields.${type}.${field}`) ? `discipline.eventFields.${type}.${field}` : `discipline.fields.${field}`);
  FACTS.forEach((field) => {
    const value = data[field];
    if (value === undefined || value === null) {
      return;
    }
    if (ENUMS[field]) {
      add(labelOf(field), t(`discipline.${ENUMS[field]}.${value}`));
    } else if (field === 'accepted' || field === 'compliant') {
      add(labelOf(field), t(`discipline.choices.${field}.${value ? 'yes' : 'no'}`));
    } else if (field === 'memberId') {
      add('discipline.fields.member', memberName(value));
    } else if (field === 'branchId') {
      add('discipline.fields.branch', unitName(value));
    } else {
      add(labelOf(field), value);
    }
  });
  if (!basisShown) {
    add('discipline.fields.basis', data.basis);
  }
  return { label, facts };
}
