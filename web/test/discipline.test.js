import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { createI18n } from 'vue-i18n';
import zhCN from '../src/i18n/zh-CN.js';
import en from '../src/i18n/en.js';
import {
  CASE_STATES, CASE_TYPES, HELD_KINDS, INSPECTION_MODES, INSPECTION_STATES, INSPECTION_TARGETS, MEASURES, RECORD_KINDS, RECORD_ROUTES, RECORD_VIEWS,
  ROUND_STEPS, SANCTIONS, SELECTION_STAGES, SELECTION_STATES, SEVERITIES, STEPS, TALK_KINDS, TALK_STATES, accessLogParams, blankForm,
  caseActions, describeDisciplineEvent, entryLines, fieldProblem, fieldsOf, formProblem, inspectionActions, mayCommand, nonCompliantStages,
  previousStepDay, problemParams, recordActions, selectionActions, stageRows, stepBody, talkActions, validRecordId,
} from '../src/modules/discipline/discipline.js';
import { commands, rectifications } from '../src/modules/discipline/api.js';
import discipline from '../src/modules/discipline/index.js';
import { MODULES } from '../src/modules/index.js';
import { mayOpen, menuFor } from '../src/modules/menu.js';
import { PEOPLE } from '../src/modules/roles.js';
import { routes } from '../src/router/index.js';
import DisciplineStepDialog from '../src/modules/discipline/components/DisciplineStepDialog.vue';
import { todayInCentre } from '../src/utils/format.js';

const INSPECTOR = ['DISCIPLINE_INSPECTOR'];
const AUDITOR = ['AUDITOR'];
const OTHERS = ['COMMITTEE_STAFF', 'BRANCH_SECRETARY', 'PARTY_MEMBER', 'PLATFORM_OPERATOR', 'DEPARTMENT'];
const TODAY = '2026-03-20';
const inspection = (state, over = {}) => ({ id: 'i1', state, findings: [], rounds: [], carriedOutOn: '2026-03-02', ...over });
const finding = { no: 1, description: '午间窗口无人值守', severity: 'SERIOUS', evidence: [] };
const i18n = (locale) => createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } }).global;

describe('who may take which discipline step', () => {
  it('walks an inspection from its plan to its closing, for discipline inspectors only', () => {
    expect(inspectionActions(inspection('PLANNED'), INSPECTOR)).toEqual(['carryOut']);
    expect(inspectionActions(inspection('CARRIED_OUT'), INSPECTOR)).toEqual(['finding', 'close']);
    expect(inspectionActions(inspection('CARRIED_OUT', { findings: [finding] }), INSPECTOR)).toEqual(['finding', 'require']);
    expect(inspectionActions(inspection('RECTIFICATION_REQUIRED', { findings: [finding] }), INSPECTOR)).toEqual(['report']);
    expect(inspectionActions(inspection('RECTIFICATION_REPORTED', { findings: [finding] }), INSPECTOR)).toEqual(['verify']);
    expect(inspectionActions(inspection('RECTIFIED', { findings: [finding] }), INSPECTOR)).toEqual(['close']);
    expect(inspectionActions(inspection('CLOSED'), INSPECTOR)).toEqual([]);
    INSPECTION_STATES.forEach((state) => {
      expect(inspectionActions(inspection(state, { findings: [finding] }), AUDITOR)).toEqual([]);
      expect(inspectionActions(inspection(state), ['AUDITOR', 'COMMITTEE_STAFF', 'BRANCH_SECRETARY'])).toEqual([]);
    });
    expect(inspectionActions(null, INSPECTOR)).toEqual([]);
  });

  it('concludes a talk held, answers an inquiry issued and concludes it once answered', () => {
    expect(talkActions({ state: 'HELD', kind: 'INTEGRITY_TALK' }, INSPECTOR)).toEqual(['conclude']);
    expect(talkActions({ state: 'ISSUED', kind: 'WRITTEN_INQUIRY' }, INSPECTOR)).toEqual(['answer']);
    expect(talkActions({ state: 'ANSWERED', kind: 'WRITTEN_INQUIRY' }, INSPECTOR)).toEqual(['conclude']);
    expect(talkActions({ state: 'CONCLUDED' }, INSPECTOR)).toEqual([]);
    TALK_STATES.forEach((state) => expect(talkActions({ state }, AUDITOR)).toEqual([]));
  });

  it('proposes on an open case, proposes again or decides a proposed one, ends a sanction in effect', () => {
    expect(caseActions({ state: 'OPEN', type: 'SANCTION' }, INSPECTOR)).toEqual(['propose']);
    expect(caseActions({ state: 'PROPOSED', type: 'ACCOUNTABILITY' }, INSPECTOR)).toEqual(['propose', 'decide']);
    expect(caseActions({ state: 'IN_EFFECT', type: 'SANCTION' }, INSPECTOR)).toEqual(['end']);
    expect(caseActions({ state: 'DECIDED', type: 'ACCOUNTABILITY' }, INSPECTOR)).toEqual([]);
    expect(caseActions({ state: 'ENDED', type: 'SANCTION' }, INSPECTOR)).toEqual([]);
    CASE_STATES.forEach((state) => expect(caseActions({ state, type: 'SANCTION' }, AUDITOR)).toEqual([]));
  });

  it('checks stages and concludes an open selection supervision only', () => {
    expect(selectionActions({ state: 'OPEN' }, INSPECTOR)).toEqual(['check', 'conclude']);
    expect(selectionActions({ state: 'CONCLUDED' }, INSPECTOR)).toEqual([]);
    expect(selectionActions({ state: 'OPEN' }, AUDITOR)).toEqual([]);
    expect(recordActions('selection', { state: 'OPEN' }, INSPECTOR)).toEqual(['check', 'conclude']);
    expect(recordActions('unknown', { state: 'OPEN' }, INSPECTOR)).toEqual([]);
    expect(mayCommand(INSPECTOR)).toBe(true);
    expect(OTHERS.concat('AUDITOR').some((role) => mayCommand([role]))).toBe(false);
  });

  it('knows which stages are not compliant by their latest check, in the stages\' order', () => {
    const record = { latestByStage: [{ stage: 'INSPECTION', compliant: false, date: '2026-03-05' }, { stage: 'MOTION', compliant: true }] };
    expect(nonCompliantStages(record)).toEqual(['INSPECTION']);
    expect(stageRows(record).map((row) => [row.stage, row.check?.compliant ?? null])).toEqual([['MOTION', true],
      ['DEMOCRATIC_RECOMMENDATION', null], ['INSPECTION', false], ['DISCUSSION_DECISION', null], ['PUBLICITY', null]]);
    expect(nonCompliantStages(null)).toEqual([]);
  });
});

