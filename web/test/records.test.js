import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import zhCN from '../src/i18n/zh-CN.js';
import en from '../src/i18n/en.js';
import {
  ENGAGEMENT_KINDS, LEARNING_FORMS, changesSomething, correctionBody, correctionForm, describeEngagementEvent, engagementActions, evidenceLines,
  evidenceProblem, recordBody, recordProblem, validHours, withAuthors,
} from '../src/modules/activities/records.js';
import activities from '../src/modules/activities/index.js';

const A = 'branch-a';
const B = 'branch-b';
const learning = (over = {}) => ({ id: 'r1', kind: 'LEARNING', branchId: A, title: ' 党史学习 ', date: '2026-03-05', hours: 2.5,
  participants: ['m1', 'm2'], evidence: '照片编号 1\n\n https://example.org/a ', description: '', learningForm: 'READING_CLASS', authors: [],
  summary: '', organiserId: '', ...over });
const stored = {
  id: 'r1', kind: 'LEARNING', branchId: A, title: '党史学习', date: '2026-03-05', hours: 2.5, state: 'RECORDED',
  participants: [{ memberId: 'm1', name: '林晓雯' }, { memberId: 'm2', name: '周建国' }], evidence: ['照片编号 1'], learningForm: 'READING_CLASS',
  corrections: [],
};

