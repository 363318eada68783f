// The web client of the 智慧党建平台: sign-in and sign-out, and the organisation tree (组织架构) with each unit's
// details, its timeline (组织时间线) and hash-chain check; party committee staff also establish, rename and dissolve
// units. Plain modern JavaScript: no build step, no framework, no external scripts.
//
// Reads go to the organisation service through the gateway (/api/organisation/...), with the session cookie. Every
// command carries an Idempotency-Key (one per user action, kept for a retry of the same action) and the CSRF header;
// after a command the screen reads with minSequence=<the command's sequence>, so it shows the user's own write
// although the read models are eventually consistent. Nothing polls.
'use strict';

const TEXTS = {
  'zh-CN': {
    title: '智慧党建平台',
    language: '语言',
    skip: '跳到组织详情',
    loading: '正在加载…',
    intro: '党建工作全程留痕、可回溯、可审计。请登录后使用。',
    loginFailed: '登录未成功，请重试。',
    sessionExpired: '登录已过期，请重新登录。',
    greeting: '您好，',
    roles: '角色',
    org: '所属组织',
    noOrg: '（无）',
    noRoles: '（无角色）',
    logout: '退出登录',
    footer: '智慧党建平台 · 网关',
    failed: '请求失败',
    treeHeading: '组织架构',
    showDissolved: '显示已撤销组织',
    treeEmpty: '尚无组织。',
    treeLoading: '正在加载组织架构…',
    treeCount: '共 {0} 个组织',
    selectUnit: '请在组织架构中选择一个组织。',
    unitLoading: '正在加载组织详情…',
    topHeading: '成立党委',
    topHint: '组织架构尚无组织。党委是最高一级组织，其下可设党总支、党支部和群团组织。',
    establishTop: '成立党委',
    kind: '类型',
    massType: '群团组织类型',
    name: '名称',
    newName: '新名称',
    reason: '事由',
    reasonPlaceholder: '例如：依据党委会议决定（可不填）',
    status: '状态',
    establishedAt: '成立时间',
    dissolvedAt: '撤销时间',
    parent: '上级组织',
    subordinate: '下级组织',
    noParent: '（无，最高一级组织）',
    subordinates: '下级组织',
    noSubordinates: '（无）',
    unitId: '组织编号',
    sequence: '版本（事件序号）',
    readOnly: '您的角色只能查看组织架构；成立、更名和撤销由党委工作人员办理。',
    dissolvedNote: '该组织已撤销，不能再更名或在其下成立组织。',
    commandsHeading: '办理',
    establishHeading: '成立下级组织',
    under: '上级组织：',
    noKinds: '这一类组织之下不设下级组织。',
    establish: '成立',
    renameHeading: '组织更名',
    rename: '更名',
    dissolveHeading: '撤销组织',
    dissolve: '撤销…',
    dissolveBlocked: '其下仍有 {0} 个未撤销的下级组织，须先撤销它们。',
    confirmTitle: '确认撤销组织',
    confirmText: '确定撤销“{0}”吗？撤销后不能再更名，也不能在其下成立组织；撤销记入时间线，不可删除。',
    cancel: '取消',
    confirmDissolve: '确认撤销',
    nameRequired: '请填写名称。',
    kindRequired: '请选择类型。',
    massTypeRequired: '请选择群团组织类型。',
    choose: '请选择…',
    retrySafe: '可以再次提交：同一操作只会执行一次。',
    correlation: '追踪号',
    established: '已成立“{0}”。',
    renamed: '已更名为“{0}”。',
    dissolvedDone: '已撤销“{0}”。',
    timelineHeading: '组织时间线',
    timelineHint: '每一项变更按顺序记录：谁、何时发生、何时记录、为何，并以哈希链相连，任何改动都会被发现。',
    noEvents: '（尚无事件）',
    verify: '校验完整性',
    verifying: '正在校验哈希链…',
    intact: '✓ 哈希链完整：已校验 {0} 个事件（链头哈希 {1}）',
    broken: '✗ 哈希链在第 {0} 号事件处断开（事件 {1}）：{2}；已校验 {3} 个事件',
    occurredAt: '发生时间',
    recordedAt: '记录时间',
    actor: '办理人',
    noReason: '（未填写）',
    changes: '变更内容',
    hash: '哈希',
    prevHash: '前一哈希',
    genesis: '起点',
    linksTo: '接续 #{0}',
    linkBroken: '与 #{0} 的哈希不符',
    eventId: '事件编号',
    correlationId: '关联编号',
    causationId: '因果编号',
    chain: '哈希链',
    seqLabel: '序号 {0}',
    topLevel: '（最高一级）',
    statusChange: '正常 → 已撤销',
  },
  en: {
    title: 'Smart Party-Building Platform',
    language: 'Language',
    skip: 'Skip to the unit details',
    loading: 'Loading…',
    intro: 'Every step of party-building work, recorded, replayable and auditable. Please sign in.',
    loginFailed: 'Sign-in did not succeed; please try again.',
    sessionExpired: 'Your session has ended; please sign in again.',
    greeting: 'Hello, ',
    roles: 'Roles',
    org: 'Organisation unit',
    noOrg: '(none)',
    noRoles: '(no roles)',
    logout: 'Sign out',
    footer: 'Smart Party-Building Platform · gateway',
    failed: 'Request failed',
    treeHeading: 'Organisation tree',
    showDissolved: 'Show dissolved units',
    treeEmpty: 'There are no units yet.',
    treeLoading: 'Loading the organisation tree…',
    treeCount: (n) => `${n} ${n === 1 ? 'unit' : 'units'}`,
    selectUnit: 'Choose a unit in the organisation tree.',
    unitLoading: 'Loading the unit…',
    topHeading: 'Establish a party committee',
    topHint: 'The tree is empty. A party committee heads it; general branches, branches and mass organisations stand under it.',
    establishTop: 'Establish the committee',
    kind: 'Kind',
    massType: 'Mass organisation type',
    name: 'Name',
    newName: 'New name',
    reason: 'Reason',
    reasonPlaceholder: 'e.g. decided by the committee meeting (optional)',
    status: 'Status',
    establishedAt: 'Established',
    dissolvedAt: 'Dissolved',
    parent: 'Parent unit',
    subordinate: 'Subordinate unit',
    noParent: '(none: top-level unit)',
    subordinates: 'Subordinate units',
    noSubordinates: '(none)',
    unitId: 'Unit id',
    sequence: 'Version (event sequence)',
    readOnly: 'Your role may only view the organisation tree; party committee staff establish, rename and dissolve units.',
    dissolvedNote: 'This unit is dissolved: it can no longer be renamed or take new units.',
    commandsHeading: 'Actions',
    establishHeading: 'Establish a subordinate unit',
    under: 'Under: ',
    noKinds: 'No units stand under this kind of unit.',
    establish: 'Establish',
    renameHeading: 'Rename the unit',
    rename: 'Rename',
    dissolveHeading: 'Dissolve the unit',
    dissolve: 'Dissolve…',
    dissolveBlocked: (n) => `${n} active subordinate ${n === 1 ? 'unit stands' : 'units stand'} under it; dissolve ${n === 1 ? 'it' : 'them'} first.`,
    confirmTitle: 'Dissolve the unit?',
    confirmText: 'Dissolve “{0}”? It can then no longer be renamed or take new units; the dissolution is recorded in the timeline for good.',
    cancel: 'Cancel',
    confirmDissolve: 'Dissolve',
    nameRequired: 'Please enter a name.',
    kindRequired: 'Please choose a kind.',
    massTypeRequired: 'Please choose the mass organisation type.',
    choose: 'Choose…',
    retrySafe: 'You may submit again: the same action is applied only once.',
    correlation: 'Correlation id',
    established: '“{0}” established.',
    renamed: 'Renamed to “{0}”.',
    dissolvedDone: '“{0}” dissolved.',
    timelineHeading: 'Unit timeline',
    timelineHint: 'Every change in order: who, when it happened, when it was recorded and why, linked in a hash chain that shows any alteration.',
    noEvents: '(no events yet)',
    verify: 'Verify the chain',
    verifying: 'Verifying the hash chain…',
    intact: (n, head) => `✓ The hash chain is intact: ${n} ${n === 1 ? 'event' : 'events'} checked (head hash ${head})`,
    broken: (seq, id, problem, n) => `✗ The hash chain breaks at event ${seq} (${id}): ${problem}; ${n} ${n === 1 ? 'event' : 'events'} checked`,
    occurredAt: 'Occurred',
    recordedAt: 'Recorded',
    actor: 'Actor',
    noReason: '(none given)',
    changes: 'Changes',
    hash: 'Hash',
    prevHash: 'Previous hash',
    genesis: 'genesis',
    linksTo: 'links to #{0}',
    linkBroken: 'does not match #{0}',
    eventId: 'Event id',
    correlationId: 'Correlation id',
    causationId: 'Causation id',
    chain: 'Hash chain',
    seqLabel: 'Sequence {0}',
    topLevel: '(top level)',
    statusChange: 'active → dissolved',
  },
};

