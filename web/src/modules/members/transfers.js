// 组织关系转接: which step of a member's open transfer a user may take, by his roles and branch (the service decides
// again; this only chooses the buttons). The sending branch withdraws and confirms the receipt, the receiving one
// receives or returns; committee staff may take any of them.

/** The actions on the member's open transfer the user may take: 'receipt', 'confirmation', 'WITHDRAWN', 'RETURNED'. */
export function transferActions(member, roles, org) {
  const open = member?.transfers?.find((x) => x.state === 'IN_TRANSIT' || x.state === 'RECEIVED');
  if (!open) {
    return [];
  }
  const staff = roles.includes('COMMITTEE_STAFF');
  const secretary = roles.includes('BRANCH_SECRETARY');
  const sender = staff || (secretary && org === open.fromBranchId);
  const receiver = staff || (secretary && !!open.toBranchId && org === open.toBranchId);
  const actions = [];
  if (open.state === 'IN_TRANSIT') {
    if (receiver && open.toBranchId) {
      actions.push('receipt');
    }
    if (sender && open.toOrganisation) {
      actions.push('confirmation');
    }
    if (sender) {
      actions.push('WITHDRAWN');
    }
    if (receiver) {
      actions.push('RETURNED');
    }
  } else if (sender) {
    actions.push('confirmation');
  }
  return actions;
}

/** Whether the user may start a transfer of the member: staff, or his own branch's secretary; none open, record open. */
export function mayTransfer(member, roles, org) {
  if (!member || member.leftPlatform || member.stage === 'PROBATION_CANCELLED') {
    return false;
  }
  if (member.transfers?.some((x) => x.state === 'IN_TRANSIT' || x.state === 'RECEIVED')) {
    return false;
  }
  return roles.includes('COMMITTEE_STAFF') || (roles.includes('BRANCH_SECRETARY') && org === member.branchId);
}

/** The open transfer, if any. */
export function openTransfer(member) {
  return member?.transfers?.find((x) => x.state === 'IN_TRANSIT' || x.state === 'RECEIVED') || null;
}
