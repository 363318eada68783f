// The committee's year of work (docs/organisation.md) on the screen: 换届选举, 工作要点, 责任清单, 组织评定 and 双述双评. The
// screens are mounted with Element Plus and the router, fetch stubbed: each list renders from an answer, each command's
// dialog sends its exact request, a refusal is shown where it was sent, and readers see no write action.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { h } from 'vue';
import ElementPlus, { ElFormItem } from 'element-plus';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { createPinia } from 'pinia';
import zhCN from '../src/i18n/zh-CN.js';
import en from '../src/i18n/en.js';
import { routes } from '../src/router/index.js';
import { MODULES } from '../src/modules/index.js';
import { mayOpen, menuFor } from '../src/modules/menu.js';
import { useSession } from '../src/stores/session.js';
import { todayInCentre } from '../src/utils/format.js';
import WorkField from '../src/modules/organisation/components/WorkField.vue';
import BranchSelect from '../src/modules/members/components/BranchSelect.vue';
import {
  ASSESSMENT_STATES, FORMS, LIST_KINDS, POSITIONS, RATINGS, REPORT_STATES, TASK_STATES, TERM_STATES, WARNING_FILTERS, areaActions,
  assessmentActions, describeWorkEvent, electedOf, formBody, formProblem, lineRange, meanRating, previousStepDay, quorumReached, taskActions,
  termActions,
} from '../src/modules/organisation/work.js';

const STAFF = ['COMMITTEE_STAFF'];
const SECRETARY = ['BRANCH_SECRETARY'];
const MEMBER = ['PARTY_MEMBER'];
const INSPECTOR = ['DISCIPLINE_INSPECTOR'];
const AUDITOR = ['AUDITOR'];
const TODAY = todayInCentre();
const YEAR = Number(TODAY.slice(0, 4));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const U = id(11); // 综合受理窗口党支部
const U2 = id(1); // 中心党委
const U3 = id(12); // 机关第一党支部
const [M1, M2, M3, M4, M5, M6] = [1, 2, 3, 4, 5, 6].map((n) => `00000000-0000-4000-8001-00000000000${n}`);
const NEW = id(900); // what a command answers
const roster = { unitId: U, total: 6, partyMembers: 5, stages: {}, items: [
  { memberId: M1, name: '李明', stage: 'FULL_MEMBER' }, { memberId: M2, name: '王芳', stage: 'FULL_MEMBER' },
  { memberId: M3, name: '张伟', stage: 'PROBATIONARY' }, { memberId: M4, name: '赵敏', stage: 'FULL_MEMBER' },
  { memberId: M5, name: '陈静', stage: 'FULL_MEMBER' }, { memberId: M6, name: '刘洋', stage: 'ACTIVIST' }] };

const page = (items) => ({ items, total: items.length, page: 0, size: 20 });
const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const problem = (status, body) => new Response(JSON.stringify({ status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json' } });
const event = (type, data, sequence = 0) => ({ sequence, eventId: `e${sequence}`, type: `org.dangjian.organisation.${type}.v1`, hash: 'a'.repeat(64),
  prevHash: '0'.repeat(64), occurredAt: '2024-03-01T00:00:00Z', recordedAt: '2024-03-01T00:00:01Z', actor: { id: 'dangwei', role: 'COMMITTEE_STAFF' },
  data });

/**
 * Mounts the screen at `path` for a user of `roles` (and unit `org`); `answer(path, init)` answers a request (a body, a
 * Response, or undefined: an empty page for a read, {id, sequence} for a command). Timelines, verifications and rosters
 * are answered unless `answer` does.
 */
async function show(path, roles, answer = () => undefined, org = null) {
  const fetch = vi.fn(async (url, init = {}) => {
    const given = answer(url.split('?')[0], init, url);
    if (given instanceof Response) {
      return given;
    }
    if (given !== undefined) {
      return json(given);
    }
    if (init.method === 'POST') {
      return json({ id: NEW, sequence: 3 }, 201);
    }
    if (url.includes('/timeline')) {
      return json({ entries: [] });
    }
    if (url.includes('/verification')) {
      return json({ intact: true, eventsChecked: 0, lastHash: null });
    }
    if (url.includes('/roster')) {
      return json(roster);
    }
    if (/[0-9a-f]{12}(\?|$)/.test(url) || /assessment-criteria\/[a-z]/.test(url)) {
      return problem(404, { title: '记录不存在', code: 'NOT_FOUND' });
    }
    return json(page([]));
  });
  vi.stubGlobal('fetch', fetch);
  const pinia = createPinia();
  const session = useSession(pinia);
  session.user = { username: 'u', name: 'U', roles, org };
  session.state = 'signedIn';
  const router = createRouter({ history: createMemoryHistory(), routes });
  router.push(path);
  await router.isReady();
  const wrapper = mount({ render: () => h(RouterView) }, { global: { plugins: [ElementPlus, pinia, router,
    createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })] }, attachTo: document.body });
  await settle();
  const posts = () => fetch.mock.calls.filter(([, init]) => init?.method === 'POST');
  const gets = () => fetch.mock.calls.filter(([, init]) => !init?.method || init.method === 'GET').map(([url]) => url);
  return { wrapper, fetch, router, posts, gets, actions: () => wrapper.findAll('[data-action]').map((b) => b.attributes('data-action')) };
}

async function settle() {
  await flushPromises();
  await new Promise((resolve) => { setTimeout(resolve, 0); });
  await flushPromises();
}

/** The value of a form field as the user would give it (its input emits the value). */
async function set(wrapper, testId, value, index = 0) {
  const field = wrapper.findAllComponents(WorkField).filter((f) => f.props('testId') === testId)[index];
  expect(field, testId).toBeTruthy();
  field.vm.$emit('update:modelValue', value);
  await settle();
}
/** Types into a text field, as the user does. */
async function type(selector, value) {
  const found = document.querySelector(selector);
  const input = ['INPUT', 'TEXTAREA'].includes(found.tagName) ? found : found.querySelector('textarea, input');
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await settle();
}
async function click(selector) {
  const found = document.querySelector(selector);
  expect(found, selector).not.toBeNull();
  found.click();
  await settle();
}
/** Answers reads (GETs) by path from `map`; commands get the default answer. */
const reads = (map) => (path, init) => (init.method === 'POST' ? undefined : map[path]);
/** Answers the read of one record (its path ends with its id). */
const one = (recordId, body) => (path, init) => (init.method !== 'POST' && path.endsWith(recordId) ? body : undefined);
/** Waits until the router has gone to `path` (a lazy screen is loaded first). */
const arrived = (router, path) => vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(path), { timeout: 20_000 });
const submit = (dialog) => click(`[data-test=${dialog}] [data-test=submit]`);
const sent = (call) => ({ path: call[0], method: call[1].method, body: JSON.parse(call[1].body), key: call[1].headers['Idempotency-Key'] });
const messages = (wrapper) => wrapper.findAllComponents(ElFormItem).map((item) => item.vm.validateMessage).filter(Boolean);

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const LONG = 60_000;

