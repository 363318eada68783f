// 组织工作: the committee's year of work (docs/organisation.md) as the screens mirror it — terms and elections
// (换届选举), annual work plans and their tasks (年度工作要点), responsibility and task lists (责任清单, 任务清单), unit
// assessments by versioned criteria (组织评定) and the branch secretaries' dual report and dual evaluation (双述双评).
// Who may take which step, each command's form (its fields, their checks and the body sent), and what each event of a
// record's timeline says. The organisation service decides; these rules only spare the user a refusal.
import { eventName } from '../../utils/format.js';
import { KINDS } from './structure.js';

export const STAFF = 'COMMITTEE_STAFF';
export const SECRETARY = 'BRANCH_SECRETARY';
/** Who reads terms, criteria, assessments, plans, tasks and lists (departments and operators: none of it). */
export const WORK_READERS = ['COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'PARTY_MEMBER', 'DISCIPLINE_INSPECTOR', 'AUDITOR'];
/** Who reads 双述双评 reports: party members do not. */
export const REPORT_READERS = ['COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'DISCIPLINE_INSPECTOR', 'AUDITOR'];

/** The kinds of unit with a committee, hence a term (UNIT_NOT_ELECTIVE for the others). */
export const ELECTIVE_KINDS = ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'];
export const UNIT_KINDS = KINDS;
export const TERM_STATES = ['CALLED', 'ELECTED', 'IN_OFFICE', 'SUPERSEDED'];
export const WARNINGS = ['OVERDUE', 'DUE_SOON'];
/** The term list's warning filter: ANY lists both kinds. */
export const WARNING_FILTERS = ['ANY', ...WARNINGS];
export const TERM_YEARS = [3, 5];
export const POSITIONS = ['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER'];
export const TASK_STATES = ['ASSIGNED', 'IN_PROGRESS', 'DONE', 'RETURNED', 'ACCEPTED'];
export const LIST_KINDS = ['RESPONSIBILITY', 'TASK'];
/** An assessment's states (docs/organisation.md names CONCLUDED; OPEN is the one before it). */
export const ASSESSMENT_STATES = ['OPEN', 'CONCLUDED'];
export const REPORT_STATES = ['SUBMITTED', 'CONCLUDED'];
export const RATINGS = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'];
const RATING_POINTS = { EXCELLENT: 4, GOOD: 3, FAIR: 2, POOR: 1 };
/** An area whose facts the platform supplies: the unit's published "三会一课" compliance. */
export const COMPLIANCE_SOURCE = 'activities.compliance';
export const FACTS_SOURCES = [COMPLIANCE_SOURCE];
export const PLAN_TEXT_MAX = 200_000;
export const CRITERIA_CODE = /^[a-z][a-z0-9-]{1,39}$/;
export const AREA_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
export const AREAS_MAX = 20;
export const GRADES_MAX = 10;
export const DEPUTIES_MAX = 2;

const has = (roles, role) => (roles || []).includes(role);

/** Whether the user takes the committee's steps (everything but a secretary's own progress reports and 双述双评 report). */
export function mayManage(roles) {
  return has(roles, STAFF);
}

/** Whether the user may report a task's progress: staff, or the secretary of the branch that owns it. */
export function mayReportProgress(task, roles, org) {
  return !!task && (mayManage(roles) || (has(roles, SECRETARY) && !!org && org === task.ownerUnitId));
}

/** Whether the user may submit a 双述双评 report: staff (any branch), or a secretary (his own branch). */
export function maySubmitReport(roles) {
  return mayManage(roles) || has(roles, SECRETARY);
}

/**
 * The steps on a term: a called election gets its result (录入选举结果), an elected committee its approval (批复); for the
 * unit's term in office the next election may be called (召开选举).
 */
export function termActions(term, roles) {
  if (!term || !mayManage(roles)) {
    return [];
  }
  return { CALLED: ['result'], ELECTED: ['approval'], IN_OFFICE: term.current === false ? [] : ['callElection'] }[term.state] || [];
}

/** The steps on a task: its progress reported until done (again once sent back), a done one accepted or sent back. */
export function taskActions(task, roles, org) {
  if (!task) {
    return [];
  }
  const actions = [];
  if (['ASSIGNED', 'IN_PROGRESS', 'RETURNED'].includes(task.state) && mayReportProgress(task, roles, org)) {
    actions.push('progress');
  }
  if (task.state === 'DONE' && mayManage(roles)) {
    actions.push('review');
  }
  return actions;
}

/** The step on a list: a duty added to a responsibility list, a task put on a task list. */
export function listActions(list, roles) {
  if (!list || !mayManage(roles)) {
    return [];
  }
  return [list.kind === 'TASK' ? 'addTask' : 'addEntry'];
}

const scored = (area) => area.score !== null && area.score !== undefined;

/** The steps on an assessment's area: scored once (while open), then corrected (also after the conclusion). */
export function areaActions(assessment, area, roles) {
  if (!assessment || !area || !mayManage(roles)) {
    return [];
  }
  if (scored(area)) {
    return ['correct'];
  }
  return assessment.state === 'CONCLUDED' ? [] : ['score'];
}

/** Whether every area of an assessment is scored (else ASSESSMENT_INCOMPLETE). */
export function allScored(assessment) {
  return (assessment?.areas || []).every(scored);
}

/** The steps on an assessment as a whole: its conclusion, once every area is scored (staff, while it is open). */
export function assessmentActions(assessment, roles) {
  return assessment && mayManage(roles) && assessment.state !== 'CONCLUDED' && allScored(assessment) ? ['concludeAssessment'] : [];
}

/** The steps on a 双述双评 report: evaluations and the conclusion while it is submitted (staff). */
export function reportActions(report, roles) {
  return report && mayManage(roles) && report.state === 'SUBMITTED' ? ['evaluate', 'concludeReport'] : [];
}

/** The tag type of a term's warning: overdue red, due soon amber. */
export function warningType(warning) {
  return { OVERDUE: 'danger', DUE_SOON: 'warning' }[warning] || 'info';
}

/** The tag type of a state of any of these records. */
export function stateType(state, overdue = false) {
  if (overdue) {
    return 'danger';
  }
  if (['IN_OFFICE', 'ACCEPTED', 'CONCLUDED'].includes(state)) {
    return 'success';
  }
  if (['DONE', 'ELECTED'].includes(state)) {
    return 'warning';
  }
  if (['SUPERSEDED', 'RETURNED'].includes(state)) {
    return 'info';
  }
  return 'primary';
}

/** A record's state as a detail card's tag: its words from `group` (termStates, taskStates, …) in its colour. */
export function stateTag(t, group, state, testId) {
  return { text: t(`work.${group}.${state}`), type: stateType(state), effect: 'dark', testId };
}

/** The candidates elected (their member ids): more votes in favour than half of the votes cast, the most voted first, up to the seats. */
export function electedOf(candidates, votesCast, seats) {
  const cast = Number(votesCast) || 0;
  return (candidates || []).map((c, index) => ({ memberId: c.memberId, votes: Number(c.votes), index }))
    .filter((c) => c.memberId && Number.isFinite(c.votes) && c.votes * 2 > cast)
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
    .slice(0, seats ?? Infinity)
    .map((c) => c.memberId);
}

/** Whether more than four fifths of the eligible voters voted (else QUORUM_NOT_REACHED). */
export function quorumReached(eligibleVoters, votesCast) {
  return Number(votesCast) * 5 > Number(eligibleVoters) * 4;
}

/**
 * The overall rating of 双述双评 evaluations for one of the two reports (partyWorkRating or businessWorkRating): the mean
 * of 好 4, 较好 3, 一般 2, 差 1, rounded half up; null without evaluations.
 */
export function meanRating(evaluations, field) {
  const points = (evaluations || []).map((e) => RATING_POINTS[e[field]]).filter(Boolean);
  if (!points.length) {
    return null;
  }
  const sum = points.reduce((a, b) => a + b, 0);
  const rounded = Math.floor((2 * sum + points.length) / (2 * points.length));
  return RATINGS.find((r) => RATING_POINTS[r] === rounded);
}

/** The grade a total reaches under a version's grades ([{grade, label, minScore}]): the one of the highest minimum reached. */
export function gradeOf(grades, total) {
  return [...(grades || [])].sort((a, b) => b.minScore - a.minScore).find((g) => total >= g.minScore) || null;
}

/** The items of a list answer, whether the service answers a plain list or a page ({items, …}). */
export function itemsOf(answer) {
  return Array.isArray(answer) ? answer : (answer?.items || []);
}

/** A list answer as the platform's page, for a table that pages: a plain list is one page of all of it. */
export function asPage(answer) {
  if (Array.isArray(answer)) {
    return { items: answer, total: answer.length, page: 0, size: answer.length };
  }
  return { ...answer, items: answer?.items || [], total: answer?.total ?? answer?.items?.length ?? 0 };
}

/**
 * Where line `line` (1-based, blank lines counted, a line ending being CR LF, LF or CR) lies in a text: {start, end,
 * text}, the offsets of its first character and after its last; null when the text has no such line.
 */
export function lineRange(text, line) {
  if (!Number.isInteger(line) || line < 1) {
    return null;
  }
  const source = text ?? '';
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let n = 1; n < line; n++) {
    const found = breaks.exec(source);
    if (!found) {
      return null;
    }
    start = found.index + found[0].length;
  }
  breaks.lastIndex = start;
  const next = breaks.exec(source);
  const end = next ? next.index : source.length;
  return { start, end, text: source.slice(start, end) };
}

/** The number of characters of a text (code points, as a person counts them). */
export const lengthOf = (value) => [...(value ?? '')].length;

const latestOf = (...days) => days.filter(Boolean).sort().pop() || null;

/**
 * The day of a record's latest step (a step is never dated before it: DATE_BEFORE_PREVIOUS_STEP): a term's call,
 * election and approval; a task's assignment, reports and reviews; an assessment's opening, scores, corrections and
 * conclusion; a 双述双评 report's submission and evaluations.
 */
export function previousStepDay(record) {
  if (!record) {
    return null;
  }
  const dated = (list) => (list || []).map((x) => x.date);
  return latestOf(record.calledOn, record.heldOn, record.approvedOn, record.assignedOn, record.openedOn, record.submittedOn,
    record.concludedOn, ...dated(record.reports), ...dated(record.reviews), ...dated(record.evaluations), ...dated(record.areas),
    ...(record.areas || []).flatMap((area) => dated(area.corrections)));
}

// --- the forms ---
// a field: day (past: not after today; notBefore: 'previous', another field of the form or a day of the record),
// year, int (min..max; max may name the area's maximum), text (one line), textarea, lines (one entry a line), choice
// (one of options, labelled by group), yesNo, unit (of kinds; none: any), member (of the roster of the unit named by
// unitFrom: a field of the form, or 'record'), elected / electedMany (among the candidates elected), kinds (unit kinds),
// factsSource, select (options given by the screen), rows (a table of columns, each a field)
const field = (name, type, more = {}) => ({ name, type, ...more });
const day = (name, more = {}) => field(name, 'day', more);
const past = (name, more = {}) => day(name, { past: true, ...more });
const text = (name, more = {}) => field(name, 'text', more);
const para = (name, more = {}) => field(name, 'textarea', more);
const int = (name, min, max, more = {}) => field(name, 'int', { min, max, ...more });
const choice = (name, options, group) => field(name, 'choice', { options, group });
const unit = (name, kinds) => field(name, 'unit', { kinds });
const member = (name, unitFrom, more = {}) => field(name, 'member', { unitFrom, ...more });
/** A committee seat or a candidacy: full members only (a probationary member may neither vote nor stand: NOT_FULL_MEMBER). */
const FULL_MEMBERS_ONLY = { stages: ['FULL_MEMBER'] };
const lines = (name, more = {}) => field(name, 'lines', { min: 0, ...more });
const rows = (name, columns, more = {}) => field(name, 'rows', { columns, min: 1, ...more });
const optional = { optional: true };
const previous = { notBefore: 'previous' };
const taskFields = [text('title'), para('description', optional), unit('ownerUnitId', []), text('ownerPerson', optional), past('assignedOn'),
  day('deadline', { notBefore: 'assignedOn' })];

/** Every command's form, by action: its fields in order; `creates` sends a new record's id with it. */
export const FORMS = {
  recordTerm: { creates: true, fields: [unit('unitId', ELECTIVE_KINDS), past('startedOn'), choice('termYears', TERM_YEARS, 'termYears'),
    rows('committee', [member('memberId', 'unitId', FULL_MEMBERS_ONLY), choice('position', POSITIONS, 'positions')], { unique: 'memberId' }), text('basis', optional)] },
  callElection: { creates: true, fields: [unit('unitId', ELECTIVE_KINDS), past('calledOn'), day('electionDate', { notBefore: 'calledOn' }),
    choice('termYears', TERM_YEARS, 'termYears'), int('seats', 3, 9), text('basis', optional)] },
  result: { fields: [past('heldOn', { notBefore: 'electionDate' }), int('eligibleVoters', 1), int('votesCast', 0),
    rows('candidates', [member('memberId', 'record', FULL_MEMBERS_ONLY), int('votes', 0)], { unique: 'memberId' }), field('secretaryId', 'elected'),
    field('deputyIds', 'electedMany', { max: DEPUTIES_MAX })] },
  approval: { fields: [past('approvedOn', { notBefore: 'heldOn' }), text('approvedBy'), text('basis', optional)] },
  assignTask: { creates: true, fields: taskFields },
  addTask: { creates: true, fields: taskFields },
  progress: { fields: [past('date', previous), int('percent', 0, 100), para('report'), lines('evidence')] },
  review: { fields: [past('date', previous), field('accepted', 'yesNo'), para('opinion')] },
  drawList: { creates: true, fields: [choice('kind', LIST_KINDS, 'listKinds'), unit('unitId', []), field('year', 'year'), text('holder', optional),
    text('title')] },
  addEntry: { fields: [para('text'), text('basis', optional)] },
  publishCriteria: { fields: [text('code', { pattern: CRITERIA_CODE, patternKey: 'criteriaCode' }), text('title'), field('subjectKinds', 'kinds'),
    rows('areas', [text('code', { pattern: AREA_CODE, patternKey: 'areaCode' }), text('name'), int('maxScore', 1, 1000), text('description', optional),
      field('factsSource', 'factsSource', optional)], { unique: 'code', max: AREAS_MAX }),
    rows('grades', [text('grade'), text('label'), int('minScore', 0)], { unique: 'grade', max: GRADES_MAX }), para('reason', optional)] },
  openAssessment: { fields: [unit('unitId', []), field('year', 'year'), field('criteriaCode', 'select'), past('openedOn'),
    lines('assessors', { min: 1 })] },
  score: { fields: [int('score', 0, 'maxScore'), past('date', previous), lines('evidence'), para('note', optional)] },
  correct: { fields: [int('score', 0, 'maxScore'), past('date', previous), para('reason'), lines('evidence')] },
  concludeAssessment: { fields: [past('date', previous), para('conclusion')] },
  submitReport: { fields: [unit('unitId', ['BRANCH']), field('year', 'year'), member('secretaryMemberId', 'unitId', optional), text('secretaryName'),
    past('submittedOn'), para('partyWorkReport'), para('businessWorkReport')] },
  evaluate: { fields: [text('evaluator'), text('evaluatorRole', optional), choice('partyWorkRating', RATINGS, 'ratings'),
    choice('businessWorkRating', RATINGS, 'ratings'), para('comment', optional), past('date', previous)] },
  concludeReport: { fields: [past('date', previous), para('conclusion')] },
};

/** The fields a form shows: those the screen does not fix (a secretary's own branch, the area scored, the task's plan item). */
export function fieldsOf(action, fixed = {}) {
  return (FORMS[action]?.fields || []).filter((f) => !(f.name in fixed));
}

function blankValue(f, today) {
  switch (f.type) {
    case 'day': return f.past ? today : '';
    case 'year': return Number(today.slice(0, 4));
    case 'int': return f.min === 0 && f.max === 100 ? 0 : null;
    case 'choice': return f.options[0];
    case 'yesNo': return null;
    case 'rows': return [blankRow(f)];
    case 'electedMany':
    case 'kinds': return [];
    default: return '';
  }
}

/** A new row of a rows field. */
export function blankRow(f) {
  return Object.fromEntries(f.columns.map((c) => [c.name, blankValue(c, '')]));
}

/** Rows given (a template's areas, a version's grades) with every column of the field, blank where not given. */
export function rowsOf(f, given) {
  return (given || []).map((row) => ({ ...blankRow(f), ...Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined)) }));
}

