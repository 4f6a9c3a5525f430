/**
 * Assignment status: not started / in progress / completed / overdue, with
 * optional recurrence (e.g. yearly compliance). Pure and tested.
 *
 * Cycles: cycle 0 runs from the assignment until the first due date; cycle k
 * (k ≥ 1) runs from due + (k-1)·R months to due + k·R months. A completion counts
 * for the cycle it falls in; the assignment is then "completed" until the next
 * cycle starts, when a new due date applies.
 */

export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'completed', 'overdue'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface StatusInput {
  /** YYYY-MM-DD */
  dueDate: string | null;
  /** YYYY-MM-DD (or ISO date-time) when assigned */
  assignedAt: string;
  recurrenceMonths: number | null;
  /** Latest course completion (ISO), if any */
  completedAt: string | null;
  /** Latest progress (lesson done / quiz attempt) (ISO), if any */
  lastActivityAt: string | null;
  /** YYYY-MM-DD */
  today: string;
}

export interface StatusResult {
  status: AssignmentStatus;
  /** The due date that applies now (the current cycle's). */
  dueDate: string | null;
  cycleStart: string;
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const day = (s: string) => s.slice(0, 10);

export function assignmentStatus(i: StatusInput): StatusResult {
  const assigned = day(i.assignedAt);
  const done = i.completedAt ? day(i.completedAt) : null;
  if (!i.recurrenceMonths || !i.dueDate) {
    const cycleStart = assigned;
    if (done) return { status: 'completed', dueDate: i.dueDate, cycleStart };
    if (i.dueDate && i.today > i.dueDate) return { status: 'overdue', dueDate: i.dueDate, cycleStart };
    return { status: i.lastActivityAt ? 'in_progress' : 'not_started', dueDate: i.dueDate, cycleStart };
  }
  const R = i.recurrenceMonths;
  const cycleBounds = (k: number) => ({ start: k === 0 ? assigned : addMonths(i.dueDate!, (k - 1) * R), due: addMonths(i.dueDate!, k * R) });
  // The cycle the latest completion fell in; the next cycle is the one to do.
  let k = 0;
  if (done) {
    let c = 0;
    while (c < 1000 && done > cycleBounds(c).due) c++;
    k = c + 1;
  }
  const { start, due } = cycleBounds(k);
  if (done && i.today < start) return { status: 'completed', dueDate: cycleBounds(k - 1).due, cycleStart: cycleBounds(k - 1).start };
  if (i.today > due) return { status: 'overdue', dueDate: due, cycleStart: start };
  const active = i.lastActivityAt != null && day(i.lastActivityAt) >= start;
  return { status: active ? 'in_progress' : 'not_started', dueDate: due, cycleStart: start };
}

/** Whether a due date is in the past (the UI warns on creation, it does not refuse). */
export const isPastDue = (dueDate: string | null, today: string) => dueDate != null && dueDate < today;
