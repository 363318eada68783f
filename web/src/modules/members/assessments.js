// Assessments (考核) as the members service defines them (docs/api.md, "Assessments"): the three types, their periods
// and grades, who may take which step, and each step's request body from its form.

export const TYPES = ['COMPREHENSIVE', 'DEMOCRATIC_EVALUATION', 'CIVIL_SERVANT_DAILY'];

/** The grades of the party assessments (综合管理考核, 民主评议) and of the civil servants' daily one, best first. */
export const PARTY_GRADES = ['EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED'];
export const DAILY_GRADES = ['GOOD', 'FAIRLY_GOOD', 'AVERAGE', 'POOR'];

export const gradesOf = (type) => (type === 'CIVIL_SERVANT_DAILY' ? DAILY_GRADES : PARTY_GRADES);

/** A type's period as the service writes it: a year (yyyy), or a quarter (yyyy-Qn) for the daily assessment. */
export function periodOf(type, year, quarter) {
  return type === 'CIVIL_SERVANT_DAILY' ? `${year}-Q${quarter}` : `${year}`;
}

const party = (member) => member && (member.stage === 'PROBATIONARY' || member.stage === 'FULL_MEMBER') && !member.leftPlatform;
const ofBranch = (roles, org, branchId) => roles.includes('COMMITTEE_STAFF') || (roles.includes('BRANCH_SECRETARY') && org === branchId);

/** Whether the user may open an assessment of this member: a party member on the platform; staff, or his branch's secretary. */
export function mayOpenAssessment(member, roles, org) {
  return !!party(member) && ofBranch(roles, org, member.branchId);
}

/**
 * The steps the user may take on an assessment now: an open one is scored (the comprehensive one, on its criteria)
 * and concluded (the comprehensive one once scored) by staff or the secretary of the branch it was opened in; a
 * concluded one is corrected, by committee staff only.
 */
export function assessmentActions(assessment, roles, org) {
  if (!assessment) {
    return [];
  }
  if (assessment.state === 'CONCLUDED') {
    return roles.includes('COMMITTEE_STAFF') ? ['correct'] : [];
  }
  if (!ofBranch(roles, org, assessment.branchId)) {
    return [];
  }
  if (assessment.type === 'COMPREHENSIVE') {
    return assessment.total === undefined || assessment.total === null ? ['score'] : ['score', 'conclude'];
  }
  return ['conclude'];
}

/** The criteria version an assessment names, from GET /assessment-criteria's answer. */
export function criteriaVersion(criteria, name) {
  return (criteria?.versions || []).find((v) => v.version === name) || null;
}

/** The sum of the scores given (blank ones count 0). */
export function totalOf(scores) {
  return Object.values(scores || {}).reduce((sum, n) => sum + (Number.isFinite(n) ? n : 0), 0);
}

/** The grade a total reaches under a criteria version: the highest whose least total it reaches, else UNQUALIFIED. */
export function gradeOfTotal(version, total) {
  const reached = Object.entries(version?.grades || {}).filter(([, least]) => total >= least).sort((a, b) => b[1] - a[1]);
  return reached.length ? reached[0][0] : 'UNQUALIFIED';
}

/** The request body of a step from its form (absent fields left out, texts trimmed). */
export function assessmentBody(action, form, assessment) {
  const text = (s) => (s && s.trim() ? s.trim() : undefined);
  switch (action) {
    case 'open':
      return { id: form.id, memberId: form.memberId, type: form.type, period: periodOf(form.type, form.year, form.quarter), date: form.date };
    case 'score':
      return { scores: { ...form.scores } };
    case 'conclude': {
      const body = { date: form.date, basis: text(form.basis) };
      if (assessment.type !== 'COMPREHENSIVE') {
        body.result = form.result;
      }
      if (assessment.type === 'DEMOCRATIC_EVALUATION') {
        body.votes = Object.fromEntries(PARTY_GRADES.map((g) => [g, form.votes[g] ?? 0]));
      }
      return body;
    }
    case 'correct':
      return { result: form.result, date: form.date, reason: text(form.reason) };
    default:
      throw new Error(`No assessment action ${action}`);
  }
}
