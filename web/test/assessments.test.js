import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createI18n } from 'vue-i18n';
import zhCN from '../src/i18n/zh-CN.js';
import en from '../src/i18n/en.js';
import {
  assessmentActions, assessmentBody, gradeOfTotal, gradesOf, mayOpenAssessment, periodOf, totalOf,
} from '../src/modules/members/assessments.js';

const http = vi.hoisted(() => ({ read: vi.fn(), request: vi.fn() }));
vi.mock('../src/api/http.js', async (original) => ({ ...(await original()), read: http.read, request: http.request }));

const A = 'branch-a';
const B = 'branch-b';
const VERSION = {
  version: '2022.1',
  effectiveFrom: '2022-01-01',
  criteria: { POLITICS: { title: '政治表现', titleEn: 'Political conduct', max: 30 }, DUTY: { title: '履职尽责', titleEn: 'Duties', max: 30 },
    CONDUCT: { title: '作风纪律', titleEn: 'Conduct', max: 20 }, MASSES: { title: '群众评价', titleEn: 'The public', max: 20 } },
  grades: { EXCELLENT: 90, QUALIFIED: 70, BASICALLY_QUALIFIED: 60 },
};
const open = (extra = {}) => ({ id: 'x', memberId: 'm', name: '戚文斌', branchId: A, type: 'COMPREHENSIVE', period: '2025', criteriaVersion: '2022.1',
  state: 'OPEN', corrections: [], ...extra });

describe('assessment rules in the web client', () => {
  it('lets staff and the member\'s own secretary open an assessment of a party member on the platform', () => {
    const member = { id: 'm', stage: 'FULL_MEMBER', branchId: A };
    expect(mayOpenAssessment(member, ['COMMITTEE_STAFF'], null)).toBe(true);
    expect(mayOpenAssessment(member, ['BRANCH_SECRETARY'], A)).toBe(true);
    expect(mayOpenAssessment(member, ['BRANCH_SECRETARY'], B)).toBe(false);
    expect(mayOpenAssessment(member, ['AUDITOR'], null)).toBe(false);
    expect(mayOpenAssessment({ ...member, stage: 'PROBATIONARY' }, ['COMMITTEE_STAFF'], null)).toBe(true);
    expect(mayOpenAssessment({ ...member, stage: 'ACTIVIST' }, ['COMMITTEE_STAFF'], null)).toBe(false);
    expect(mayOpenAssessment({ ...member, leftPlatform: true }, ['COMMITTEE_STAFF'], null)).toBe(false);
  });

  it('scores a comprehensive assessment before it concludes, and leaves corrections to committee staff', () => {
    expect(assessmentActions(open(), ['BRANCH_SECRETARY'], A)).toEqual(['score']);
    expect(assessmentActions(open({ total: 85 }), ['BRANCH_SECRETARY'], A)).toEqual(['score', 'conclude']);
    expect(assessmentActions(open({ type: 'DEMOCRATIC_EVALUATION' }), ['BRANCH_SECRETARY'], A)).toEqual(['conclude']);
    expect(assessmentActions(open(), ['BRANCH_SECRETARY'], B)).toEqual([]);
    expect(assessmentActions(open({ state: 'CONCLUDED', result: 'QUALIFIED' }), ['BRANCH_SECRETARY'], A)).toEqual([]);
    expect(assessmentActions(open({ state: 'CONCLUDED', result: 'QUALIFIED' }), ['COMMITTEE_STAFF'], null)).toEqual(['correct']);
    expect(assessmentActions(open(), ['AUDITOR'], null)).toEqual([]);
  });

  it('writes periods and grades as the service does', () => {
    expect(periodOf('COMPREHENSIVE', 2025, 3)).toBe('2025');
    expect(periodOf('CIVIL_SERVANT_DAILY', 2025, 3)).toBe('2025-Q3');
    expect(gradesOf('CIVIL_SERVANT_DAILY')).toEqual(['GOOD', 'FAIRLY_GOOD', 'AVERAGE', 'POOR']);
    expect(gradesOf('DEMOCRATIC_EVALUATION')).toEqual(['EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED']);
    expect(totalOf({ POLITICS: 28, DUTY: null, CONDUCT: 18 })).toBe(46);
    expect(gradeOfTotal(VERSION, 90)).toBe('EXCELLENT');
    expect(gradeOfTotal(VERSION, 89)).toBe('QUALIFIED');
    expect(gradeOfTotal(VERSION, 60)).toBe('BASICALLY_QUALIFIED');
    expect(gradeOfTotal(VERSION, 59)).toBe('UNQUALIFIED');
  });

  it('sends each step with the fields its type needs and nothing else', () => {
    expect(assessmentBody('open', { memberId: 'm', type: 'CIVIL_SERVANT_DAILY', year: 2026, quarter: 2, date: '2026-07-01' }))
      .toEqual({ memberId: 'm', type: 'CIVIL_SERVANT_DAILY', period: '2026-Q2', date: '2026-07-01' });
    const form = { date: '2026-01-20', basis: '  ', result: 'QUALIFIED', votes: { EXCELLENT: 5, QUALIFIED: 18 }, reason: ' 复核 ' };
    expect(assessmentBody('conclude', form, open())).toEqual({ date: '2026-01-20', basis: undefined });
    expect(assessmentBody('conclude', form, open({ type: 'DEMOCRATIC_EVALUATION' }))).toEqual({ date: '2026-01-20', basis: undefined,
      result: 'QUALIFIED', votes: { EXCELLENT: 5, QUALIFIED: 18, BASICALLY_QUALIFIED: 0, UNQUALIFIED: 0 } });
    expect(assessmentBody('correct', form, open())).toEqual({ result: 'QUALIFIED', date: '2026-01-20', reason: '复核' });
  });
});