/**
 * A form as it opens: today for the days something happened, this year, the first choice, one blank row; then what the
 * screen gives (`initial`: a template, the unit of the term shown, the task's percent) and what it fixes.
 */
export function blankForm(action, { today = '', initial = {}, fixed = {} } = {}) {
  const form = {};
  (FORMS[action]?.fields || []).forEach((f) => {
    form[f.name] = f.type === 'rows' && initial[f.name] ? rowsOf(f, initial[f.name]) : blankValue(f, today);
  });
  Object.entries(initial).forEach(([name, value]) => {
    if (!(FORMS[action]?.fields || []).some((f) => f.name === name && f.type === 'rows')) {
      form[name] = value;
    }
  });
  return { ...form, ...fixed };
}

const trimmed = (value) => (typeof value === 'string' ? value.trim() : value ?? '');
const blank = (value) => value === null || value === undefined || trimmed(value) === '';

/** The entries typed one per line: trimmed, blank lines left out. */
export function entryLines(value) {
  return (value ?? '').split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
}

/** The bounds of an int field: its minimum and maximum (an area's maximum score from the context). */
export function boundsOf(f, ctx) {
  return { min: f.min, max: f.max === 'maxScore' ? ctx.area?.maxScore : f.max };
}

/** The day a day field may not be before, and the message naming it. */
function notBeforeOf(f, form, ctx) {
  if (!f.notBefore) {
    return null;
  }
  if (f.notBefore === 'previous') {
    return { day: previousStepDay(ctx.record), key: 'work.problems.beforePrevious' };
  }
  const inForm = f.notBefore in form;
  return { day: inForm ? form[f.notBefore] : ctx.record?.[f.notBefore], key: `work.problems.before.${f.notBefore}` };
}