describe('the discipline forms', () => {
  const check = (kind, action, form, record = null) => fieldsOf(kind, action, record)
    .map((field) => [field.name, fieldProblem(field, form, { kind, action, record, today: TODAY })]).filter(([, p]) => p);

  it('opens each form with today for what happened, the first choice and nothing else', () => {
    expect(blankForm('inspection', 'plan', null, TODAY)).toEqual({ target: 'WINDOW', targetName: '', branchId: '', mode: 'OPEN',
      plannedDate: TODAY, inspectors: '', focus: '' });
    expect(blankForm('talk', 'issue', null, TODAY)).toEqual({ memberId: '', date: TODAY, questions: '', dueDate: '', basis: '' });
    expect(blankForm('inspection', 'verify', inspection('RECTIFICATION_REPORTED'), TODAY)).toEqual({ date: TODAY, accepted: null, opinion: '' });
    const proposed = { type: 'SANCTION', state: 'PROPOSED', proposals: [{ sanction: 'WARNING' }, { sanction: 'SERIOUS_WARNING' }] };
    expect(blankForm('case', 'decide', proposed, TODAY).measure).toBe('SERIOUS_WARNING');
    expect(blankForm('case', 'end', { type: 'SANCTION', decision: { effectiveFrom: '2025-03-01', effectiveUntil: '2026-03-01' } }, TODAY).endedOn)
      .toBe('2026-03-01');
    expect(blankForm('case', 'end', { type: 'SANCTION', decision: { effectiveFrom: '2026-03-01', effectiveUntil: '2027-03-01' } }, TODAY).endedOn)
      .toBe(TODAY);
  });

  it('gives a sanction\'s decision its period of effect and an accountability\'s none', () => {
    expect(fieldsOf('case', 'decide', { type: 'SANCTION' }).map((f) => f.name)).toContain('effectiveUntil');
    expect(fieldsOf('case', 'decide', { type: 'ACCOUNTABILITY' }).map((f) => f.name)).not.toContain('effectiveUntil');
  });

  it('checks a plan as the service does: names, one to twenty inspectors once each, lengths', () => {
    const form = { ...blankForm('inspection', 'plan', null, TODAY), targetName: ' 不动产登记窗口 ', inspectors: '赵纪检\n\n 钱纪检 ' };
    expect(check('inspection', 'plan', form)).toEqual([]);
    expect(check('inspection', 'plan', { ...form, targetName: '  ', inspectors: '' })).toEqual([['targetName', 'discipline.problems.required'],
      ['inspectors', 'discipline.problems.required']]);
    expect(check('inspection', 'plan', { ...form, inspectors: '赵纪检\n赵纪检' })).toEqual([['inspectors', 'discipline.problems.twice']]);
    expect(check('inspection', 'plan', { ...form, inspectors: Array.from({ length: 21 }, (_, i) => `人${i}`).join('\n') }))
      .toEqual([['inspectors', 'discipline.problems.tooMany']]);
    expect(check('inspection', 'plan', { ...form, inspectors: 'x'.repeat(101) })).toEqual([['inspectors', 'discipline.problems.entryTooLong']]);
    expect(check('inspection', 'plan', { ...form, targetName: '党'.repeat(201) })).toEqual([['targetName', 'discipline.problems.tooLong']]);
    expect(check('inspection', 'plan', { ...form, focus: 'x'.repeat(2001) })).toEqual([['focus', 'discipline.problems.tooLong']]);
    // a plan may lie in the future
    expect(check('inspection', 'plan', { ...form, plannedDate: '2027-01-01' })).toEqual([]);
  });

  it('keeps the days of what happened out of the future and after the step before', () => {
    const reported = inspection('RECTIFICATION_REPORTED', { findings: [finding], rounds: [{ step: 'REPORTED', date: '2026-03-10' }] });
    expect(previousStepDay('inspection', reported, 'verify')).toBe('2026-03-10');
    expect(previousStepDay('inspection', reported, 'finding')).toBeNull();
    const form = { date: '2026-03-09', accepted: true, opinion: '整改到位' };
    expect(check('inspection', 'verify', form, reported)).toEqual([['date', 'discipline.problems.beforePrevious']]);
    expect(problemParams(fieldsOf('inspection', 'verify')[0], form, { kind: 'inspection', action: 'verify', record: reported }).day)
      .toBe('2026-03-10');
    expect(check('inspection', 'verify', { ...form, date: '2026-03-21' }, reported)).toEqual([['date', 'discipline.problems.future']]);
    expect(check('inspection', 'verify', { ...form, date: TODAY, accepted: null }, reported)).toEqual([['accepted', 'discipline.problems.choose']]);
    expect(check('inspection', 'require', { requirement: '加强纪律', deadline: '2026-03-01', responsible: '窗口负责人' }, reported))
      .toEqual([['deadline', 'discipline.problems.deadlineBeforeInspection']]);
    expect(check('talk', 'issue', { memberId: 'm1', date: '2026-03-10', questions: '请说明', dueDate: '2026-03-09', basis: '来信' }))
      .toEqual([['dueDate', 'discipline.problems.dueBeforeIssue']]);
    expect(previousStepDay('talk', { date: '2026-03-01', answeredOn: '2026-03-05' })).toBe('2026-03-05');
    expect(previousStepDay('case', { date: '2026-03-01', proposals: [{ date: '2026-03-04' }] }, 'decide')).toBe('2026-03-04');
    expect(previousStepDay('case', { date: '2026-03-01' }, 'end')).toBeNull();
    expect(previousStepDay('selection', { date: '2026-03-01', checks: [{ date: '2026-03-06' }, { date: '2026-03-03' }] })).toBe('2026-03-06');
  });

  it('checks a decision\'s days and a sanction\'s end as the service does', () => {
    const proposed = { type: 'SANCTION', state: 'PROPOSED', date: '2026-03-01', proposals: [{ sanction: 'WARNING', date: '2026-03-05' }] };
    const decision = { measure: 'WARNING', basis: '条例', date: '2026-03-10', effectiveFrom: '2026-03-09', effectiveUntil: '' };
    expect(check('case', 'decide', decision, proposed)).toEqual([['effectiveFrom', 'discipline.problems.effectBeforeDecision']]);
    expect(check('case', 'decide', { ...decision, effectiveFrom: '2026-03-10', effectiveUntil: '2026-03-10' }, proposed))
      .toEqual([['effectiveUntil', 'discipline.problems.invalidPeriod']]);
    expect(check('case', 'decide', { ...decision, effectiveFrom: '2026-03-10', effectiveUntil: '2027-03-10' }, proposed)).toEqual([]);
    expect(check('case', 'decide', { ...decision, measure: '', effectiveFrom: '2026-03-10' }, proposed)).toEqual([['measure', 'discipline.problems.choose']]);
    const inEffect = { type: 'SANCTION', state: 'IN_EFFECT', decision: { effectiveFrom: '2026-03-10' } };
    expect(check('case', 'end', { endedOn: '2026-03-10', reason: '撤销' }, inEffect)).toEqual([['endedOn', 'discipline.problems.endBeforeEffect']]);
    expect(check('case', 'end', { endedOn: '2026-03-11', reason: '撤销' }, inEffect)).toEqual([]);
  });

  it('refuses to conclude a selection compliant while a stage\'s latest check is not', () => {
    const record = { state: 'OPEN', date: '2026-03-01', checks: [], latestByStage: [{ stage: 'PUBLICITY', compliant: false }] };
    expect(check('selection', 'conclude', { date: TODAY, compliant: true, opinion: '程序规范' }, record))
      .toEqual([['compliant', 'discipline.problems.stageNotCompliant']]);
    expect(check('selection', 'conclude', { date: TODAY, compliant: false, opinion: '程序不规范' }, record)).toEqual([]);
    expect(formProblem('selection', 'conclude', { date: '', compliant: null, opinion: '' }, { record, today: TODAY })).toBe('discipline.problems.required');
  });

  it('builds each body as the service takes it', () => {
    const plan = { id: 'n1', target: 'WINDOW', targetName: ' 不动产登记窗口 ', branchId: '', mode: 'UNANNOUNCED', plannedDate: '2026-11-20',
      inspectors: ' 赵纪检 \n\n钱纪检', focus: '  ' };
    expect(stepBody('inspection', 'plan', plan)).toEqual({ id: 'n1', target: 'WINDOW', targetName: '不动产登记窗口', mode: 'UNANNOUNCED',
      plannedDate: '2026-11-20', inspectors: ['赵纪检', '钱纪检'] });
    expect(stepBody('inspection', 'plan', { ...plan, branchId: 'b1', focus: '在岗情况' })).toMatchObject({ branchId: 'b1', focus: '在岗情况' });
    expect(stepBody('inspection', 'finding', { description: ' 玩手机 ', severity: 'GENERAL', evidence: '' }, inspection('CARRIED_OUT')))
      .toEqual({ description: '玩手机', severity: 'GENERAL' });
    expect(stepBody('inspection', 'finding', { description: '玩手机', severity: 'MINOR', evidence: '照片 1\n照片 2' }))
      .toEqual({ description: '玩手机', severity: 'MINOR', evidence: ['照片 1', '照片 2'] });
    expect(stepBody('inspection', 'verify', { date: TODAY, accepted: false, opinion: ' 未整改到位 ' }))
      .toEqual({ date: TODAY, accepted: false, opinion: '未整改到位' });
    expect(stepBody('talk', 'hold', { id: 't1', kind: 'REMINDER', memberId: 'm1', date: TODAY, talkers: '赵纪检', content: '提醒', basis: '安排' }))
      .toEqual({ id: 't1', kind: 'REMINDER', memberId: 'm1', date: TODAY, talkers: ['赵纪检'], content: '提醒', basis: '安排' });
    expect(stepBody('talk', 'issue', { id: 't2', memberId: 'm1', date: TODAY, questions: '请说明', dueDate: '2026-04-01', basis: '来信' }))
      .toEqual({ id: 't2', memberId: 'm1', date: TODAY, questions: '请说明', dueDate: '2026-04-01', basis: '来信' });
    expect(stepBody('talk', 'answer', { id: 'ignored', date: TODAY, answer: '已说明' })).toEqual({ date: TODAY, answer: '已说明' });
    expect(stepBody('case', 'propose', { measure: 'WARNING', reasons: '情节较轻', date: TODAY }, { type: 'SANCTION' }))
      .toEqual({ sanction: 'WARNING', reasons: '情节较轻', date: TODAY });
    expect(stepBody('case', 'decide', { measure: 'NOTICE', basis: '规定', date: TODAY, effectiveFrom: TODAY }, { type: 'ACCOUNTABILITY' }))
      .toEqual({ measure: 'NOTICE', basis: '规定', date: TODAY, effectiveFrom: TODAY });
    expect(stepBody('case', 'decide', { measure: 'WARNING', basis: '条例', date: TODAY, effectiveFrom: TODAY, effectiveUntil: '2027-03-20' },
      { type: 'SANCTION' })).toEqual({ sanction: 'WARNING', basis: '条例', date: TODAY, effectiveFrom: TODAY, effectiveUntil: '2027-03-20' });
    expect(stepBody('case', 'decide', { measure: 'WARNING', basis: '条例', date: TODAY, effectiveFrom: TODAY, effectiveUntil: '' }, { type: 'SANCTION' }))
      .not.toHaveProperty('effectiveUntil');
    expect(stepBody('case', 'end', { endedOn: TODAY, reason: ' 影响期满 ' }, { type: 'SANCTION' })).toEqual({ endedOn: TODAY, reason: '影响期满' });
    expect(stepBody('case', 'open', { id: 'c1', type: 'SANCTION', memberId: 'm1', matter: '收受礼品', basis: '初核报告', date: TODAY }))
      .toEqual({ id: 'c1', type: 'SANCTION', memberId: 'm1', matter: '收受礼品', basis: '初核报告', date: TODAY });
    expect(stepBody('selection', 'open', { id: 's1', position: '综合科科长', unitName: '政务服务中心', date: TODAY, description: '' }))
      .toEqual({ id: 's1', position: '综合科科长', unitName: '政务服务中心', date: TODAY });
    expect(stepBody('selection', 'check', { stage: 'PUBLICITY', date: TODAY, compliant: true, note: '' })).toEqual({ stage: 'PUBLICITY', date: TODAY,
      compliant: true });
    expect(stepBody('selection', 'conclude', { date: TODAY, compliant: false, opinion: '公示期不足' }))
      .toEqual({ date: TODAY, compliant: false, opinion: '公示期不足' });
    expect(entryLines(' a \n\n b ')).toEqual(['a', 'b']);
  });

  it('sends each step to its path', () => {
    expect(commands.inspection.plan()).toBe('/api/discipline/inspections');
    expect(commands.inspection.carryOut('i1')).toBe('/api/discipline/inspections/i1/carrying-out');
    expect(commands.inspection.require('i1')).toBe('/api/discipline/inspections/i1/rectification-requirement');
    expect(commands.inspection.verify('i1')).toBe('/api/discipline/inspections/i1/rectification-verification');
    expect(commands.talk.issue()).toBe('/api/discipline/inquiries');
    expect(commands.talk.answer('t1')).toBe('/api/discipline/talks/t1/answer');
    expect(commands.case.end('c1')).toBe('/api/discipline/cases/c1/sanction-ending');
    expect(commands.selection.check('s1')).toBe('/api/discipline/selection-supervisions/s1/checks');
    Object.entries(STEPS).forEach(([kind, steps]) => Object.keys(steps).forEach((action) => expect(commands[kind][action], `${kind}.${action}`)
      .toBeTypeOf('function')));
    expect(typeof rectifications).toBe('function');
  });

  it('asks the access log for a record, a reader and a time range as instants', () => {
    const from = Date.UTC(2026, 2, 1, 0, 0, 0);
    expect(accessLogParams({ record: ' 6F1C2A3B-0000-4000-8000-000000000001 ', reader: ' shenji ', range: [from, from + 3600000], page: 0, size: 20 }))
      .toEqual({ record: '6f1c2a3b-0000-4000-8000-000000000001', reader: 'shenji', from: '2026-03-01T00:00:00.000Z', to: '2026-03-01T01:00:00.000Z',
        page: 0, size: 20 });
    expect(accessLogParams({ record: '', reader: '', range: null })).toEqual({ record: undefined, reader: undefined, from: undefined, to: undefined });
    expect(validRecordId('6f1c2a3b-0000-4000-8000-000000000001')).toBe(true);
    expect(validRecordId('')).toBe(true);
    expect(validRecordId('6f1c')).toBe(false);
  });
});

