import { eventName } from '../../utils/format.js';

/** What a member event says, for the timeline: its label and facts (the basis is shown by the timeline itself). */
export function describeMemberEvent(entry, { t, te }, branchName = (id) => id) {
  const type = eventName(entry.type);
  const data = entry.data || {};
  const label = te(`members.events.${type}`) ? t(`members.events.${type}`) : type;
  const facts = [];
  const add = (key, value) => {
    if (value !== undefined && value !== null && value !== '') {
      facts.push({ label: t(`members.${key}`), value });
    }
  };
  if (type === 'MembershipApplicationReceived') {
    add('name', data.name);
    add('gender', data.gender && t(`members.genders.${data.gender}`));
    add('birthDate', data.birthDate);
    add('idCardNumber', data.idCardNumber);
    add('phone', data.phone);
    add('address', data.address);
    add('branch', data.branchId && branchName(data.branchId));
    add('applicationDate', data.applicationDate);
    add('username', data.username);
    return { label, facts };
  }
  if (type === 'MemberAccountLinked' || type === 'MemberAccountUnlinked') {
    add('username', data.username);
  }
  if (type.startsWith('CadrePoliticalAssessment') || type === 'MemberSanctionRecorded') {
    add('cadre.year', data.year);
    add('cadre.result', data.result && t(`members.cadre.results.${data.result}`));
    add('cadre.state', data.sanction && t(`members.cadre.sanctions.${data.sanction}`));
    add('cadre.date', data.effectiveFrom || data.endedOn);
    add('points.source', data.causingEventId);
  }
  if (type.startsWith('MemberAssessment')) {
    add('assessments.type', data.type && t(`members.assessments.types.${data.type}`));
    add('assessments.period', data.period);
    add('assessments.scores', data.total !== undefined ? `${Object.entries(data.scores || {}).map(([k, v]) => `${k} ${v}`).join('，')}（${data.total}）` : undefined);
    add('assessments.result', data.result && t(`members.assessments.grades.${data.result}`));
    add('assessments.corrected', data.previousResult && t(`members.assessments.grades.${data.previousResult}`));
  }
  if (type === 'MemberCareRecorded' || type === 'MemberTrainingRecorded' || type === 'PartyAffairsCadreQualified') {
    add('care.kind', data.kind && t(`members.care.kinds.${data.kind}`));
    add('care.reason', data.reason && t(`members.care.reasons.${data.reason}`));
    add('care.visitors', data.visitors);
    add('care.amount', data.amount);
    add('care.notes', data.notes);
    add('care.course', data.course);
    add('care.organiser', data.organiser);
    add('care.endedOn', data.endedOn);
    add('care.hours', data.hours ?? data.trainingHours);
    add('care.date', data.validUntil && `${data.date} – ${data.validUntil}`);
  }
  if (type === 'MemberDuesBaseSet' || type === 'MemberDuesPaid') {
    add('dues.fromMonth', data.fromMonth);
    add('dues.base', data.base);
    add('dues.rate', data.rate);
    add('dues.due', data.monthlyDues);
    add('dues.month', data.month);
    add('dues.amount', data.amount);
    add('dues.paidOn', data.paidOn);
    add('dues.receipt', data.receipt);
  }
  if (type === 'MemberPointsRecorded') {
    add('points.points', data.points > 0 ? `+${data.points}` : data.points);
    add('points.rule', data.rule);
    add('points.reason', data.reason);
    add('points.source', data.sourceType && `${data.sourceType} ${data.sourceEventId}`);
  }
  if (type.startsWith('MemberTransfer')) {
    add('transfer.number', data.transfer);
    add('transfer.from', data.fromBranchId && branchName(data.fromBranchId));
    add('transfer.to', data.toBranchId ? branchName(data.toBranchId) : data.toOrganisation);
    add('transfer.state', data.cancellation && t(`members.transfer.states.${data.cancellation}`));
    add('transfer.reason', data.reason);
  }
  add('date', data.date);
  add('branchMeetingDate', data.branchMeetingDate);
  add('committeeApprovalDate', data.committeeApprovalDate);
  add('decidingBody', data.decidingBody && t(`members.bodies.${data.decidingBody}`));
  add('conclusion', data.conclusion && t(`members.conclusions.${data.conclusion}`));
  add('months', data.months);
  add('probationEndsOn', data.probationEndsOn);
  return { label, facts };
}
