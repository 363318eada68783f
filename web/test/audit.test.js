import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createI18n } from 'vue-i18n';
import zhCN from '../src/i18n/zh-CN.js';
import en from '../src/i18n/en.js';
import {
  CONSISTENCY_PROBLEMS, FINDING_KINDS, SERVICES, TIME_AXES, asOfParams, chainBadge, consistencyProblem, differenceParams, durationParts,
  durationText, exportFileName, findingKindName, findingSource, instant, linkRoute, mayReadIntegrity, mayReadRecords, mayReplay, maySign,
  mayVerify, nextFrom, openCounts, progressText, replayId, replayProgress, replayRunning, serviceName, shortType, stateRows, subjectParams,
  timelineRoute, titleOf, validId, valueText, labelText,
} from '../src/modules/audit/audit.js';
import { asOf, commands, difference, memberTimeline, timeline } from '../src/modules/audit/api.js';
import audit from '../src/modules/audit/index.js';
import { MODULES } from '../src/modules/index.js';
import { mayOpen, menuFor } from '../src/modules/menu.js';
import { PEOPLE } from '../src/modules/roles.js';
import { routes } from '../src/router/index.js';

const i18n = (locale) => createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } }).global;
const A = '00000000-0000-4000-8000-0000000000a1';
const B = '00000000-0000-4000-8000-0000000000b1';
const M = '00000000-0000-4000-8001-000000000001';
const U = '00000000-0000-4000-8002-000000000001';
const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('what the audit screens say', () => {
  it('shortens an event type to the part between its service and its version', () => {
    expect(shortType('org.dangjian.members.MemberAssessmentConcluded.v1', 'members')).toBe('MemberAssessmentConcluded');
    expect(shortType('org.dangjian.members.MemberAssessmentConcluded.v12')).toBe('MemberAssessmentConcluded');
    // a name with dots of its own after the service keeps them
    expect(shortType('org.dangjian.activities.compliance.PeriodConcluded.v2', 'activities')).toBe('compliance.PeriodConcluded');
    // the service named elsewhere: the last name before the version
    expect(shortType('org.dangjian.discipline.CaseOpened.v1', 'members')).toBe('CaseOpened');
    expect(shortType('Custom')).toBe('Custom');
    expect(shortType(null)).toBe('');
  });

  it('says a subject\'s label in words where it holds a kind or a type the client knows, the rest as it came', () => {
    const zh = i18n('zh-CN');
    expect(labelText(zh, 'THEME_PARTY_DAY · 2026-10')).toBe('主题党日 · 2026-10');
    expect(labelText(zh, 'DEMOCRATIC_EVALUATION · 2024')).toBe('民主评议党员 · 2024');
    expect(labelText(i18n('en'), 'THEME_PARTY_DAY · 2026-10')).not.toContain('THEME_PARTY_DAY');
    expect(labelText(zh, 'UNKNOWN_KIND · 不动产登记窗口')).toBe('UNKNOWN_KIND · 不动产登记窗口');
    expect(labelText(zh, '')).toBe('—');
  });

  it('names services, finding kinds and roles in both languages, and shows an unknown one as it came', () => {
    const zh = i18n('zh-CN');
    const english = i18n('en');
    expect(serviceName(zh, 'discipline')).toBe('纪检监督');
    expect(serviceName(english, 'members')).toBe('Members');
    expect(serviceName(zh, 'payments')).toBe('payments');
    expect(serviceName(zh, null)).toBe('—');
    expect(findingKindName(zh, 'STORE_BEHIND')).toBe('库中记录被截断');
    expect(findingKindName(zh, 'CHECKPOINT_INCONSISTENT')).toBe('与检查点不一致');
    expect(findingKindName(english, 'FORK')).toBe('Fork');
    expect(findingKindName(zh, 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    const zhNames = FINDING_KINDS.map((kind) => findingKindName(zh, kind));
    expect(zhNames).toEqual(['哈希不符', '链断裂', '序号缺失', '重投内容不同', '分叉', '无法读取', '主题错误', '库中记录被截断', '库中记录被改写',
      '库中记录缺失', '库中记录未发布', '库中链断裂', '与检查点不一致']);
    for (const messages of [zhCN, en]) {
      const { te } = createI18n({ legacy: false, locale: 'x', messages: { x: messages } }).global;
      FINDING_KINDS.forEach((kind) => expect(te(`audit.findingKinds.${kind}`), kind).toBe(true));
      SERVICES.forEach((service) => expect(te(`audit.services.${service}`), service).toBe(true));
      TIME_AXES.forEach((axis) => expect(te(`audit.axes.${axis}`), axis).toBe(true));
      CONSISTENCY_PROBLEMS.forEach((p) => expect(te(`audit.consistency.problems.${p}`), p).toBe(true));
      ['audit', 'auditSubjects', 'auditFindings', 'auditCheckpoints', 'auditReplays'].forEach((k) => expect(te(`menu.${k}`), k).toBe(true));
    }
    expect(zhCN.audit.axes).toEqual({ OCCURRED: '按发生时间', RECORDED: '按记录时间' });
    expect(titleOf({ title: '民主评议党员', titleEn: 'Democratic evaluation' }, 'en')).toBe('Democratic evaluation');
    expect(titleOf({ title: '民主评议党员', titleEn: 'Democratic evaluation' }, 'zh-CN')).toBe('民主评议党员');
    expect(titleOf({ title: '明察暗访', titleEn: '' }, 'en')).toBe('明察暗访');
  });

  it('asks for the state as of a picked moment, by the axis chosen', () => {
    const at = Date.UTC(2026, 2, 1, 8, 30, 0);
    expect(asOfParams({ at, by: 'RECORDED', part: ' 2026 ' })).toEqual({ at: '2026-03-01T08:30:00.000Z', by: 'RECORDED', part: '2026' });
    expect(asOfParams({ at: String(at), by: 'SOMETIME' })).toEqual({ at: '2026-03-01T08:30:00.000Z', by: 'OCCURRED', part: undefined });
    expect(asOfParams({ at: new Date(at) }).at).toBe('2026-03-01T08:30:00.000Z');
    expect(asOfParams({ at: '2026-03-01T16:30:00+08:00' }).at).toBe('2026-03-01T08:30:00.000Z');
    expect(asOfParams({ at: null, by: 'RECORDED' })).toBeNull();
    expect(asOfParams({ at: 'not a time' })).toBeNull();
    expect(asOfParams()).toBeNull();
    expect(instant('')).toBeNull();
  });

  it('compares two moments only when the second comes after the first', () => {
    const from = Date.UTC(2026, 2, 1);
    const to = Date.UTC(2026, 3, 1);
    expect(differenceParams({ from, to, by: 'RECORDED' })).toEqual({ params: { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z',
      by: 'RECORDED', part: undefined } });
    expect(differenceParams({ from: to, to: from })).toEqual({ problem: 'audit.problems.order' });
    expect(differenceParams({ from, to: from })).toEqual({ problem: 'audit.problems.order' });
    expect(differenceParams({ from, to: null })).toBeNull();
    expect(differenceParams({})).toBeNull();
  });

  it('lists a state\'s fields with their values and the event that set them', () => {
    expect(stateRows({ state: { result: '优秀', score: 95, votes: { EXCELLENT: 12 }, note: null }, setBy: { result: 3, score: 2 } })).toEqual([
      { field: 'result', value: '优秀', setBy: 3 }, { field: 'score', value: '95', setBy: 2 }, { field: 'votes', value: '{"EXCELLENT":12}', setBy: null },
      { field: 'note', value: '—', setBy: null }]);
    expect(stateRows(null)).toEqual([]);
    expect(valueText(false)).toBe('false');
    expect(valueText(['a', 'b'])).toBe('["a","b"]');
    expect(valueText('')).toBe('—');
  });

  it('takes the subjects\' filters as the service does and knows an id from anything else', () => {
    expect(subjectParams({ kind: ' member-assessment ', memberId: ` ${M.toUpperCase()} `, unitId: '', page: 1, size: 50 }))
      .toEqual({ kind: 'member-assessment', memberId: M, unitId: undefined, page: 1, size: 50 });
    expect(validId('')).toBe(true);
    expect(validId(` ${M} `)).toBe(true);
    expect(validId('6f1c')).toBe(false);
  });

  it('leads to a stream\'s timeline, with a subject\'s part, and pages on after the last sequence', () => {
    expect(timelineRoute('members', A, '2026')).toEqual({ name: 'audit-timeline', params: { service: 'members', aggregateId: A }, query: { part: '2026' } });
    expect(timelineRoute('members', A, null).query).toEqual({});
    expect(linkRoute({ service: 'activities', aggregateId: B, sequence: 4 })).toEqual({ name: 'audit-timeline',
      params: { service: 'activities', aggregateId: B }, query: {} });
    expect(linkRoute(null)).toBeNull();
    expect(nextFrom([{ sequence: 0 }, { sequence: 7 }])).toBe(8);
    expect(nextFrom([])).toBe(0);
  });

  it('reads an export\'s chain check and checkpoint into a badge', () => {
    const proof = { checkpoint: { number: 3, issuedAt: '2026-03-01T00:00:00Z', root: 'c'.repeat(64), keyId: 'd'.repeat(64) }, leafIndex: 2, treeSize: 9,
      leaf: { service: 'members', aggregateId: A, count: 2, head: 'b'.repeat(64) } };
    const intact = chainBadge({ verification: { eventsChecked: 2, intact: true, head: 'b'.repeat(64), problems: [] }, checkpoint: proof });
    expect(intact).toEqual({ state: 'intact', eventsChecked: 2, head: 'b'.repeat(64), problems: [], checkpoint: { number: 3,
      issuedAt: '2026-03-01T00:00:00Z', root: 'c'.repeat(64), keyId: 'd'.repeat(64), leafIndex: 2, treeSize: 9, leaf: proof.leaf } });
    const broken = chainBadge({ verification: { eventsChecked: 5, intact: false, head: 'e'.repeat(64), problems: [{ kind: 'CHAIN_BROKEN', sequence: 3,
      detail: 'x' }] }, checkpoint: null });
    expect(broken.state).toBe('broken');
    expect(broken.problems).toHaveLength(1);
    expect(broken.checkpoint).toBeNull();
    expect(chainBadge(null)).toEqual({ state: 'unknown', eventsChecked: 0, head: null, problems: [], checkpoint: null });
  });

  it('lists the open findings by kind in the kinds\' order, none at zero, unknown kinds last', () => {
    expect(openCounts({ STORE_MISSING: 2, HASH_MISMATCH: 1, FORK: 0, ZZ_NEW: 4, AA_NEW: 1 })).toEqual([{ kind: 'HASH_MISMATCH', count: 1 },
      { kind: 'STORE_MISSING', count: 2 }, { kind: 'AA_NEW', count: 1 }, { kind: 'ZZ_NEW', count: 4 }]);
    expect(openCounts(null)).toEqual([]);
    expect(findingSource('witness')).toEqual({ kind: 'witness', id: null });
    expect(findingSource(`verification ${A}`)).toEqual({ kind: 'verification', id: A });
    expect(findingSource('manual')).toEqual({ kind: 'other', id: 'manual' });
    expect(findingSource(null)).toEqual({ kind: 'other', id: null });
  });

  it('checks an earlier checkpoint against a later one only', () => {
    expect(consistencyProblem(3, 5)).toBeNull();
    expect(consistencyProblem('3', '5')).toBeNull();
    expect(consistencyProblem(5, 5)).toBe('audit.problems.checkpointOrder');
    expect(consistencyProblem(6, 5)).toBe('audit.problems.checkpointOrder');
    expect(consistencyProblem(0, 5)).toBe('audit.problems.checkpointNumbers');
    expect(consistencyProblem(null, 5)).toBe('audit.problems.checkpointNumbers');
    expect(consistencyProblem(1.5, 5)).toBe('audit.problems.checkpointNumbers');
  });

  it('follows a replay\'s progress: share, rate and time left while it runs, everything once finished', () => {
    const running = { id: 'r1', state: 'RUNNING', eventsTotal: 1000, eventsDone: 250, ratePerSecond: 125.4, secondsLeft: 6 };
    expect(replayProgress(running)).toEqual({ running: true, done: 250, total: 1000, percent: 25, rate: 125.4, secondsLeft: 6 });
    // the total not counted yet: 0 %, not done
    expect(replayProgress({ state: 'RUNNING', eventsTotal: 0, eventsDone: 0 }).percent).toBe(0);
    expect(replayProgress({ state: 'RUNNING', eventsTotal: 3, eventsDone: 2, secondsLeft: -1, ratePerSecond: null }))
      .toMatchObject({ percent: 66, secondsLeft: 0, rate: null });
    expect(replayProgress({ state: 'FINISHED', eventsTotal: 1000, eventsReplayed: 1000, secondsLeft: 3 }))
      .toMatchObject({ running: false, done: 1000, percent: 100, secondsLeft: null });
    // a listed replay (no state) runs until it has finished
    expect(replayRunning({ _id: 'r2', startedAt: '2026-03-01T00:00:00Z' })).toBe(true);
    expect(replayRunning({ _id: 'r2', finishedAt: '2026-03-01T00:01:00Z' })).toBe(false);
    expect(replayRunning(null)).toBe(false);
    expect(replayId({ _id: 'r2' })).toBe('r2');
    expect(replayId({ id: 'r1', _id: 'x' })).toBe('r1');

    expect(durationParts(3723.2)).toEqual({ h: 1, m: 2, s: 4 });
    const zh = i18n('zh-CN');
    const english = i18n('en');
    expect(durationText(3723, zh.t)).toBe('1 小时 2 分 3 秒');
    expect(durationText(65, zh.t)).toBe('1 分 5 秒');
    expect(durationText(0.2, english.t)).toBe('1 s');
    expect(progressText(running, zh.t, 'zh-CN')).toBe('250 / 1,000 个事件 · 每秒 125 个 · 约剩 6 秒');
    expect(progressText({ ...running, eventsDone: 1234, eventsTotal: 5000, secondsLeft: 65 }, english.t, 'en'))
      .toBe('1,234 / 5,000 events · 125 a second · about 1 min 5 s left');
    expect(progressText({ state: 'FINISHED', eventsTotal: 10, eventsReplayed: 10, ratePerSecond: null }, english.t, 'en')).toBe('10 / 10 events');
  });

  it('names the export file after the stream, and nothing else', () => {
    expect(exportFileName('members', A)).toBe(`audit-members-${A}.json`);
    expect(exportFileName('../x', 'a/b c')).toBe('audit-.._x-a_b_c.json');
  });

  it('lets each role do what the service lets it', () => {
    expect(mayReadRecords(['PARTY_MEMBER'])).toBe(true);
    expect(mayReadRecords(['PLATFORM_OPERATOR'])).toBe(false);
    expect(mayReadIntegrity(['PLATFORM_OPERATOR'])).toBe(true);
    expect(mayReadIntegrity(['COMMITTEE_STAFF'])).toBe(false);
    expect(mayVerify(['AUDITOR'])).toBe(true);
    expect(mayVerify(['DISCIPLINE_INSPECTOR'])).toBe(false);
    expect(maySign(['PLATFORM_OPERATOR'])).toBe(true);
    expect(maySign(['DISCIPLINE_INSPECTOR'])).toBe(false);
    expect(mayReplay(['AUDITOR'])).toBe(true);
    expect(mayReplay(['PLATFORM_OPERATOR'])).toBe(false);
    expect(mayReplay(undefined)).toBe(false);
  });
});

describe('the audit service\'s addresses', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks each question at its path with its parameters', async () => {
    const fetch = vi.fn(async () => json({}));
    vi.stubGlobal('fetch', fetch);
    await timeline('members', A, { part: 'p1', from: 3 });
    await asOf('members', A, asOfParams({ at: Date.UTC(2026, 2, 1), by: 'RECORDED' }));
    await difference('discipline', B, differenceParams({ from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) }).params);
    await memberTimeline(M, { page: 2, size: 50 });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      `/api/audit/timelines/members/${A}?part=p1&from=3&limit=200`,
      `/api/audit/timelines/members/${A}/as-of?at=2026-03-01T00%3A00%3A00.000Z&by=RECORDED`,
      `/api/audit/timelines/discipline/${B}/difference?from=2026-03-01T00%3A00%3A00.000Z&to=2026-04-01T00%3A00%3A00.000Z&by=OCCURRED`,
      `/api/audit/members/${M}/timeline?page=2&size=50`,
    ]);
    expect(commands.verify()).toBe('/api/audit/verifications');
    expect(commands.sign()).toBe('/api/audit/checkpoints');
    expect(commands.replay()).toBe('/api/audit/replays');
  });
});

