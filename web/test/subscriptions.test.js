import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { createI18n } from 'vue-i18n';
import zhCN from '../src/i18n/zh-CN.js';
import en from '../src/i18n/en.js';
import {
  ACTIONS, CHANNELS, DELIVERY_STATES, PERSONAL_DATA_KINDS, READERS, STATES, actorText, blankForm, commandBody, deliveryParams, deliveryStateType,
  describeSubscriptionEvent, eventLabelKey, fieldProblem, formProblem, grantable, groupByService, kindTitle, kindTitles, mayDecide, mayRedeliver,
  notGranted, serviceOf, serviceTitle, stateType, subscriptionActions, subscriptionParams, typeTitles, validSubscriptionId,
} from '../src/modules/subscriptions/subscriptions.js';
import { catalogue as readCatalogue, commands, forgetCatalogue, subscriptionTimeline } from '../src/modules/subscriptions/api.js';
import subscriptions from '../src/modules/subscriptions/index.js';
import { MODULES } from '../src/modules/index.js';
import { homePanelsFor, mayOpen, menuFor } from '../src/modules/menu.js';
import { routes } from '../src/router/index.js';
import SubscriptionDialog from '../src/modules/subscriptions/components/SubscriptionDialog.vue';

const STAFF = ['COMMITTEE_STAFF'];
const AUDITOR = ['AUDITOR'];
const OTHERS = ['BRANCH_SECRETARY', 'PARTY_MEMBER', 'DISCIPLINE_INSPECTOR', 'PLATFORM_OPERATOR', 'DEPARTMENT'];
const ADMITTED = 'org.dangjian.members.MemberAdmitted.v1';
const TRANSFERRED = 'org.dangjian.members.MemberTransferred.v1';
const ESTABLISHED = 'org.dangjian.organisation.OrganisationUnitEstablished.v1';
const CASE = 'org.dangjian.discipline.CaseOpened.v1';
const CATALOGUE = {
  eventTypes: [
    { type: ESTABLISHED, service: 'organisation', serviceTitle: '组织', serviceTitleEn: 'Organisation', name: 'OrganisationUnitEstablished', grantable: true, personalData: [] },
    { type: ADMITTED, service: 'members', serviceTitle: '党员', serviceTitleEn: 'Members', name: 'MemberAdmitted', grantable: true,
      personalData: [{ field: 'idCardNumber', kind: 'ID_CARD_NUMBER' }, { field: 'name', kind: 'NAME' }] },
    { type: TRANSFERRED, service: 'members', serviceTitle: '党员', serviceTitleEn: 'Members', name: 'MemberTransferred', grantable: true, personalData: [] },
    { type: CASE, service: 'discipline', serviceTitle: '纪检监督', serviceTitleEn: 'Discipline', name: 'CaseOpened', grantable: false, personalData: [] },
  ],
  personalDataKinds: [{ kind: 'NAME', title: '姓名', titleEn: 'Name' }, { kind: 'ID_CARD_NUMBER', title: '身份证号码', titleEn: 'ID card number' },
    { kind: 'PHONE', title: '手机号码', titleEn: 'Mobile' }],
};
const ID = '00000000-0000-4000-8000-0000000000e1';
const requested = (over = {}) => ({
  id: ID, department: 'renshi-department', departmentName: '人事部门', state: 'REQUESTED', channel: 'WEBHOOK', webhookUrl: 'https://renshi.example/hook',
  requested: { eventTypes: [ADMITTED, ESTABLISHED, TRANSFERRED], organisationUnitId: null, personalData: ['NAME', 'ID_CARD_NUMBER'], purpose: '干部档案',
    requestedAt: '2026-03-01T02:00:00Z' },
  grant: null, decision: null, sequence: 0, ...over,
});
const granted = (over = {}) => requested({ state: 'GRANTED', grant: { eventTypes: [ADMITTED, ESTABLISHED], personalData: ['NAME'], fromPosition: 1200,
  deliverHistory: false, reason: '工作需要', by: { id: 'dangwei', role: 'COMMITTEE_STAFF' }, at: '2026-03-02T02:00:00Z' }, sequence: 1, ...over });
const i18n = (locale) => createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } }).global;