describe('what a discipline timeline says', () => {
  it('names each event and its facts in both languages', () => {
    const zh = i18n('zh-CN');
    const planned = describeDisciplineEvent({ type: 'org.dangjian.discipline.InspectionPlanned.v1', data: { inspectionId: 'i1', target: 'WINDOW',
      targetName: '不动产登记窗口', branchId: 'b1', mode: 'UNANNOUNCED', plannedDate: '2026-11-20', inspectors: ['赵纪检', '钱纪检'] } }, zh, undefined,
    (id) => (id === 'b1' ? '第一党支部' : id));
    expect(planned.label).toBe('计划检查');
    expect(planned.facts).toEqual([{ label: '检查对象', value: '窗口' }, { label: '窗口 / 科室', value: '不动产登记窗口' },
      { label: '所属党支部', value: '第一党支部' }, { label: '方式', value: '暗访' }, { label: '计划日期', value: '2026-11-20' },
      { label: '检查人员', value: '赵纪检、钱纪检' }]);
    const verified = describeDisciplineEvent({ type: 'org.dangjian.discipline.RectificationVerified.v1', data: { date: '2026-12-01', accepted: false,
      opinion: '未整改到位' } }, zh);
    expect(verified.label).toBe('整改验收');
    expect(verified.facts).toEqual([{ label: '验收日期', value: '2026-12-01' }, { label: '验收结论', value: '退回重改' },
      { label: '验收意见', value: '未整改到位' }]);
    const found = describeDisciplineEvent({ type: 'org.dangjian.discipline.FindingRecorded.v1', data: { findingNo: 1, description: '无人值守',
      severity: 'SERIOUS', evidence: ['暗访视频 2026-038'] } }, zh);
    expect(found.facts).toContainEqual({ label: '严重程度', value: '严重' });
    expect(found.facts).toContainEqual({ label: '问题描述', value: '无人值守' });
    expect(found.facts).toContainEqual({ label: '佐证材料', value: '暗访视频 2026-038' });
    const talk = describeDisciplineEvent({ type: 'org.dangjian.discipline.TalkHeld.v1', data: { kind: 'REMINDER', memberId: 'm1', date: '2026-03-05',
      talkers: ['赵纪检'], content: '提醒', basis: '年度安排' } }, zh, (id) => (id === 'm1' ? '林晓雯' : id));
    expect(talk.facts).toContainEqual({ label: '党员', value: '林晓雯' });
    expect(talk.facts).toContainEqual({ label: '谈话日期', value: '2026-03-05' });
    expect(talk.facts).toContainEqual({ label: '依据', value: '年度安排' });
    const shown = describeDisciplineEvent({ type: 'org.dangjian.discipline.TalkHeld.v1', data: { basis: '年度安排' } }, zh, undefined, undefined,
      { basisShown: true });
    expect(shown.facts).toEqual([]);
    const decided = describeDisciplineEvent({ type: 'org.dangjian.discipline.CaseDecided.v1', data: { sanction: 'SERIOUS_WARNING', date: '2026-03-10',
      effectiveFrom: '2026-03-10', effectiveUntil: '2027-09-10', sanctionId: 's-1', basis: '条例' } }, zh);
    expect(decided.label).toBe('处理决定');
    expect(decided.facts).toContainEqual({ label: '党纪处分', value: '严重警告' });
    expect(decided.facts).toContainEqual({ label: '影响期至', value: '2027-09-10' });
    const checked = describeDisciplineEvent({ type: 'org.dangjian.discipline.SelectionStageChecked.v1', data: { stage: 'PUBLICITY', date: '2026-03-10',
      compliant: true } }, i18n('en'));
    expect(checked.label).toBe('Stage checked');
    expect(checked.facts).toEqual([{ label: 'Stage', value: 'Publicity before appointment' }, { label: 'Checked on', value: '2026-03-10' },
      { label: 'Compliant', value: 'Compliant' }]);
    const ended = describeDisciplineEvent({ type: 'org.dangjian.discipline.CaseSanctionEnded.v1', data: { endedOn: '2027-09-10', reason: '影响期满' } },
      i18n('en'));
    expect(ended.label).toBe('Sanction ended');
    expect(ended.facts).toContainEqual({ label: 'Reason for ending', value: '影响期满' });
    expect(describeDisciplineEvent({ type: 'org.dangjian.discipline.Unknown.v1' }, zh).label).toBe('Unknown');
  });

  it('names every event, state, kind and choice in both languages', () => {
    const events = ['InspectionPlanned', 'InspectionCarriedOut', 'FindingRecorded', 'RectificationRequired', 'RectificationReported',
      'RectificationVerified', 'InspectionClosed', 'TalkHeld', 'InquiryIssued', 'InquiryAnswered', 'TalkConcluded', 'CaseOpened', 'MeasureProposed',
      'CaseDecided', 'CaseSanctionEnded', 'SelectionSupervisionOpened', 'SelectionStageChecked', 'SelectionSupervisionConcluded'];
    const groups = { targets: INSPECTION_TARGETS, modes: INSPECTION_MODES, severities: SEVERITIES, inspectionStates: INSPECTION_STATES,
      roundSteps: ROUND_STEPS, talkKinds: TALK_KINDS, talkStates: TALK_STATES, caseTypes: CASE_TYPES, sanctions: SANCTIONS, measures: MEASURES,
      caseStates: CASE_STATES, stages: SELECTION_STAGES, selectionStates: SELECTION_STATES, recordKinds: RECORD_KINDS, views: RECORD_VIEWS };
    for (const messages of [zhCN, en]) {
      const { t, te } = createI18n({ legacy: false, locale: 'x', messages: { x: messages } }).global;
      events.forEach((type) => expect(te(`discipline.events.${type}`), type).toBe(true));
      Object.entries(groups).forEach(([group, values]) => values.forEach((v) => expect(te(`discipline.${group}.${v}`), `${group}.${v}`).toBe(true)));
      Object.entries(STEPS).forEach(([kind, steps]) => Object.entries(steps).forEach(([action, fields]) => {
        expect(te(`discipline.actions.${kind}.${action}`), `${kind}.${action}`).toBe(true);
        expect(te(`discipline.done.${kind}.${action}`), `done ${kind}.${action}`).toBe(true);
        fields.filter((f) => f.type !== 'measure').forEach((f) => expect(te(`discipline.fields.${{ memberId: 'member', branchId: 'branch' }[f.name]
          || f.name}`), f.name).toBe(true));
      }));
      ['accepted', 'compliant'].forEach((c) => expect(t(`discipline.choices.${c}.yes`)).not.toBe(t(`discipline.choices.${c}.no`)));
      expect(t('discipline.problems.tooLong', { field: 'X', max: 200 })).toContain('200');
      expect(t('discipline.accessHint')).toBeTruthy();
    }
    expect(zhCN.discipline.accessHint).toBe('查阅留痕：您的查阅将记入查阅记录。');
    expect(HELD_KINDS).not.toContain('WRITTEN_INQUIRY');
  });
});

