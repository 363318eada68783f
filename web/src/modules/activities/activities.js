// The activities screens' rules, mirrored from the service (which decides): who may take which step on an activity,
// the attendance form's rows and body, and what each event of an activity's timeline says.
import { eventName } from '../../utils/format.js';

export const KINDS = ['BRANCH_GENERAL_MEETING', 'BRANCH_COMMITTEE_MEETING', 'PARTY_GROUP_MEETING', 'PARTY_LESSON', 'THEME_PARTY_DAY',
  'ORGANISATIONAL_LIFE_MEETING', 'DEMOCRATIC_LIFE_MEETING', 'HEART_TO_HEART_TALK'];
export const STATES = ['SCHEDULED', 'HELD', 'CANCELLED'];
export const ATTENDANCE = ['PRESENT', 'ON_LEAVE', 'ABSENT'];
export const VOLUNTEER_KINDS = ['HOME_VISIT', 'EXTENDED_HOURS', 'ERRAND', 'CIVILITY_PERSUASION'];

/** Whether the user changes this branch's activities: committee staff any branch's, a secretary his own branch's. */
export function mayManage(branchId, roles, org) {
  return roles.includes('COMMITTEE_STAFF') || (roles.includes('BRANCH_SECRETARY') && !!org && org === branchId);
}

/**
 * The steps the user may take on an activity now: a scheduled one is held or cancelled; a held one has its attendance
 * recorded (while some of the branch's members have none) and corrected (once any is recorded).
 */
export function activityActions(activity, roles, org, { unrecorded = 1 } = {}) {
  if (!activity || !mayManage(activity.branchId, roles, org)) {
    return [];
  }
  if (activity.state === 'SCHEDULED') {
    return ['hold', 'cancel'];
  }
  if (activity.state === 'HELD') {
    const actions = [];
    if (unrecorded > 0) {
      actions.push('attendance');
    }
    if ((activity.attendance || []).length > 0) {
      actions.push('correct');
    }
    return actions;
  }
  return [];
}

/**
 * The attendance form's rows: for recording, the branch's members whose attendance is not yet recorded (present by
 * default), then the leading cadres in dual organisational life there on the activity's day (双重组织生活, marked,
 * with their own branch) not yet recorded either; for correcting, those recorded, with their attendance as recorded.
 */
export function attendanceRows(members, recorded, mode, cadres = []) {
  const byMember = new Map((recorded || []).map((line) => [line.memberId, line]));
  if (mode === 'correct') {
    return (recorded || []).map((line) => ({ memberId: line.memberId, name: line.name || line.memberId, attendance: line.attendance,
      reason: line.reason || '', was: line.attendance, wasReason: line.reason || '', dualLife: !!line.dualLife }));
  }
  const rows = (members || []).filter((m) => !byMember.has(m.id))
    .map((m) => ({ memberId: m.id, name: m.name, attendance: 'PRESENT', reason: '' }));
  const listed = new Set(rows.map((row) => row.memberId));
  for (const cadre of cadres || []) {
    if (!byMember.has(cadre.memberId) && !listed.has(cadre.memberId)) {
      rows.push({ memberId: cadre.memberId, name: cadre.name || cadre.memberId, attendance: 'PRESENT', reason: '', dualLife: true,
        homeBranchName: cadre.homeBranchName || '' });
    }
  }
  return rows;
}

/**
 * The message key for an attendance form the service would refuse, or null: at least one member; a leave with its
 * reason; a correction with at least one change and its reason.
 */
export function attendanceProblem(rows, mode, reason = '') {
  const sent = entriesOf(rows, mode);
  if (!sent.length) {
    return mode === 'correct' ? 'activities.attendance.noChange' : 'activities.attendance.noMembers';
  }
  if (sent.some((e) => e.attendance === 'ON_LEAVE' && !e.reason)) {
    return 'activities.attendance.leaveReason';
  }
  if (mode === 'correct' && !reason.trim()) {
    return 'activities.attendance.correctionReasonRequired';
  }
  return null;
}

/** The entries a form sends: every row when recording; only the changed rows when correcting. A reason goes with a leave only. */
export function entriesOf(rows, mode) {
  return (rows || [])
    .filter((row) => mode !== 'correct' || row.attendance !== row.was || (row.attendance === 'ON_LEAVE' && row.reason.trim() !== row.wasReason))
    .map((row) => (row.attendance === 'ON_LEAVE'
      ? { memberId: row.memberId, attendance: row.attendance, reason: row.reason.trim() }
      : { memberId: row.memberId, attendance: row.attendance }));
}

/** The body of a record (mode 'attendance') or correction (mode 'correct'). */
export function attendanceBody(rows, mode, reason = '') {
  const entries = entriesOf(rows, mode);
  return mode === 'correct' ? { entries, reason: reason.trim() } : { entries };
}

/** The first and last day of a month (yyyy-MM), for a calendar's range. */
export function monthRange(month) {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** What an activity event says, for the timeline: its label and facts. */
export function describeActivityEvent(entry, { t, te }, memberName = (id) => id) {
  const type = eventName(entry.type);
  const data = entry.data || {};
  const label = te(`activities.events.${type}`) ? t(`activities.events.${type}`) : type;
  const facts = [];
  const add = (key, value) => {
    if (value !== undefined && value !== null && value !== '') {
      facts.push({ label: t(`activities.${key}`), value });
    }
  };
  add('kind', data.kind && t(`activities.kinds.${data.kind}`));
  add('topic', data.topic);
  add('plannedDate', data.plannedDate);
  add('heldOn', type === 'ActivityHeld' ? data.date : undefined);
  add('place', data.place);
  add('speaker', data.speaker);
  add('minutes', data.minutes);
  add('cancelReason', type === 'ActivityCancelled' ? data.reason : undefined);
  if (type === 'AttendanceRecorded' || type === 'AttendanceCorrected') {
    add('attendance.member', memberName(data.memberId));
    add('attendance.previous', data.previousAttendance && t(`activities.attendanceKinds.${data.previousAttendance}`));
    add('attendance.title', t(`activities.attendanceKinds.${data.attendance}`));
    add('attendance.reason', data.reason);
    add('attendance.correctionReason', data.correctionReason);
  }
  return { label, facts };
}

/** The steps the user may take on a dual organisational life record: committee staff end one that applies. */
export function dualLifeActions(record, roles) {
  return record && record.active && roles.includes('COMMITTEE_STAFF') ? ['end'] : [];
}

/** What an event of a dual organisational life record's timeline says. */
export function describeDualLifeEvent(entry, { t, te }, branchName = (id) => id) {
  const type = eventName(entry.type);
  const data = entry.data || {};
  const label = te(`dualLife.events.${type}`) ? t(`dualLife.events.${type}`) : type;
  const facts = [];
  const add = (key, value) => {
    if (value !== undefined && value !== null && value !== '') {
      facts.push({ label: t(`dualLife.${key}`), value });
    }
  };
  add('branch', data.branchId && branchName(data.branchId));
  add('position', data.position);
  add('since', data.since);
  add('until', data.until);
  add('basis', data.basis);
  add('endReason', data.reason);
  return { label, facts };
}

/** The message key for volunteer hours the service would refuse, or null: more than 0, at most 24, in steps of 0.5. */
export function hoursProblem(hours) {
  const value = Number(hours);
  return Number.isFinite(value) && value > 0 && value <= 24 && Number.isInteger(value * 2) ? null : 'activities.volunteer.hoursRule';
}