const problem = (key, params = {}) => ({ key, params });

/** A single value's problem (a field, or a cell of a row): required, pattern, range, a day in the future or too early. */
function valueProblem(f, value, form, ctx) {
  if (['lines', 'rows', 'kinds', 'electedMany', 'yesNo'].includes(f.type)) {
    return null;
  }
  if (blank(value)) {
    if (f.optional) {
      return null;
    }
    return problem(['text', 'textarea', 'int', 'year'].includes(f.type) ? 'work.problems.required' : 'work.problems.choose');
  }
  switch (f.type) {
    case 'text':
      if (/[\r\n]/.test(trimmed(value))) {
        return problem('work.problems.oneLine');
      }
      return f.pattern && !f.pattern.test(trimmed(value)) ? problem(`work.problems.pattern.${f.patternKey}`) : null;
    case 'int':
    case 'year': {
      const n = Number(value);
      const { min, max } = boundsOf(f, ctx);
      if (!Number.isInteger(n)) {
        return problem('work.problems.integer');
      }
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
        return problem(max === undefined ? 'work.problems.atLeast' : 'work.problems.range', { min, max });
      }
      return null;
    }
    case 'day': {
      if (f.past && ctx.today && value > ctx.today) {
        return problem('work.problems.future');
      }
      const bound = notBeforeOf(f, form, ctx);
      return bound?.day && value < bound.day ? problem(bound.key, { day: bound.day }) : null;
    }
    default:
      return null;
  }
}

