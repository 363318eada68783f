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