describe('AssessmentDialog', async () => {
  const AssessmentDialog = (await import('../src/modules/members/components/AssessmentDialog.vue')).default;
  const plugins = () => [ElementPlus, createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })];
  const submit = () => document.querySelector('[data-test=submit]').click();

  it('scores on the criteria of the assessment\'s version, shows the total and its grade, and sends nothing out of range', async () => {
    http.read.mockResolvedValue({ versions: [VERSION] });
    http.request.mockResolvedValue({ id: 'x', sequence: 1 });
    const wrapper = mount(AssessmentDialog, { props: { modelValue: true, action: 'score', assessment: open() }, global: { plugins: plugins() },
      attachTo: document.body });
    await flushPromises();
    expect(http.read).toHaveBeenCalledWith('/api/members/assessment-criteria');
    expect(document.querySelector('[data-test=assessment-dialog]').textContent).toContain('政治表现（0–30）');

    submit();
    await flushPromises();
    expect(http.request).not.toHaveBeenCalled();

    const set = async (key, value) => {
      const input = document.querySelector(`[data-test=score-${key}] input`);
      input.value = String(value);
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('change'));
      await flushPromises();
    };
    await set('POLITICS', 28);
    await set('DUTY', 27);
    await set('CONDUCT', 18);
    await set('MASSES', 16);
    expect(document.querySelector('[data-test=assessment-total]').textContent).toContain('总分 89');
    expect(document.querySelector('[data-test=assessment-total]').textContent).toContain('合格');
    submit();
    await flushPromises();
    expect(http.request).toHaveBeenCalledWith('POST', '/api/members/assessments/x/scores',
      expect.objectContaining({ body: { scores: { POLITICS: 28, DUTY: 27, CONDUCT: 18, MASSES: 16 } } }));
    expect(wrapper.emitted('done')[0][0]).toEqual({ id: 'x', sequence: 1, action: 'score' });
    wrapper.unmount();
  });

  it('asks a democratic evaluation for the votes before it sends its grade', async () => {
    http.request.mockReset();
    http.request.mockResolvedValue({ id: 'x', sequence: 2 });
    const evaluation = open({ type: 'DEMOCRATIC_EVALUATION', criteriaVersion: undefined });
    const wrapper = mount(AssessmentDialog, { props: { modelValue: true, action: 'conclude', assessment: evaluation },
      global: { plugins: plugins() }, attachTo: document.body });
    await flushPromises();
    submit();
    await flushPromises();
    expect(http.request).not.toHaveBeenCalled();
    expect(document.querySelector('[data-test=votes-QUALIFIED]').closest('.el-form-item').classList).toContain('is-error');
    const input = document.querySelector('[data-test=votes-QUALIFIED] input');
    input.value = '18';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    await flushPromises();
    submit();
    await flushPromises();
    expect(http.request).toHaveBeenCalledWith('POST', '/api/members/assessments/x/conclusion', expect.objectContaining({
      body: expect.objectContaining({ result: 'QUALIFIED', votes: { EXCELLENT: 0, QUALIFIED: 18, BASICALLY_QUALIFIED: 0, UNQUALIFIED: 0 } }) }));
    wrapper.unmount();
  });
});