const ROLE_LABELS = {
  COMMITTEE_STAFF: { 'zh-CN': '党委工作人员', en: 'Party committee staff' },
  BRANCH_SECRETARY: { 'zh-CN': '支部书记', en: 'Branch secretary' },
  PARTY_MEMBER: { 'zh-CN': '党员', en: 'Party member' },
  DISCIPLINE_INSPECTOR: { 'zh-CN': '纪检干部', en: 'Discipline inspector' },
  AUDITOR: { 'zh-CN': '审计/巡察', en: 'Auditor' },
  PLATFORM_OPERATOR: { 'zh-CN': '平台运维', en: 'Platform operator' },
  DEPARTMENT: { 'zh-CN': '其他部门', en: 'Other department' },
};

const KIND_LABELS = {
  COMMITTEE: { 'zh-CN': '党委', en: 'Party committee' },
  GENERAL_BRANCH: { 'zh-CN': '党总支', en: 'General branch' },
  BRANCH: { 'zh-CN': '党支部', en: 'Party branch' },
  PARTY_GROUP: { 'zh-CN': '党小组', en: 'Party group' },
  MASS_ORGANISATION: { 'zh-CN': '群团组织', en: 'Mass organisation' },
};

const MASS_TYPE_LABELS = {
  TRADE_UNION: { 'zh-CN': '工会', en: 'Trade union' },
  YOUTH_LEAGUE: { 'zh-CN': '共青团', en: 'Youth league' },
  WOMENS_FEDERATION: { 'zh-CN': '妇联', en: "Women's federation" },
};

