/**
 * Reminders that depend on the date: an assignment due soon or overdue, library
 * content the person owns that is expiring or due for verification. Computed
 * on demand (when the inbox is read, or by the server's daily sweep) rather
 * than by timers, and each reminder is added once (its key holds the date, so
 * a moved due date reminds again).
 */
import { DUE_SOON_DAYS, EXPIRING_DAYS } from '../../../shared/domain/notifications';
import type { DB } from '../../db/open';
import { addDays } from '../library/rows';
import { assignmentStates } from '../training/plans';
import { notify } from './inbox';

/** Content that ran out long ago is the governance page's business, not a fresh reminder. */
const EXPIRED_LOOKBACK_DAYS = 30;
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Adds this person's due reminders; returns how many were new. */
export function sweepPerson(db: DB, personId: number, today = todayUtc()): number {
  return db.transaction(() => {
    let added = 0;
    const soon = addDays(today, DUE_SOON_DAYS);
    for (const a of assignmentStates(db, { personId }, today)) {
      if (!a.dueDate || a.status === 'completed') continue;
      const params = { courseId: a.courseId, course: a.courseTitle, due: a.dueDate };
      const record = { entity: 'assignment', id: a.id } as const;
      if (a.status === 'overdue')
        added += notify(db, personId, 'assignment_overdue', record, params, `overdue:${a.id}:${a.dueDate}`) ? 1 : 0;
      else if (a.dueDate >= today && a.dueDate <= soon)
        added += notify(db, personId, 'assignment_due_soon', record, params, `due:${a.id}:${a.dueDate}`) ? 1 : 0;
    }
    const expiring = db
      .prepare(
        'SELECT id, title, valid_until AS validUntil FROM library_items WHERE owner_id = ? AND valid_until IS NOT NULL AND valid_until <= ? AND valid_until >= ?',
      )
      .all(personId, addDays(today, EXPIRING_DAYS), addDays(today, -EXPIRED_LOOKBACK_DAYS)) as {
      id: number;
      title: string;
      validUntil: string;
    }[];
    for (const i of expiring) {
      added += notify(
        db,
        personId,
        'content_expiring',
        { entity: 'library_item', id: i.id },
        { title: i.title, date: i.validUntil.slice(0, 10) },
        `expiring:${i.id}:${i.validUntil}`,
      )
        ? 1
        : 0;
    }
    const verify = db
      .prepare(
        `SELECT id, title, date(substr(coalesce(verified_at, created_at), 1, 10), '+' || verify_every_days || ' days') AS dueOn
         FROM library_items WHERE owner_id = ? AND verify_every_days IS NOT NULL AND (valid_until IS NULL OR valid_until >= ?)`,
      )
      .all(personId, today) as { id: number; title: string; dueOn: string }[];
    for (const i of verify) {
      if (i.dueOn > today) continue;
      added += notify(
        db,
        personId,
        'content_verify_due',
        { entity: 'library_item', id: i.id },
        { title: i.title, date: i.dueOn },
        `verify:${i.id}:${i.dueOn}`,
      )
        ? 1
        : 0;
    }
    return added;
  })();
}

/**
 * The sweep a read does before answering: when another writer holds the workspace (a CRM
 * import's long transaction), the inbox still answers with what it has and the reminders
 * come on the next read.
 */
export function sweepOnRead(db: DB, personId: number, today = todayUtc()) {
  try {
    sweepPerson(db, personId, today);
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
  }
}

/** The daily sweep: every active person with assignments or owned content. */
export function sweepAll(db: DB, today = todayUtc()): number {
  const ids = db
    .prepare(
      `SELECT id FROM people WHERE active = 1 AND (id IN (SELECT person_id FROM assignments WHERE retired_at IS NULL) OR id IN (SELECT owner_id FROM library_items WHERE owner_id IS NOT NULL))`,
    )
    .pluck()
    .all() as number[];
  let added = 0;
  for (const id of ids) added += sweepPerson(db, id, today);
  return added;
}