/** The problems of a rows field: too few or too many rows, a cell's problem (with its row), an entry twice. */
function rowsProblem(f, value, form, ctx) {
  const list = value || [];
  if (list.length < f.min) {
    return problem('work.problems.rowsRequired');
  }
  if (f.max && list.length > f.max) {
    return problem('work.problems.tooManyRows', { max: f.max });
  }
  for (const [index, row] of list.entries()) {
    for (const column of f.columns) {
      const found = valueProblem(column, row[column.name], form, ctx);
      if (found) {
        return problem('work.problems.inRow', { row: index + 1, column: column.name, inner: found });
      }
    }
  }
  const keys = list.map((row) => trimmed(row[f.unique]));
  const twice = keys.findIndex((key, i) => keys.indexOf(key) !== i);
  return twice >= 0 ? problem('work.problems.twiceInRow', { row: twice + 1, column: f.unique }) : null;
}

/** What a form's rules of more than one field say (an election's votes, a result's secretary and deputies, a version's grades). */
function crossProblem(action, f, form, ctx) {
  const value = form[f.name];
  if (action === 'result') {
    const elected = electedOf(form.candidates, form.votesCast, ctx.record?.seats);
    if (f.name === 'votesCast' && Number(value) > Number(form.eligibleVoters)) {
      return problem('work.problems.castOverEligible');
    }
    if (f.name === 'votesCast' && !quorumReached(form.eligibleVoters, value)) {
      return problem('work.problems.quorum');
    }
    if (f.name === 'candidates' && !blank(form.votesCast)) {
      const over = (value || []).findIndex((c) => Number(c.votes) > Number(form.votesCast));
      return over >= 0 ? problem('work.problems.votesOverCast', { row: over + 1 }) : null;
    }
    if (f.name === 'secretaryId' && !elected.includes(value)) {
      return problem('work.problems.secretaryNotElected');
    }
    if (f.name === 'deputyIds') {
      if (value.length > DEPUTIES_MAX) {
        return problem('work.problems.tooManyDeputies', { max: DEPUTIES_MAX });
      }
      if (value.includes(form.secretaryId)) {
        return problem('work.problems.deputyIsSecretary');
      }
      return value.every((id) => elected.includes(id)) ? null : problem('work.problems.deputyNotElected');
    }
  }
  if (action === 'progress' && f.name === 'percent' && !blank(value) && ctx.record?.state !== 'RETURNED' && Number(value) < (ctx.record?.percent ?? 0)) {
    return problem('work.problems.backwards', { percent: ctx.record.percent });
  }
  if (action === 'publishCriteria' && f.name === 'subjectKinds' && !value.length) {
    return problem('work.problems.choose');
  }
  if (action === 'publishCriteria' && f.name === 'grades') {
    const maxTotal = (form.areas || []).reduce((sum, area) => sum + (Number(area.maxScore) || 0), 0);
    const mins = (value || []).map((g) => Number(g.minScore));
    const over = mins.findIndex((n) => n > maxTotal);
    if (over >= 0) {
      return problem('work.problems.gradeOverMax', { row: over + 1, max: maxTotal });
    }
    const twice = mins.findIndex((n, i) => mins.indexOf(n) !== i);
    return twice >= 0 ? problem('work.problems.sameMinimum', { row: twice + 1 }) : null;
  }
  return null;
}

