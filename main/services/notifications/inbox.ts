/**
 * Each person's notifications inbox. `notify` is called by the services that
 * make the events (inside their own transaction, so an event and its
 * notification are saved together or not at all); reminders that depend on the
 * date (due soon, overdue, content expiring) are added by `sweepPerson` when
 * the inbox is read, and by `sweepAll` for a daily sweep. Every read and write
 * here takes the person whose inbox it is: nobody reaches another's rows.
 */
import type { Page } from '../../../shared/api/contract';
import type { NotificationRow } from '../../../shared/api/notifications';
import { notificationLink, type NotificationKind } from '../../../shared/domain/notifications';
import type { DB } from '../../db/open';

export type NotifyParams = Record<string, string | number | null | undefined>;

/** The record a notification is about. */
export interface NotifyRecord {
  entity: 'call' | 'dispute' | 'assignment' | 'library_item';
  id: number | null;
}

const clean = (p: NotifyParams) =>
  Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null && v !== undefined)) as Record<string, string | number>;

/**
 * Adds one notification to a person's inbox. With a `dedupeKey` the same
 * reminder is added at most once per person. Returns the new row's id, or null
 * when there is nobody to tell or it was already there.
 */
export function notify(
  db: DB,
  personId: number | null | undefined,
  kind: NotificationKind,
  record: NotifyRecord,
  params: NotifyParams = {},
  dedupeKey?: string,
): number | null {
  if (personId === null || personId === undefined) return null;
  const r = db
    .prepare('INSERT OR IGNORE INTO notifications(person_id, kind, entity, entity_id, params, dedupe_key) VALUES (?, ?, ?, ?, ?, ?)')
    .run(personId, kind, record.entity, record.id, JSON.stringify(clean(params)), dedupeKey ?? null);
  return r.changes ? Number(r.lastInsertRowid) : null;
}

/** The same event for several people, each once, never for the person who caused it. */
export function notifyEach(
  db: DB,
  personIds: (number | null | undefined)[],
  actorId: number | null,
  kind: NotificationKind,
  record: NotifyRecord,
  params: NotifyParams = {},
) {
  const seen = new Set<number>();
  for (const p of personIds) {
    if (p === null || p === undefined || p === actorId || seen.has(p)) continue;
    seen.add(p);
    notify(db, p, kind, record, params);
  }
}

interface DbRow {
  id: number;
  kind: NotificationKind;
  entity: string;
  entity_id: number | null;
  params: string;
  created_at: string;
  read_at: string | null;
}

function toRow(r: DbRow): NotificationRow {
  let params: Record<string, string | number> = {};
  try {
    params = JSON.parse(r.params) as Record<string, string | number>;
  } catch {
    // a damaged row still shows, without its values
  }
  return {
    id: r.id,
    kind: r.kind,
    entity: r.entity,
    entityId: r.entity_id,
    params,
    link: notificationLink(r.kind, r.entity_id, params),
    createdAt: r.created_at,
    read: r.read_at !== null,
  };
}

export function unreadCount(db: DB, personId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM notifications WHERE person_id = ? AND read_at IS NULL').get(personId) as { n: number }).n;
}

export function listNotifications(
  db: DB,
  personId: number,
  i: { offset: number; limit: number; unreadOnly: boolean },
): Page<NotificationRow> & { unread: number } {
  const where = `person_id = ?${i.unreadOnly ? ' AND read_at IS NULL' : ''}`;
  const total = (db.prepare(`SELECT count(*) AS n FROM notifications WHERE ${where}`).get(personId) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT id, kind, entity, entity_id, params, created_at, read_at FROM notifications WHERE ${where} ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(personId, i.limit, i.offset) as DbRow[];
  return { rows: rows.map(toRow), total, offset: i.offset, limit: i.limit, unread: unreadCount(db, personId) };
}

/** Marks the person's own rows read: ids that are not theirs are left alone (and not counted). */
export function markRead(db: DB, personId: number, what: { ids: number[] } | { all: true }): { marked: number; unread: number } {
  return db.transaction(() => {
    const now = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";
    let marked = 0;
    if ('all' in what) {
      marked = db.prepare(`UPDATE notifications SET read_at = ${now} WHERE person_id = ? AND read_at IS NULL`).run(personId).changes;
    } else {
      const upd = db.prepare(`UPDATE notifications SET read_at = ${now} WHERE id = ? AND person_id = ? AND read_at IS NULL`);
      for (const id of new Set(what.ids)) marked += upd.run(id, personId).changes;
    }
    return { marked, unread: unreadCount(db, personId) };
  })();
}
