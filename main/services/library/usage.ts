/** Usage events (open/copy/download with context), per-item usage and period analytics. */
import { AppError } from '../../../shared/api/contract';
import type { AnalyticsRow, ItemUsage, LinkTarget, UsageAction, UsageContext, UsageEvent } from '../../../shared/api/library';
import type { DB } from '../../db/open';

export function recordUsage(
  db: DB,
  e: {
    itemId: number;
    action: UsageAction;
    context: UsageContext;
    personId: number | null;
    targetKind?: LinkTarget | null;
    targetId?: number | null;
    at?: string;
  },
) {
  const item = db
    .prepare(
      'SELECT i.current_version_id AS vid, v.version FROM library_items i LEFT JOIN library_versions v ON v.id = i.current_version_id WHERE i.id = ?',
    )
    .get(e.itemId) as { vid: number | null; version: number | null } | undefined;
  if (!item) throw new AppError('not_found', 'This library item no longer exists.', undefined, { key: 'library.itemGone' });
  db.prepare(
    `INSERT INTO library_usage(item_id, version_id, version, person_id, action, context, target_kind, target_id, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ','now')))`,
  ).run(e.itemId, item.vid, item.version, e.personId, e.action, e.context, e.targetKind ?? null, e.targetId ?? null, e.at ?? null);
  return { recorded: true };
}

interface EventRow {
  id: number;
  item_id: number;
  title: string;
  version: number | null;
  person_id: number | null;
  person_name: string | null;
  action: UsageAction;
  context: UsageContext;
  at: string;
}

const toEvent = (r: EventRow): UsageEvent => ({
  id: r.id,
  itemId: r.item_id,
  itemTitle: r.title,
  version: r.version,
  personId: r.person_id,
  personName: r.person_name,
  action: r.action,
  context: r.context,
  at: r.at,
});

export function itemUsage(db: DB, itemId: number): ItemUsage {
  if (!db.prepare('SELECT 1 FROM library_items WHERE id = ?').get(itemId))
    throw new AppError('not_found', 'This library item no longer exists.', undefined, { key: 'library.itemGone' });
  const t = db
    .prepare(
      `SELECT sum(action='open') AS opens, sum(action='copy') AS copies, sum(action='download') AS downloads, sum(context='call') AS calls, max(at) AS last
       FROM library_usage WHERE item_id = ?`,
    )
    .get(itemId) as { opens: number | null; copies: number | null; downloads: number | null; calls: number | null; last: string | null };
  const people = db
    .prepare(
      `SELECT u.person_id AS personId, p.name, count(*) AS count, max(u.at) AS lastAt FROM library_usage u LEFT JOIN people p ON p.id = u.person_id
       WHERE u.item_id = ? GROUP BY u.person_id ORDER BY count DESC, lastAt DESC LIMIT 20`,
    )
    .all(itemId) as ItemUsage['people'];
  const recent = (
    db
      .prepare(
        `SELECT u.id, u.item_id, i.title, u.version, u.person_id, p.name AS person_name, u.action, u.context, u.at
         FROM library_usage u JOIN library_items i ON i.id = u.item_id LEFT JOIN people p ON p.id = u.person_id
         WHERE u.item_id = ? ORDER BY u.at DESC, u.id DESC LIMIT 30`,
      )
      .all(itemId) as EventRow[]
  ).map(toEvent);
  const linkedFrom = db
    .prepare('SELECT target_kind AS targetKind, target_id AS targetId FROM content_links WHERE item_id = ? ORDER BY id')
    .all(itemId) as ItemUsage['linkedFrom'];
  return {
    opens: t.opens ?? 0,
    copies: t.copies ?? 0,
    downloads: t.downloads ?? 0,
    callUses: t.calls ?? 0,
    lastUsedAt: t.last,
    people,
    recent,
    linkedFrom,
  };
}

/** Top items and never-used items over [from, to] (dates, inclusive). */
export function analytics(db: DB, from: string, to: string, limit: number) {
  const range = { from, to: to + 'T99' };
  const top = db
    .prepare(
      `SELECT i.id, i.title, i.file_kind AS fileKind, i.kind, count(*) AS uses, sum(u.action='open') AS opens, sum(u.context='call') AS callUses,
              count(DISTINCT u.person_id) AS people, max(u.at) AS lastUsedAt
       FROM library_usage u JOIN library_items i ON i.id = u.item_id
       WHERE u.at >= :from AND u.at < :to GROUP BY i.id ORDER BY uses DESC, lastUsedAt DESC LIMIT :limit`,
    )
    .all({ ...range, limit }) as AnalyticsRow[];
  const neverWhere = `NOT EXISTS (SELECT 1 FROM library_usage u WHERE u.item_id = i.id AND u.at >= :from AND u.at < :to)`;
  const neverUsed = db
    .prepare(
      `SELECT i.id, i.title, i.file_kind AS fileKind, i.kind, 0 AS uses, 0 AS opens, 0 AS callUses, 0 AS people,
              (SELECT max(at) FROM library_usage u WHERE u.item_id = i.id) AS lastUsedAt
       FROM library_items i WHERE ${neverWhere} ORDER BY i.created_at, i.id LIMIT :limit`,
    )
    .all({ ...range, limit }) as AnalyticsRow[];
  const neverUsedTotal = (db.prepare(`SELECT count(*) AS n FROM library_items i WHERE ${neverWhere}`).get(range) as { n: number }).n;
  const totals = db
    .prepare(
      `SELECT coalesce(sum(action='open'),0) AS opens, coalesce(sum(action='copy'),0) AS copies, coalesce(sum(action='download'),0) AS downloads,
              coalesce(sum(context='call'),0) AS callUses, count(DISTINCT person_id) AS activePeople
       FROM library_usage WHERE at >= :from AND at < :to`,
    )
    .get(range) as { opens: number; copies: number; downloads: number; callUses: number; activePeople: number };
  return { top, neverUsed, neverUsedTotal, totals };
}