/**
 * The problem of a field the service would refuse, or null: {key, params} (a row's problem has params row, column and
 * inner, the cell's own problem). `ctx`: {record, area, today}.
 */
export function fieldProblem(action, f, form, ctx = {}) {
  const value = form[f.name];
  if (f.type === 'yesNo' && value !== true && value !== false) {
    return problem('work.problems.choose');
  }
  if (f.type === 'lines' && entryLines(value).length < f.min) {
    return problem('work.problems.required');
  }
  if (f.type === 'lines') {
    const entries = entryLines(value);
    return new Set(entries).size === entries.length ? null : problem('work.problems.twice');
  }
  const own = f.type === 'rows' ? rowsProblem(f, value, form, ctx) : valueProblem(f, value, form, ctx);
  return own || crossProblem(action, f, form, ctx);
}

/**
 * A problem in words: its message with the field's label (`labelOf(name)`), and for a row's problem the column's label
 * and the cell's own problem.
 */
export function explain(found, labelOf, t, name) {
  if (!found) {
    return '';
  }
  const { inner, column, ...params } = found.params || {};
  return t(found.key, { ...params, field: labelOf(name), column: column ? labelOf(column) : '',
    inner: inner ? explain(inner, labelOf, t, column) : '' });
}

/** The first problem of a whole form, or null. */
export function formProblem(action, form, ctx = {}) {
  for (const f of fieldsOf(action, ctx.fixed)) {
    const found = fieldProblem(action, f, form, ctx);
    if (found) {
      return found;
    }
  }
  return null;
}