describe('who may take which step on a subscription', () => {
  it('lets committee staff grant, refuse or revoke a request, change or revoke a grant, and nothing after', () => {
    expect(subscriptionActions(requested(), STAFF)).toEqual(['grant', 'refuse', 'revoke']);
    expect(subscriptionActions(granted(), STAFF)).toEqual(['changeGrant', 'revoke']);
    expect(subscriptionActions(requested({ state: 'REFUSED' }), STAFF)).toEqual([]);
    expect(subscriptionActions(requested({ state: 'REVOKED' }), STAFF)).toEqual([]);
    expect(subscriptionActions(null, STAFF)).toEqual([]);
  });

  it('gives auditors and every other role no step', () => {
    [AUDITOR, ...OTHERS.map((r) => [r])].forEach((roles) => STATES.forEach((state) => {
      expect(subscriptionActions(requested({ state }), roles)).toEqual([]);
    }));
    expect(mayDecide(STAFF)).toBe(true);
    expect(mayDecide(['AUDITOR', 'BRANCH_SECRETARY'])).toBe(false);
    expect(mayDecide(undefined)).toBe(false);
  });

  it('redelivers a dead letter only, for committee staff only', () => {
    expect(mayRedeliver({ state: 'DEAD_LETTER' }, STAFF)).toBe(true);
    expect(mayRedeliver({ state: 'RETRYING' }, STAFF)).toBe(false);
    expect(mayRedeliver({ state: 'DELIVERED' }, STAFF)).toBe(false);
    expect(mayRedeliver({ state: 'DEAD_LETTER' }, AUDITOR)).toBe(false);
    expect(mayRedeliver(null, STAFF)).toBe(false);
  });
});

describe('the decision forms', () => {
  it('starts a grant from what was requested, grantable types only, without the history', () => {
    const withCase = requested({ requested: { ...requested().requested, eventTypes: [ADMITTED, CASE] } });
    expect(blankForm('grant', withCase, CATALOGUE)).toEqual({ eventTypes: [ADMITTED], personalData: ['NAME', 'ID_CARD_NUMBER'], deliverHistory: false, reason: '' });
    expect(blankForm('grant', requested(), null)).toEqual({ eventTypes: [], personalData: ['NAME', 'ID_CARD_NUMBER'], deliverHistory: false, reason: '' });
    expect(grantable(CASE, CATALOGUE)).toBe(false);
    expect(grantable('org.dangjian.unknown.Thing.v1', CATALOGUE)).toBe(false);
    expect(grantable(ADMITTED, CATALOGUE)).toBe(true);
  });

  it('starts a change from what is granted, a refusal and a revocation from an empty reason', () => {
    expect(blankForm('changeGrant', granted(), CATALOGUE)).toEqual({ eventTypes: [ADMITTED, ESTABLISHED], personalData: ['NAME'], reason: '' });
    expect(blankForm('refuse', requested())).toEqual({ reason: '' });
    expect(blankForm('revoke', granted())).toEqual({ reason: '' });
  });

  it('checks the reason: required, at most 500 characters (a Chinese character counts one)', () => {
    const sub = requested();
    expect(fieldProblem('reason', 'refuse', { reason: '  ' }, sub)).toBe('subscriptions.problems.reasonRequired');
    expect(fieldProblem('reason', 'refuse', {}, sub)).toBe('subscriptions.problems.reasonRequired');
    expect(fieldProblem('reason', 'refuse', { reason: '理'.repeat(500) }, sub)).toBeNull();
    expect(fieldProblem('reason', 'revoke', { reason: '理'.repeat(501) }, sub)).toBe('subscriptions.problems.reasonTooLong');
    expect(formProblem('refuse', { reason: '' }, sub)).toBe('subscriptions.problems.reasonRequired');
    expect(formProblem('refuse', { reason: '不符合规定' }, sub)).toBeNull();
  });

  it('checks the types and personal data: at least one type, only what was requested, never a restricted one', () => {
    const sub = requested({ requested: { ...requested().requested, eventTypes: [ADMITTED, CASE] } });
    const form = (over) => ({ eventTypes: [ADMITTED], personalData: ['NAME'], deliverHistory: false, reason: '同意', ...over });
    expect(formProblem('grant', form({}), sub, CATALOGUE)).toBeNull();
    expect(formProblem('grant', form({ eventTypes: [] }), sub, CATALOGUE)).toBe('subscriptions.problems.noTypes');
    expect(formProblem('grant', form({ eventTypes: [TRANSFERRED] }), sub, CATALOGUE)).toBe('subscriptions.problems.typeNotRequested');
    expect(formProblem('grant', form({ eventTypes: [ADMITTED, CASE] }), sub, CATALOGUE)).toBe('subscriptions.problems.typeRestricted');
    expect(formProblem('grant', form({ personalData: ['PHONE'] }), sub, CATALOGUE)).toBe('subscriptions.problems.kindNotRequested');
    expect(formProblem('grant', form({ personalData: [] }), sub, CATALOGUE)).toBeNull();
    expect(formProblem('grant', form({ reason: '' }), sub, CATALOGUE)).toBe('subscriptions.problems.reasonRequired');
  });

  it('refuses a change of grant that changes nothing, whatever the order', () => {
    const sub = granted();
    expect(formProblem('changeGrant', { eventTypes: [ESTABLISHED, ADMITTED], personalData: ['NAME'], reason: '调整' }, sub, CATALOGUE))
      .toBe('subscriptions.problems.unchanged');
    expect(formProblem('changeGrant', { eventTypes: [ADMITTED], personalData: ['NAME'], reason: '调整' }, sub, CATALOGUE)).toBeNull();
    expect(formProblem('changeGrant', { eventTypes: [ADMITTED, ESTABLISHED], personalData: [], reason: '调整' }, sub, CATALOGUE)).toBeNull();
  });

  it('builds each body as the service takes it: the request\'s order, the reason trimmed, the history for a grant only', () => {
    const sub = requested();
    expect(commandBody('grant', { eventTypes: [TRANSFERRED, ADMITTED], personalData: ['ID_CARD_NUMBER', 'NAME'], deliverHistory: true, reason: ' 同意 ' }, sub))
      .toEqual({ eventTypes: [ADMITTED, TRANSFERRED], personalData: ['NAME', 'ID_CARD_NUMBER'], deliverHistory: true, reason: '同意' });
    expect(commandBody('grant', { eventTypes: [ADMITTED], personalData: [], deliverHistory: false, reason: '同意' }, sub))
      .toEqual({ eventTypes: [ADMITTED], personalData: [], deliverHistory: false, reason: '同意' });
    expect(commandBody('changeGrant', { eventTypes: [ESTABLISHED], personalData: [], reason: '收窄' }, granted()))
      .toEqual({ eventTypes: [ESTABLISHED], personalData: [], reason: '收窄' });
    expect(commandBody('refuse', { reason: ' 用途不明 ' }, sub)).toEqual({ reason: '用途不明' });
    expect(commandBody('revoke', { reason: '停止合作' }, sub)).toEqual({ reason: '停止合作' });
  });

  it('sends each step to its path', () => {
    expect(commands.grant(ID)).toBe(`/api/subscriptions/subscriptions/${ID}/grant`);
    expect(commands.refuse(ID)).toBe(`/api/subscriptions/subscriptions/${ID}/refusal`);
    expect(commands.changeGrant(ID)).toBe(`/api/subscriptions/subscriptions/${ID}/grant-change`);
    expect(commands.revoke(ID)).toBe(`/api/subscriptions/subscriptions/${ID}/revocation`);
    expect(commands.redeliver('d1')).toBe('/api/subscriptions/deliveries/d1/redelivery');
    expect(Object.keys(commands)).toEqual([...ACTIONS, 'redeliver']);
  });
});

