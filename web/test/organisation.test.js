import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import zhCN from '../src/i18n/zh-CN.js';
import en from '../src/i18n/en.js';
import { kindsUnder, nameProblem, reasonProblem } from '../src/modules/organisation/structure.js';
import { describeOrganisationEvent } from '../src/modules/organisation/describe.js';
import { dueItems } from '../src/modules/platform/readModels.js';

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } }).global;

describe('the tree rules the forms mirror', () => {
  it('offers only the kinds allowed under a unit', () => {
    expect(kindsUnder('COMMITTEE')).toEqual(['GENERAL_BRANCH', 'BRANCH', 'MASS_ORGANISATION']);
    expect(kindsUnder('BRANCH')).toEqual(['PARTY_GROUP']);
    expect(kindsUnder('PARTY_GROUP')).toEqual([]);
  });

  it('catches names the service would refuse before sending', () => {
    expect(nameProblem('')).toBe('org.nameRequired');
    expect(nameProblem('　')).toBe('org.nameRequired');
    expect(nameProblem(' 第一支部')).toBe('org.nameBlank');
    expect(nameProblem('——')).toBe('org.nameBlank');
    expect(nameProblem('党'.repeat(101))).toBe('org.nameTooLong');
    expect(nameProblem('机关第一党支部')).toBeNull();
    expect(reasonProblem('理'.repeat(1001))).toBe('org.reasonTooLong');
    expect(reasonProblem(undefined)).toBeNull();
  });
});

describe('the organisation timeline', () => {
  it('says what each event changed, in Chinese', () => {
    const names = { p1: '政务服务中心党委' };
    const established = describeOrganisationEvent({
      type: 'org.dangjian.organisation.OrganisationUnitEstablished.v1',
      data: { name: '第一支部', kind: 'BRANCH', parentId: 'p1' },
    }, i18n, (id) => names[id] || id);
    expect(established.label).toBe('成立');
    expect(established.facts).toEqual([
      { label: '名称', value: '第一支部' }, { label: '类型', value: '党支部' }, { label: '上级组织', value: '政务服务中心党委' }]);

    const renamed = describeOrganisationEvent({ type: 'x.OrganisationUnitRenamed.v1', data: { previousName: 'A', name: 'B' } }, i18n);
    expect(renamed.facts).toEqual([{ label: '名称', from: 'A', to: 'B' }]);
    expect(describeOrganisationEvent({ type: 'x.OrganisationUnitDissolved.v1', data: {} }, i18n).facts)
      .toEqual([{ label: '状态', value: '正常 → 已撤销' }]);
  });

  it('shows an event it does not know by its type and fields', () => {
    const other = describeOrganisationEvent({ type: 'x.SomethingNew.v2', data: { unitId: 'u', reason: 'r', count: 3 } }, i18n);
    expect(other).toEqual({ label: 'SomethingNew', facts: [{ label: 'count', value: '3' }] });
  });
});