function valueOf(f, value) {
  switch (f.type) {
    case 'text':
    case 'textarea':
      return trimmed(value) || (f.optional ? undefined : '');
    case 'lines':
      return entryLines(value);
    case 'int':
    case 'year':
      return blank(value) ? undefined : Number(value);
    case 'yesNo':
      return value === true;
    case 'rows':
      return (value || []).map((row) => Object.fromEntries(f.columns.map((c) => [c.name, valueOf(c, row[c.name])])
        .filter(([, v]) => v !== undefined)));
    case 'electedMany':
    case 'kinds':
      return [...(value || [])];
    default:
      return blank(value) ? (f.optional ? undefined : value) : value;
  }
}

/**
 * The body of a command from its form: each field as the service takes it (texts trimmed, lists one per line, numbers as
 * numbers, rows as objects), optional fields left out when empty, then what the screen fixes; a creation carries the new
 * record's id.
 */
export function formBody(action, form, { fixed = {} } = {}) {
  const body = FORMS[action]?.creates && form.id ? { id: form.id } : {};
  fieldsOf(action, fixed).forEach((f) => {
    const value = valueOf(f, form[f.name]);
    if (value !== undefined) {
      body[f.name] = value;
    }
  });
  return { ...body, ...fixed };
}

// --- the timelines ---