describe('event types, personal data and states in words', () => {
  it('groups event types by service in the catalogue\'s order, with the service\'s title in either language', () => {
    const groups = groupByService([TRANSFERRED, ESTABLISHED, ADMITTED, CASE, 'org.dangjian.newthing.Happened.v2'], CATALOGUE);
    expect(groups.map((g) => [g.service, g.title, g.types.map((x) => x.name)])).toEqual([
      ['organisation', '组织', ['OrganisationUnitEstablished']],
      ['members', '党员', ['MemberTransferred', 'MemberAdmitted']],
      ['discipline', '纪检监督', ['CaseOpened']],
      ['newthing', 'newthing', ['Happened']],
    ]);
    expect(groups[1].types[1]).toEqual({ type: ADMITTED, name: 'MemberAdmitted', grantable: true, personalData: ['ID_CARD_NUMBER', 'NAME'] });
    expect(groups[2].types[0].grantable).toBe(false);
    expect(groups[3].types[0].grantable).toBe(false);
    expect(groupByService([ADMITTED], CATALOGUE, 'en')[0].title).toBe('Members');
    expect(serviceOf(ADMITTED)).toBe('members');
    expect(serviceOf('nonsense')).toBe('');
    expect(serviceTitle('activities', CATALOGUE)).toBe('activities');
    expect(typeTitles([ADMITTED, ESTABLISHED], CATALOGUE)).toBe('组织 · OrganisationUnitEstablished、党员 · MemberAdmitted');
    expect(typeTitles([ADMITTED], CATALOGUE, 'en')).toBe('Members · MemberAdmitted');
    expect(groupByService([ADMITTED], null)).toEqual([{ service: 'members', title: 'members',
      types: [{ type: ADMITTED, name: 'MemberAdmitted', grantable: false, personalData: [] }] }]);
  });

  it('names personal data kinds by the catalogue\'s titles, else the client\'s own', () => {
    const zh = i18n('zh-CN');
    const english = i18n('en');
    expect(kindTitle('ID_CARD_NUMBER', CATALOGUE)).toBe('身份证号码');
    expect(kindTitle('ID_CARD_NUMBER', CATALOGUE, 'en')).toBe('ID card number');
    expect(kindTitle('ADDRESS', CATALOGUE, 'zh-CN', zh.t, zh.te)).toBe('住址');
    expect(kindTitle('ADDRESS', CATALOGUE, 'en', english.t, english.te)).toBe('Address');
    expect(kindTitle('SHOE_SIZE', null)).toBe('SHOE_SIZE');
    expect(kindTitles(['NAME', 'PHONE'], CATALOGUE)).toBe('姓名、手机号码');
    expect(kindTitles(['NAME', 'PHONE'], CATALOGUE, 'en')).toBe('Name, Mobile');
  });

  it('tells what was requested and not granted', () => {
    expect(notGranted(granted())).toEqual({ eventTypes: [TRANSFERRED], personalData: ['ID_CARD_NUMBER'] });
    expect(notGranted(requested())).toEqual({ eventTypes: [], personalData: [] });
  });

  it('colours and names every state, channel, kind, step and delivery state in both languages', () => {
    expect(STATES.map(stateType)).toEqual(['warning', 'success', 'danger', 'info']);
    expect(DELIVERY_STATES.map(deliveryStateType)).toEqual(['success', 'warning', 'danger']);
    const zh = i18n('zh-CN');
    const english = i18n('en');
    expect(STATES.map((s) => zh.t(`subscriptions.states.${s}`))).toEqual(['待审批', '已授权', '已拒绝', '已撤销']);
    expect(DELIVERY_STATES.map((s) => zh.t(`subscriptions.deliveryStates.${s}`))).toEqual(['已投递', '重试中', '死信']);
    expect(CHANNELS.map((c) => zh.t(`subscriptions.channels.${c}`))).toEqual(['服务器推送', '回调', 'Kafka 主题']);
    expect(ACTIONS.map((a) => zh.t(`subscriptions.actions.${a}`))).toEqual(['授权', '拒绝', '变更授权', '撤销']);
    expect(zh.t('subscriptions.actions.redeliver')).toBe('重新投递');
    expect(zh.t('menu.subscriptions')).toBe('数据共享');
    expect(english.t('menu.subscriptions')).toBe('Data sharing');
    [zh, english].forEach((lang) => {
      [...STATES.map((s) => `states.${s}`), ...DELIVERY_STATES.map((s) => `deliveryStates.${s}`), ...CHANNELS.map((c) => `channels.${c}`),
        ...PERSONAL_DATA_KINDS.map((k) => `kinds.${k}`), ...ACTIONS.map((a) => `actions.${a}`), ...ACTIONS.map((a) => `done.${a}`),
        ...['Requested', 'Granted', 'Refused', 'GrantChanged', 'Revoked'].map((e) => `events.${e}`)]
        .forEach((key) => expect(lang.te(`subscriptions.${key}`), key).toBe(true));
    });
    expect(zh.t('subscriptions.problems.reasonTooLong', { max: 500 })).toBe('理由不能超过 500 个字。');
    expect(english.t('subscriptions.pending', { n: 3 })).toBe('3 data sharing requests awaiting a decision');
  });

  it('writes who decided with the role\'s title', () => {
    const zh = i18n('zh-CN');
    expect(actorText({ id: 'dangwei', role: 'COMMITTEE_STAFF' }, zh.t)).toBe('dangwei · 党委工作人员');
    expect(actorText({ id: 'renshi-department', role: 'DEPARTMENT' }, zh.t)).toBe('renshi-department · 其他部门');
    expect(actorText('dangwei', zh.t)).toBe('dangwei');
    expect(actorText(null, zh.t)).toBe('');
  });

  it('asks for the list and the delivery log as typed', () => {
    expect(subscriptionParams({ state: 'REQUESTED', department: ' renshi-department ', page: 0, size: 20 }))
      .toEqual({ state: 'REQUESTED', department: 'renshi-department', page: 0, size: 20 });
    expect(subscriptionParams({ state: '', department: '' })).toEqual({ state: undefined, department: undefined });
    expect(deliveryParams({ subscriptionId: ` ${ID.toUpperCase()} `, state: 'RETRYING', page: 1, size: 50 }))
      .toEqual({ subscriptionId: ID, state: 'RETRYING', page: 1, size: 50 });
    expect(deliveryParams({ subscriptionId: '', state: 'DELIVERED' }, true)).toEqual({ subscriptionId: undefined, state: 'DEAD_LETTER' });
    expect(validSubscriptionId('')).toBe(true);
    expect(validSubscriptionId(ID)).toBe(true);
    expect(validSubscriptionId('renshi')).toBe(false);
  });
});

