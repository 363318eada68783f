import { read } from '../../api/http.js';

export const BASE = '/api/organisation';

/**
 * The reads of a kind of record the organisation service keeps (units, terms, plans, tasks, …): a page of them, one
 * (with minSequence to read one's own write), its timeline a page at a time, and its hash chain checked.
 */
export function recordReads(collection) {
  const path = (id) => `${BASE}/${collection}/${encodeURIComponent(id)}`;
  return {
    list: (params = {}) => read(`${BASE}/${collection}`, params),
    get: (id, minSequence) => read(path(id), { minSequence }),
    timeline: (id, { from = 0, limit = 200, minSequence } = {}) => read(`${path(id)}/timeline`, { from, limit, minSequence }),
    verify: (id) => read(`${path(id)}/verification`),
  };
}

// a command creating a record of a collection, and one taken on a record of it
const create = (collection) => () => `${BASE}/${collection}`;
const step = (collection, name) => (id) => `${BASE}/${collection}/${encodeURIComponent(id)}/${name}`;

const units = recordReads('units');
const unitPath = (id) => `${BASE}/units/${encodeURIComponent(id)}`;

/**
 * A page of units (GET /units): parent (a unit id or 'top'), q (in the name), kind, status, page (from 0), size,
 * and unit + minSequence to wait until that change shows. Answers {items, page, size, total}.
 */
export const listUnits = units.list;
export const getUnit = units.get;
export const unitTimeline = units.timeline;
export const verifyUnit = units.verify;

/** The command paths (sent with useCommand, which adds the idempotency key). */
export const commands = {
  establish: create('units'),
  rename: step('units', 'rename'),
  dissolve: step('units', 'dissolve'),
};


/** A unit's roster (支部党员名册), as the members service published it: counts per stage and a page of members. */
export function unitRoster(id, params = {}) {
  return read(`${unitPath(id)}/roster`, params);
}

// --- the committee's year of work (docs/organisation.md): terms, plans, tasks, lists, assessments, 双述双评 ---

/** 换届选举: GET /terms?unit=&state=&warning=&page=&size= (by due day), a term, its timeline and verification. */
export const terms = recordReads('terms');
/** 年度工作要点: GET /plans, a plan's board (sections, items, their tasks), timeline and verification. */
export const plans = recordReads('plans');
/** 任务: GET /tasks?unit=&plan=&list=&state=&overdue=true&page=&size= (by deadline), a task with its reports and reviews. */
export const tasks = recordReads('tasks');
/** 责任清单 and 任务清单: GET /responsibility-lists?unit=&year=&kind=&page=&size=, a list with its entries or tasks. */
export const responsibilityLists = recordReads('responsibility-lists');
/** 组织评定: GET /assessments?unit=&year=&criteria=&state=&page=&size= (newest year first), an assessment with its areas. */
export const assessments = recordReads('assessments');
/** 双述双评: GET /secretary-reports?unit=&year=&state=&page=&size=, a report with its evaluations. */
export const secretaryReports = recordReads('secretary-reports');
/** A criteria set's timeline and verification go by the set's id (the name-based UUID of criteria|<code>). */
export const criteriaSets = recordReads('assessment-criteria-sets');

/** The latest version of each criteria set (考核标准). */
export function listCriteria() {
  return read(`${BASE}/assessment-criteria`);
}

/** One version of a criteria set by its code (the latest without `version`), with every version's number, time and reason. */
export function getCriteria(code, { version, minSequence } = {}) {
  return read(`${BASE}/assessment-criteria/${encodeURIComponent(code)}`, { version, minSequence });
}

/** The built-in criteria sets (五化, 五力, 五好班子, 五好团队), not yet published. */
export function criteriaTemplates() {
  return read(`${BASE}/assessment-criteria/templates`);
}

/** The published "三会一课" compliance records of a unit concluded for periods of a year (the facts of 组织生活正常化). */
export function unitCompliance(id, year) {
  return read(`${unitPath(id)}/compliance`, { year });
}

/** The paths of the year-of-work commands, by the action names of work.js (a record's id where the command is on one). */
export const workCommands = {
  recordTerm: create('terms'),
  callElection: create('elections'),
  result: step('terms', 'result'),
  approval: step('terms', 'approval'),
  importPlan: create('plans'),
  assignTask: create('tasks'),
  addTask: create('tasks'),
  progress: step('tasks', 'progress'),
  review: step('tasks', 'review'),
  drawList: create('responsibility-lists'),
  addEntry: step('responsibility-lists', 'entries'),
  publishCriteria: create('assessment-criteria'),
  openAssessment: create('assessments'),
  score: step('assessments', 'scores'),
  correct: step('assessments', 'corrections'),
  concludeAssessment: step('assessments', 'conclusion'),
  submitReport: create('secretary-reports'),
  evaluate: step('secretary-reports', 'evaluations'),
  concludeReport: step('secretary-reports', 'conclusion'),
};