describe('learning and practice records in the web client', () => {
  it('takes hours in steps of half an hour up to 24', () => {
    expect([0.5, 1, 2.5, 24].every(validHours)).toBe(true);
    expect([0, -1, 1.25, 24.5, '', null, undefined, 'x'].some(validHours)).toBe(false);
  });

  it('reads evidence one per line and refuses too many, too long or twice', () => {
    expect(evidenceLines(' a \n\n b\n')).toEqual(['a', 'b']);
    expect(evidenceProblem(Array.from({ length: 21 }, (_, i) => `照片 ${i}`).join('\n'))).toBe('records.problems.tooManyEvidence');
    expect(evidenceProblem('x'.repeat(301))).toBe('records.problems.evidenceTooLong');
    expect(evidenceProblem('a\na')).toBe('records.problems.evidenceTwice');
    expect(evidenceProblem('')).toBeNull();
  });

  it('asks each kind for what the service needs', () => {
    expect(recordProblem(learning())).toBeNull();
    expect(recordProblem(learning({ title: ' ' }))).toBe('records.problems.title');
    expect(recordProblem(learning({ learningForm: '' }))).toBe('records.problems.learningForm');
    expect(recordProblem(learning({ hours: undefined }))).toBe('records.problems.hours');
    expect(recordProblem(learning({ hours: 1.25 }))).toBe('records.problems.hours');
    expect(recordProblem(learning({ participants: [] }))).toBe('records.problems.participants');
    const report = learning({ kind: 'RESEARCH_REPORT', hours: undefined, learningForm: '', participants: [], authors: ['m1'], summary: '建议' });
    expect(recordProblem(report)).toBeNull();
    expect(recordProblem({ ...report, summary: '' })).toBe('records.problems.summary');
    expect(recordProblem({ ...report, authors: [] })).toBe('records.problems.authors');
  });

  it('sends what the kind has, a report with its authors among the participants', () => {
    expect(recordBody(learning())).toEqual({ id: 'r1', kind: 'LEARNING', branchId: A, title: '党史学习', date: '2026-03-05', hours: 2.5,
      participants: ['m1', 'm2'], evidence: ['照片编号 1', 'https://example.org/a'], learningForm: 'READING_CLASS' });
    const report = recordBody(learning({ kind: 'RESEARCH_REPORT', hours: undefined, participants: ['m2'], authors: ['m1'], summary: ' 建议 ',
      evidence: '' }));
    expect(report).toEqual({ id: 'r1', kind: 'RESEARCH_REPORT', branchId: A, title: '党史学习', date: '2026-03-05', participants: ['m2', 'm1'],
      authors: ['m1'], summary: '建议' });
    expect(recordBody(learning({ kind: 'MASS_ACTIVITY', organiserId: 'union' })).organiserId).toBe('union');
    expect(recordBody(learning({ kind: 'DEED' })).learningForm).toBeUndefined();
    expect(withAuthors(['a'], ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('corrects with the reason and only what changed', () => {
    const form = { ...correctionForm(stored), reason: ' 漏登一人 ' };
    expect(changesSomething(correctionBody(stored, form))).toBe(false);
    expect(correctionBody(stored, { ...form, participants: ['m2', 'm1'] })).toEqual({ reason: '漏登一人' });
    expect(correctionBody(stored, { ...form, participants: ['m1', 'm2', 'm3'], hours: 3, evidence: '' }))
      .toEqual({ reason: '漏登一人', participants: ['m1', 'm2', 'm3'], hours: 3, evidence: [] });
    expect(correctionBody(stored, { ...form, learningForm: 'ONLINE_LEARNING', title: '新标题' }))
      .toEqual({ reason: '漏登一人', learningForm: 'ONLINE_LEARNING', title: '新标题' });
    const deed = { ...stored, kind: 'DEED', state: 'COMPLETED', learningForm: null, completedOn: '2026-03-10', result: '完成' };
    expect(correctionBody(deed, { ...correctionForm(deed), reason: 'r', result: '修缮路灯十五盏' })).toEqual({ reason: 'r', result: '修缮路灯十五盏' });
    const open = { ...deed, state: 'COMMITTED', completedOn: null, result: null };
    expect(correctionBody(open, { ...correctionForm(open), reason: 'r', result: '结果' })).toEqual({ reason: 'r' });
  });

  it('offers completion of a committed deed and corrections within the user\'s branches', () => {
    expect(engagementActions(stored, ['COMMITTEE_STAFF'], null)).toEqual(['correct']);
    expect(engagementActions({ ...stored, kind: 'DEED', state: 'COMMITTED' }, ['BRANCH_SECRETARY'], A)).toEqual(['complete', 'correct']);
    expect(engagementActions({ ...stored, kind: 'DEED', state: 'COMPLETED' }, ['BRANCH_SECRETARY'], A)).toEqual(['correct']);
    expect(engagementActions(stored, ['BRANCH_SECRETARY'], B)).toEqual([]);
    expect(engagementActions(stored, ['AUDITOR'], null)).toEqual([]);
    expect(engagementActions(null, ['COMMITTEE_STAFF'], null)).toEqual([]);
  });

  it('describes each event of a record in both languages, with every kind and form named', () => {
    for (const messages of [zhCN, en]) {
      const i18n = createI18n({ legacy: false, locale: 'x', messages: { x: messages } });
      const { t, te } = i18n.global;
      ENGAGEMENT_KINDS.forEach((k) => {
        expect(te(`records.kinds.${k}`)).toBe(true);
        expect(te(`records.register.${k}`)).toBe(true);
      });
      LEARNING_FORMS.forEach((f) => expect(te(`records.forms.${f}`)).toBe(true));
      const recorded = describeEngagementEvent({ type: 'org.dangjian.activities.EngagementRecorded.v1', data: { kind: 'LEARNING', title: '读书班',
        date: '2026-03-05', hours: 2, participants: ['m1'], evidence: [], learningForm: 'READING_CLASS' } }, { t, te }, () => '林晓雯');
      expect(recorded.label).toBe(t('records.events.EngagementRecorded'));
      expect(recorded.facts.map((f) => f.value)).toContain('林晓雯');
      const corrected = describeEngagementEvent({ type: 'org.dangjian.activities.EngagementCorrected.v1', data: { reason: '漏登', evidence: [] } },
        { t, te });
      expect(corrected.facts).toEqual([{ label: t('records.reason'), value: '漏登' }, { label: t('records.evidence'), value: '—' }]);
      expect(describeEngagementEvent({ type: 'x.Unknown.v1', data: {} }, { t, te }).label).toBe('Unknown');
    }
  });

  it('routes the list and a record to the readers of the activities', () => {
    const list = activities.routes.find((r) => r.name === 'activity-records');
    const detail = activities.routes.find((r) => r.name === 'activity-record');
    expect(list.path).toBe('/activities/records');
    expect(detail.meta.roles).not.toContain('PARTY_MEMBER');
  });
});