const STATUS_LABELS = {
  ACTIVE: { 'zh-CN': '正常', en: 'Active' },
  DISSOLVED: { 'zh-CN': '已撤销', en: 'Dissolved' },
};

const EVENT_LABELS = {
  OrganisationUnitEstablished: { 'zh-CN': '成立', en: 'Established' },
  OrganisationUnitRenamed: { 'zh-CN': '更名', en: 'Renamed' },
  OrganisationUnitDissolved: { 'zh-CN': '撤销', en: 'Dissolved' },
  OrganisationUnitSubordinateAttached: { 'zh-CN': '下级组织成立', en: 'Subordinate unit established' },
  OrganisationUnitSubordinateDetached: { 'zh-CN': '下级组织撤销', en: 'Subordinate unit dissolved' },
};

const CHAIN_PROBLEMS = {
  SEQUENCE_GAP: { 'zh-CN': '事件序号不连续', en: 'a gap in the sequence' },
  PREVIOUS_HASH_MISMATCH: { 'zh-CN': '前一哈希与上一事件不符', en: 'its previous hash does not match the event before it' },
  HASH_MISMATCH: { 'zh-CN': '事件内容与其哈希不符（已被改动）', en: 'its content does not match its hash (altered)' },
};

const FIELD_LABELS = { name: 'name', reason: 'reason', kind: 'kind', massOrganisationType: 'massType', parentId: 'parent' };

// which kinds may stand under which (the organisation service checks it too: OrganisationStructure)
const ALLOWED_UNDER = {
  COMMITTEE: ['GENERAL_BRANCH', 'BRANCH', 'MASS_ORGANISATION'],
  GENERAL_BRANCH: ['BRANCH'],
  BRANCH: ['PARTY_GROUP'],
  PARTY_GROUP: [],
  MASS_ORGANISATION: [],
};

const API = '/api/organisation';
const GENESIS = '0'.repeat(64);
const LANG_KEY = 'dangjian.lang';
const RETURN_KEY = 'dangjian.returnHash';
const REQUEST_TIMEOUT_MS = 40000;

let lang = TEXTS[localStorage.getItem(LANG_KEY)] ? localStorage.getItem(LANG_KEY) : 'zh-CN';

const state = {
  user: null,
  tree: null,            // the root units, as GET /tree answers
  units: new Map(),      // id -> tree node, for names of parents and actors' units
  includeDissolved: false,
  selectedId: null,
  unit: null,            // GET /units/{id}
  entries: null,         // GET /units/{id}/timeline entries
  verification: null,    // GET /units/{id}/verification
  loads: 0,              // the latest selection; older answers are dropped
};

// an action that failed without a definite answer keeps its idempotency key, so that resubmitting it is applied once
const pendingKeys = new Map();

const $ = (id) => document.getElementById(id);

function t(key, ...args) {
  const text = TEXTS[lang][key] ?? key;
  if (typeof text === 'function') {
    return text(...args);
  }
  return args.length ? text.replace(/\{(\d+)\}/g, (m, i) => String(args[Number(i)] ?? '')) : text;
}

const label = (labels, value) => (value && labels[value] ? labels[value][lang] : (value || ''));

/** Creates an element: el('a', {href: '#', class: 'x'}, 'text', child, ...). */
function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  });
  return element;
}

function cookie(name) {
  const prefix = name + '=';
  const found = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(prefix));
  return found ? decodeURIComponent(found.substring(prefix.length)) : null;
}

function headers(extra) {
  return Object.assign({ Accept: 'application/json', 'Accept-Language': lang }, extra);
}

/** A fresh idempotency key; crypto.randomUUID needs a secure context, getRandomValues does not. */
function newKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

function formatTime(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  // "2026-11-25 23:26:00 UTC" in Chinese, "25 Nov 2026, 23:26:00 UTC" in English: date, time and the browser's zone
  const parts = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric', month: lang === 'en' ? 'short' : '2-digit', day: lang === 'en' ? 'numeric' : '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type) => (parts.find((p) => p.type === type) || {}).value || '';
  const day = lang === 'en' ? `${part('day')} ${part('month')} ${part('year')},` : `${part('year')}-${part('month')}-${part('day')}`;
  return `${day} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`.trim();
}

const timeElement = (iso) => el('time', { datetime: iso }, formatTime(iso));
const shortHash = (hash) => (hash ? hash.slice(0, 12) + '…' : '');

// ---------------------------------------------------------------------------------------------------------------
// talking to the gateway

/** A refused request: the problem+json the gateway or the service answered (already in the user's language). */
class ApiError extends Error {
  constructor(status, problem) {
    super([problem.title, problem.detail].filter(Boolean).join(': ') || `${TEXTS[lang].failed} (${status})`);
    this.status = status;
    this.problem = problem;
  }
}

async function readProblem(response) {
  try {
    const problem = await response.json();
    return problem && typeof problem === 'object' ? problem : {};
  } catch (e) {
    return {};
  }
}