describe('who sees the audit screens', () => {
  const items = (roles) => menuFor(MODULES, roles).filter((g) => g.key === 'audit').flatMap((g) => g.items.map((i) => i.route));

  it('gives each role its audit menu items, after discipline', () => {
    expect(items(['AUDITOR'])).toEqual(['audit-subjects', 'audit-findings', 'audit-checkpoints', 'audit-replays']);
    expect(items(['DISCIPLINE_INSPECTOR'])).toEqual(['audit-subjects', 'audit-findings', 'audit-checkpoints']);
    expect(items(['PLATFORM_OPERATOR'])).toEqual(['audit-findings', 'audit-checkpoints']);
    ['COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'PARTY_MEMBER'].forEach((role) => expect(items([role]), role).toEqual(['audit-subjects', 'audit-checkpoints']));
    expect(items(['DEPARTMENT'])).toEqual([]);
    const keys = menuFor(MODULES, ['AUDITOR']).map((g) => g.key);
    expect(keys.indexOf('audit')).toBe(keys.indexOf('discipline') + 1);
    expect(audit.menu[0].titleKey).toBe('menu.audit');
  });

  it('opens each route to the roles the service answers', () => {
    const own = routes.filter((r) => r.name?.startsWith('audit-'));
    expect(own.map((r) => r.name).sort()).toEqual(['audit-checkpoints', 'audit-findings', 'audit-member-timeline', 'audit-replays',
      'audit-subjects', 'audit-timeline', 'audit-unit-timeline']);
    const open = (name, role) => mayOpen(own.find((r) => r.name === name), [role]);
    PEOPLE.forEach((role) => {
      const reader = ['AUDITOR', 'DISCIPLINE_INSPECTOR', 'COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'PARTY_MEMBER'].includes(role);
      ['audit-subjects', 'audit-timeline', 'audit-member-timeline', 'audit-unit-timeline'].forEach((name) => expect(open(name, role), `${name} ${role}`)
        .toBe(reader));
      expect(open('audit-findings', role), role).toBe(['AUDITOR', 'DISCIPLINE_INSPECTOR', 'PLATFORM_OPERATOR'].includes(role));
      expect(open('audit-replays', role), role).toBe(role === 'AUDITOR');
      expect(open('audit-checkpoints', role), role).toBe(true);
    });
    expect(open('audit-checkpoints', 'DEPARTMENT')).toBe(false);
    expect(audit.readModels).toBeFalsy();
  });
});

// mounted screens take a few seconds on a busy machine (the replay test waits for a poll)
describe('the audit screens', { timeout: 20_000 }, async () => {
  const { createRouter, createMemoryHistory, RouterView } = await import('vue-router');
  const { createPinia } = await import('pinia');
  const { h } = await import('vue');
  const { useSession } = await import('../src/stores/session.js');
  const GENESIS = '0'.repeat(64);
  const H0 = 'a'.repeat(64);
  const H1 = 'b'.repeat(64);
  const ROOT = 'c'.repeat(64);
  const KEY = 'd'.repeat(64);

  const entry = (sequence, type, over = {}) => ({ service: 'members', aggregateId: A, aggregateType: 'MemberAssessment', sequence, eventId: `e${sequence}`,
    type: `org.dangjian.members.${type}.v1`, occurredAt: `2026-03-0${sequence + 1}T02:00:00Z`, recordedAt: `2026-03-0${sequence + 2}T02:00:00Z`,
    publishedAt: null, actor: { id: 'zuzhi', role: 'COMMITTEE_STAFF', organisation: null }, reason: `理由 ${sequence}`, correlationId: 'c',
    causationId: null, prevHash: sequence === 0 ? GENESIS : H0, hash: sequence === 0 ? H0 : H1, restricted: false, data: { score: 90 + sequence },
    causedBy: null, caused: [], ...over });
  const entries = [
    entry(0, 'MemberAssessmentOpened', { causedBy: { service: 'organisation', aggregateId: U, aggregateType: 'OrganisationUnit', sequence: 4,
      eventId: 'o4', type: 'org.dangjian.organisation.OrganisationUnitRenamed.v1' } }),
    entry(1, 'MemberAssessmentConcluded', { caused: [{ service: 'activities', aggregateId: B, aggregateType: 'Activity', sequence: 2, eventId: 'x2',
      type: 'org.dangjian.activities.AttendanceRecorded.v1' }] }),
  ];
  const stream = { service: 'members', aggregateId: A, aggregateType: 'MemberAssessment', count: 2, head: H1, maxSequence: 1, restricted: false,
    firstRecordedAt: '2026-03-02T02:00:00Z', lastRecordedAt: '2026-03-03T02:00:00Z', openFindings: 0, members: [M], units: [U] };
  const intactExport = { format: 'dangjian-audit-timeline-v1', exportedAt: '2026-03-10T00:00:00Z', stream, part: null, entries,
    verification: { eventsChecked: 2, intact: true, head: H1, problems: [] },
    checkpoint: { checkpoint: { number: 3, issuedAt: '2026-03-05T00:00:00Z', root: ROOT, keyId: KEY }, leafIndex: 1, treeSize: 4,
      leaf: { service: 'members', aggregateId: A, count: 2, head: H1 } } };
  const checkpoint = (number) => ({ _id: `k${number}`, number, issuedAt: '2026-03-05T00:00:00Z', streams: 4, events: 40, root: ROOT,
    previous: number > 1 ? 'f'.repeat(64) : null, statement: `dangjian-audit-checkpoint-v1\nnumber ${number}\nroot ${ROOT}`, signature: 'c2lnbmF0dXJl',
    keyId: KEY, signedBy: 'shenji', recordedAt: '2026-03-05T00:00:01Z' });
  const verification = { _id: 'v1', service: 'members', aggregateId: A, startedAt: '2026-03-10T00:00:00Z', completedAt: '2026-03-10T00:00:01Z',
    streamsChecked: 1, eventsChecked: 2, storesCompared: 1, storesUnreachable: 0, checkpointNumber: 3, findings: [], intact: true, by: 'shenji', role: 'AUDITOR' };
  const page = (items) => ({ items, total: items.length, page: 0, size: 50 });

  function defaults(path, method) {
    if (method === 'POST' && path === '/api/audit/verifications') {
      return [201, { id: 'v1', sequence: 0 }];
    }
    if (method === 'POST' && path === '/api/audit/checkpoints') {
      return [201, { id: 'k5', sequence: 4 }];
    }
    const answers = {
      '/api/audit/subject-kinds': { version: 1, kinds: [{ kind: 'member-assessment', title: '党员综合管理考核', titleEn: 'Member assessment' },
        { kind: 'inspection', title: '明察暗访', titleEn: 'Inspection' }] },
      '/api/audit/subjects': page([{ id: 's1', kind: 'member-assessment', title: '党员综合管理考核', titleEn: 'Member assessment', service: 'members',
        aggregateId: A, aggregateType: 'MemberAssessment', part: '2026', label: '2026 年度', memberId: M, memberName: '林晓雯', unitId: U,
        unitName: '机关第一党支部', openedAt: '2026-03-02T02:00:00Z', events: 2, lastRecordedAt: '2026-03-03T02:00:00Z', openFindings: 3 }]),
      [`/api/audit/timelines/members/${A}`]: { stream, entries: { items: entries, page: 0, size: 200, total: 2 } },
      [`/api/audit/timelines/members/${A}/export`]: intactExport,
      [`/api/audit/timelines/members/${A}/as-of`]: { at: '2026-03-02T02:00:00Z', by: 'OCCURRED', eventsIncluded: 1, eventsAfter: 1,
        state: { score: 90, result: null, lastEvent: 'MemberAssessmentOpened' }, setBy: { score: 0, lastEvent: 0 }, last: entries[0] },
      '/api/audit/verifications/v1': verification,
      '/api/audit/integrity': { openFindings: { STORE_MISSING: 2, HASH_MISMATCH: 1, FORK: 0 }, latestCheckpoint: checkpoint(4), latestVerification: null },
      '/api/audit/findings': page([{ id: 'f1', kind: 'STORE_MISSING', status: 'OPEN', service: 'discipline', aggregateId: B, aggregateType: 'Inspection',
        sequence: 3, eventId: 'e3', detail: '服务库中缺少第 3 号事件', detectedAt: '2026-03-09T00:00:00Z', resolvedAt: null, resolution: null,
        source: 'verification 0a1b2c3d-0000-4000-8000-000000000000', other: null }]),
      '/api/audit/checkpoints': page([checkpoint(4), checkpoint(3)]),
      '/api/audit/checkpoints/key': { algorithm: 'Ed25519', keyId: KEY, publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n' },
      '/api/audit/checkpoints/4/consistency': { from: 3, to: 4, streamsChecked: 4, consistent: false, problemCount: 1, problems: [{ service: 'members',
        aggregateId: A, earlier: { service: 'members', aggregateId: A, count: 3, head: H0 }, later: { service: 'members', aggregateId: A, count: 2,
          head: H1 }, problem: 'SHORTER' }] },
      '/api/audit/replays': page([]),
    };
    return [200, answers[path] ?? page([])];
  }

  async function show(path, roles, answer = () => null) {
    const fetch = vi.fn(async (url, init = {}) => {
      const [p] = url.split('?');
      const [status, body] = answer(p, init.method || 'GET', url) || defaults(p, init.method || 'GET');
      return json(body, status);
    });
    vi.stubGlobal('fetch', fetch);
    const pinia = createPinia();
    const session = useSession(pinia);
    session.user = { username: 'u', name: 'U', roles, org: null };
    session.state = 'signedIn';
    const router = createRouter({ history: createMemoryHistory(), routes });
    router.push(path);
    await router.isReady();
    const wrapper = mount({ render: () => h(RouterView) }, { global: { plugins: [ElementPlus, pinia, router,
      createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })] }, attachTo: document.body });
    await settle();
    const asked = () => fetch.mock.calls.map(([url, init]) => `${init?.method || 'GET'} ${url}`);
    return { wrapper, fetch, router, asked };
  }
  async function settle() {
    for (let i = 0; i < 3; i++) {
      await flushPromises();
      await new Promise((resolve) => { setTimeout(resolve, 0); });
    }
    await flushPromises();
  }

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('lists the subjects of a kind with links to their timelines and to the member\'s and unit\'s', async () => {
    const { wrapper, asked } = await show('/audit/subjects?kind=member-assessment', ['BRANCH_SECRETARY']);
    expect(asked()).toContain('GET /api/audit/subjects?page=0&size=50&kind=member-assessment');
    expect(asked()).toContain('GET /api/audit/subject-kinds');
    const link = wrapper.find('[data-test=subject-link]');
    expect(link.text()).toBe('党员综合管理考核');
    expect(link.attributes('href')).toBe(`/audit/timelines/members/${A}?part=2026`);
    expect(wrapper.find('[data-test=subject-label]').text()).toBe('2026 年度');
    expect(wrapper.find('[data-test=member-link]').attributes('href')).toBe(`/audit/members/${M}?name=${encodeURIComponent('林晓雯')}`);
    expect(wrapper.find('[data-test=unit-link]').text()).toBe('机关第一党支部');
    expect(wrapper.find('[data-test=open-findings]').attributes('data-count')).toBe('3');
    wrapper.unmount();
  });

  it('refuses an id that is not one before asking the service', async () => {
    const { wrapper, asked } = await show('/audit/subjects?memberId=abc', ['AUDITOR']);
    expect(asked().filter((a) => a.includes('/subjects?'))).toEqual([]);
    expect(wrapper.find('[data-test=problem-title]').text()).toContain('UUID');
    wrapper.unmount();
  });

  it('shows a timeline: its events, their chain and links, the verification badge and the checkpoint', async () => {
    const { wrapper, asked } = await show(`/audit/timelines/members/${A}`, ['COMMITTEE_STAFF']);
    expect(asked()).toContain(`GET /api/audit/timelines/members/${A}?from=0&limit=200`);
    expect(asked()).toContain(`GET /api/audit/timelines/members/${A}/export`);
    expect(wrapper.find('[data-test=stream-heading]').text()).toBe('党员 · MemberAssessment');
    const shown = wrapper.findAll('[data-test=audit-entry]');
    expect(shown.map((e) => [e.attributes('data-sequence'), e.attributes('data-type')])).toEqual([['0', 'MemberAssessmentOpened'],
      ['1', 'MemberAssessmentConcluded']]);
    expect(shown[1].find('[data-test=entry-hash]').text()).toBe(`${'b'.repeat(12)}…`);
    expect(shown[1].find('[data-test=entry-hash]').attributes('title')).toBe(H1);
    expect(shown[1].find('[data-test=entry-link]').text()).toContain('接续 #0');
    expect(shown[1].find('[data-test=entry-reason]').text()).toBe('理由 1');
    expect(shown[1].find('[data-test=entry-actor]').text()).toContain('党委工作人员');
    expect(shown[0].find('[data-test=caused-by]').attributes('href')).toBe(`/audit/timelines/organisation/${U}`);
    expect(shown[0].find('[data-test=caused-by]').text()).toBe('组织 · OrganisationUnitRenamed #4');
    expect(shown[1].find('[data-test=caused]').attributes('href')).toBe(`/audit/timelines/activities/${B}`);
    expect(wrapper.find('[data-test=chain-badge]').attributes('data-state')).toBe('intact');
    expect(wrapper.find('[data-test=chain-badge]').text()).toContain('链完整');
    expect(wrapper.find('[data-test=checkpoint-badge]').attributes('data-number')).toBe('3');
    expect(wrapper.find('[data-test=checkpoint-badge]').text()).toContain('已纳入检查点 #3');
    // the printed head: verification and checkpoint written out whole
    expect(wrapper.find('[data-test=print-head]').text()).toContain(ROOT);
    expect(wrapper.find('[data-test=print-checkpoint-key-id]').text()).toBe(KEY);
    expect(wrapper.find('[data-test=stream-member]').attributes('href')).toBe(`/audit/members/${M}`);
    // no 核验 for anyone but auditors
    expect(wrapper.find('[data-test=verify-stream]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('says 链异常 with the problems, and 尚无检查点, when the export found the chain broken', async () => {
    const broken = { ...intactExport, verification: { eventsChecked: 2, intact: false, head: H1, problems: [{ kind: 'HASH_MISMATCH', sequence: 1,
      detail: '内容与哈希不符' }] }, checkpoint: null };
    const { wrapper } = await show(`/audit/timelines/members/${A}`, ['AUDITOR'], (p) => (p.endsWith('/export') ? [200, broken] : null));
    expect(wrapper.find('[data-test=chain-badge]').attributes('data-state')).toBe('broken');
    expect(wrapper.find('[data-test=chain-badge]').text()).toContain('链异常');
    expect(wrapper.find('[data-test=chain-problems]').text()).toContain('#1 哈希不符：内容与哈希不符');
    expect(wrapper.find('[data-test=checkpoint-badge]').text()).toContain('尚无检查点');
    wrapper.unmount();
  });

  it('shows the state as of an event\'s moment, by occurred-at or recorded-at', async () => {
    const { wrapper, fetch } = await show(`/audit/timelines/members/${A}`, ['AUDITOR']);
    expect(wrapper.find('[data-test=as-of-state]').exists()).toBe(false);
    await wrapper.findAll('[data-test=entry-as-of]')[0].trigger('click');
    await settle();
    const asOfCalls = () => fetch.mock.calls.map(([url]) => url).filter((url) => url.includes('/as-of'));
    expect(asOfCalls()).toEqual([`/api/audit/timelines/members/${A}/as-of?at=2026-03-01T02%3A00%3A00.000Z&by=OCCURRED`]);
    expect(wrapper.find('[data-test=as-of-counts]').attributes('data-included')).toBe('1');
    expect(wrapper.find('[data-test=as-of-counts]').attributes('data-after')).toBe('1');
    const rows = wrapper.findAll('[data-test=as-of-state] tbody tr').map((row) => row.findAll('td').map((td) => td.text()));
    expect(rows).toEqual([['score', '90', '#0'], ['result', '—', '—'], ['lastEvent', 'MemberAssessmentOpened', '#0']]);
    document.querySelector('[data-test=as-of-by] [data-value=RECORDED] input').click();
    await settle();
    expect(asOfCalls()[1]).toBe(`/api/audit/timelines/members/${A}/as-of?at=2026-03-01T02%3A00%3A00.000Z&by=RECORDED`);
    // the entry's moment on the axis chosen: recorded-at now
    await wrapper.findAll('[data-test=entry-as-of]')[0].trigger('click');
    await settle();
    expect(asOfCalls()[2]).toBe(`/api/audit/timelines/members/${A}/as-of?at=2026-03-02T02%3A00%3A00.000Z&by=RECORDED`);
    wrapper.unmount();
  });

  it('exports the timeline as a file, prints the page, and lets an auditor verify the stream', async () => {
    const saved = [];
    vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: vi.fn((blob) => { saved.push(blob); return 'blob:audit'; }),
      revokeObjectURL: vi.fn() }));
    const clicks = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click() { clicks.push(this.download); });
    const print = vi.fn();
    const before = window.print;
    window.print = print;
    try {
      const { wrapper, fetch, asked } = await show(`/audit/timelines/members/${A}`, ['AUDITOR']);
      await wrapper.find('[data-test=export-json]').trigger('click');
      await settle();
      expect(asked().filter((a) => a.endsWith('/export'))).toHaveLength(2);
      expect(clicks).toEqual([`audit-members-${A}.json`]);
      expect(JSON.parse(await saved[0].text())).toMatchObject({ format: 'dangjian-audit-timeline-v1', checkpoint: { checkpoint: { number: 3 } } });

      await wrapper.find('[data-test=print]').trigger('click');
      expect(print).toHaveBeenCalledTimes(1);

      await wrapper.find('[data-test=verify-stream]').trigger('click');
      await settle();
      const post = fetch.mock.calls.find(([url, init]) => url === '/api/audit/verifications' && init.method === 'POST');
      expect(JSON.parse(post[1].body)).toEqual({ service: 'members', aggregateId: A });
      expect(post[1].headers['Idempotency-Key']).toBeTruthy();
      expect(asked()).toContain('GET /api/audit/verifications/v1?minSequence=0');
      expect(wrapper.find('[data-test=verification-result]').attributes('data-intact')).toBe('true');
      expect(wrapper.find('[data-test=events-checked]').text()).toBe('2');
      wrapper.unmount();
    } finally {
      window.print = before;
    }
  });

  it('lets an auditor replay the stream alone and follows it on the replay screen; others get no such button', async () => {
    const replayed = (path, method) => (method === 'POST' && path === '/api/audit/replays' ? [201, { id: 'r1', sequence: 0 }] : null);
    const { wrapper, fetch, router } = await show(`/audit/timelines/members/${A}`, ['AUDITOR'], replayed);
    await wrapper.find('[data-test=replay-stream]').trigger('click');
    await settle();
    const post = fetch.mock.calls.find(([url, init]) => url === '/api/audit/replays' && init.method === 'POST');
    expect(JSON.parse(post[1].body)).toEqual({ service: 'members', aggregateId: A });
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('audit-replays'));
    wrapper.unmount();
    const staff = await show(`/audit/timelines/members/${A}`, ['COMMITTEE_STAFF']);
    expect(staff.wrapper.find('[data-test=replay-stream]').exists()).toBe(false);
    staff.wrapper.unmount();
  });

  it('shows a member\'s timeline across streams, each event naming its stream', async () => {
    const { wrapper, asked } = await show(`/audit/members/${M}?name=林晓雯`, ['PARTY_MEMBER'], (p) => (p === `/api/audit/members/${M}/timeline`
      ? [200, { items: [entries[1], { ...entries[0], service: 'activities', aggregateId: B, aggregateType: 'Activity',
        type: 'org.dangjian.activities.AttendanceRecorded.v1' }], page: 0, size: 50, total: 2 }] : null));
    expect(asked()).toContain(`GET /api/audit/members/${M}/timeline?page=0&size=50`);
    expect(wrapper.find('[data-test=entity-name]').text()).toBe('林晓雯');
    const streams = wrapper.findAll('[data-test=entry-stream]');
    expect(streams.map((s) => s.attributes('href'))).toEqual([`/audit/timelines/members/${A}`, `/audit/timelines/activities/${B}`]);
    expect(wrapper.findAll('[data-test=audit-entry]')[1].attributes('data-type')).toBe('AttendanceRecorded');
    // across streams there is no chain to follow
    expect(wrapper.find('[data-test=entry-link]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows the open findings by kind and the findings, and lets an auditor verify everything', async () => {
    const { wrapper, fetch, asked } = await show('/audit/findings', ['AUDITOR'], (p, method) => (p === '/api/audit/verifications/v1'
      ? [200, { ...verification, service: null, aggregateId: null, streamsChecked: 12, storesCompared: 4, storesUnreachable: 1, intact: false,
        findings: [{ kind: 'STORE_MISSING', service: 'discipline', aggregateId: B, sequence: 3, detail: '缺少' }] }] : null));
    expect(asked()).toContain('GET /api/audit/findings?page=0&size=50');
    const counts = wrapper.findAll('[data-test=open-counts] [data-kind]');
    expect(counts.map((c) => [c.attributes('data-kind'), c.attributes('data-count')])).toEqual([['HASH_MISMATCH', '1'], ['STORE_MISSING', '2']]);
    expect(wrapper.find('[data-test=open-counts]').text()).toContain('库中记录缺失');
    expect(wrapper.find('[data-test=open-total]').attributes('data-count')).toBe('3');
    expect(wrapper.find('[data-test=finding-kind]').text()).toBe('库中记录缺失');
    expect(wrapper.find('[data-test=finding-link]').attributes('href')).toBe(`/audit/timelines/discipline/${B}`);
    expect(wrapper.find('[data-test=finding-source]').text()).toBe('核验 0a1b2c3d');
    expect(wrapper.find('[data-test=latest-checkpoint]').text()).toContain('#4');

    await wrapper.find('[data-test=verify-all]').trigger('click');
    await settle();
    const post = fetch.mock.calls.find(([url, init]) => url === '/api/audit/verifications' && init.method === 'POST');
    expect(JSON.parse(post[1].body)).toEqual({});
    const result = wrapper.find('[data-test=verification-result]');
    expect(result.attributes('data-intact')).toBe('false');
    expect(result.find('[data-test=streams-checked]').text()).toBe('12');
    expect(result.find('[data-test=stores-unreachable]').text()).toBe('1');
    expect(result.find('[data-test=verification-findings]').text()).toContain('库中记录缺失');
    // the overview and the list are read again afterwards
    expect(asked().filter((a) => a === 'GET /api/audit/integrity')).toHaveLength(2);
    wrapper.unmount();
  });

  it('lists the checkpoints, opens one, and signs one for an operator only', async () => {
    const member = await show('/audit/checkpoints', ['PARTY_MEMBER']);
    expect(member.wrapper.find('[data-test=sign-checkpoint]').exists()).toBe(false);
    expect(member.wrapper.find('[data-test=consistency]').exists()).toBe(false);
    expect(member.wrapper.find('[data-test=public-key]').text()).toContain('BEGIN PUBLIC KEY');
    expect(member.wrapper.find('[data-test=public-key-panel]').text()).toContain('python3 verify-checkpoint.py key.pem proof.json');
    member.wrapper.unmount();

    let signed = false;
    const { wrapper, fetch, asked } = await show('/audit/checkpoints', ['PLATFORM_OPERATOR'], (p, method, url) => {
      signed ||= method === 'POST';
      return p === '/api/audit/checkpoints' && method === 'GET' && signed && url.includes('page=0')
        ? [200, page([checkpoint(5), checkpoint(4), checkpoint(3)])] : null;
    });
    const numbers = wrapper.findAll('[data-test=checkpoint-number]').map((b) => b.attributes('data-number'));
    expect(numbers).toEqual(['4', '3']);
    await wrapper.findAll('[data-test=checkpoint-number]')[0].trigger('click');
    await settle();
    expect(document.querySelector('[data-test=checkpoint-statement]').textContent).toContain('number 4');
    expect(document.querySelector('[data-test=checkpoint-signature]').textContent).toBe('c2lnbmF0dXJl');

    await wrapper.find('[data-test=sign-checkpoint]').trigger('click');
    await settle();
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post[0]).toBe('/api/audit/checkpoints');
    expect(post[1].body).toBeUndefined();
    expect(post[1].headers['Idempotency-Key']).toBeTruthy();
    expect(wrapper.find('[data-test=status]').text()).toBe('已签署检查点 #5。');
    expect(wrapper.findAll('[data-test=checkpoint-number]').map((b) => b.attributes('data-number'))).toEqual(['5', '4', '3']);
    expect(asked().filter((a) => a.startsWith('GET /api/audit/checkpoints?'))).toHaveLength(2);
    wrapper.unmount();
  });

  it('checks two checkpoints\' consistency and shows what is wrong', async () => {
    const { wrapper, asked } = await show('/audit/checkpoints', ['DISCIPLINE_INSPECTOR']);
    const type = async (selector, value) => {
      const input = document.querySelector(`${selector} input`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('change'));
      await settle();
    };
    await type('[data-test=consistency-from]', '4');
    await type('[data-test=consistency-to]', '4');
    expect(wrapper.find('[data-test=consistency-input-problem]').text()).toBe('应以较早的检查点对照较晚的检查点。');
    expect(wrapper.find('[data-test=check-consistency]').attributes('disabled')).toBeDefined();
    await type('[data-test=consistency-from]', '3');
    await wrapper.find('[data-test=check-consistency]').trigger('click');
    await settle();
    expect(asked()).toContain('GET /api/audit/checkpoints/4/consistency?from=3');
    const result = wrapper.find('[data-test=consistency-result]');
    expect(result.attributes('data-consistent')).toBe('false');
    expect(result.text()).toContain('检查点 #4 与 #3 不一致：1 处问题');
    expect(result.find('[data-problem=SHORTER]').text()).toBe('记录变短');
    wrapper.unmount();
  });

  it('starts a replay, follows its progress every second, then shows that it is identical', async () => {
    let reads = 0;
    const { wrapper, fetch } = await show('/audit/replays', ['AUDITOR'], (p, method) => {
      if (p === '/api/audit/replays' && method === 'POST') {
        return [201, { id: 'r1', sequence: 7 }];
      }
      if (p === '/api/audit/replays/r1') {
        reads += 1;
        return [200, reads === 1
          ? { id: 'r1', state: 'RUNNING', eventsTotal: 400, eventsDone: 100, ratePerSecond: 100, secondsLeft: 3, startedAt: '2026-03-10T00:00:00Z' }
          : { id: 'r1', state: 'FINISHED', eventsTotal: 400, eventsDone: 400, eventsReplayed: 400, millis: 4000, streamsCompared: 9, identical: true,
            differenceCount: 0, differences: [], startedAt: '2026-03-10T00:00:00Z', finishedAt: '2026-03-10T00:00:04Z' }];
      }
      return null;
    });
    expect(wrapper.find('[data-test=replay-progress]').exists()).toBe(false);
    await wrapper.find('[data-test=start-replay]').trigger('click');
    await settle();
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post[0]).toBe('/api/audit/replays');
    expect(JSON.parse(post[1].body)).toEqual({});
    expect(fetch.mock.calls.map(([url]) => url)).toContain('/api/audit/replays/r1?minSequence=7');
    const progress = wrapper.find('[data-test=replay-progress]');
    expect(progress.attributes('data-state')).toBe('RUNNING');
    expect(progress.attributes('data-percent')).toBe('25');
    expect(wrapper.find('[data-test=replay-progress-text]').text()).toBe('100 / 400 个事件 · 每秒 100 个 · 约剩 3 秒');
    expect(wrapper.find('[data-test=replay-result]').exists()).toBe(false);
    expect(wrapper.find('[data-test=start-replay]').attributes('disabled')).toBeDefined();

    await new Promise((resolve) => { setTimeout(resolve, 1100); });
    await settle();
    expect(reads).toBe(2);
    expect(fetch.mock.calls.map(([url]) => url)).toContain('/api/audit/replays/r1');
    expect(wrapper.find('[data-test=replay-progress]').attributes('data-state')).toBe('FINISHED');
    const result = wrapper.find('[data-test=replay-result]');
    expect(result.attributes('data-identical')).toBe('true');
    expect(result.text()).toContain('与实时记录一致');
    wrapper.unmount();
  });

  it('shows a replay\'s differences, and follows the one already running when asked to start another', async () => {
    let asked = false;
    const { wrapper, fetch } = await show('/audit/replays', ['AUDITOR'], (p, method, url) => {
      if (p === '/api/audit/replays' && method === 'POST') {
        asked = true;
        return [409, { title: '重放正在进行', code: 'REPLAY_RUNNING', status: 409 }];
      }
      if (p === '/api/audit/replays' && asked && url.includes('page=0')) {
        return [200, page([{ _id: 'r9', eventsTotal: 10, startedAt: '2026-03-10T00:00:00Z', by: 'shenji' }])];
      }
      if (p === '/api/audit/replays/r9') {
        return [200, { id: 'r9', state: 'FINISHED', eventsTotal: 10, eventsReplayed: 10, millis: 300, streamsCompared: 2, identical: false,
          differenceCount: 2, differences: ['members/a1: score 90 ≠ 95', 'activities/b1: 1 event missing'], startedAt: '2026-03-10T00:00:00Z',
          finishedAt: '2026-03-10T00:00:01Z' }];
      }
      return null;
    });
    await wrapper.find('[data-test=start-replay]').trigger('click');
    await settle();
    expect(wrapper.find('[data-test=problem-title]').text()).toBe('重放正在进行');
    expect(fetch.mock.calls.map(([url]) => url)).toContain('/api/audit/replays/r9');
    const result = wrapper.find('[data-test=replay-result]');
    expect(result.attributes('data-identical')).toBe('false');
    expect(result.text()).toContain('与实时记录不一致：2 处差异');
    expect(wrapper.findAll('[data-test=replay-differences] li').map((li) => li.text())).toEqual(['members/a1: score 90 ≠ 95',
      'activities/b1: 1 event missing']);
    wrapper.unmount();
  });
});