describe('what a subscription\'s timeline says', () => {
  const event = (type, data) => ({ type: `org.dangjian.subscriptions.${type}.v1`, data });

  it('names each event and its facts in both languages', () => {
    const zh = i18n('zh-CN');
    const asked = describeSubscriptionEvent(event('SubscriptionRequested', { subscriptionId: ID, department: 'renshi-department', departmentName: '人事部门',
      eventTypes: [ADMITTED], organisationUnitId: null, personalData: ['NAME'], channel: 'SSE', purpose: '干部档案' }), { t: zh.t, te: zh.te }, CATALOGUE);
    expect(asked.label).toBe('申请订阅');
    expect(asked.facts).toEqual([{ label: '部门', value: 'renshi-department' }, { label: '部门名称', value: '人事部门' },
      { label: '投递方式', value: '服务器推送' }, { label: '范围', value: '全组织' }, { label: '用途', value: '干部档案' },
      { label: '事件类型', value: '党员 · MemberAdmitted' }, { label: '个人信息', value: '姓名' }]);
    const grant = describeSubscriptionEvent(event('SubscriptionGranted', { eventTypes: [ADMITTED], personalData: [], deliverHistory: true,
      fromPosition: 0, reason: '同意' }), { t: zh.t, te: zh.te }, CATALOGUE);
    expect(grant.label).toBe('授权');
    expect(grant.facts).toEqual([{ label: '事件类型', value: '党员 · MemberAdmitted' }, { label: '个人信息', value: '不含个人信息' },
      { label: '历史事件', value: '同时投递授权前已记录的事件' }, { label: '起始位置', value: 0 }]);
    const english = i18n('en');
    const scoped = describeSubscriptionEvent(event('SubscriptionRequested', { organisationUnitId: 'u1', channel: 'WEBHOOK' }),
      { t: english.t, te: english.te, locale: 'en' }, CATALOGUE, (id) => (id === 'u1' ? 'First branch' : id));
    expect(scoped.facts).toEqual([{ label: 'Channel', value: 'Webhook' }, { label: 'Scope', value: 'First branch' }]);
    expect(describeSubscriptionEvent(event('SubscriptionRevoked', { reason: '停止' }), { t: english.t, te: english.te }).label).toBe('Subscription revoked');
    expect(describeSubscriptionEvent(event('SubscriptionGrantChanged', {}), { t: zh.t, te: zh.te }).label).toBe('变更授权');
    expect(describeSubscriptionEvent(event('SubscriptionRefused', {}), { t: zh.t, te: zh.te }).label).toBe('拒绝申请');
    expect(describeSubscriptionEvent(event('SubscriptionPaused', {}), { t: zh.t, te: zh.te }).label).toBe('SubscriptionPaused');
    expect(eventLabelKey('org.dangjian.subscriptions.Granted.v1')).toBe('Granted');
  });

  it('reads the timeline a page at a time, at the sequence a command answered', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ entries: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    await subscriptionTimeline(ID, { from: 0, minSequence: 2 });
    expect(fetch.mock.calls[0][0]).toBe(`/api/subscriptions/subscriptions/${ID}/timeline?from=0&limit=200&minSequence=2`);
    vi.unstubAllGlobals();
  });

  it('reads the catalogue once, and again after a failure', async () => {
    forgetCatalogue();
    const fetch = vi.fn()
      .mockResolvedValueOnce(new Response('{}', { status: 503 }))
      .mockResolvedValue(new Response(JSON.stringify(CATALOGUE), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await expect(readCatalogue()).rejects.toThrow();
    expect((await readCatalogue()).eventTypes).toHaveLength(4);
    await readCatalogue();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1][0]).toBe('/api/subscriptions/catalogue');
    vi.unstubAllGlobals();
    forgetCatalogue();
  });
});