describe('texts', () => {
  const keys = (obj, prefix = '') => Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it('has every text in both languages', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
});

describe('due items for operators', () => {
  it('lists parked aggregates, rebuilds under way, consumers far behind and services that do not answer', () => {
    const rows = [
      { name: 'a', parked: 2, lag: 0 },
      { name: 'b', parked: 0, lag: 0, rebuild: { state: 'RUNNING', eventsConsumed: 1, eventsTotal: 4 } },
      { name: 'c', parked: 0, lag: 500 },
      { name: 'd', parked: 0, lag: 3, rebuild: { state: 'DONE' } },
      { service: 'x', problem: new Error('down') },
    ];
    expect(dueItems(rows).map((i) => `${i.kind}:${i.row.name || i.row.service}`)).toEqual(['parked:a', 'rebuilding:b', 'lagging:c', 'unavailable:x']);
  });
});

describe('the way into the party', async () => {
  const { stepsFor, stepBody, idCardNumberValid } = await import('../src/modules/members/pipeline.js');
  const { describeMemberEvent } = await import('../src/modules/members/describe.js');

  it('offers the next step to the roles that may take it, committee steps to committee staff only', () => {
    const activist = { stage: 'ACTIVIST', nextStep: 'DEVELOPMENT_OBJECT' };
    expect(stepsFor(activist, ['BRANCH_SECRETARY'])).toEqual(['DEVELOPMENT_OBJECT']);
    expect(stepsFor(activist, ['AUDITOR'])).toEqual([]);
    const reviewed = { stage: 'POLITICALLY_REVIEWED', nextStep: 'ADMISSION' };
    expect(stepsFor(reviewed, ['BRANCH_SECRETARY'])).toEqual([]);
    expect(stepsFor(reviewed, ['COMMITTEE_STAFF'])).toEqual(['ADMISSION']);
    const probationary = { stage: 'PROBATIONARY', nextStep: 'FULL_MEMBERSHIP', probationExtended: false };
    expect(stepsFor(probationary, ['COMMITTEE_STAFF'])).toEqual(['FULL_MEMBERSHIP', 'PROBATION_EXTENSION', 'PROBATION_CANCELLATION']);
    expect(stepsFor({ ...probationary, probationExtended: true }, ['COMMITTEE_STAFF'])).toEqual(['FULL_MEMBERSHIP', 'PROBATION_CANCELLATION']);
    expect(stepsFor({ stage: 'FULL_MEMBER', nextStep: null }, ['COMMITTEE_STAFF'])).toEqual([]);
  });

  it('sends each step the fields its form asks for', () => {
    const form = { date: '2026-03-01', branchMeetingDate: '2026-02-20', committeeApprovalDate: '2026-03-01', conclusion: 'PASSED', months: '9', basis: '  会议纪要 ' };
    expect(stepBody('ACTIVIST', form)).toEqual({ date: '2026-03-01', basis: '会议纪要' });
    expect(stepBody('POLITICAL_REVIEW', form)).toEqual({ date: '2026-03-01', conclusion: 'PASSED', basis: '会议纪要' });
    expect(stepBody('ADMISSION', { ...form, basis: '' })).toEqual({ branchMeetingDate: '2026-02-20', committeeApprovalDate: '2026-03-01' });
    expect(stepBody('PROBATION_EXTENSION', form)).toEqual({ date: '2026-03-01', months: 9, basis: '会议纪要' });
  });

  it('checks an ID-card number by its check digit', () => {
    expect(idCardNumberValid('11010519491231002X')).toBe(true);
    expect(idCardNumberValid('110105194912310021')).toBe(false);
    expect(idCardNumberValid('11010519491231002x')).toBe(false);
    expect(idCardNumberValid('1101051949123100')).toBe(false);
  });

  it('says what each member event records, in Chinese', () => {
    const admitted = describeMemberEvent({ type: 'org.dangjian.members.MemberAdmittedAsProbationary.v1',
      data: { branchMeetingDate: '2026-02-20', committeeApprovalDate: '2026-03-01', probationEndsOn: '2027-02-20', basis: 'x' } }, i18n);
    expect(admitted.label).toBe('接收为预备党员');
    expect(admitted.facts).toEqual([{ label: '支部党员大会日期', value: '2026-02-20' }, { label: '党委审批日期', value: '2026-03-01' },
      { label: '预备期满', value: '2027-02-20' }]);
    const review = describeMemberEvent({ type: 'x.MemberPoliticalReviewConcluded.v1', data: { date: '2026-01-01', conclusion: 'NOT_PASSED', decidingBody: 'PARTY_COMMITTEE' } }, i18n);
    expect(review.facts.map((f) => f.value)).toEqual(['2026-01-01', '党委', '不合格']);
    const linked = describeMemberEvent({ type: 'x.MemberAccountLinked.v1', data: { memberId: 'm', username: 'dangyuan', basis: '本人申请' } }, i18n);
    expect(linked.label).toBe('关联登录账号');
    expect(linked.facts).toEqual([{ label: '平台账号', value: 'dangyuan' }]);
  });

  it('takes login names as the platform does', async () => {
    const { usernameProblem } = await import('../src/modules/members/pipeline.js');
    expect(usernameProblem('zhang.li@centre')).toBeNull();
    expect(usernameProblem('')).toBeNull();
    expect(usernameProblem('zhang li')).toBe('members.account.invalidUsername');
    expect(usernameProblem('张丽')).toBe('members.account.invalidUsername');
    expect(usernameProblem('a'.repeat(101))).toBe('members.account.invalidUsername');
  });
});
