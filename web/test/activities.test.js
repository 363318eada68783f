import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import zhCN from '../src/i18n/zh-CN.js';
import en from '../src/i18n/en.js';
import {
  KINDS, activityActions, attendanceBody, attendanceProblem, attendanceRows, describeActivityEvent, describeDualLifeEvent, dualLifeActions, entriesOf,
  hoursProblem, mayManage, monthRange,
} from '../src/modules/activities/activities.js';
import activities from '../src/modules/activities/index.js';

const A = 'branch-a';
const B = 'branch-b';
const held = (attendance = []) => ({ id: 'x', branchId: A, state: 'HELD', attendance });
const recorded = [
  { memberId: 'm1', name: '林晓雯', attendance: 'PRESENT' },
  { memberId: 'm2', name: '周建国', attendance: 'ON_LEAVE', reason: '出差' },
];

describe('activity rules in the web client', () => {
  it('lets committee staff manage every branch and a secretary his own only', () => {
    expect(mayManage(A, ['COMMITTEE_STAFF'], null)).toBe(true);
    expect(mayManage(A, ['BRANCH_SECRETARY'], A)).toBe(true);
    expect(mayManage(A, ['BRANCH_SECRETARY'], B)).toBe(false);
    expect(mayManage(A, ['BRANCH_SECRETARY'], null)).toBe(false);
    expect(mayManage(A, ['AUDITOR', 'DISCIPLINE_INSPECTOR', 'PARTY_MEMBER'], A)).toBe(false);
  });

  it('offers hold and cancel on a scheduled activity, attendance and its correction on a held one, nothing on a cancelled one', () => {
    expect(activityActions({ branchId: A, state: 'SCHEDULED' }, ['BRANCH_SECRETARY'], A)).toEqual(['hold', 'cancel']);
    expect(activityActions(held(), ['COMMITTEE_STAFF'], null)).toEqual(['attendance']);
    expect(activityActions(held(recorded), ['COMMITTEE_STAFF'], null)).toEqual(['attendance', 'correct']);
    expect(activityActions(held(recorded), ['COMMITTEE_STAFF'], null, { unrecorded: 0 })).toEqual(['correct']);
    expect(activityActions({ branchId: A, state: 'CANCELLED' }, ['COMMITTEE_STAFF'], null)).toEqual([]);
    expect(activityActions(held(recorded), ['BRANCH_SECRETARY'], B)).toEqual([]);
    expect(activityActions(held(recorded), ['AUDITOR'], null)).toEqual([]);
    expect(activityActions(null, ['COMMITTEE_STAFF'], null)).toEqual([]);
  });

  it('lists the branch members not yet recorded, present by default, and sends a reason with a leave only', () => {
    const members = [{ id: 'm1', name: '林晓雯' }, { id: 'm3', name: '钱佳琪' }, { id: 'm4', name: '邓宏伟' }];
    const rows = attendanceRows(members, recorded, 'attendance');
    expect(rows.map((r) => r.memberId)).toEqual(['m3', 'm4']);
    expect(rows.every((r) => r.attendance === 'PRESENT')).toBe(true);
    rows[0].attendance = 'ON_LEAVE';
    expect(attendanceProblem(rows, 'attendance')).toBe('activities.attendance.leaveReason');
    rows[0].reason = ' 病假 ';
    rows[1].reason = 'left over from a leave';
    expect(attendanceProblem(rows, 'attendance')).toBeNull();
    expect(attendanceBody(rows, 'attendance')).toEqual({ entries: [{ memberId: 'm3', attendance: 'ON_LEAVE', reason: '病假' },
      { memberId: 'm4', attendance: 'PRESENT' }] });
    expect(attendanceProblem([], 'attendance')).toBe('activities.attendance.noMembers');
  });

  it('lists the cadres in dual organisational life after the branch members, marked, once and only while not recorded', () => {
    const members = [{ id: 'm3', name: '钱佳琪' }];
    const cadres = [{ memberId: 'c1', name: '王建国', homeBranchName: '第二党支部' }, { memberId: 'm1', name: '林晓雯' },
      { memberId: 'm3', name: '钱佳琪' }];
    const rows = attendanceRows(members, recorded, 'attendance', cadres);
    expect(rows.map((r) => [r.memberId, !!r.dualLife])).toEqual([['m3', false], ['c1', true]]);
    expect(rows[1].homeBranchName).toBe('第二党支部');
    expect(attendanceBody(rows, 'attendance')).toEqual({ entries: [{ memberId: 'm3', attendance: 'PRESENT' }, { memberId: 'c1', attendance: 'PRESENT' }] });
    expect(attendanceRows([], [{ memberId: 'c1', name: '王建国', attendance: 'PRESENT', dualLife: true }], 'correct')[0].dualLife).toBe(true);
  });

  it('lets committee staff only end a dual organisational life that applies', () => {
    expect(dualLifeActions({ active: true }, ['COMMITTEE_STAFF'])).toEqual(['end']);
    expect(dualLifeActions({ active: false }, ['COMMITTEE_STAFF'])).toEqual([]);
    expect(dualLifeActions({ active: true }, ['BRANCH_SECRETARY', 'AUDITOR'])).toEqual([]);
    expect(dualLifeActions(null, ['COMMITTEE_STAFF'])).toEqual([]);
  });

  it('corrects only the members whose attendance changed, with the reason of the correction', () => {
    const rows = attendanceRows([], recorded, 'correct');
    expect(rows.map((r) => [r.memberId, r.attendance, r.reason])).toEqual([['m1', 'PRESENT', ''], ['m2', 'ON_LEAVE', '出差']]);
    expect(attendanceProblem(rows, 'correct', '补交请假条')).toBe('activities.attendance.noChange');
    rows[0].attendance = 'ABSENT';
    expect(attendanceProblem(rows, 'correct', ' ')).toBe('activities.attendance.correctionReasonRequired');
    expect(attendanceBody(rows, 'correct', ' 登记有误 ')).toEqual({ entries: [{ memberId: 'm1', attendance: 'ABSENT' }], reason: '登记有误' });
    rows[1].reason = '病假';
    expect(entriesOf(rows, 'correct')).toEqual([{ memberId: 'm1', attendance: 'ABSENT' }, { memberId: 'm2', attendance: 'ON_LEAVE', reason: '病假' }]);
  });

  it('checks volunteer hours as the service does and spans a month for a calendar', () => {
    expect(['0.5', 1, 2.5, 24].map(hoursProblem)).toEqual([null, null, null, null]);
    expect([0, -1, 1.25, 24.5, 'x', null].map(hoursProblem).every((key) => key === 'activities.volunteer.hoursRule')).toBe(true);
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('what an activity timeline says', () => {
  const i18n = (locale) => createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } }).global;

  it('names each event and its facts in both languages', () => {
    const zh = i18n('zh-CN');
    const held = describeActivityEvent({ type: 'org.dangjian.activities.ActivityHeld.v1', data: { kind: 'PARTY_LESSON', date: '2026-03-05',
      place: '党员活动室', topic: '学习', minutes: '记录', speaker: '王建华' } }, zh);
    expect(held.label).toBe('召开');
    expect(held.facts).toContainEqual({ label: '类别', value: '党课' });
    expect(held.facts).toContainEqual({ label: '召开日期', value: '2026-03-05' });
    expect(held.facts).toContainEqual({ label: '主讲人 / 主持人', value: '王建华' });
    const corrected = describeActivityEvent({ type: 'org.dangjian.activities.AttendanceCorrected.v1', data: { memberId: 'm1',
      previousAttendance: 'ABSENT', attendance: 'ON_LEAVE', reason: '病假', correctionReason: '补交请假条', kind: 'PARTY_LESSON' } }, zh,
    (id) => (id === 'm1' ? '钱佳琪' : id));
    expect(corrected.label).toBe('更正出勤');
    expect(corrected.facts).toContainEqual({ label: '党员', value: '钱佳琪' });
    expect(corrected.facts).toContainEqual({ label: '原登记', value: '缺席' });
    expect(corrected.facts).toContainEqual({ label: '出勤', value: '请假' });
    expect(corrected.facts).toContainEqual({ label: '更正理由', value: '补交请假条' });
    const cancelled = describeActivityEvent({ type: 'org.dangjian.activities.ActivityCancelled.v1', data: { reason: '防汛' } }, i18n('en'));
    expect(cancelled.label).toBe('Cancelled');
    expect(cancelled.facts).toEqual([{ label: 'Reason of cancellation', value: '防汛' }]);
    expect(describeActivityEvent({ type: 'org.dangjian.activities.Unknown.v1' }, zh).label).toBe('Unknown');
  });

  it('says what a dual organisational life record\'s events are', () => {
    const zh = i18n('zh-CN');
    const assigned = describeDualLifeEvent({ type: 'org.dangjian.activities.DualLifeAssigned.v1', data: { branchId: 'b1', position: '中心主任',
      since: '2026-01-01', basis: '党委通知' } }, zh, (id) => (id === 'b1' ? '第一党支部' : id));
    expect(assigned.label).toBe('安排双重组织生活');
    expect(assigned.facts).toEqual([{ label: '参加支部', value: '第一党支部' }, { label: '职务', value: '中心主任' },
      { label: '开始日期', value: '2026-01-01' }, { label: '依据', value: '党委通知' }]);
    const ended = describeDualLifeEvent({ type: 'org.dangjian.activities.DualLifeEnded.v1', data: { since: '2026-01-01', until: '2026-03-31',
      reason: '工作调整' } }, i18n('en'));
    expect(ended.label).toBe('Ended');
    expect(ended.facts).toContainEqual({ label: 'Reason for ending', value: '工作调整' });
  });

  it('has a name in both languages for every kind of activity and opens its screens to the roles the service answers', () => {
    KINDS.forEach((kind) => {
      expect(zhCN.activities.kinds[kind]).toBeTruthy();
      expect(en.activities.kinds[kind]).toBeTruthy();
    });
    const route = (name) => activities.routes.find((r) => r.name === name);
    expect(route('activity-detail').meta.roles).not.toContain('PARTY_MEMBER');
    expect(route('activity-participation').meta.roles).toContain('PARTY_MEMBER');
    expect(route('activity-me').meta.roles).toEqual(['PARTY_MEMBER']);
  });
});