describe('who sees the discipline screens', () => {
  const items = (roles) => menuFor(MODULES, roles).filter((g) => g.key === 'discipline').flatMap((g) => g.items.map((i) => i.route));
  const screens = ['discipline-inspections', 'discipline-rectifications', 'discipline-talks', 'discipline-cases', 'discipline-selections'];

  it('shows the menu group to discipline inspectors and auditors only, the access log to auditors only', () => {
    expect(items(INSPECTOR)).toEqual(screens);
    expect(items(AUDITOR)).toEqual([...screens, 'discipline-access-log']);
    OTHERS.forEach((role) => expect(items([role]), role).toEqual([]));
    expect(menuFor(MODULES, AUDITOR).map((g) => g.key)).toEqual(['organisation', 'members', 'activities', 'discipline', 'audit', 'subscriptions']);
    expect(discipline.menu[0].titleKey).toBe('menu.discipline');
  });

  it('opens every discipline route to inspectors and auditors only, the access log to auditors only', () => {
    const own = routes.filter((r) => r.name?.startsWith('discipline-'));
    expect(own.map((r) => r.name).sort()).toEqual(discipline.routes.map((r) => r.name).sort());
    own.forEach((route) => {
      expect(mayOpen(route, AUDITOR), route.name).toBe(true);
      expect(mayOpen(route, INSPECTOR), route.name).toBe(route.name !== 'discipline-access-log');
      PEOPLE.filter((r) => !['AUDITOR', 'DISCIPLINE_INSPECTOR'].includes(r)).forEach((role) => expect(mayOpen(route, [role]), `${route.name} ${role}`)
        .toBe(false));
      expect(mayOpen(route, []), route.name).toBe(false);
    });
    Object.values(RECORD_ROUTES).forEach((name) => expect(own.map((r) => r.name)).toContain(name));
    expect(discipline.readModels).toBeFalsy();
  });
});

