import { describe, expect, it } from 'vitest';
import { mayTransfer, transferActions } from '../src/modules/members/transfers.js';

const A = 'branch-a';
const B = 'branch-b';
const member = (transfers = [], extra = {}) => ({ branchId: A, stage: 'FULL_MEMBER', transfers, ...extra });
const inTransit = { transfer: 1, fromBranchId: A, toBranchId: B, state: 'IN_TRANSIT' };
const received = { ...inTransit, state: 'RECEIVED' };
const outside = { transfer: 1, fromBranchId: A, toOrganisation: '某局机关党委', state: 'IN_TRANSIT' };

describe('transfer buttons', () => {
  it('lets the own branch secretary and staff start a transfer, nobody while one is open or after leaving', () => {
    expect(mayTransfer(member(), ['BRANCH_SECRETARY'], A)).toBe(true);
    expect(mayTransfer(member(), ['BRANCH_SECRETARY'], B)).toBe(false);
    expect(mayTransfer(member(), ['COMMITTEE_STAFF'], null)).toBe(true);
    expect(mayTransfer(member(), ['AUDITOR'], null)).toBe(false);
    expect(mayTransfer(member([inTransit]), ['COMMITTEE_STAFF'], null)).toBe(false);
    expect(mayTransfer(member([], { leftPlatform: true, branchId: null }), ['COMMITTEE_STAFF'], null)).toBe(false);
  });

  it('gives the receiving branch receive and return, the sending one withdraw, then the receipt', () => {
    expect(transferActions(member([inTransit]), ['BRANCH_SECRETARY'], B)).toEqual(['receipt', 'RETURNED']);
    expect(transferActions(member([inTransit]), ['BRANCH_SECRETARY'], A)).toEqual(['WITHDRAWN']);
    expect(transferActions(member([received], { branchId: B }), ['BRANCH_SECRETARY'], A)).toEqual(['confirmation']);
    expect(transferActions(member([received], { branchId: B }), ['BRANCH_SECRETARY'], B)).toEqual([]);
    expect(transferActions(member([inTransit]), ['COMMITTEE_STAFF'], null)).toEqual(['receipt', 'WITHDRAWN', 'RETURNED']);
    expect(transferActions(member([inTransit]), ['AUDITOR'], null)).toEqual([]);
  });

  it('closes a transfer out of the platform by its receipt, with nobody on it to receive', () => {
    expect(transferActions(member([outside]), ['BRANCH_SECRETARY'], A)).toEqual(['confirmation', 'WITHDRAWN']);
    expect(transferActions(member([outside]), ['COMMITTEE_STAFF'], null)).toEqual(['confirmation', 'WITHDRAWN', 'RETURNED']);
  });
});

describe('the member timeline of transfers, points and the veto', async () => {
  const { createI18n } = await import('vue-i18n');
  const zhCN = (await import('../src/i18n/zh-CN.js')).default;
  const { describeMemberEvent } = await import('../src/modules/members/describe.js');
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN } }).global;
  const names = { b1: '第一党支部', b2: '第二党支部' };

  it('names the branches of a transfer and the event that vetoed an assessment', () => {
    const out = describeMemberEvent({ type: 'org.dangjian.members.MemberTransferInitiated.v1',
      data: { transfer: 1, fromBranchId: 'b1', toBranchId: 'b2', date: '2026-03-02' } }, i18n, (id) => names[id] || id);
    expect(out.label).toBe('组织关系转出');
    expect(out.facts).toContainEqual({ label: '转出支部', value: '第一党支部' });
    expect(out.facts).toContainEqual({ label: '转入', value: '第二党支部' });
    const veto = describeMemberEvent({ type: 'org.dangjian.members.CadrePoliticalAssessmentVetoed.v1',
      data: { assessment: 1, sanction: 'SERIOUS_WARNING', causingEventId: 'e-1', date: '2026-03-01' } }, i18n);
    expect(veto.label).toBe('一票否决');
    expect(veto.facts).toContainEqual({ label: '来源', value: 'e-1' });
    expect(veto.facts).toContainEqual({ label: '状态', value: '严重警告' });
  });

  it('shows points with their sign and source', () => {
    const points = describeMemberEvent({ type: 'org.dangjian.members.MemberPointsRecorded.v1',
      data: { points: 2, rule: 'ATTENDANCE_PRESENT', reason: '出席党课', sourceType: 'org.dangjian.activities.AttendanceRecorded.v1', sourceEventId: 'a-1' } }, i18n);
    expect(points.facts).toContainEqual({ label: '分值', value: '+2' });
    expect(points.facts).toContainEqual({ label: '来源', value: 'org.dangjian.activities.AttendanceRecorded.v1 a-1' });
  });
});