describe('who sees the data sharing screens', () => {
  const items = (roles) => menuFor([subscriptions], roles).flatMap((g) => g.items.map((i) => i.route));

  it('shows the menu group 数据共享 to committee staff and auditors only', () => {
    const all = ['subscription-requests', 'subscription-deliveries', 'subscription-dead-letters'];
    expect(items(STAFF)).toEqual(all);
    expect(items(AUDITOR)).toEqual(all);
    OTHERS.forEach((role) => expect(items([role]), role).toEqual([]));
    expect(menuFor(MODULES, STAFF).map((g) => g.key)).toEqual(['organisation', 'members', 'activities', 'audit', 'subscriptions']);
    expect(menuFor(MODULES, AUDITOR).map((g) => g.key).slice(-2)).toEqual(['audit', 'subscriptions']);
    expect(READERS).toEqual(['COMMITTEE_STAFF', 'AUDITOR']);
  });

  it('opens every data sharing route to committee staff and auditors only', () => {
    const mine = routes.filter((r) => r.name?.startsWith('subscription'));
    expect(mine.map((r) => r.name)).toEqual(['subscription-requests', 'subscription', 'subscription-deliveries', 'subscription-dead-letters']);
    mine.forEach((route) => {
      expect(mayOpen(route, STAFF)).toBe(true);
      expect(mayOpen(route, AUDITOR)).toBe(true);
      OTHERS.forEach((role) => expect(mayOpen(route, [role]), `${route.name} ${role}`).toBe(false));
    });
  });

  it('puts the pending requests among committee staff\'s due items only', () => {
    expect(homePanelsFor(MODULES, STAFF).map((p) => p.key)).toContain('subscriptions-due');
    expect(homePanelsFor(MODULES, STAFF).find((p) => p.key === 'subscriptions-due').due).toBe(true);
    [AUDITOR, ...OTHERS.map((r) => [r])].forEach((roles) => expect(homePanelsFor(MODULES, roles).map((p) => p.key)).not.toContain('subscriptions-due'));
  });
});

