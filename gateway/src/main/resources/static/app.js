// Start page of the 智慧党建平台: asks the gateway who is signed in (GET /api/me) and offers sign-in or
// sign-out. No build step, no external scripts.
'use strict';

const TEXTS = {
  'zh-CN': {
    title: '智慧党建平台',
    language: '语言',
    loading: '正在加载…',
    intro: '党建工作全程留痕、可回溯、可审计。请登录后使用。',
    loginFailed: '登录未成功，请重试。',
    greeting: '您好，',
    roles: '角色',
    org: '所属组织',
    noOrg: '（无）',
    noRoles: '（无角色）',
    logout: '退出登录',
    footer: '智慧党建平台 · 网关',
    failed: '请求失败',
  },
  en: {
    title: 'Smart Party-Building Platform',
    language: 'Language',
    loading: 'Loading…',
    intro: 'Every step of party-building work, recorded, replayable and auditable. Please sign in.',
    loginFailed: 'Sign-in did not succeed; please try again.',
    greeting: 'Hello, ',
    roles: 'Roles',
    org: 'Organisation unit',
    noOrg: '(none)',
    noRoles: '(no roles)',
    logout: 'Sign out',
    footer: 'Smart Party-Building Platform · gateway',
    failed: 'Request failed',
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

const LANG_KEY = 'dangjian.lang';
let lang = TEXTS[localStorage.getItem(LANG_KEY)] ? localStorage.getItem(LANG_KEY) : 'zh-CN';
let currentUser = null;

const $ = (id) => document.getElementById(id);
const t = (key) => TEXTS[lang][key];

function cookie(name) {
  const prefix = name + '=';
  const found = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(prefix));
  return found ? decodeURIComponent(found.substring(prefix.length)) : null;
}

function headers(extra) {
  return Object.assign({ Accept: 'application/json', 'Accept-Language': lang }, extra);
}

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
  document.querySelectorAll('[data-lang]').forEach((el) => { el.setAttribute('aria-pressed', String(el.dataset.lang === lang)); });
  if (currentUser) {
    renderUser(currentUser);
  }
}

function showError(text) {
  const box = $('error');
  box.textContent = text;
  box.hidden = !text;
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return [problem.title, problem.detail].filter(Boolean).join(': ') || t('failed');
  } catch (e) {
    return t('failed') + ' (' + response.status + ')';
  }
}

function renderUser(user) {
  $('user-name').textContent = user.name || user.username;
  $('user-username').textContent = user.username;
  const roles = $('user-roles');
  roles.replaceChildren();
  (user.roles.length ? user.roles : [null]).forEach((role) => {
    const item = document.createElement('li');
    item.textContent = role ? (ROLE_LABELS[role] ? ROLE_LABELS[role][lang] : role) : t('noRoles');
    roles.appendChild(item);
  });
  $('user-org').textContent = user.org || t('noOrg');
}

async function loadUser() {
  showError('');
  try {
    const response = await fetch('/api/me', { headers: headers(), credentials: 'same-origin' });
    $('loading').hidden = true;
    if (response.status === 401) {
      currentUser = null;
      $('signed-out').hidden = false;
      $('signed-in').hidden = true;
      $('login-failed').hidden = !new URLSearchParams(location.search).has('login');
      return;
    }
    if (!response.ok) {
      showError(await problemText(response));
      return;
    }
    currentUser = await response.json();
    renderUser(currentUser);
    $('signed-out').hidden = true;
    $('signed-in').hidden = false;
  } catch (e) {
    $('loading').hidden = true;
    showError(t('failed') + ': ' + e.message);
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
      showError(await problemText(response));
      return;
    }
    const type = response.headers.get('Content-Type') || '';
    const answer = type.includes('json') ? await response.json() : {};
    // the gateway answers with the identity provider's logout URL, which sends the browser back here
    location.assign(answer.redirect || '/');
  } catch (e) {
    showError(t('failed') + ': ' + e.message);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-lang]').forEach((button) => {
    button.addEventListener('click', () => {
      lang = button.dataset.lang;
      localStorage.setItem(LANG_KEY, lang);
      applyLanguage();
    });
  });
  $('logout').addEventListener('click', logout);
  applyLanguage();
  loadUser();
});