describe('a discipline step\'s dialog', () => {
  const answer = (status, body) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const reported = inspection('RECTIFICATION_REPORTED', { carriedOutOn: '2020-01-02', findings: [finding],
    rounds: [{ step: 'REPORTED', date: '2020-01-10', text: '已整改', evidence: [] }] });
  const open = () => mount(DisciplineStepDialog, { props: { modelValue: true, kind: 'inspection', action: 'verify', record: reported,
    subject: '不动产登记窗口' }, global: { plugins: [ElementPlus, createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })] },
  attachTo: document.body });
  const submit = () => document.querySelector('[data-test=submit]').click();
  const type = async (selector, value) => {
    const found = document.querySelector(selector);
    const input = ['INPUT', 'TEXTAREA'].includes(found.tagName) ? found : found.querySelector('textarea, input');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await flushPromises();
  };

  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('sends nothing the service would refuse, then sends 整改验收 (sent back) and says so', async () => {
    const fetch = vi.fn().mockResolvedValue(answer(200, { id: 'i1', sequence: 7 }));
    vi.stubGlobal('fetch', fetch);
    const wrapper = open();
    await flushPromises();
    expect(document.querySelector('[data-test=inspection-verify-dialog]')).not.toBeNull();
    expect(document.body.textContent).toContain('不动产登记窗口');

    submit();
    await flushPromises();
    expect(fetch).not.toHaveBeenCalled();
    const messages = wrapper.findAllComponents(ElFormItem).map((item) => item.vm.validateMessage).filter(Boolean);
    expect(messages).toEqual(['请选择验收结论。', '请填写验收意见。']);

    document.querySelector('[data-test=verify-accepted] [data-value=false] input').click();
    await type('[data-test=verify-opinion]', ' 未整改到位 ');
    submit();
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe('/api/discipline/inspections/i1/rectification-verification');
    expect(init.method).toBe('POST');
    expect(init.headers['Idempotency-Key']).toBeTruthy();
    expect(JSON.parse(init.body)).toEqual({ date: todayInCentre(), accepted: false, opinion: '未整改到位' });
    expect(wrapper.emitted('done')[0][0]).toEqual({ id: 'i1', sequence: 7, action: 'verify' });
    wrapper.unmount();
  });

  it('shows the service\'s refusal in the dialog, which stays open', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(answer(409, { title: '整改尚未报告', detail: '检查 i1 没有待验收的整改报告',
      code: 'RECTIFICATION_NOT_REPORTED', status: 409 })));
    const wrapper = open();
    await flushPromises();
    document.querySelector('[data-test=verify-accepted] [data-value=true] input').click();
    await type('[data-test=verify-opinion]', '整改到位');
    submit();
    await flushPromises();
    expect(document.querySelector('[data-test=problem-title]').textContent).toContain('整改尚未报告');
    expect(document.querySelector('[data-test=problem-detail]').textContent).toContain('没有待验收的整改报告');
    expect(wrapper.emitted('done')).toBeUndefined();
    wrapper.unmount();
  });
});