const json = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('a decision\'s dialog', () => {
  const open = (action, subscription) => mount(SubscriptionDialog, { props: { modelValue: true, action, subscription, catalogue: CATALOGUE },
    global: { plugins: [ElementPlus, createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })] }, attachTo: document.body });
  const submit = () => document.querySelector('[data-test=submit]').click();
  const type = async (selector, value) => {
    const found = document.querySelector(selector);
    const input = ['INPUT', 'TEXTAREA'].includes(found.tagName) ? found : found.querySelector('textarea, input');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await flushPromises();
  };
  const tick = async (selector) => {
    document.querySelector(selector).click();
    await flushPromises();
  };

  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('starts from the request, shows a restricted type disabled, sends nothing the service would refuse, then the grant', async () => {
    const fetch = vi.fn().mockResolvedValue(json({ id: ID, sequence: 1 }));
    vi.stubGlobal('fetch', fetch);
    const sub = requested({ requested: { ...requested().requested, eventTypes: [ADMITTED, ESTABLISHED, CASE] } });
    const wrapper = open('grant', sub);
    await flushPromises();
    expect(document.querySelector('[data-test=subscription-grant-dialog]')).not.toBeNull();
    const services = [...document.querySelectorAll('[data-test=form-event-types] fieldset legend')].map((l) => l.textContent);
    expect(services).toEqual(['组织', '党员', '纪检监督']);
    const box = (type) => document.querySelector(`[data-type="${type}"] input`);
    expect(box(ADMITTED).checked).toBe(true);
    expect(box(ESTABLISHED).checked).toBe(true);
    expect(box(CASE).checked).toBe(false);
    expect(box(CASE).disabled).toBe(true);
    expect(document.querySelector('[data-test=restricted]').textContent).toBe('不可授权');
    expect(document.body.textContent).toContain('含个人信息：身份证号码、姓名');

    await tick(`[data-type="${ADMITTED}"] input`);
    await tick(`[data-type="${ESTABLISHED}"] input`);
    submit();
    await flushPromises();
    expect(fetch).not.toHaveBeenCalled();
    const messages = wrapper.findAllComponents(ElFormItem).map((item) => item.vm.validateMessage).filter(Boolean);
    expect(messages).toEqual(['请至少选择一个事件类型。', '请填写理由。']);

    await tick(`[data-type="${ADMITTED}"] input`);
    await tick('[data-kind=ID_CARD_NUMBER] input');
    document.querySelector('[data-test=form-deliver-history] [data-value=true] input').click();
    await type('[data-test=form-reason]', ' 干部档案管理需要 ');
    submit();
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe(`/api/subscriptions/subscriptions/${ID}/grant`);
    expect(init.method).toBe('POST');
    expect(init.headers['Idempotency-Key']).toBeTruthy();
    expect(JSON.parse(init.body)).toEqual({ eventTypes: [ADMITTED], personalData: ['NAME'], deliverHistory: true, reason: '干部档案管理需要' });
    expect(wrapper.emitted('done')[0][0]).toEqual({ id: ID, sequence: 1, action: 'grant' });
    wrapper.unmount();
  });

  it('refuses an unchanged grant change before sending, and shows the service\'s refusal in the dialog', async () => {
    const fetch = vi.fn().mockResolvedValue(json({ title: '订阅已撤销', detail: '订阅已撤销，不能变更授权', code: 'SUBSCRIPTION_NOT_GRANTED', status: 409 }, 409));
    vi.stubGlobal('fetch', fetch);
    const wrapper = open('changeGrant', granted());
    await flushPromises();
    expect(document.querySelector('[data-test=form-deliver-history]')).toBeNull();
    await type('[data-test=form-reason]', '调整');
    submit();
    await flushPromises();
    expect(fetch).not.toHaveBeenCalled();
    expect(wrapper.findAllComponents(ElFormItem).map((item) => item.vm.validateMessage).filter(Boolean)).toEqual(['授权内容没有变化。']);
    await tick('[data-kind=NAME] input');
    submit();
    await flushPromises();
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toEqual({ eventTypes: [ADMITTED, ESTABLISHED], personalData: [], reason: '调整' });
    expect(document.querySelector('[data-test=problem-title]').textContent).toContain('订阅已撤销');
    expect(wrapper.emitted('done')).toBeUndefined();
    wrapper.unmount();
  });

  it('asks a refusal for its reason only', async () => {
    const fetch = vi.fn().mockResolvedValue(json({ id: ID, sequence: 1 }));
    vi.stubGlobal('fetch', fetch);
    const wrapper = open('refuse', requested());
    await flushPromises();
    expect(document.querySelector('[data-test=form-event-types]')).toBeNull();
    submit();
    await flushPromises();
    expect(fetch).not.toHaveBeenCalled();
    await type('[data-test=form-reason]', '用途不明确');
    submit();
    await flushPromises();
    expect(fetch.mock.calls[0][0]).toBe(`/api/subscriptions/subscriptions/${ID}/refusal`);
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toEqual({ reason: '用途不明确' });
    wrapper.unmount();
  });
});