async function api(method, path, body, idempotencyKey) {
  const init = { method, credentials: 'same-origin', headers: headers(), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET') {
    init.headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN') || '';
  }
  if (idempotencyKey) {
    init.headers['Idempotency-Key'] = idempotencyKey;
  }
  const response = await fetch(path, init);
  if (response.status === 401) {
    sessionEnded();
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  return response.json();
}

/**
 * A read. The service waits a while for minSequence itself; should it still answer READ_MODEL_BEHIND (503), the read
 * is tried twice more after the Retry-After pause, then the problem is shown ("try again in a moment").
 */
async function read(path) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api('GET', path);
    } catch (e) {
      if (!(e instanceof ApiError) || e.problem.code !== 'READ_MODEL_BEHIND' || attempt >= 2) {
        throw e;
      }
      await sleep(1000 * (attempt + 1));
    }
  }
}

function errorText(e) {
  if (e instanceof ApiError) {
    return e.message;
  }
  return `${t('failed')}: ${e && e.message ? e.message : e}`;
}

// ---------------------------------------------------------------------------------------------------------------
// language

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach((node) => { node.setAttribute('aria-label', t(node.dataset.i18nLabel)); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
  document.querySelectorAll('[data-lang]').forEach((node) => { node.setAttribute('aria-pressed', String(node.dataset.lang === lang)); });
  if (state.user) {
    renderUser();
    renderTree();
    renderUnit();
    renderTimeline();
    renderVerification();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// who is signed in

const canCommand = () => Boolean(state.user && state.user.roles.includes('COMMITTEE_STAFF'));

function unitLink(id, name) {
  return el('a', { href: '#unit=' + encodeURIComponent(id), dataset: { unitId: id } }, name || id);
}

function renderUser() {
  const user = state.user;
  $('user-name').textContent = user.name || user.username;
  $('user-username').textContent = user.username;
  $('user-roles').replaceChildren(...(user.roles.length ? user.roles : [null])
    .map((role) => el('li', null, role ? label(ROLE_LABELS, role) : t('noRoles'))));
  const org = user.org ? state.units.get(user.org) : null;
  $('user-org').replaceChildren(org ? unitLink(org.id, org.name) : (user.org || t('noOrg')));
}

function showSignedOut(expired) {
  state.user = null;
  $('loading').hidden = true;
  $('workspace').hidden = true;
  $('signed-out').hidden = false;
  $('login-failed').hidden = expired || !new URLSearchParams(location.search).has('login');
  $('session-expired').hidden = !expired;
}

function sessionEnded() {
  if (state.user) {
    showSignedOut(true);
  }
}

function showError(text) {
  $('error').textContent = text || '';
  $('error').hidden = !text;
}

async function loadUser() {
  showError('');
  try {
    const response = await fetch('/api/me', { headers: headers(), credentials: 'same-origin' });
    $('loading').hidden = true;
    if (response.status === 401) {
      showSignedOut(false);
      return;
    }
    if (!response.ok) {
      showError(new ApiError(response.status, await readProblem(response)).message);
      return;
    }
    state.user = await response.json();
    $('signed-out').hidden = true;
    $('workspace').hidden = false;
    renderUser();
    await start();
  } catch (e) {
    $('loading').hidden = true;
    showError(errorText(e));
  }
}

async function logout() {
  showError('');
  try {
    const response = await fetch('/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers({ 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') || '' }),
    });
    if (!response.ok) {
      showError(new ApiError(response.status, await readProblem(response)).message);
      return;
    }
    const type = response.headers.get('Content-Type') || '';
    const answer = type.includes('json') ? await response.json() : {};
    // the gateway answers with the identity provider's logout URL, which sends the browser back here
    location.assign(answer.redirect || '/');
  } catch (e) {
    showError(errorText(e));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// the tree

function statusBadge(status) {
  return el('span', { class: 'badge status-' + String(status).toLowerCase() }, label(STATUS_LABELS, status));
}

function kindBadge(unit) {
  const text = unit.kind === 'MASS_ORGANISATION' && unit.massOrganisationType
    ? `${label(KIND_LABELS, unit.kind)} · ${label(MASS_TYPE_LABELS, unit.massOrganisationType)}`
    : label(KIND_LABELS, unit.kind);
  return el('span', { class: 'badge kind kind-' + String(unit.kind).toLowerCase() }, text);
}

function indexTree(nodes) {
  nodes.forEach((node) => {
    state.units.set(node.id, node);
    indexTree(node.subordinates || []);
  });
}

function treeList(nodes) {
  return el('ul', null, nodes.map((node) => el('li', null,
    el('a', {
      href: '#unit=' + encodeURIComponent(node.id),
      class: 'unit-link' + (node.status === 'DISSOLVED' ? ' dissolved' : ''),
      dataset: { unitId: node.id },
      'aria-current': node.id === state.selectedId ? 'true' : null,
    }, el('span', { class: 'unit-name' }, node.name), ' ', kindBadge(node), ' ', statusBadge(node.status)),
    node.subordinates && node.subordinates.length ? treeList(node.subordinates) : null)));
}

function renderTree() {
  if (!state.tree) {
    return;
  }
  const nav = $('tree');
  nav.replaceChildren(state.tree.length ? treeList(state.tree) : '');
  $('tree-status').textContent = state.tree.length ? t('treeCount', state.units.size) : t('treeEmpty');
  $('top-form').hidden = !(canCommand() && state.tree.length === 0);
}

function markSelected() {
  $('tree').querySelectorAll('a[data-unit-id]').forEach((link) => {
    if (link.dataset.unitId === state.selectedId) {
      link.setAttribute('aria-current', 'true');
    } else {
      link.removeAttribute('aria-current');
    }
  });
}

/** Reads the tree; after a command, with unit and minSequence so that it shows that command's effect. */
async function loadTree(unit, minSequence) {
  const params = new URLSearchParams({ includeDissolved: String(state.includeDissolved) });
  if (unit && minSequence !== undefined && minSequence !== null) {
    params.set('unit', unit);
    params.set('minSequence', String(minSequence));
  }
  if (!state.tree) {
    $('tree-status').textContent = t('treeLoading');
  }
  try {
    const answer = await read(`${API}/tree?${params}`);
    state.tree = answer.units || [];
    state.units = new Map();
    indexTree(state.tree);
    showError('');
    renderTree();
    renderUser();
  } catch (e) {
    $('tree-status').textContent = '';
    showError(errorText(e));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// one unit: details, timeline, verification

function selectedFromHash() {
  const match = /(?:^#|&)unit=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

/** Shows a unit; minSequence after the user's own command on it. */
async function selectUnit(id, minSequence) {
  const changed = id !== state.selectedId;
  state.selectedId = id;
  markSelected();
  if (changed) {
    resetForms();
    state.unit = null;
    state.entries = null;
  }
  state.verification = null;
  const load = ++state.loads;
  const area = $('unit-area');
  area.setAttribute('aria-busy', 'true');
  if (!state.unit) {
    $('unit-empty').hidden = false;
    $('unit-empty').textContent = t('unitLoading');
  }
  $('unit-error').hidden = true;
  // sequences start at 0: test for presence, not truth
  const query = minSequence !== undefined && minSequence !== null ? `?minSequence=${minSequence}` : '';
  const path = `${API}/units/${encodeURIComponent(id)}`;
  try {
    const [unit, timeline] = await Promise.all([read(path + query), read(`${path}/timeline${query}`)]);
    if (load !== state.loads) {
      return;
    }
    state.unit = unit;
    state.entries = timeline.entries || [];
  } catch (e) {
    if (load !== state.loads) {
      return;
    }
    state.unit = null;
    state.entries = null;
    $('unit-error').textContent = errorText(e);
    $('unit-error').hidden = false;
  } finally {
    if (load === state.loads) {
      area.removeAttribute('aria-busy');
    }
  }
  renderUnit();
  renderTimeline();
  renderVerification();
}

function fact(term, ...values) {
  return [el('dt', null, term), el('dd', null, ...values)];
}

function renderUnit() {
  const unit = state.unit;
  $('unit').hidden = !unit;
  $('timeline-panel').hidden = !unit;
  $('unit-empty').hidden = Boolean(unit) || !$('unit-error').hidden;
  $('unit-empty').textContent = t('selectUnit');
  if (!unit) {
    $('commands').hidden = true;
    return;
  }
  $('unit-heading').textContent = unit.name;
  $('unit-badges').replaceChildren(kindBadge(unit), ' ', statusBadge(unit.status));
  const subordinates = unit.subordinates || [];
  $('unit-facts').replaceChildren(
    ...fact(t('name'), unit.name),
    ...fact(t('kind'), label(KIND_LABELS, unit.kind)),
    ...(unit.kind === 'MASS_ORGANISATION' ? fact(t('massType'), label(MASS_TYPE_LABELS, unit.massOrganisationType)) : []),
    ...fact(t('status'), statusBadge(unit.status)),
    ...fact(t('establishedAt'), unit.establishedAt ? timeElement(unit.establishedAt) : ''),
    ...(unit.dissolvedAt ? fact(t('dissolvedAt'), timeElement(unit.dissolvedAt)) : []),
    ...fact(t('parent'), unit.parent ? [unitLink(unit.parent.id, unit.parent.name), ' ', kindBadge(unit.parent),
      unit.parent.status === 'DISSOLVED' ? [' ', statusBadge(unit.parent.status)] : null] : t('noParent')),
    ...fact(t('subordinates'), subordinates.length
      ? el('ul', { class: 'subordinates' }, subordinates.map((s) => el('li', null,
        unitLink(s.id, s.name), ' ', kindBadge(s), ' ', statusBadge(s.status))))
      : t('noSubordinates')),
    ...fact(t('unitId'), el('code', null, unit.id)),
    ...fact(t('sequence'), String(unit.sequence)));
  const dissolved = unit.status === 'DISSOLVED';
  $('read-only-note').hidden = canCommand();
  $('dissolved-note').hidden = !dissolved;
  renderCommands();
}

function renderCommands() {
  const unit = state.unit;
  const show = Boolean(unit) && canCommand() && unit.status !== 'DISSOLVED';
  $('commands').hidden = !show;
  if (!show) {
    return;
  }
  // establish under it: only the kinds allowed under this one
  const form = $('establish-form');
  const kinds = ALLOWED_UNDER[unit.kind] || [];
  form.querySelector('.parent-name').textContent = lang === 'en'
    ? `${unit.name} (${label(KIND_LABELS, unit.kind)})` : `${unit.name}（${label(KIND_LABELS, unit.kind)}）`;
  form.querySelector('.no-kinds').hidden = kinds.length > 0;
  form.querySelector('.kind-fields').hidden = kinds.length === 0;
  fillSelect($('establish-kind'), kinds, KIND_LABELS, kinds.length > 1);
  fillSelect($('establish-mass-type'), Object.keys(MASS_TYPE_LABELS), MASS_TYPE_LABELS, true);
  updateMassType();
  // rename
  $('rename-name').placeholder = unit.name;
  // dissolve: not while active units stand under it (the service refuses that too)
  const active = (unit.subordinates || []).filter((s) => s.status === 'ACTIVE').length;
  const blocked = $('dissolve-form').querySelector('.blocked');
  blocked.hidden = active === 0;
  blocked.textContent = active ? t('dissolveBlocked', active) : '';
  $('dissolve-form').querySelector('button[type=submit]').disabled = active > 0;
}

function fillSelect(select, values, labels, withPrompt) {
  const current = select.value;
  select.replaceChildren(
    withPrompt ? el('option', { value: '' }, t('choose')) : null,
    ...values.map((value) => el('option', { value }, label(labels, value))));
  select.value = values.includes(current) ? current : (withPrompt ? '' : values[0] || '');
}

function updateMassType() {
  const mass = $('establish-kind').value === 'MASS_ORGANISATION';
  $('establish-form').querySelector('.mass-type-field').hidden = !mass;
  $('establish-mass-type').required = mass;
}

function changes(entry) {
  const data = entry.data || {};
  const kind = entry.type ? /\.([A-Za-z]+)\.v\d+$/.exec(entry.type)?.[1] : null;
  const parentName = (id) => (state.units.get(id) ? unitLink(id, state.units.get(id).name) : el('code', null, id));
  switch (kind) {
    case 'OrganisationUnitEstablished':
      return [
        ...fact(t('name'), data.name),
        ...fact(t('kind'), label(KIND_LABELS, data.kind)),
        ...(data.massOrganisationType ? fact(t('massType'), label(MASS_TYPE_LABELS, data.massOrganisationType)) : []),
        ...fact(t('parent'), data.parentId ? parentName(data.parentId) : t('topLevel')),
      ];
    case 'OrganisationUnitRenamed':
      return fact(t('name'), el('del', null, data.previousName), ' → ', el('ins', null, data.name));
    case 'OrganisationUnitDissolved':
      return fact(t('status'), t('statusChange'));
    case 'OrganisationUnitSubordinateAttached':
      return [
        ...fact(t('subordinate'), parentName(data.subordinateId)),
        ...fact(t('kind'), label(KIND_LABELS, data.subordinateKind)),
      ];
    case 'OrganisationUnitSubordinateDetached':
      return fact(t('subordinate'), parentName(data.subordinateId));
    default:
      return Object.entries(data).filter(([name]) => name !== 'reason' && name !== 'unitId')
        .flatMap(([name, value]) => fact(name, typeof value === 'string' ? value : JSON.stringify(value)));
  }
}

function hashCode(hash) {
  return el('code', { class: 'hash', title: hash }, hash === GENESIS ? `${shortHash(hash)} (${t('genesis')})` : shortHash(hash));
}

function renderTimeline() {
  const list = $('timeline');
  if (!state.entries) {
    list.replaceChildren();
    return;
  }
  if (!state.entries.length) {
    list.replaceChildren(el('li', { class: 'muted' }, t('noEvents')));
    return;
  }
  const broken = state.verification && !state.verification.intact ? state.verification.brokenAtSequence : null;
  list.replaceChildren(...state.entries.map((entry, index) => {
    const previous = index > 0 ? state.entries[index - 1] : null;
    const expected = previous ? previous.hash : GENESIS;
    const linked = entry.prevHash === expected;
    const eventType = /\.([A-Za-z]+)\.v\d+$/.exec(entry.type || '')?.[1];
    const actor = entry.actor || {};
    const actorUnit = actor.organisation ? state.units.get(actor.organisation) : null;
    const data = entry.data || {};
    return el('li', {
      class: 'event' + (broken === entry.sequence ? ' broken' : ''),
      dataset: { sequence: String(entry.sequence), type: eventType || entry.type, hash: entry.hash, prevHash: entry.prevHash || '' },
    },
    el('div', { class: 'event-head' },
      el('span', { class: 'seq', title: t('seqLabel', entry.sequence) }, '#' + entry.sequence),
      el('strong', { class: 'event-label' }, label(EVENT_LABELS, eventType) || entry.type),
      el('span', { class: 'actor', title: t('actor') },
        el('span', { class: 'visually-hidden' }, t('actor') + ': '),
        el('span', { class: 'actor-id' }, actor.id || ''),
        actor.role ? el('span', { class: 'badge role' }, label(ROLE_LABELS, actor.role)) : null,
        actorUnit ? el('span', { class: 'muted' }, actorUnit.name) : null)),
    el('dl', { class: 'facts event-facts' },
      ...fact(t('occurredAt'), timeElement(entry.occurredAt)),
      ...fact(t('recordedAt'), timeElement(entry.recordedAt)),
      ...changes(entry),
      ...fact(t('reason'), data.reason ? data.reason : el('span', { class: 'muted' }, t('noReason')))),
    el('details', { class: 'chain' },
      el('summary', null,
        el('span', null, t('hash') + ' '), hashCode(entry.hash),
        el('span', { class: linked ? 'link-ok' : 'link-broken' }, ' ← ', t('prevHash'), ' ', hashCode(entry.prevHash || ''),
          ' ', previous ? (linked ? `(${t('linksTo', previous.sequence)})` : `(${t('linkBroken', previous.sequence)})`) : '')),
      el('dl', { class: 'facts chain-facts' },
        ...fact(t('hash'), el('code', { class: 'full-hash' }, entry.hash)),
        ...fact(t('prevHash'), el('code', { class: 'full-prev-hash' }, entry.prevHash || '')),
        ...fact(t('eventId'), el('code', null, entry.eventId)),
        ...fact(t('correlationId'), el('code', null, entry.correlationId || '')),
        ...fact(t('causationId'), el('code', null, entry.causationId || '')))));
  }));
}

function renderVerification() {
  const box = $('verify-result');
  const v = state.verification;
  box.title = '';
  delete box.dataset.intact;
  if (!v) {
    box.textContent = '';
    box.className = 'verify';
    return;
  }
  if (v.pending) {
    box.textContent = t('verifying');
    box.className = 'verify';
    return;
  }
  if (v.error) {
    box.textContent = v.error;
    box.className = 'verify error';
    return;
  }
  box.className = 'verify ' + (v.intact ? 'ok' : 'error');
  box.dataset.intact = String(v.intact);
  box.textContent = v.intact
    ? t('intact', v.eventsChecked, shortHash(v.lastHash))
    : t('broken', v.brokenAtSequence, v.brokenEventId || '', label(CHAIN_PROBLEMS, v.problem), v.eventsChecked);
  box.title = v.lastHash || '';
}

async function verify() {
  const id = state.selectedId;
  if (!id) {
    return;
  }
  const button = $('verify');
  button.disabled = true;
  state.verification = { pending: true };
  renderVerification();
  try {
    const answer = await read(`${API}/units/${encodeURIComponent(id)}/verification`);
    if (id === state.selectedId) {
      state.verification = answer;
    }
  } catch (e) {
    if (id === state.selectedId) {
      state.verification = { error: errorText(e) };
    }
  } finally {
    button.disabled = false;
  }
  renderVerification();
  renderTimeline();
}

// ---------------------------------------------------------------------------------------------------------------
// commands (party committee staff)

function announce(text) {
  $('status').textContent = text;
}

function clearFormMessage(form) {
  const box = form.querySelector('.form-message');
  box.replaceChildren();
  box.className = 'form-message';
  form.querySelectorAll('[aria-invalid]').forEach((field) => {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  });
}

function showFormProblem(form, e, retrySafe) {
  const box = form.querySelector('.form-message');
  box.className = 'form-message error';
  if (!box.id) {
    box.id = form.id + '-message';
  }
  const problem = e instanceof ApiError ? e.problem : null;
  const parts = [];
  if (problem && (problem.title || problem.detail)) {
    parts.push(el('strong', { class: 'problem-title' }, problem.title || ''));
    if (problem.detail) {
      parts.push(el('span', { class: 'problem-detail' }, problem.detail));
    }
  } else {
    parts.push(el('strong', { class: 'problem-title' }, errorText(e)));
  }
  const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.length) {
    parts.push(el('ul', null, errors.map((error) => el('li', null,
      `${FIELD_LABELS[error.field] ? t(FIELD_LABELS[error.field]) : error.field}: ${error.message}`))));
    errors.forEach((error) => markInvalid(form, error.field, box.id));
  }
  if (retrySafe) {
    parts.push(el('span', { class: 'retry' }, t('retrySafe')));
  }
  if (problem && problem.correlationId) {
    parts.push(el('small', { class: 'muted' }, `${t('correlation')}: ${problem.correlationId}`));
  }
  box.replaceChildren(...parts);
}

function markInvalid(form, name, describedBy) {
  const field = form.elements.namedItem(name);
  if (field && field.setAttribute) {
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', describedBy);
  }
}

/** A check in the browser before sending (the service checks again); shows the message and focuses the field. */
function refuse(form, fieldName, message) {
  clearFormMessage(form);
  const box = form.querySelector('.form-message');
  box.id = box.id || form.id + '-message';
  box.className = 'form-message error';
  box.replaceChildren(el('strong', { class: 'problem-title' }, message));
  markInvalid(form, fieldName, box.id);
  form.elements.namedItem(fieldName).focus();
}

function resetForms() {
  ['establish-form', 'rename-form', 'dissolve-form'].forEach((id) => {
    $(id).reset();
    clearFormMessage($(id));
    pendingKeys.delete(id);
  });
}

/**
 * Sends one command. Its idempotency key stays the same while the user resubmits the same thing after a failure
 * without a definite answer (network error, timeout, 5xx), so the command is applied once however often it is sent.
 */
async function submitCommand(form, path, body, after) {
  if (form.getAttribute('aria-busy') === 'true') {
    return; // already on its way: a second click adds nothing
  }
  const button = form.querySelector('button[type=submit]');
  clearFormMessage(form);
  const fingerprint = path + ' ' + JSON.stringify(body);
  const pending = pendingKeys.get(form.id);
  const key = pending && pending.fingerprint === fingerprint ? pending.key : newKey();
  pendingKeys.set(form.id, { fingerprint, key });
  button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    const result = await api('POST', path, body, key);
    pendingKeys.delete(form.id);
    await after(result);
  } catch (e) {
    const definite = e instanceof ApiError && e.status < 500;
    if (definite) {
      pendingKeys.delete(form.id);
    }
    showFormProblem(form, e, !definite);
  } finally {
    button.disabled = false;
    form.removeAttribute('aria-busy');
    if (state.unit && form.id === 'dissolve-form') {
      renderCommands();
    }
  }
}

const value = (form, name) => (form.elements.namedItem(name).value || '').trim();
const optional = (text) => (text ? text : undefined);

/** After a command: the tree and the unit, read with minSequence so that they show it. */
async function showCommandResult(id, sequence) {
  const hash = '#unit=' + encodeURIComponent(id);
  if (location.hash === hash) {
    history.replaceState(null, '', hash);
  } else {
    history.pushState(null, '', hash);
  }
  await Promise.all([loadTree(id, sequence), selectUnit(id, sequence)]);
  renderUser();
  $('unit-heading').focus();
}

async function establish(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const parent = state.unit;
  const kind = value(form, 'kind');
  const name = value(form, 'name');
  if (!kind) {
    refuse(form, 'kind', t('kindRequired'));
    return;
  }
  if (kind === 'MASS_ORGANISATION' && !value(form, 'massOrganisationType')) {
    refuse(form, 'massOrganisationType', t('massTypeRequired'));
    return;
  }
  if (!name) {
    refuse(form, 'name', t('nameRequired'));
    return;
  }
  const body = {
    kind,
    massOrganisationType: kind === 'MASS_ORGANISATION' ? value(form, 'massOrganisationType') : undefined,
    name,
    parentId: parent.id,
    reason: optional(value(form, 'reason')),
  };
  await submitCommand(form, `${API}/units`, body, async (result) => {
    form.reset();
    announce(t('established', name));
    await showCommandResult(result.id, result.sequence);
  });
}

async function establishTop(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const name = value(form, 'name');
  if (!name) {
    refuse(form, 'name', t('nameRequired'));
    return;
  }
  const body = { kind: 'COMMITTEE', name, reason: optional(value(form, 'reason')) };
  await submitCommand(form, `${API}/units`, body, async (result) => {
    form.reset();
    announce(t('established', name));
    await showCommandResult(result.id, result.sequence);
  });
}

async function rename(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const id = state.selectedId;
  const name = value(form, 'name');
  if (!name) {
    refuse(form, 'name', t('nameRequired'));
    return;
  }
  const body = { name, reason: optional(value(form, 'reason')) };
  await submitCommand(form, `${API}/units/${encodeURIComponent(id)}/rename`, body, async (result) => {
    form.reset();
    announce(t('renamed', name));
    await showCommandResult(result.id || id, result.sequence);
  });
}

function confirmDissolve(name) {
  const dialog = $('confirm-dialog');
  $('confirm-text').textContent = t('confirmText', name);
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
    dialog.showModal();
  });
}

async function dissolve(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const unit = state.unit;
  if (!(await confirmDissolve(unit.name))) {
    return;
  }
  const body = { reason: optional(value(form, 'reason')) };
  await submitCommand(form, `${API}/units/${encodeURIComponent(unit.id)}/dissolve`, body, async (result) => {
    form.reset();
    announce(t('dissolvedDone', unit.name));
    await showCommandResult(result.id || unit.id, result.sequence);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// start

/** After sign-in: the tree, then the unit named in the address (#unit=<id>), else the user's own unit. */
async function start() {
  const remembered = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  if (!selectedFromHash() && remembered && remembered.startsWith('#unit=')) {
    history.replaceState(null, '', remembered);
  }
  await loadTree();
  let id = selectedFromHash();
  if (!id && state.tree && state.tree.length) {
    id = state.user.org && state.units.has(state.user.org) ? state.user.org : state.tree[0].id;
    history.replaceState(null, '', '#unit=' + encodeURIComponent(id));
  }
  if (id) {
    await selectUnit(id);
  } else {
    renderUnit();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-lang]').forEach((button) => {
    button.addEventListener('click', () => {
      lang = button.dataset.lang;
      localStorage.setItem(LANG_KEY, lang);
      announce('');
      applyLanguage();
    });
  });
  $('logout').addEventListener('click', logout);
  // a deep link survives the trip to the identity provider
  $('sign-in').addEventListener('click', () => {
    if (location.hash) {
      sessionStorage.setItem(RETURN_KEY, location.hash);
    }
  });
  $('show-dissolved').addEventListener('change', (event) => {
    state.includeDissolved = event.currentTarget.checked;
    loadTree();
  });
  window.addEventListener('hashchange', () => {
    const id = selectedFromHash();
    if (state.user && id && id !== state.selectedId) {
      announce('');
      selectUnit(id).then(() => { if (state.unit) { $('unit-heading').focus(); } });
    }
  });
  $('establish-kind').addEventListener('change', updateMassType);
  $('establish-form').addEventListener('submit', establish);
  $('top-form').addEventListener('submit', establishTop);
  $('rename-form').addEventListener('submit', rename);
  $('dissolve-form').addEventListener('submit', dissolve);
  $('verify').addEventListener('click', verify);
  applyLanguage();
  loadUser();
});