describe('who sees the year-of-work screens', () => {
  const items = (roles) => menuFor(MODULES, roles).filter((g) => g.key === 'organisation').flatMap((g) => g.items.map((i) => i.route));
  const work = ['org-terms', 'org-plans', 'org-lists', 'org-assessments'];

  it('shows the new menu items under 组织建设 to staff, secretaries and readers, and none to a department or an operator', () => {
    expect(items(STAFF)).toEqual(['org-tree', 'org-units', ...work, 'org-reports']);
    expect(items(SECRETARY)).toEqual(['org-tree', 'org-units', ...work, 'org-reports']);
    expect(items(INSPECTOR)).toEqual(['org-tree', 'org-units', ...work, 'org-reports']);
    expect(items(AUDITOR)).toEqual(['org-tree', 'org-units', ...work, 'org-reports']);
    expect(items(MEMBER)).toEqual(['org-tree', 'org-units', ...work]);
    expect(items(['PLATFORM_OPERATOR'])).toEqual(['org-tree', 'org-units']);
    expect(menuFor(MODULES, ['DEPARTMENT'])).toEqual([]);
    const { t } = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } }).global;
    const titles = menuFor(MODULES, STAFF).find((g) => g.key === 'organisation').items.map((i) => t(i.titleKey));
    expect(titles).toEqual(['组织架构', '组织名册', '换届选举', '工作要点', '责任清单', '组织评定', '双述双评']);
  });

  it('opens the screens to their readers only: 双述双评 not to party members, nothing to departments and operators', () => {
    const own = routes.filter((r) => /^org-(terms?|plans?|task|lists?|assessments?|criteria|reports?)$/.test(r.name));
    expect(own).toHaveLength(12);
    own.forEach((route) => {
      [...STAFF, ...SECRETARY, ...INSPECTOR, ...AUDITOR].forEach((role) => expect(mayOpen(route, [role]), `${route.name} ${role}`).toBe(true));
      expect(mayOpen(route, MEMBER), route.name).toBe(!route.name.startsWith('org-report'));
      expect(mayOpen(route, ['DEPARTMENT']), route.name).toBe(false);
      expect(mayOpen(route, ['PLATFORM_OPERATOR']), route.name).toBe(false);
    });
  });
});

describe('the rules the forms mirror', () => {
  it('elects the candidates over half of the votes cast, most voted first, up to the seats; a quorum is more than four fifths', () => {
    const candidates = [{ memberId: M1, votes: 20 }, { memberId: M2, votes: 10 }, { memberId: M3, votes: 11 }, { memberId: M4, votes: 19 }];
    expect(electedOf(candidates, 21, 5)).toEqual([M1, M4, M3]);
    expect(electedOf(candidates, 21, 2)).toEqual([M1, M4]);
    expect(electedOf(candidates, 20, 5)).toEqual([M1, M4, M3]);
    expect(electedOf(candidates, 22, 5)).toEqual([M1, M4]);
    expect(quorumReached(25, 21)).toBe(true);
    expect(quorumReached(25, 20)).toBe(false);
  });

  it('rates 双述双评 by the mean of 好 4, 较好 3, 一般 2, 差 1, rounded half up', () => {
    const e = (p) => ({ partyWorkRating: p });
    expect(meanRating([e('EXCELLENT'), e('GOOD')], 'partyWorkRating')).toBe('EXCELLENT');
    expect(meanRating([e('GOOD'), e('FAIR')], 'partyWorkRating')).toBe('GOOD');
    expect(meanRating([e('GOOD'), e('FAIR'), e('FAIR')], 'partyWorkRating')).toBe('FAIR');
    expect(meanRating([e('POOR'), e('POOR'), e('FAIR')], 'partyWorkRating')).toBe('POOR');
    expect(meanRating([], 'partyWorkRating')).toBeNull();
  });

  it('finds a plan\'s line as the importer counts it: 1-based, blank lines counted, any line ending', () => {
    const text = '标题\r\n2024年3月1日\n\n1. 加强政治建设\r一、政治建设';
    expect(lineRange(text, 1)).toEqual({ start: 0, end: 2, text: '标题' });
    expect(lineRange(text, 3)).toMatchObject({ text: '' });
    expect(lineRange(text, 4)).toMatchObject({ text: '1. 加强政治建设', start: 15 });
    expect(lineRange(text, 5)).toMatchObject({ text: '一、政治建设' });
    expect(lineRange(text, 6)).toBeNull();
    expect(lineRange(text, 0)).toBeNull();
  });

  it('offers each step to whom the service lets take it', () => {
    const task = { ownerUnitId: U, state: 'IN_PROGRESS' };
    expect(taskActions(task, STAFF, null)).toEqual(['progress']);
    expect(taskActions(task, SECRETARY, U)).toEqual(['progress']);
    expect(taskActions(task, SECRETARY, U3)).toEqual([]);
    expect(taskActions({ ...task, state: 'DONE' }, STAFF)).toEqual(['review']);
    expect(taskActions({ ...task, state: 'DONE' }, SECRETARY, U)).toEqual([]);
    expect(taskActions({ ...task, state: 'ACCEPTED' }, STAFF)).toEqual([]);
    [MEMBER, INSPECTOR, AUDITOR].forEach((roles) => expect(taskActions(task, roles, U)).toEqual([]));
    expect(termActions({ state: 'CALLED' }, STAFF)).toEqual(['result']);
    expect(termActions({ state: 'ELECTED' }, STAFF)).toEqual(['approval']);
    expect(termActions({ state: 'IN_OFFICE', current: true }, STAFF)).toEqual(['callElection']);
    expect(termActions({ state: 'SUPERSEDED' }, STAFF)).toEqual([]);
    expect(termActions({ state: 'CALLED' }, SECRETARY)).toEqual([]);
    const open = { state: 'OPEN', areas: [{ code: 'A', score: 18 }, { code: 'B', score: null }] };
    expect(areaActions(open, open.areas[0], STAFF)).toEqual(['correct']);
    expect(areaActions(open, open.areas[1], STAFF)).toEqual(['score']);
    expect(areaActions({ ...open, state: 'CONCLUDED' }, open.areas[1], STAFF)).toEqual([]);
    expect(assessmentActions(open, STAFF)).toEqual([]);
    expect(assessmentActions({ ...open, areas: [open.areas[0]] }, STAFF)).toEqual(['concludeAssessment']);
    expect(areaActions(open, open.areas[1], AUDITOR)).toEqual([]);
  });

  it('keeps a step\'s day after the record\'s latest step, and progress from going back unless the task was sent back', () => {
    const task = { state: 'IN_PROGRESS', percent: 60, assignedOn: '2024-03-05', reports: [{ date: '2024-05-01', percent: 60 }], reviews: [] };
    expect(previousStepDay(task)).toBe('2024-05-01');
    const ctx = { record: task, today: '2024-06-01' };
    expect(formProblem('progress', { date: '2024-04-30', percent: 70, report: 'x', evidence: '' }, ctx).key).toBe('work.problems.beforePrevious');
    expect(formProblem('progress', { date: '2024-05-02', percent: 50, report: 'x', evidence: '' }, ctx).key).toBe('work.problems.backwards');
    expect(formProblem('progress', { date: '2024-05-02', percent: 50, report: 'x', evidence: '' }, { ...ctx, record: { ...task, state: 'RETURNED' } }))
      .toBeNull();
    expect(formProblem('progress', { date: '2024-06-02', percent: 70, report: 'x', evidence: '' }, ctx).key).toBe('work.problems.future');
    const scoring = { record: { openedOn: '2024-12-01', areas: [] }, area: { code: 'SETUP', maxScore: 20 }, today: '2024-12-31' };
    expect(formProblem('score', { score: 21, date: '2024-12-05', evidence: '' }, scoring)).toEqual({ key: 'work.problems.range',
      params: { min: 0, max: 20 } });
    expect(formProblem('score', { score: 20, date: '2024-11-30', evidence: '' }, scoring)).toEqual({ key: 'work.problems.beforePrevious',
      params: { day: '2024-12-01' } });
    expect(formProblem('score', { score: 20, date: '2024-12-05', evidence: '' }, scoring)).toBeNull();
    expect(previousStepDay({ openedOn: '2024-12-01', areas: [{ date: '2024-12-05', corrections: [{ date: '2024-12-06' }] }] })).toBe('2024-12-06');
  });

  it('names every state, warning, seat, kind and rating, and every event, in both languages', () => {
    const groups = { termStates: TERM_STATES, warnings: WARNING_FILTERS, positions: POSITIONS, taskStates: TASK_STATES, listKinds: LIST_KINDS,
      assessmentStates: ASSESSMENT_STATES, reportStates: REPORT_STATES, ratings: RATINGS, termYears: [3, 5] };
    for (const messages of [zhCN, en]) {
      const { te } = createI18n({ legacy: false, locale: 'x', messages: { x: messages } }).global;
      Object.entries(groups).forEach(([group, values]) => values.forEach((v) => expect(te(`work.${group}.${v}`), `${group}.${v}`).toBe(true)));
      Object.entries(FORMS).forEach(([action, form]) => {
        expect(te(`work.actions.${action}`), action).toBe(true);
        expect(te(`work.done.${action}`), action).toBe(true);
        form.fields.flatMap((f) => [f, ...(f.columns || [])]).forEach((f) => expect(te(`work.fields.${f.name}`), f.name).toBe(true));
      });
    }
    expect(zhCN.work.warnings).toMatchObject({ OVERDUE: '已超期', DUE_SOON: '即将到期' });
    expect(zhCN.work.ratings).toEqual({ EXCELLENT: '好', GOOD: '较好', FAIR: '一般', POOR: '差' });
  });

  it('says what each event records', () => {
    const zh = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } }).global;
    const held = describeWorkEvent(event('BranchElectionHeld', { termId: 't', unitId: U, heldOn: '2024-03-01', eligibleVoters: 23, votesCast: 21,
      candidates: [{ memberId: M1, name: '李明', votes: 20, elected: true }, { memberId: M4, name: '赵敏', votes: 8, elected: false }],
      committee: [{ memberId: M1, name: '李明', position: 'SECRETARY' }] }), zh, (u) => (u === U ? '综合受理窗口党支部' : u));
    expect(held.label).toBe('选举结果');
    expect(held.facts).toEqual([{ label: '组织', value: '综合受理窗口党支部' }, { label: '选举日期', value: '2024-03-01' },
      { label: '有选举权的党员数', value: '23' }, { label: '实到投票人数', value: '21' },
      { label: '候选人及赞成票', value: '李明 20 票（当选）、赵敏 8 票' }, { label: '委员会组成', value: '李明（书记）' }]);
    const corrected = describeWorkEvent(event('UnitAssessmentCorrected', { areaCode: 'ORGANISATIONAL_LIFE', previousScore: 16, score: 18,
      correctsSequence: 2, date: '2024-12-06', reason: '补充会议记录', evidence: ['会议记录'] }), zh);
    expect(corrected.facts).toEqual([{ label: '考核项目', value: 'ORGANISATIONAL_LIFE' }, { label: '原得分', value: '16' },
      { label: '得分', value: '18' }, { label: '所更正的评分', value: '#2' }, { label: '日期', value: '2024-12-06' },
      { label: '佐证材料', value: '会议记录' }]);
    const english = createI18n({ legacy: false, locale: 'en', messages: { 'zh-CN': zhCN, en } }).global;
    const reviewed = describeWorkEvent(event('WorkTaskReviewed', { taskId: 't', date: '2024-06-01', accepted: false, opinion: '材料不全' }), english);
    expect(reviewed).toEqual({ label: 'Task reviewed', facts: [{ label: 'Date', value: '2024-06-01' }, { label: 'Outcome', value: 'Sent back' },
      { label: 'Opinion', value: '材料不全' }] });
  });

  it('builds a body as the service takes it: texts trimmed, lists one per line, numbers as numbers, optional fields left out', () => {
    expect(formBody('progress', { date: '2024-06-01', percent: 80, report: ' 已完成学习 ', evidence: ' 学习记录 \n\n照片 ' }))
      .toEqual({ date: '2024-06-01', percent: 80, report: '已完成学习', evidence: ['学习记录', '照片'] });
    expect(formBody('score', { score: 17, date: '2024-12-05', evidence: '', note: '  ' }, { fixed: { areaCode: 'SETUP' } }))
      .toEqual({ areaCode: 'SETUP', score: 17, date: '2024-12-05', evidence: [] });
    expect(formBody('drawList', { id: 'x', kind: 'TASK', unitId: U, year: 2024, holder: '', title: ' 任务清单 ' }))
      .toEqual({ id: 'x', kind: 'TASK', unitId: U, year: 2024, title: '任务清单' });
  });
});

