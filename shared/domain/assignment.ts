/**
 * Assignment status: not started / in progress / completed / overdue, with
 * optional recurrence (e.g. yearly compliance). Pure and tested.
 *
 * Recurrence (R months): a completion is valid for R months; the next due date
 * is completion + R months. The assignment shows "completed" until it reopens
 * (a month before that date, or R·15 days for short cycles), then "not started" /
 * "in progress" again, and "overdue" after the new due date.
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
  if (!done) {
    if (i.dueDate && i.today > i.dueDate) return { status: 'overdue', dueDate: i.dueDate, cycleStart: assigned };
    return { status: i.lastActivityAt ? 'in_progress' : 'not_started', dueDate: i.dueDate, cycleStart: assigned };
  }
  if (!i.recurrenceMonths) return { status: 'completed', dueDate: i.dueDate, cycleStart: assigned };
  const nextDue = addMonths(done, i.recurrenceMonths);
  const reopen = addDays(nextDue, -reopenLeadDays(i.recurrenceMonths));
  if (i.today < reopen) return { status: 'completed', dueDate: nextDue, cycleStart: assigned };
  if (i.today > nextDue) return { status: 'overdue', dueDate: nextDue, cycleStart: reopen };
  const active = i.lastActivityAt != null && day(i.lastActivityAt) >= reopen;
  return { status: active ? 'in_progress' : 'not_started', dueDate: nextDue, cycleStart: reopen };
}

/** A recurring course reopens this many days before its next due date (a month, or half a month per month of recurrence). */
export const reopenLeadDays = (recurrenceMonths: number) => Math.min(30, recurrenceMonths * 15);

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date.slice(0, 10) + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a due date is in the past (the UI warns on creation, it does not refuse). */
export const isPastDue = (dueDate: string | null, today: string) => dueDate != null && dueDate < today;