describe('the data sharing screens', async () => {
  const { createRouter, createMemoryHistory, RouterView } = await import('vue-router');
  const { createPinia } = await import('pinia');
  const { h } = await import('vue');
  const { useSession } = await import('../src/stores/session.js');
  const page = (items) => ({ items, total: items.length, page: 0, size: 20 });
  const delivery = (state, over = {}) => ({ id: `d-${state}`, subscriptionId: ID, department: 'renshi-department', channel: 'WEBHOOK', position: 1201,
    eventId: 'e1', eventType: ADMITTED, source: '/members', subject: 'm1', state, attempts: 8, lastStatus: 500, lastError: 'HTTP 500 from renshi.example',
    firstAttemptAt: '2026-03-02T02:00:00Z', lastAttemptAt: '2026-03-02T04:00:00Z', nextAttemptAt: null, deliveredAt: null, masked: ['idCardNumber'], ...over });
  let shown = requested();
  function answerFor(url, init) {
    const path = url.split('?')[0];
    if (init?.method === 'POST') {
      return { id: 'd-DEAD_LETTER', state: 'RETRYING' };
    }
    return {
      '/api/subscriptions/subscriptions': page([shown]),
      [`/api/subscriptions/subscriptions/${ID}`]: shown,
      [`/api/subscriptions/subscriptions/${ID}/timeline`]: { entries: [{ sequence: 0, eventId: 'e0', type: 'org.dangjian.subscriptions.SubscriptionRequested.v1',
        hash: 'a'.repeat(64), prevHash: '0'.repeat(64), occurredAt: '2026-03-01T02:00:00Z', recordedAt: '2026-03-01T02:00:01Z',
        actor: { id: 'renshi-department', role: 'DEPARTMENT' }, data: { eventTypes: [ADMITTED], channel: 'WEBHOOK' } }] },
      '/api/subscriptions/catalogue': CATALOGUE,
      '/api/subscriptions/deliveries': page(url.includes('DEAD_LETTER') ? [delivery('DEAD_LETTER')] : [delivery('DELIVERED', { lastError: null, lastStatus: 200 }),
        delivery('DEAD_LETTER')]),
    }[path] ?? page([]);
  }

  async function show(path, roles) {
    forgetCatalogue();
    const fetch = vi.fn(async (url, init) => json(answerFor(url, init)));
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
    await flushPromises();
    await new Promise((resolve) => { setTimeout(resolve, 0); });
    await flushPromises();
    return { wrapper, fetch, asked: () => fetch.mock.calls.map(([url]) => url),
      actions: () => wrapper.findAll('[data-action]').map((b) => b.attributes('data-action')) };
  }

  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists the pending requests first', async () => {
    shown = requested();
    const list = await show('/subscriptions', STAFF);
    expect(list.asked()[0]).toBe('/api/subscriptions/subscriptions?page=0&size=20&state=REQUESTED');
    expect(list.wrapper.find('[data-test=subscription-link]').text()).toBe('人事部门');
    expect(list.wrapper.find('[data-test=subscription-state]').text()).toBe('待审批');
    expect(list.wrapper.find('[data-test=read-only]').exists()).toBe(false);
    list.wrapper.unmount();
    const auditor = await show('/subscriptions', AUDITOR);
    expect(auditor.wrapper.find('[data-test=read-only]').exists()).toBe(true);
    auditor.wrapper.unmount();
  });

  it('shows a request with its steps to committee staff, and to an auditor none', async () => {
    shown = requested();
    const staff = await show(`/subscriptions/${ID}?minSequence=0`, STAFF);
    expect(staff.wrapper.find('[data-test=subscription-heading]').text()).toBe('人事部门');
    expect(staff.wrapper.find('[data-test=subscription-state]').text()).toBe('待审批');
    expect(staff.actions()).toEqual(['grant', 'refuse', 'revoke']);
    expect(staff.wrapper.find('[data-test=requested]').text()).toContain('党员');
    expect(staff.wrapper.find('[data-test=requested-personal-data]').text()).toBe('姓名、身份证号码');
    expect(staff.wrapper.find('[data-test=grant]').text()).toContain('尚未授权。');
    expect(staff.wrapper.find('[data-test=event-label]').text()).toBe('申请订阅');
    expect(staff.asked()).toContain(`/api/subscriptions/subscriptions/${ID}?minSequence=0`);
    expect(staff.asked()).toContain(`/api/subscriptions/subscriptions/${ID}/timeline?from=0&limit=200&minSequence=0`);
    staff.wrapper.unmount();

    shown = granted();
    const auditor = await show(`/subscriptions/${ID}`, AUDITOR);
    expect(auditor.actions()).toEqual([]);
    expect(auditor.wrapper.find('[data-test=read-only]').exists()).toBe(true);
    expect(auditor.wrapper.find('[data-test=granted-personal-data]').text()).toBe('姓名');
    expect(auditor.wrapper.find('[data-test=granted-by]').text()).toBe('dangwei · 党委工作人员');
    expect(auditor.wrapper.find('[data-test=not-granted]').text()).toContain('MemberTransferred');
    expect(auditor.wrapper.find('[data-test=deliveries-link]').attributes('href')).toBe(`/subscriptions/deliveries?subscriptionId=${ID}`);
    auditor.wrapper.unmount();

    shown = granted();
    const again = await show(`/subscriptions/${ID}`, STAFF);
    expect(again.actions()).toEqual(['changeGrant', 'revoke']);
    again.wrapper.unmount();
  });

  it('shows a revoked subscription\'s decision and no step', async () => {
    shown = granted({ state: 'REVOKED', decision: { outcome: 'REVOKED', reason: '停止合作', by: { id: 'dangwei', role: 'COMMITTEE_STAFF' }, at: '2026-03-05T02:00:00Z' } });
    const staff = await show(`/subscriptions/${ID}`, STAFF);
    expect(staff.actions()).toEqual([]);
    expect(staff.wrapper.find('[data-test=decision]').text()).toContain('停止合作');
    expect(staff.wrapper.find('[data-test=decision]').text()).toContain('已撤销');
    staff.wrapper.unmount();
  });

  it('lists deliveries by subscription, the dead letters with 重新投递 for committee staff, and redelivers one', async () => {
    const log = await show(`/subscriptions/deliveries?subscriptionId=${ID}`, AUDITOR);
    expect(log.asked()[0]).toBe(`/api/subscriptions/deliveries?page=0&size=20&subscriptionId=${ID}`);
    expect(log.wrapper.findAll('[data-test=delivery-state]').map((tag) => tag.text())).toEqual(['已投递', '死信']);
    expect(log.actions()).toEqual([]);
    log.wrapper.unmount();

    const readOnly = await show('/subscriptions/dead-letters', AUDITOR);
    expect(readOnly.asked()[0]).toBe('/api/subscriptions/deliveries?page=0&size=20&state=DEAD_LETTER');
    expect(readOnly.actions()).toEqual([]);
    readOnly.wrapper.unmount();

    const staff = await show('/subscriptions/dead-letters', STAFF);
    expect(staff.wrapper.find('[data-test=last-error]').text()).toBe('HTTP 500 from renshi.example');
    expect(staff.actions()).toEqual(['redeliver']);
    await staff.wrapper.find('[data-action=redeliver]').trigger('click');
    await flushPromises();
    expect(document.querySelector('[data-test=redeliver-confirm]').textContent).toContain('renshi-department');
    document.querySelector('[data-test=redeliver-dialog] [data-test=submit]').click();
    await flushPromises();
    const post = staff.fetch.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post[0]).toBe('/api/subscriptions/deliveries/d-DEAD_LETTER/redelivery');
    expect(JSON.parse(post[1].body)).toEqual({});
    expect(post[1].headers['Idempotency-Key']).toBeTruthy();
    expect(staff.wrapper.find('[data-test=status]').text()).toBe('已重新投递，当前状态：重试中。');
    expect(staff.asked().filter((url) => url.startsWith('/api/subscriptions/deliveries?'))).toHaveLength(2);
    staff.wrapper.unmount();
  });
});
