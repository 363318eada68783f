import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import zhCN from '../src/i18n/zh-CN.js';
import en from '../src/i18n/en.js';
import {
  COMPLIANCE_STATES, calendarLink, cellOf, parsePeriod, periodLabel, periodRange, recentMonths, stateColour, stateCounts, stateKey, stateType,
} from '../src/modules/activities/compliance.js';
import activities from '../src/modules/activities/index.js';

const i18n = (locale) => createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } }).global;

describe('the compliance board in the web client', () => {
  it('gives each state its colour and its words in both languages', () => {
    expect(COMPLIANCE_STATES.map(stateType)).toEqual(['success', 'info', 'warning', 'danger']);
    expect(stateType('SOMETHING_NEW')).toBe('info');
    expect(stateColour('OVERDUE')).toBe('#f56c6c');
    expect(stateColour('MET')).not.toBe(stateColour('CLOSING'));
    const zh = i18n('zh-CN');
    expect(COMPLIANCE_STATES.map((s) => zh.t(stateKey(s)))).toEqual(['已落实', '进行中', '即将到期', '逾期']);
    const english = i18n('en');
    expect(COMPLIANCE_STATES.map((s) => english.t(stateKey(s)))).toEqual(['Met', 'Open', 'Closing', 'Overdue']);
    expect(stateKey('SOMETHING_NEW')).toBe('activities.compliance.states.OPEN');
  });

  it('reads and names months, quarters and years', () => {
    expect(parsePeriod('2026-03')).toEqual({ frequency: 'MONTHLY', year: 2026, month: 3 });
    expect(parsePeriod('2026-Q4')).toEqual({ frequency: 'QUARTERLY', year: 2026, quarter: 4 });
    expect(parsePeriod('2026')).toEqual({ frequency: 'YEARLY', year: 2026 });
    ['2026-13', '2026-Q5', '2026-3', '', null, undefined].forEach((bad) => expect(parsePeriod(bad), String(bad)).toBeNull());
    const zh = i18n('zh-CN');
    expect(periodLabel('2026-03', zh.t)).toBe('2026年3月');
    expect(periodLabel('2026-Q1', zh.t)).toBe('2026年第1季度');
    expect(periodLabel('2026', zh.t)).toBe('2026年');
    const english = i18n('en');
    expect(periodLabel('2026-11', english.t)).toBe('11/2026');
    expect(periodLabel('2026-Q2', english.t)).toBe('Q2 2026');
    expect(periodLabel('odd', english.t)).toBe('odd');
  });

  it('turns a period into its days, February and December included', () => {
    expect(periodRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('x')).toBeNull();
  });

  it('links a cell to the branch calendar of its kind and period, and finds cells by kind', () => {
    const row = { branchId: 'b1', cells: [{ kind: 'PARTY_LESSON', period: '2026-Q3', state: 'OVERDUE' }, { kind: 'THEME_PARTY_DAY', period: '2026-09', state: 'MET' }] };
    expect(calendarLink('b1', cellOf(row, 'PARTY_LESSON')))
      .toEqual({ name: 'activity-calendar', query: { branch: 'b1', kind: 'PARTY_LESSON', from: '2026-07-01', to: '2026-09-30' } });
    expect(cellOf(row, 'BRANCH_COMMITTEE_MEETING')).toBeNull();
    expect(cellOf(undefined, 'PARTY_LESSON')).toBeNull();
    expect(stateCounts({ branches: [row, { branchId: 'b2', cells: [{ kind: 'PARTY_LESSON', state: 'OVERDUE' }] }] }))
      .toEqual({ MET: 1, OPEN: 0, CLOSING: 0, OVERDUE: 2 });
    expect(stateCounts(null)).toEqual({ MET: 0, OPEN: 0, CLOSING: 0, OVERDUE: 0 });
  });

  it('offers the recent months, across a year', () => {
    expect(recentMonths('2026-02-14', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(recentMonths('2026-11-28')).toHaveLength(24);
  });

  it('has its screen for the readers of the board, not for party members', () => {
    const route = activities.routes.find((r) => r.name === 'activity-compliance');
    expect(route.path).toBe('/activities/compliance');
    expect(route.meta.roles).toEqual(['COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'AUDITOR', 'DISCIPLINE_INSPECTOR']);
  });
});

describe('the compliance items on the home page', async () => {
  const { mount, flushPromises } = await import('@vue/test-utils');
  const { createI18n } = await import('vue-i18n');
  const zhCN = (await import('../src/i18n/zh-CN.js')).default;
  const { createRouter, createMemoryHistory } = await import('vue-router');
  const api = await import('../src/modules/activities/api.js');

  it('counts this month\'s closing meetings and last month\'s overdue ones', async () => {
    const { vi } = await import('vitest');
    const board = (states) => ({ branches: [{ branchId: 'b', cells: states.map((state, i) => ({ kind: `K${i}`, state })) }] });
    const spy = vi.spyOn(api, 'complianceBoard').mockResolvedValueOnce(board(['CLOSING', 'MET', 'CLOSING', 'OPEN']))
      .mockResolvedValueOnce(board(['OVERDUE', 'MET']));
    const Panel = (await import('../src/modules/activities/components/ComplianceDuePanel.vue')).default;
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/activities/compliance', name: 'activity-compliance', component: { template: '<div/>' } }] });
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN } });
    const wrapper = mount(Panel, { global: { plugins: [i18n, router] } });
    await flushPromises();
    expect(wrapper.find('[data-test=due-compliance-closing]').text()).toContain('2 项即将到期');
    expect(wrapper.find('[data-test=due-compliance-overdue]').text()).toContain('1 项逾期');
    spy.mockRestore();
  });
});