// the facts of an event, in this order; ids are left out (the record is the page's), a unit by its name
const FACTS = ['unitId', 'kind', 'year', 'code', 'version', 'title', 'holder', 'subjectKinds', 'areas', 'grades', 'criteriaTitle',
  'criteriaVersion', 'calledOn', 'electionDate', 'startedOn', 'termYears', 'seats', 'dueOn', 'heldOn', 'eligibleVoters', 'votesCast',
  'candidates', 'committee', 'approvedOn', 'approvedBy', 'openedOn', 'assessors', 'areaCode', 'previousScore', 'score', 'maxScore',
  'correctsSequence', 'facts', 'concludedOn', 'total', 'maxTotal', 'grade', 'gradeLabel', 'dateLine', 'sections', 'itemCount', 'itemPosition',
  'ownerUnitName', 'ownerPerson', 'assignedOn', 'deadline', 'no', 'text', 'secretaryName', 'submittedOn', 'evaluator', 'evaluatorRole',
  'partyWorkRating', 'businessWorkRating', 'evaluations', 'date', 'percent', 'report', 'accepted', 'opinion', 'comment', 'conclusion', 'note',
  'description', 'evidence'];

/**
 * What an event of a year-of-work record says: its label and facts (enums and yes/no in words, the committee and the
 * candidates with their seats and votes, a criteria version's areas and grades, lists joined). `unitName(id)` names a
 * unit. The reason or basis is the timeline's own line.
 */
export function describeWorkEvent(entry, { t, te }, unitName = (id) => id) {
  const type = eventName(entry.type);
  const data = entry.data || {};
  const label = te(`work.events.${type}`) ? t(`work.events.${type}`) : type;
  const words = {
    unitId: (id) => unitName(id),
    kind: (v) => t(`work.listKinds.${v}`),
    subjectKinds: (v) => v.map((k) => t(`org.kinds.${k}`)),
    areas: (v) => v.map((a) => t('work.criteria.areaPoints', { name: a.name, max: a.maxScore })),
    grades: (v) => v.map((g) => t('work.criteria.gradeFrom', { label: g.label, min: g.minScore })),
    termYears: (v) => t(`work.termYears.${v}`),
    candidates: (v) => v.map((c) => t(c.elected ? 'work.terms.votesElected' : 'work.terms.votes', { name: c.name || c.memberId, n: c.votes })),
    committee: (v) => v.map((m) => `${m.name || m.memberId}（${t(`work.positions.${m.position}`)}）`),
    correctsSequence: (v) => `#${v}`,
    facts: (v) => v.map((x) => t('work.assessments.factLine', { kind: t(`activities.kinds.${x.kind}`), period: x.period, held: x.held,
      required: x.required })),
    sections: (v) => t('work.plans.sectionCount', { n: v.length }),
    partyWorkRating: (v) => t(`work.ratings.${v}`),
    businessWorkRating: (v) => t(`work.ratings.${v}`),
    percent: (v) => `${v}%`,
    accepted: (v) => t(v ? 'work.tasks.accepted' : 'work.tasks.sentBack'),
  };
  const facts = [];
  FACTS.forEach((name) => {
    const raw = data[name];
    if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && !raw.length)) {
      return;
    }
    const value = words[name] ? words[name](raw) : raw;
    facts.push({ label: t(`work.fields.${name}`), value: Array.isArray(value) ? value.join('、') : String(value) });
  });
  return { label, facts };
}
