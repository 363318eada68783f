// The way into the party (发展党员) as the members service defines it (docs/api.md, members): stages in order, the
// step each stage leads to, who may take it, and the fields each step's form asks for.

export const STAGES = ['APPLICANT', 'ACTIVIST', 'DEVELOPMENT_OBJECT', 'POLITICALLY_REVIEWED', 'PROBATIONARY', 'FULL_MEMBER',
  'PROBATION_CANCELLED'];

/** The steps a committee decides (admission, full membership, extension, cancellation): committee staff only. */
const COMMITTEE_STEPS = new Set(['ADMISSION', 'FULL_MEMBERSHIP', 'PROBATION_EXTENSION', 'PROBATION_CANCELLATION']);

/** The form of each step: its date fields (required), and whether it asks for a conclusion or a number of months. */
export const STEP_FORMS = {
  ACTIVIST: { dates: ['date'] },
  DEVELOPMENT_OBJECT: { dates: ['date'] },
  POLITICAL_REVIEW: { dates: ['date'], conclusion: true },
  ADMISSION: { dates: ['branchMeetingDate', 'committeeApprovalDate'] },
  FULL_MEMBERSHIP: { dates: ['branchMeetingDate', 'committeeApprovalDate'] },
  PROBATION_EXTENSION: { dates: ['date'], months: true },
  PROBATION_CANCELLATION: { dates: ['date'] },
};

/**
 * The steps a user may take for a member now: the next step of the member's stage, and for a probationary member
 * the extension (once) and the cancellation; committee steps only for committee staff, the others for committee
 * staff and branch secretaries (the service checks the branch).
 */
export function stepsFor(member, roles) {
  if (!member) {
    return [];
  }
  const staff = roles.includes('COMMITTEE_STAFF');
  const secretary = roles.includes('BRANCH_SECRETARY');
  const steps = [];
  if (member.nextStep) {
    steps.push(member.nextStep);
  }
  if (member.stage === 'PROBATIONARY') {
    if (!member.probationExtended) {
      steps.push('PROBATION_EXTENSION');
    }
    steps.push('PROBATION_CANCELLATION');
  }
  return steps.filter((step) => (COMMITTEE_STEPS.has(step) ? staff : staff || secretary));
}

/** The request body of a step from its form: trimmed basis, absent fields left out. */
export function stepBody(step, form) {
  const body = {};
  STEP_FORMS[step].dates.forEach((field) => { body[field] = form[field]; });
  if (STEP_FORMS[step].conclusion) {
    body.conclusion = form.conclusion;
  }
  if (STEP_FORMS[step].months) {
    body.months = Number(form.months);
  }
  const basis = (form.basis || '').trim();
  if (basis) {
    body.basis = basis;
  }
  return body;
}

/** Whether an ID-card number (18 characters) has the right check digit (GB 11643). */
export function idCardNumberValid(text) {
  if (!/^\d{17}[\dX]$/.test(text || '')) {
    return false;
  }
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(text[i]), 0);
  return '10X98765432'[sum % 11] === text[17];
}

/** A login name as the platform takes it: 1 to 100 of A-Z a-z 0-9 . _ @ - (blank is checked as required elsewhere). */
export function usernameProblem(value) {
  const text = (value ?? '').trim();
  return !text || /^[A-Za-z0-9._@-]{1,100}$/.test(text) ? null : 'members.account.invalidUsername';
}
