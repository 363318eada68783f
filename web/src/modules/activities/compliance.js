// The "三会一课" compliance board's pure logic: what colour and words a state has, how a period is named, what a cell
// shows and where it links (the branch's calendar of that kind and period). The service decides the states.

export const COMPLIANCE_STATES = ['MET', 'OPEN', 'CLOSING', 'OVERDUE'];

/** Element Plus tag types per state: met green, open grey-blue, closing amber, overdue red. */
const STATE_TYPES = { MET: 'success', OPEN: 'info', CLOSING: 'warning', OVERDUE: 'danger' };

/** The colours behind the tag types, for a legend or a plain cell (Element Plus's default palette). */
const STATE_COLOURS = { MET: '#67c23a', OPEN: '#909399', CLOSING: '#e6a23c', OVERDUE: '#f56c6c' };

/** The tag type of a state ('info' for one the client does not know). */
export function stateType(state) {
  return STATE_TYPES[state] || 'info';
}

export function stateColour(state) {
  return STATE_COLOURS[state] || STATE_COLOURS.OPEN;
}

/** The message key of a state's words (已落实 / 进行中 / 即将到期 / 逾期). */
export function stateKey(state) {
  return COMPLIANCE_STATES.includes(state) ? `activities.compliance.states.${state}` : 'activities.compliance.states.OPEN';
}

/** A period's parts: its frequency and year, and its month or quarter: yyyy-MM, yyyy-Qn or yyyy; null for anything else. */
export function parsePeriod(period) {
  const match = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/.exec(period || '');
  if (!match) {
    return null;
  }
  const year = Number(match[1]);
  if (match[2]) {
    return { frequency: 'MONTHLY', year, month: Number(match[2]) };
  }
  if (match[3]) {
    return { frequency: 'QUARTERLY', year, quarter: Number(match[3]) };
  }
  return { frequency: 'YEARLY', year };
}

/** A period in words: 2026年3月 / 2026年第1季度 / 2026年 (3/2026, Q1 2026, 2026 in English); the text itself when it is none. */
export function periodLabel(period, t) {
  const parts = parsePeriod(period);
  return parts ? t(`activities.compliance.periodLabel.${parts.frequency}`, parts) : String(period ?? '');
}

/** The first and last day of a period (yyyy-MM-dd), for the calendar's range. */
export function periodRange(period) {
  const parts = parsePeriod(period);
  if (!parts) {
    return null;
  }
  const [first, months] = parts.frequency === 'MONTHLY' ? [parts.month, 1] : parts.frequency === 'QUARTERLY' ? [(parts.quarter - 1) * 3 + 1, 3] : [1, 12];
  const lastMonth = first + months - 1;
  const lastDay = new Date(Date.UTC(parts.year, lastMonth, 0)).getUTCDate();
  const pad = (n) => String(n).padStart(2, '0');
  return { from: `${parts.year}-${pad(first)}-01`, to: `${parts.year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The calendar's address for a branch's activities of a cell's kind and period. */
export function calendarLink(branchId, cell) {
  const range = periodRange(cell.period) || {};
  return { name: 'activity-calendar', query: { branch: branchId, kind: cell.kind, from: range.from, to: range.to } };
}

/** The board's cell of a branch row for a column (kind), or null when the branch does not owe that period. */
export function cellOf(row, kind) {
  return (row?.cells || []).find((cell) => cell.kind === kind) || null;
}

/** How many cells of the board are in each state. */
export function stateCounts(board) {
  const counts = { MET: 0, OPEN: 0, CLOSING: 0, OVERDUE: 0 };
  (board?.branches || []).forEach((row) => (row.cells || []).forEach((cell) => {
    if (cell.state in counts) {
      counts[cell.state] += 1;
    }
  }));
  return counts;
}

/** The months a picker offers by default: this month and the 23 before it, newest first (yyyy-MM). */
export function recentMonths(today, count = 24) {
  const [year, month] = today.split('-').map(Number);
  const months = [];
  for (let i = 0; i < count; i += 1) {
    const index = year * 12 + (month - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}