// --- 换届选举 ---

const term = (over = {}) => ({ id: id(101), unitId: U, unitName: '综合受理窗口党支部', state: 'IN_OFFICE', calledOn: null, electionDate: null,
  termYears: 3, seats: null, startedOn: '2021-03-01', dueOn: '2024-03-01', candidates: [], committee: [{ memberId: M1, name: '李明', position: 'SECRETARY' }],
  warning: null, daysLeft: 100, current: true, sequence: 0, ...over });
const terms = [
  term({ warning: 'OVERDUE', daysLeft: -12 }),
  term({ id: id(102), unitId: U3, unitName: '机关第一党支部', dueOn: '2024-06-01', warning: 'DUE_SOON', daysLeft: 30 }),
  term({ id: id(103), unitName: '机关第二党支部', dueOn: '2026-06-01', daysLeft: 800 }),
];

describe('换届选举', () => {
  it('lists terms by due day with their warnings: 已超期 in red, 即将到期 in amber, and the days left', async () => {
    const { wrapper, gets } = await show('/organisation/terms', STAFF, reads({ '/api/organisation/terms': page(terms) }));
    expect(gets().filter((url) => url.startsWith('/api/organisation/terms'))).toEqual(['/api/organisation/terms?page=0&size=20']);
    const rows = wrapper.findAll('[data-test=term-list] tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows[0].classes()).toContain('overdue-row');
    expect(rows[0].find('[data-test=term-link]').text()).toBe('综合受理窗口党支部');
    expect(rows[0].find('[data-test=due-on]').text()).toBe('2024-03-01');
    const overdue = rows[0].find('[data-test=term-warning]');
    expect(overdue.attributes('data-warning')).toBe('OVERDUE');
    expect(overdue.find('.el-tag').classes()).toContain('el-tag--danger');
    expect(overdue.text()).toContain('已超期');
    expect(overdue.find('[data-test=days-left]').text()).toBe('已超期 12 天');
    const soon = rows[1].find('[data-test=term-warning]');
    expect(soon.find('.el-tag').classes()).toContain('el-tag--warning');
    expect(soon.text()).toContain('即将到期');
    expect(soon.text()).toContain('剩 30 天');
    expect(rows[1].classes()).not.toContain('overdue-row');
    expect(rows[2].find('[data-test=term-warning]').exists()).toBe(false);
    expect(rows[0].text()).toContain('李明');
  }, LONG);

  it('filters by warning on the server', async () => {
    const { wrapper, gets } = await show('/organisation/terms', STAFF);
    const select = wrapper.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-test') === 'filter-warning');
    select.vm.$emit('update:modelValue', 'ANY');
    await wrapper.find('form.filters').trigger('submit');
    await settle();
    expect(gets().at(-1)).toBe('/api/organisation/terms?warning=ANY&page=0&size=20');
  }, LONG);

  it('登记任期: checks the form, then sends the term with its committee from the unit\'s roster and opens it', async () => {
    const { wrapper, posts, gets, router } = await show('/organisation/terms', STAFF);
    await click('[data-action=recordTerm]');
    await submit('recordTerm-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper)).toContain('请选择组织。');

    await set(wrapper, 'recordTerm-unitId', U);
    expect(gets()).toContain(`/api/organisation/units/${U}/roster?size=200`);
    const options = wrapper.findAllComponents(WorkField).find((f) => f.props('testId') === 'committee-memberId').props('options');
    // full members only: 张伟 is probationary (he may neither vote nor stand), 刘洋 an activist
    expect(options.map((o) => o.label)).toEqual(['李明', '王芳', '赵敏', '陈静']);
    await set(wrapper, 'recordTerm-startedOn', '2021-03-01');
    await click('[data-test=recordTerm-termYears] [data-value="5"] input');
    await set(wrapper, 'committee-memberId', M1);
    await click('[data-test=recordTerm-dialog] [data-test=add-row]');
    await set(wrapper, 'committee-memberId', M1, 1);
    await set(wrapper, 'committee-position', 'COMMITTEE_MEMBER', 1);
    await submit('recordTerm-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper)).toContain('第 2 行的党员与前面的行重复。');

    await set(wrapper, 'committee-memberId', M2, 1);
    await type('[data-test=recordTerm-basis]', ' 2021年3月1日支部党员大会选举 ');
    await submit('recordTerm-dialog');
    expect(posts()).toHaveLength(1);
    const request = sent(posts()[0]);
    expect(request.path).toBe('/api/organisation/terms');
    expect(request.method).toBe('POST');
    expect(request.key).toBeTruthy();
    expect(request.body).toEqual({ id: expect.stringMatching(UUID), unitId: U, startedOn: '2021-03-01', termYears: 5,
      committee: [{ memberId: M1, position: 'SECRETARY' }, { memberId: M2, position: 'COMMITTEE_MEMBER' }], basis: '2021年3月1日支部党员大会选举' });
    await arrived(router, `/organisation/terms/${NEW}?minSequence=3`);
  }, LONG);

  it('召开选举: sends the call, the election day not before the day called', async () => {
    const { wrapper, posts } = await show('/organisation/terms', STAFF);
    await click('[data-action=callElection]');
    await set(wrapper, 'callElection-unitId', U);
    await set(wrapper, 'callElection-electionDate', '2000-01-01');
    await set(wrapper, 'callElection-seats', 5);
    await submit('callElection-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper)).toContain(`选举日不能早于召开选举日期 ${TODAY}。`);
    await set(wrapper, 'callElection-electionDate', '2099-03-01');
    await submit('callElection-dialog');
    expect(sent(posts()[0])).toMatchObject({ path: '/api/organisation/elections', method: 'POST' });
    expect(sent(posts()[0]).body).toEqual({ id: expect.stringMatching(UUID), unitId: U, calledOn: TODAY, electionDate: '2099-03-01', termYears: 3,
      seats: 5 });
  }, LONG);

  it('录入选举结果: refuses a result without quorum, shows who is elected, sends the result, and shows the service\'s refusal', async () => {
    const called = term({ state: 'CALLED', calledOn: '2024-02-20', electionDate: '2024-03-01', seats: 3, startedOn: null, dueOn: null, committee: [],
      current: false, daysLeft: null });
    let refuse = true;
    const { wrapper, posts } = await show(`/organisation/terms/${called.id}`, STAFF, (path, init) => {
      if (init.method === 'POST') {
        return refuse ? problem(409, { title: '选举尚未举行', detail: '选举日为 2024-03-01', code: 'ELECTION_NOT_YET_DUE' }) : undefined;
      }
      return path === `/api/organisation/terms/${called.id}` ? called : undefined;
    });
    expect(wrapper.find('[data-test=term-heading]').text()).toBe('综合受理窗口党支部 · 任期');
    expect(wrapper.find('[data-test=term-state]').text()).toBe('选举中');
    await click('[data-action=result]');
    await set(wrapper, 'result-eligibleVoters', 23);
    await set(wrapper, 'result-votesCast', 18);
    const votes = [[M1, 20], [M2, 19], [M5, 15], [M4, 8]];
    for (const [index, [member, n]] of votes.entries()) {
      if (index > 0) {
        await click('[data-test=result-dialog] [data-test=add-row]');
      }
      await set(wrapper, 'candidates-memberId', member, index);
      await set(wrapper, 'candidates-votes', n, index);
    }
    await set(wrapper, 'result-secretaryId', M1);
    await submit('result-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper)).toContain('实到投票人数须超过有选举权党员数的五分之四，选举方有效。');

    await set(wrapper, 'result-votesCast', 21);
    expect(document.querySelector('[data-test=elected-preview]').textContent).toContain('按得票当选：李明、王芳、陈静');
    await set(wrapper, 'result-deputyIds', [M4]);
    await submit('result-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper)).toContain('副书记须从当选的委员中产生。');

    await set(wrapper, 'result-deputyIds', [M2]);
    await submit('result-dialog');
    expect(posts()).toHaveLength(1);
    expect(document.querySelector('[data-test=result-dialog] [data-test=problem-title]').textContent).toContain('选举尚未举行');
    expect(document.querySelector('[data-test=result-dialog] [data-test=problem-detail]').textContent).toContain('选举日为 2024-03-01');

    refuse = false;
    await submit('result-dialog');
    const request = sent(posts()[1]);
    expect(request.path).toBe(`/api/organisation/terms/${called.id}/result`);
    expect(request.body).toEqual({ heldOn: TODAY, eligibleVoters: 23, votesCast: 21, candidates: votes.map(([memberId, n]) => ({ memberId, votes: n })),
      secretaryId: M1, deputyIds: [M2] });
    expect(wrapper.find('[data-test=status]').text()).toBe('选举结果已录入。');
  }, LONG);

  it('批复: sends the approval of an elected committee; shows candidates, votes and the committee', async () => {
    const elected = term({ state: 'ELECTED', calledOn: '2024-02-20', electionDate: '2024-03-01', heldOn: '2024-03-01', seats: 3, eligibleVoters: 23,
      votesCast: 21, candidates: [{ memberId: M1, name: '李明', votes: 20, elected: true }, { memberId: M4, name: '赵敏', votes: 8, elected: false }],
      committee: [{ memberId: M1, name: '李明', position: 'SECRETARY' }], current: false, warning: null });
    const { wrapper, posts } = await show(`/organisation/terms/${elected.id}`, STAFF, one(elected.id, elected));
    expect(wrapper.find('[data-test=candidates]').text()).toContain('赵敏');
    expect(wrapper.find('[data-test=candidates] [data-elected=true]').text()).toBe('当选');
    expect(wrapper.find('[data-test=committee]').text()).toContain('书记');
    await click('[data-action=approval]');
    await type('[data-test=approval-approvedBy]', '中心党委');
    await submit('approval-dialog');
    expect(sent(posts()[0])).toEqual({ path: `/api/organisation/terms/${elected.id}/approval`, method: 'POST', key: expect.any(String),
      body: { approvedOn: TODAY, approvedBy: '中心党委' } });
  }, LONG);

  it('shows a party member the terms without any write action', async () => {
    const list = await show('/organisation/terms', MEMBER, reads({ '/api/organisation/terms': page(terms) }));
    expect(list.wrapper.findAll('[data-test=term-link]')).toHaveLength(3);
    expect(list.actions()).toEqual([]);
    list.wrapper.unmount();
    const detail = await show(`/organisation/terms/${terms[0].id}`, MEMBER, one(terms[0].id, terms[0]));
    expect(detail.wrapper.find('[data-test=term-warning]').attributes('data-warning')).toBe('OVERDUE');
    expect(detail.actions()).toEqual([]);
    expect(detail.wrapper.find('[data-test=read-only]').exists()).toBe(true);
  }, LONG);
});

// --- 工作要点 ---

const P = id(201);
const [K1, K2] = [id(301), id(302)];
const task1 = { id: K1, title: '开展主题教育', description: null, planId: P, itemPosition: 1, listId: null, ownerUnitId: U, ownerUnitName: '综合受理窗口党支部',
  ownerPerson: '李明', assignedOn: '2024-03-05', deadline: '2024-06-30', percent: 60, state: 'IN_PROGRESS', overdue: true,
  reports: [{ date: '2024-05-01', percent: 60, report: '已开展两次专题学习', evidence: [] }], reviews: [], sequence: 1 };
const task2 = { ...task1, id: K2, title: '修订学习制度', ownerUnitId: U3, ownerUnitName: '机关第一党支部', ownerPerson: null, percent: 100, state: 'DONE',
  overdue: false, reports: [{ date: '2024-05-10', percent: 100, report: '已修订', evidence: ['制度文本'] }] };
const plan = { id: P, unitId: U2, unitName: '中心党委', year: 2024, title: '中心党委2024年党建工作要点', dateLine: '2024年3月1日',
  preamble: ['为深入贯彻落实新时代党的建设总要求，制定本要点。'], itemCount: 3, taskCount: 2, acceptedCount: 0, overdueCount: 1, sequence: 0,
  sections: [
    { position: 1, no: '一', title: '加强政治建设', intro: null, items: [
      { position: 1, no: '1', title: '开展主题教育', text: '开展主题教育。\n（1）制定学习计划', tasks: [task1, task2], progress: 80, overdue: 1 },
      { position: 2, no: '8', title: '落实意识形态工作责任制', text: '落实意识形态工作责任制', tasks: [], progress: 0, overdue: 0 }] },
    { position: 2, no: '二', title: '加强组织建设', intro: '以提升组织力为重点。', items: [
      { position: 3, no: '6', title: '规范三会一课', text: '规范三会一课', tasks: [], progress: 0, overdue: 0 }] },
  ] };

describe('工作要点', () => {
  const planText = '中心党委2024年党建工作要点\n2024年3月1日\n1. 加强政治建设\n一、政治建设\n2. 开展主题教育';

  it('lists the plans, the overdue in red', async () => {
    const row = { id: P, unitId: U2, unitName: '中心党委', year: 2024, title: plan.title, itemCount: 12, taskCount: 5, acceptedCount: 2, overdueCount: 1 };
    const { wrapper, actions } = await show('/organisation/plans', STAFF, reads({ '/api/organisation/plans': [row] }));
    const rows = wrapper.findAll('[data-test=plan-list] tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].classes()).toContain('overdue-row');
    expect(rows[0].find('[data-test=plan-link]').text()).toBe('中心党委2024年党建工作要点');
    expect(rows[0].find('[data-test=overdue-count]').classes()).toContain('late');
    expect(wrapper.find('[data-test=total]').text()).toBe('共 1 条');
    expect(actions()).toEqual(['importPlan']);
  }, LONG);

  it('导入: shows the problem\'s message and the line it names, selected in the text; then sends the plan and opens its board', async () => {
    let refuse = true;
    const { wrapper, posts, router } = await show('/organisation/plans', STAFF, (path, init) => {
      if (init.method === 'POST') {
        return refuse ? problem(400, { title: '工作要点无法读取', detail: '第 3 行：条目出现在第一部分之前', code: 'ITEM_BEFORE_SECTION', line: 3 })
          : json({ id: P, sequence: 0 }, 201);
      }
      return undefined;
    });
    await click('[data-action=importPlan]');
    await submit('importPlan-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper)).toEqual(['请选择组织。', '请填写工作要点全文。']);

    wrapper.findAllComponents(BranchSelect).find((s) => s.attributes('data-test') === 'importPlan-unitId').vm.$emit('update:modelValue', U2);
    await type('[data-test=importPlan-text]', planText);
    await submit('importPlan-dialog');
    expect(posts()).toHaveLength(1);
    expect(sent(posts()[0])).toMatchObject({ path: '/api/organisation/plans', method: 'POST', body: { unitId: U2, year: YEAR, text: planText } });
    expect(document.querySelector('[data-test=importPlan-dialog] [data-test=problem-title]').textContent).toContain('工作要点无法读取');
    expect(document.querySelector('[data-test=importPlan-dialog] [data-test=problem-detail]').textContent).toContain('第 3 行');
    const line = document.querySelector('[data-test=problem-line]');
    expect(line.getAttribute('data-line')).toBe('3');
    expect(line.textContent).toContain('第 3 行');
    expect(line.textContent).toContain('1. 加强政治建设');
    const found = document.querySelector('[data-test=importPlan-text]');
    const textarea = found.tagName === 'TEXTAREA' ? found : found.querySelector('textarea');
    const start = planText.indexOf('1. 加强政治建设');
    expect([textarea.selectionStart, textarea.selectionEnd]).toEqual([start, start + '1. 加强政治建设'.length]);

    refuse = false;
    await type('[data-test=importPlan-text]', planText.replace('1. 加强政治建设\n', ''));
    await submit('importPlan-dialog');
    expect(posts()).toHaveLength(2);
    expect(document.querySelector('[data-test=problem-line]')).toBeNull();
    await arrived(router, `/organisation/plans/${P}?minSequence=0`);
  }, LONG);

  it('导入 the same text again: says 未变化', async () => {
    const { wrapper, router } = await show('/organisation/plans', STAFF, (path, init) => (init.method === 'POST'
      ? { id: P, sequence: 0, unchanged: true } : undefined));
    await click('[data-action=importPlan]');
    wrapper.findAllComponents(BranchSelect).find((s) => s.attributes('data-test') === 'importPlan-unitId').vm.$emit('update:modelValue', U2);
    await type('[data-test=importPlan-text]', planText);
    await submit('importPlan-dialog');
    expect(wrapper.find('[data-test=unchanged]').text()).toContain('未变化');
    expect(wrapper.find('[data-test=unchanged-link]').attributes('href')).toBe(`/organisation/plans/${P}`);
    expect(router.currentRoute.value.fullPath).toBe('/organisation/plans');
  }, LONG);

  it('shows the board: sections, items numbered as written, tasks with progress, the overdue in red; 分解任务 sends the task', async () => {
    const { wrapper, posts, gets, actions } = await show(`/organisation/plans/${P}`, STAFF, reads({ [`/api/organisation/plans/${P}`]: plan,
      [`/api/organisation/tasks/${NEW}`]: { ...task1, id: NEW } }));
    expect(wrapper.find('[data-test=plan-heading]').text()).toBe('中心党委2024年党建工作要点');
    expect(wrapper.findAll('[data-test=plan-section]')).toHaveLength(2);
    expect(wrapper.findAll('[data-test=item-no]').map((n) => n.text())).toEqual(['1', '8', '6']);
    const first = wrapper.find('[data-test=plan-item][data-position="1"]');
    expect(first.find('[data-test=item-progress]').attributes('data-percent')).toBe('80');
    expect(first.find('[data-test=item-overdue]').text()).toBe('逾期 1 项');
    expect(first.find('[data-test=item-text]').text()).toContain('（1）制定学习计划');
    const rows = first.findAll('[data-test=tasks] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].classes()).toContain('overdue-row');
    expect(rows[0].find('[data-test=deadline]').classes()).toContain('late');
    expect(rows[0].find('[data-test=deadline]').text()).toBe('2024-06-30');
    expect(rows[0].find('[data-test=overdue]').text()).toBe('逾期');
    expect(rows[0].find('[data-test=task-progress]').attributes('data-percent')).toBe('60');
    expect(rows[0].text()).toContain('推进中');
    expect(rows[1].classes()).not.toContain('overdue-row');
    expect(rows[1].text()).toContain('待验收');
    expect(actions()).toEqual(['assignTask', 'progress', 'review', 'assignTask', 'assignTask']);

    await click('[data-test=plan-item][data-position="1"] [data-action=assignTask]');
    expect(document.querySelector('[data-test=dialog-subject]').textContent).toBe('1 开展主题教育');
    await type('[data-test=assignTask-title]', '制定支部学习计划');
    await set(wrapper, 'assignTask-ownerUnitId', U);
    await set(wrapper, 'assignTask-deadline', '2000-01-01');
    await submit('assignTask-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper)).toContain(`完成时限不能早于分解日期 ${TODAY}。`);
    await set(wrapper, 'assignTask-deadline', '2099-06-30');
    await submit('assignTask-dialog');
    expect(sent(posts()[0])).toMatchObject({ path: '/api/organisation/tasks', method: 'POST' });
    expect(sent(posts()[0]).body).toEqual({ id: expect.stringMatching(UUID), planId: P, itemPosition: 1, title: '制定支部学习计划', ownerUnitId: U,
      assignedOn: TODAY, deadline: '2099-06-30' });
    // the new task is read at the sequence answered, then the board again
    const after = gets().slice(gets().indexOf(`/api/organisation/tasks/${NEW}?minSequence=3`));
    expect(after[0]).toBe(`/api/organisation/tasks/${NEW}?minSequence=3`);
    expect(after).toContain(`/api/organisation/plans/${P}`);
    expect(wrapper.find('[data-test=status]').text()).toBe('任务已分解。');
  }, LONG);

  it('验收 on the board: a done task sent back with the opinion', async () => {
    const { wrapper, posts } = await show(`/organisation/plans/${P}`, STAFF, one(P, plan));
    await click('[data-action=review]');
    await submit('review-dialog');
    expect(posts()).toHaveLength(0);
    await click('[data-test=review-accepted] [data-value=false] input');
    await type('[data-test=review-opinion]', '佐证材料不全');
    await submit('review-dialog');
    expect(sent(posts()[0])).toMatchObject({ path: `/api/organisation/tasks/${K2}/review`,
      body: { date: TODAY, accepted: false, opinion: '佐证材料不全' } });
  }, LONG);

  it('lets a secretary report his branch\'s task only, and a party member nothing', async () => {
    const secretary = await show(`/organisation/plans/${P}`, SECRETARY, one(P, plan), U);
    expect(secretary.actions()).toEqual(['progress']);
    expect(secretary.wrapper.find('[data-test=read-only]').exists()).toBe(false);
    secretary.wrapper.unmount();
    const member = await show(`/organisation/plans/${P}`, MEMBER, one(P, plan), U);
    expect(member.actions()).toEqual([]);
    expect(member.wrapper.find('[data-test=read-only]').exists()).toBe(true);
    expect(member.wrapper.findAll('[data-test=tasks] tbody tr')).toHaveLength(2);
  }, LONG);

  it('报告进度 on a task: not below the last report, then the report with its evidence', async () => {
    const { wrapper, posts } = await show(`/organisation/tasks/${K1}`, SECRETARY, one(K1, task1), U);
    expect(wrapper.find('[data-test=task-heading]').text()).toBe('开展主题教育');
    expect(wrapper.find('[data-test=task-overdue]').exists()).toBe(true);
    expect(wrapper.find('[data-test=deadline]').classes()).toContain('late');
    expect(wrapper.find('[data-test=reports]').text()).toContain('已开展两次专题学习');
    expect(wrapper.find('[data-test=plan-link]').attributes('href')).toBe(`/organisation/plans/${P}`);
    await click('[data-action=progress]');
    await set(wrapper, 'progress-percent', 50);
    await type('[data-test=progress-report]', '完成第三次专题学习');
    await submit('progress-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper)).toContain('进度不能低于上次报告的 60%（任务被退回后除外）。');
    await set(wrapper, 'progress-percent', 80);
    await type('[data-test=progress-evidence]', '学习记录\n\n照片 ');
    await submit('progress-dialog');
    expect(sent(posts()[0])).toEqual({ path: `/api/organisation/tasks/${K1}/progress`, method: 'POST', key: expect.any(String),
      body: { date: TODAY, percent: 80, report: '完成第三次专题学习', evidence: ['学习记录', '照片'] } });
  }, LONG);
});

// --- 责任清单 ---

const [L1, L2] = [id(401), id(402)];
const responsibilityList = { id: L1, kind: 'RESPONSIBILITY', unitId: U, unitName: '综合受理窗口党支部', year: 2024, holder: '支部书记 李明',
  title: '支部书记党建工作责任清单', entries: [{ no: 1, text: '履行第一责任人职责', basis: '党建工作责任制规定' }], tasks: [], sequence: 1 };
const taskList = { ...responsibilityList, id: L2, kind: 'TASK', holder: null, title: '2024年支部任务清单', entries: [], tasks: [{ ...task1, planId: null,
  itemPosition: null, listId: L2 }] };

describe('责任清单', () => {
  it('lists the lists with their kinds, filters by kind on the server, and 制定清单 sends the list', async () => {
    const { wrapper, gets, posts, router } = await show('/organisation/responsibility-lists', STAFF,
      reads({ '/api/organisation/responsibility-lists': page([responsibilityList, taskList]) }));
    const rows = wrapper.findAll('[data-test=list-list] tbody tr');
    expect(rows.map((r) => r.find('[data-kind]').text())).toEqual(['责任清单', '任务清单']);
    expect(rows[0].text()).toContain('支部书记 李明');
    const kind = wrapper.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-test') === 'filter-kind');
    kind.vm.$emit('update:modelValue', 'TASK');
    await wrapper.find('form.filters').trigger('submit');
    await settle();
    expect(gets().at(-1)).toBe('/api/organisation/responsibility-lists?kind=TASK&page=0&size=20');

    await click('[data-action=drawList]');
    await set(wrapper, 'drawList-unitId', U);
    await type('[data-test=drawList-holder]', '支部书记 李明');
    await type('[data-test=drawList-title]', ' 支部书记党建工作责任清单 ');
    await submit('drawList-dialog');
    expect(sent(posts()[0])).toMatchObject({ path: '/api/organisation/responsibility-lists', method: 'POST' });
    expect(sent(posts()[0]).body).toEqual({ id: expect.stringMatching(UUID), kind: 'RESPONSIBILITY', unitId: U, year: YEAR, holder: '支部书记 李明',
      title: '支部书记党建工作责任清单' });
    await arrived(router, `/organisation/responsibility-lists/${NEW}?minSequence=3`);
  }, LONG);

  it('添加条目 to a responsibility list, and shows the refusal', async () => {
    const { wrapper, posts } = await show(`/organisation/responsibility-lists/${L1}`, STAFF, (path, init) => (init.method === 'POST'
      ? problem(409, { title: '不是责任清单', code: 'NOT_A_RESPONSIBILITY_LIST' }) : (path.endsWith(L1) ? responsibilityList : undefined)));
    expect(wrapper.find('[data-test=entries]').text()).toContain('履行第一责任人职责');
    await click('[data-action=addEntry]');
    await type('[data-test=addEntry-text]', '每季度听取党小组工作汇报');
    await submit('addEntry-dialog');
    expect(sent(posts()[0])).toMatchObject({ path: `/api/organisation/responsibility-lists/${L1}/entries`, body: { text: '每季度听取党小组工作汇报' } });
    expect(document.querySelector('[data-test=addEntry-dialog] [data-test=problem-title]').textContent).toContain('不是责任清单');
  }, LONG);

  it('添加任务 to a task list: POST /tasks with its listId; a party member sees no action', async () => {
    const staff = await show(`/organisation/responsibility-lists/${L2}`, STAFF, one(L2, taskList));
    expect(staff.wrapper.find('[data-test=tasks]').text()).toContain('开展主题教育');
    expect(staff.actions()).toEqual(['addTask', 'progress']);
    await click('[data-action=addTask]');
    await type('[data-test=addTask-title]', '完成支部换届');
    await set(staff.wrapper, 'addTask-ownerUnitId', U);
    await type('[data-test=addTask-ownerPerson]', '李明');
    await set(staff.wrapper, 'addTask-deadline', '2099-12-31');
    await submit('addTask-dialog');
    expect(sent(staff.posts()[0])).toMatchObject({ path: '/api/organisation/tasks', method: 'POST' });
    expect(sent(staff.posts()[0]).body).toEqual({ id: expect.stringMatching(UUID), listId: L2, title: '完成支部换届', ownerUnitId: U,
      ownerPerson: '李明', assignedOn: TODAY, deadline: '2099-12-31' });
    staff.wrapper.unmount();
    const member = await show(`/organisation/responsibility-lists/${L2}`, MEMBER, one(L2, taskList));
    expect(member.actions()).toEqual([]);
    expect(member.wrapper.find('[data-test=read-only]').exists()).toBe(true);
  }, LONG);
});

// --- 组织评定 ---

const area = (code, name, more = {}) => ({ code, name, maxScore: 20, ...more });
const wuhua = { id: id(501), code: 'wuhua', version: 1, title: '党支部"五化"建设考核', subjectKinds: ['BRANCH'], publishedAt: '2024-01-02T02:00:00Z',
  reason: '党委会议通过', areas: [area('SETUP', '组织设置标准化'), area('ORGANISATIONAL_LIFE', '组织生活正常化', { factsSource: 'activities.compliance' })],
  grades: [{ grade: 'EXCELLENT', label: '优秀', minScore: 36 }, { grade: 'QUALIFIED', label: '合格', minScore: 24 }] };
const wuli = { code: 'wuli', title: '党支部"五力"提升', subjectKinds: ['BRANCH', 'GENERAL_BRANCH'],
  areas: [area('POLITICAL', '政治力', { description: '政治站位' }), area('LEARNING', '学习力')],
  grades: [{ grade: 'GOOD', label: '好', minScore: 30 }] };
const A = id(601);
const fact = (kind, period, held, met) => ({ complianceId: `${kind}-${period}`, kind, period, required: 1, held, met });
const openAssessment = { id: A, unitId: U, unitName: '综合受理窗口党支部', year: 2024, criteriaCode: 'wuhua', criteriaTitle: wuhua.title,
  criteriaVersion: 1, state: 'OPEN', openedOn: '2024-12-01', assessors: ['王建国'], total: null, maxTotal: 40, grade: null, gradeLabel: null, sequence: 2,
  areas: [{ code: 'SETUP', name: '组织设置标准化', maxScore: 20, score: 18, evidence: ['制度汇编'], note: null, date: '2024-12-05', facts: [], corrections: [] },
    { code: 'ORGANISATIONAL_LIFE', name: '组织生活正常化', maxScore: 20, score: null, evidence: [], note: null, date: null, facts: [], corrections: [] }] };
const concluded = { ...openAssessment, state: 'CONCLUDED', total: 37, grade: 'EXCELLENT', gradeLabel: '优秀', concludedOn: '2024-12-10',
  conclusion: '达到五化标准', areas: [openAssessment.areas[0], { ...openAssessment.areas[1], score: 19, evidence: ['会议记录'], date: '2024-12-06',
    facts: [fact('PARTY_LESSON', '2024-Q1', 1, true), fact('BRANCH_COMMITTEE_MEETING', '2024-03', 0, false)],
    corrections: [{ previousScore: 16, score: 19, reason: '补充会议记录', date: '2024-12-08', sequence: 7, correctsSequence: 3 }] }] };

describe('组织评定', () => {
  const assessmentsPage = reads({
    '/api/organisation/assessment-criteria': [wuhua],
    '/api/organisation/assessment-criteria/templates': [wuli],
    '/api/organisation/assessments': page([concluded]),
  });

  it('lists the criteria sets and the assessments, and publishes a new version from a template, checked first', async () => {
    const { wrapper, posts, router } = await show('/organisation/assessments', STAFF, assessmentsPage);
    expect(wrapper.find('[data-test=criteria-list]').text()).toContain('党支部"五化"建设考核');
    expect(wrapper.find('[data-test=criteria-list]').text()).toContain('组织生活正常化 20 分');
    expect(wrapper.find('[data-test=criteria-list]').text()).toContain('优秀 ≥ 36');
    const row = wrapper.find('[data-test=assessment-list] tbody tr');
    expect(row.find('[data-test=assessment-link]').text()).toBe('综合受理窗口党支部');
    expect(row.find('[data-test=grade]').text()).toBe('优秀');
    expect(row.text()).toContain('37 / 40');

    const from = wrapper.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-test') === 'publish-from');
    from.vm.$emit('update:modelValue', 'template:wuli');
    await settle();
    await click('[data-action=publishCriteria]');
    await set(wrapper, 'areas-code', 'political', 0);
    await submit('publishCriteria-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper).join()).toContain('代码须以大写字母开头');
    await set(wrapper, 'areas-code', 'POLITICAL', 0);
    await type('[data-test=publishCriteria-reason]', '党委会议通过');
    await submit('publishCriteria-dialog');
    expect(sent(posts()[0])).toMatchObject({ path: '/api/organisation/assessment-criteria', method: 'POST' });
    expect(sent(posts()[0]).body).toEqual({ code: 'wuli', title: '党支部"五力"提升', subjectKinds: ['BRANCH', 'GENERAL_BRANCH'],
      areas: [{ code: 'POLITICAL', name: '政治力', maxScore: 20, description: '政治站位' }, { code: 'LEARNING', name: '学习力', maxScore: 20 }],
      grades: [{ grade: 'GOOD', label: '好', minScore: 30 }], reason: '党委会议通过' });
    await arrived(router, '/organisation/assessment-criteria/wuli?minSequence=3');
  }, LONG);

  it('开始评定 sends the unit, year, criteria set, day and assessors', async () => {
    const { wrapper, posts } = await show('/organisation/assessments', STAFF, assessmentsPage);
    await click('[data-action=openAssessment]');
    const criteria = wrapper.findAllComponents(WorkField).find((f) => f.props('testId') === 'openAssessment-criteriaCode');
    expect(criteria.props('options')).toEqual([{ value: 'wuhua', label: '党支部"五化"建设考核（v1）' }]);
    await set(wrapper, 'openAssessment-unitId', U);
    await set(wrapper, 'openAssessment-year', 2024);
    await set(wrapper, 'openAssessment-criteriaCode', 'wuhua');
    await submit('openAssessment-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper)).toContain('请填写评定人。');
    await type('[data-test=openAssessment-assessors]', '王建国\n李红');
    await submit('openAssessment-dialog');
    expect(sent(posts()[0])).toMatchObject({ path: '/api/organisation/assessments', method: 'POST',
      body: { unitId: U, year: 2024, criteriaCode: 'wuhua', openedOn: TODAY, assessors: ['王建国', '李红'] } });
    expect(sent(posts()[0]).body).not.toHaveProperty('id');
  }, LONG);

  it('shows an assessment\'s areas with their compliance facts, corrections, total and grade; staff may only correct it now', async () => {
    const { wrapper, actions } = await show(`/organisation/assessments/${A}`, STAFF, one(A, concluded));
    expect(wrapper.find('[data-test=assessment-heading]').text()).toBe('综合受理窗口党支部 · 2024年度 · 党支部"五化"建设考核');
    expect(wrapper.find('[data-test=total]').text()).toBe('37');
    expect(wrapper.find('[data-test=grade]').text()).toBe('优秀');
    const life = wrapper.find('[data-test=area][data-code=ORGANISATIONAL_LIFE]');
    const facts = life.findAll('[data-test=compliance-facts] tbody tr');
    expect(facts).toHaveLength(2);
    expect(facts[0].text()).toContain('党课');
    expect(facts[0].text()).toContain('2024年第1季度');
    expect(facts[1].find('[data-met=false]').text()).toBe('未落实');
    expect(life.find('[data-test=corrections]').text()).toContain('16 → 19 分');
    expect(life.find('[data-test=corrections]').text()).toContain('补充会议记录');
    expect(actions()).toEqual(['correct', 'correct']);
  }, LONG);

  it('评分: the compliance the score records is shown first; the score within the area\'s maximum; the body sent', async () => {
    const compliance = [fact('PARTY_LESSON', '2024-Q1', 1, true), fact('PARTY_LESSON', '2024-Q2', 0, false)];
    const { wrapper, posts, gets, actions } = await show(`/organisation/assessments/${A}`, STAFF, (path) => ({
      [`/api/organisation/assessments/${A}`]: openAssessment,
      '/api/organisation/assessment-criteria/wuhua': wuhua,
      [`/api/organisation/units/${U}/compliance`]: compliance,
    }[path]));
    expect(actions()).toEqual(['correct', 'score']);
    expect(wrapper.find('[data-test=incomplete]').exists()).toBe(true);
    await click('[data-test=area][data-code=ORGANISATIONAL_LIFE] [data-action=score]');
    expect(gets()).toContain('/api/organisation/assessment-criteria/wuhua?version=1');
    expect(gets()).toContain(`/api/organisation/units/${U}/compliance?year=2024`);
    const before = document.querySelectorAll('[data-test=compliance-before] [data-test=compliance-facts] tbody tr');
    expect(before).toHaveLength(2);
    expect(before[1].textContent).toContain('未落实');
    await submit('score-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper)).toContain('请填写得分。');
    await set(wrapper, 'score-score', 17);
    await type('[data-test=score-evidence]', '会议记录');
    await submit('score-dialog');
    expect(sent(posts()[0])).toEqual({ path: `/api/organisation/assessments/${A}/scores`, method: 'POST', key: expect.any(String),
      body: { areaCode: 'ORGANISATIONAL_LIFE', score: 17, date: TODAY, evidence: ['会议记录'] } });
  }, LONG);

  it('更正 an area and 结论 once every area is scored', async () => {
    const scored = { ...openAssessment, areas: [openAssessment.areas[0], { ...openAssessment.areas[1], score: 16, date: '2024-12-06' }] };
    const { wrapper, posts, actions } = await show(`/organisation/assessments/${A}`, STAFF, (path, init) => (init.method === 'POST'
      && path.endsWith('/conclusion') ? problem(409, { title: '评定已有结论', code: 'ASSESSMENT_ALREADY_CONCLUDED' })
      : (path.endsWith(A) ? { ...scored, areas: scored.areas.map((x) => ({ ...x, factsSource: null })) } : undefined)));
    expect(actions()).toEqual(['concludeAssessment', 'correct', 'correct']);
    await click('[data-test=area][data-code=SETUP] [data-action=correct]');
    await set(wrapper, 'correct-score', 17);
    await type('[data-test=correct-reason]', '复核后扣减');
    await submit('correct-dialog');
    expect(sent(posts()[0])).toMatchObject({ path: `/api/organisation/assessments/${A}/corrections`,
      body: { areaCode: 'SETUP', score: 17, date: TODAY, reason: '复核后扣减', evidence: [] } });
    await click('[data-test=assessment] [data-action=concludeAssessment]');
    await type('[data-test=concludeAssessment-conclusion]', '达到五化标准');
    await submit('concludeAssessment-dialog');
    expect(sent(posts()[1])).toMatchObject({ path: `/api/organisation/assessments/${A}/conclusion`, body: { date: TODAY, conclusion: '达到五化标准' } });
    expect(document.querySelector('[data-test=concludeAssessment-dialog] [data-test=problem-title]').textContent).toContain('评定已有结论');
  }, LONG);

  it('shows a party member the criteria and assessments with no write action', async () => {
    const list = await show('/organisation/assessments', MEMBER, assessmentsPage);
    expect(list.actions()).toEqual([]);
    expect(list.wrapper.find('[data-test=publish-from]').exists()).toBe(false);
    expect(list.gets()).not.toContain('/api/organisation/assessment-criteria/templates');
    list.wrapper.unmount();
    const detail = await show(`/organisation/assessments/${A}`, MEMBER, one(A, openAssessment));
    expect(detail.actions()).toEqual([]);
    expect(detail.wrapper.find('[data-test=read-only]').exists()).toBe(true);
  }, LONG);
});

// --- 双述双评 ---

const R = id(701);
const report = { id: R, unitId: U, unitName: '综合受理窗口党支部', year: 2024, secretaryMemberId: M1, secretaryName: '李明', submittedOn: '2025-01-10',
  partyWorkReport: '一年来，支部认真落实三会一课制度……', businessWorkReport: '窗口办件量同比增长……', state: 'SUBMITTED', sequence: 2,
  evaluations: [
    { evaluator: '王建国', evaluatorRole: '党委书记', partyWorkRating: 'EXCELLENT', businessWorkRating: 'GOOD', comment: '成效明显', date: '2025-01-15' },
    { evaluator: '孙丽', evaluatorRole: '党委委员', partyWorkRating: 'GOOD', businessWorkRating: 'FAIR', comment: null, date: '2025-01-15' }],
  concludedOn: null, partyWorkRating: null, businessWorkRating: null, conclusion: null };

describe('双述双评', () => {
  it('lists the reports; a secretary submits his own branch\'s report (the branch from his account)', async () => {
    const { wrapper, posts, actions } = await show('/organisation/secretary-reports', SECRETARY, reads({ '/api/organisation/secretary-reports':
      page([{ ...report, state: 'CONCLUDED', partyWorkRating: 'EXCELLENT', businessWorkRating: 'GOOD' }]) }), U);
    const row = wrapper.find('[data-test=report-list] tbody tr');
    expect(row.find('[data-test=report-link]').text()).toBe('综合受理窗口党支部');
    expect(row.text()).toContain('已评议');
    expect(row.text()).toContain('较好');
    expect(actions()).toEqual(['submitReport']);
    await click('[data-action=submitReport]');
    expect(wrapper.findAllComponents(WorkField).some((f) => f.props('testId') === 'submitReport-unitId')).toBe(false);
    await set(wrapper, 'submitReport-secretaryMemberId', M1);
    await type('[data-test=submitReport-secretaryName]', '李明');
    await type('[data-test=submitReport-partyWorkReport]', '述党建全文');
    await submit('submitReport-dialog');
    expect(posts()).toHaveLength(0);
    expect(messages(wrapper)).toEqual(['请填写述业务。']);
    await type('[data-test=submitReport-businessWorkReport]', '述业务全文');
    await submit('submitReport-dialog');
    expect(sent(posts()[0])).toEqual({ path: '/api/organisation/secretary-reports', method: 'POST', key: expect.any(String),
      body: { unitId: U, year: YEAR, secretaryMemberId: M1, secretaryName: '李明', submittedOn: TODAY, partyWorkReport: '述党建全文',
        businessWorkReport: '述业务全文' } });
  }, LONG);

  it('shows the evaluations; 评议 sends the ratings and shows the refusal; 结论 shows the ratings the evaluations give', async () => {
    let refuse = true;
    const { wrapper, posts } = await show(`/organisation/secretary-reports/${R}`, STAFF, (path, init) => {
      if (init.method === 'POST' && path.endsWith('/evaluations') && refuse) {
        return problem(409, { title: '该评议人已评议', detail: '王建国已对本报告作出评议', code: 'EVALUATOR_ALREADY_RATED' });
      }
      return path.endsWith(R) ? report : undefined;
    });
    expect(wrapper.find('[data-test=report-heading]').text()).toBe('综合受理窗口党支部 · 2024年度');
    expect(wrapper.find('[data-test=party-work-report]').text()).toContain('三会一课');
    const rows = wrapper.findAll('[data-test=evaluations] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].find('[data-rating=EXCELLENT]').text()).toBe('好');
    expect(rows[1].find('[data-rating=FAIR]').text()).toBe('一般');

    await click('[data-action=evaluate]');
    await type('[data-test=evaluate-evaluator]', '王建国');
    await type('[data-test=evaluate-evaluatorRole]', '党委书记');
    await click('[data-test=evaluate-partyWorkRating] [data-value=GOOD] input');
    await click('[data-test=evaluate-businessWorkRating] [data-value=EXCELLENT] input');
    await submit('evaluate-dialog');
    expect(sent(posts()[0])).toEqual({ path: `/api/organisation/secretary-reports/${R}/evaluations`, method: 'POST', key: expect.any(String),
      body: { evaluator: '王建国', evaluatorRole: '党委书记', partyWorkRating: 'GOOD', businessWorkRating: 'EXCELLENT', date: TODAY } });
    expect(document.querySelector('[data-test=evaluate-dialog] [data-test=problem-title]').textContent).toContain('该评议人已评议');
    expect(document.querySelector('[data-test=evaluate-dialog] [data-test=problem-detail]').textContent).toContain('王建国已对本报告作出评议');

    refuse = false;
    await click('[data-action=concludeReport]');
    expect(document.querySelector('[data-test=rating-preview]').textContent).toContain('述党建评价为“好”，述业务评价为“较好”');
    await type('[data-test=concludeReport-conclusion]', '评议等次：好');
    await submit('concludeReport-dialog');
    expect(sent(posts()[1])).toMatchObject({ path: `/api/organisation/secretary-reports/${R}/conclusion`,
      body: { date: TODAY, conclusion: '评议等次：好' } });
  }, LONG);

  it('lets an inspector read a report without any action, and keeps party members out', async () => {
    const inspector = await show(`/organisation/secretary-reports/${R}`, INSPECTOR, one(R, report));
    expect(inspector.wrapper.findAll('[data-test=evaluations] tbody tr')).toHaveLength(2);
    expect(inspector.actions()).toEqual([]);
    expect(inspector.wrapper.find('[data-test=read-only]').exists()).toBe(true);
    inspector.wrapper.unmount();
    expect(mayOpen(routes.find((r) => r.name === 'org-report'), MEMBER)).toBe(false);
    expect(mayOpen(routes.find((r) => r.name === 'org-reports'), MEMBER)).toBe(false);
  }, LONG);
});