describe('the discipline screens', async () => {
  const { createRouter, createMemoryHistory, RouterView } = await import('vue-router');
  const { createPinia } = await import('pinia');
  const { h } = await import('vue');
  const { useSession } = await import('../src/stores/session.js');
  const I = '00000000-0000-4000-8000-0000000000a1';
  const T = '00000000-0000-4000-8000-0000000000b1';
  const C = '00000000-0000-4000-8000-0000000000c1';
  const S = '00000000-0000-4000-8000-0000000000d1';
  const member = { memberId: '00000000-0000-4000-8001-000000000001', name: '林晓雯', branchId: null, branchName: '机关第一党支部' };
  const shown = {
    inspection: { id: I, state: 'RECTIFICATION_REPORTED', target: 'WINDOW', targetName: '不动产登记窗口', branchId: null, mode: 'UNANNOUNCED',
      plannedDate: '2026-03-01', inspectors: ['赵纪检'], carriedOutOn: '2026-03-02', summary: '午间暗访', findings: [{ no: 1, description: '午间窗口无人值守',
        severity: 'SERIOUS', evidence: ['暗访视频 2026-038'] }], rectification: { requirement: '落实首问负责制', deadline: '2026-03-10', responsible: '窗口负责人' },
      rounds: [{ step: 'REPORTED', date: '2026-03-09', text: '已修订制度', evidence: [] }], overdue: true, sequence: 5 },
    talk: { id: T, state: 'ISSUED', kind: 'WRITTEN_INQUIRY', member, date: '2026-03-01', talkers: [], questions: '请说明有关问题', dueDate: '2026-03-10',
      overdue: true, basis: '群众来信', sequence: 0 },
    case: { id: C, state: 'IN_EFFECT', type: 'SANCTION', member, date: '2026-03-01', matter: '违规收受礼品', basis: '初核报告',
      proposals: [{ sanction: 'WARNING', reasons: '情节较轻', date: '2026-03-05' }], decision: { sanction: 'WARNING', basis: '条例', date: '2026-03-10',
        effectiveFrom: '2026-03-10', effectiveUntil: '2027-03-10' }, sanctionId: 'sanction-1', sequence: 2 },
    selection: { id: S, state: 'OPEN', position: '综合科科长', unitName: '政务服务中心', date: '2026-03-01', checks: [{ stage: 'MOTION', date: '2026-03-02',
      compliant: false, note: '动议程序不规范' }], latestByStage: [{ stage: 'MOTION', date: '2026-03-02', compliant: false, note: '动议程序不规范' }], sequence: 1 },
  };
  const event = (type, data) => ({ sequence: 0, eventId: 'e0', type: `org.dangjian.discipline.${type}.v1`, hash: 'a'.repeat(64), prevHash: '0'.repeat(64),
    occurredAt: '2026-03-01T00:00:00Z', recordedAt: '2026-03-01T00:00:01Z', actor: { id: 'jijian', role: 'DISCIPLINE_INSPECTOR' }, data });
  const page = (items) => ({ items, total: items.length, page: 0, size: 20 });
  const json = (body) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  function answerFor(url) {
    const path = url.split('?')[0];
    const one = [[I, 'inspection', 'InspectionPlanned'], [T, 'talk', 'InquiryIssued'], [C, 'case', 'CaseOpened'], [S, 'selection', 'SelectionSupervisionOpened']]
      .find(([id]) => path.includes(id));
    if (one && path.endsWith('/timeline')) {
      return { entries: [event(one[2], { basis: '群众来信' })] };
    }
    if (one && path.endsWith('/verification')) {
      return { intact: true, eventsChecked: 1, lastHash: 'a'.repeat(64) };
    }
    if (one) {
      return shown[one[1]];
    }
    return {
      '/api/discipline/inspections': page([shown.inspection]),
      '/api/discipline/rectifications': [shown.inspection, { ...shown.inspection, id: 'x2', targetName: '税务窗口', overdue: false }],
      '/api/discipline/talks': page([shown.talk]),
      '/api/discipline/cases': page([shown.case]),
      '/api/discipline/selection-supervisions': page([shown.selection]),
      '/api/discipline/access-log': page([{ eventId: 'r1', recordId: I, recordKind: 'INSPECTION', view: 'DETAIL', readerId: 'shenji', readerRole: 'AUDITOR',
        readerOrg: null, readAt: '2026-03-11T02:00:00Z' }]),
    }[path] ?? page([]);
  }

  async function show(path, roles) {
    const fetch = vi.fn(async (url) => json(answerFor(url)));
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
    return { wrapper, fetch, actions: () => wrapper.findAll('[data-action]').map((b) => b.attributes('data-action')) };
  }

  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows an inspection with its findings, rounds and timeline, the steps to an inspector and the access log link to an auditor', async () => {
    const inspector = await show(`/discipline/inspections/${I}?minSequence=5`, INSPECTOR);
    expect(inspector.wrapper.find('[data-test=inspection-heading]').text()).toBe('不动产登记窗口');
    expect(inspector.wrapper.find('[data-test=inspection-overdue]').exists()).toBe(true);
    expect(inspector.actions()).toEqual(['verify']);
    expect(inspector.wrapper.find('[data-test=findings]').text()).toContain('午间窗口无人值守');
    expect(inspector.wrapper.find('[data-test=rounds]').text()).toContain('已修订制度');
    expect(inspector.wrapper.find('[data-test=access-hint]').text()).toContain('查阅留痕：您的查阅将记入查阅记录。');
    expect(inspector.wrapper.find('[data-test=access-log-link]').exists()).toBe(false);
    expect(inspector.wrapper.find('[data-test=event-label]').text()).toBe('计划检查');
    const asked = inspector.fetch.mock.calls.map(([url]) => url);
    expect(asked).toContain(`/api/discipline/inspections/${I}?minSequence=5`);
    expect(asked).toContain(`/api/discipline/inspections/${I}/timeline?from=0&limit=200&minSequence=5`);
    inspector.wrapper.unmount();

    const auditor = await show(`/discipline/inspections/${I}`, AUDITOR);
    expect(auditor.actions()).toEqual([]);
    expect(auditor.wrapper.find('[data-test=access-log-link]').exists()).toBe(true);
    auditor.wrapper.unmount();
  });

  it('shows an inquiry, a case and a selection supervision with the steps their state allows', async () => {
    const talk = await show(`/discipline/talks/${T}`, INSPECTOR);
    expect(talk.wrapper.find('[data-test=talk-heading]').text()).toBe('林晓雯 · 函询');
    expect(talk.wrapper.find('[data-test=talk-overdue]').exists()).toBe(true);
    expect(talk.actions()).toEqual(['answer']);
    talk.wrapper.unmount();
    const matter = await show(`/discipline/cases/${C}`, INSPECTOR);
    expect(matter.actions()).toEqual(['end']);
    expect(matter.wrapper.find('[data-test=decision]').text()).toContain('警告');
    expect(matter.wrapper.find('[data-test=proposals]').text()).toContain('情节较轻');
    matter.wrapper.unmount();
    const selection = await show(`/discipline/selection-supervisions/${S}`, INSPECTOR);
    expect(selection.actions()).toEqual(['check', 'conclude']);
    expect(selection.wrapper.find('[data-test=stages] [data-stage=MOTION]').attributes('data-compliant')).toBe('false');
    expect(selection.wrapper.find('[data-test=stages]').text()).toContain('未检查');
    selection.wrapper.unmount();
  });

  it('lists the records, marks overdue rectifications red and shows the access log', async () => {
    const list = await show('/discipline/inspections', INSPECTOR);
    expect(list.wrapper.find('[data-test=inspection-link]').text()).toBe('不动产登记窗口');
    expect(list.actions()).toContain('plan');
    list.wrapper.unmount();
    const readOnly = await show('/discipline/talks', AUDITOR);
    expect(readOnly.wrapper.find('[data-test=talk-link]').text()).toBe('林晓雯');
    expect(readOnly.actions()).not.toContain('hold');
    readOnly.wrapper.unmount();
    const board = await show('/discipline/rectifications', AUDITOR);
    const rows = board.wrapper.findAll('[data-test=rectification-board] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].classes()).toContain('overdue-row');
    expect(rows[1].classes()).not.toContain('overdue-row');
    expect(board.fetch.mock.calls[0][0]).toBe('/api/discipline/rectifications');
    board.wrapper.unmount();
    const log = await show(`/discipline/access-log?record=${I}`, AUDITOR);
    expect(log.fetch.mock.calls[0][0]).toBe(`/api/discipline/access-log?page=0&size=20&record=${I}`);
    expect(log.wrapper.find('[data-test=record-link]').text()).toBe(I);
    expect(log.wrapper.find('[data-test=reader]').text()).toBe('shenji');
    log.wrapper.unmount();
  });
});
