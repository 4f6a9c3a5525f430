/** Governance: expired, due for verification, not opened for N days, duplicates (same file or near-identical title). */
import type { DuplicateGroup, Governance, GovernanceRow } from '../../../shared/api/library';
import type { DB } from '../../db/open';
import { addDays, SQL_EXPIRED, SQL_VERIFY_DUE, todayIso } from './rows';

const GOV_SELECT = `
  SELECT i.id, i.title, i.kind, i.file_kind AS fileKind, i.owner_id AS ownerId, p.name AS ownerName, i.valid_until AS validUntil,
         i.verified_at AS verifiedAt, i.verify_every_days AS verifyEveryDays, i.created_at AS createdAt,
         (SELECT max(at) FROM library_usage u WHERE u.item_id = i.id AND u.action = 'open') AS lastOpenedAt
  FROM library_items i LEFT JOIN people p ON p.id = i.owner_id`;

const LIMIT = 200;

export function governance(db: DB, opts: { staleDays: number; today?: string }): Governance {
  const today = opts.today ?? todayIso();
  const since = addDays(today, -opts.staleDays);
  const withDue = (rows: GovernanceRow[]) =>
    rows.map((r) => ({ ...r, verifyDueOn: r.verifyEveryDays ? addDays(r.verifiedAt ?? r.createdAt, r.verifyEveryDays) : null }));
  const p = { today, since };
  const expiredSql = `FROM library_items i WHERE ${SQL_EXPIRED}`;
  const dueSql = `FROM library_items i WHERE ${SQL_VERIFY_DUE} AND NOT ${SQL_EXPIRED}`;
  const staleSql = `FROM library_items i WHERE NOT ${SQL_EXPIRED} AND substr(i.created_at, 1, 10) <= :since
    AND NOT EXISTS (SELECT 1 FROM library_usage u WHERE u.item_id = i.id AND u.action = 'open' AND u.at >= :since)`;
  const count = (sql: string) => (db.prepare(`SELECT count(*) AS n ${sql}`).get(p) as { n: number }).n;
  const list = (sql: string, order: string) =>
    withDue(db.prepare(`${GOV_SELECT} WHERE i.id IN (SELECT i.id ${sql}) ORDER BY ${order} LIMIT ${LIMIT}`).all(p) as GovernanceRow[]);

  const duplicates: DuplicateGroup[] = [];
  const group = (col: 'sha256' | 'title_key', reason: DuplicateGroup['reason']) => {
    const keys = db
      .prepare(
        `SELECT ${col} AS k FROM library_items WHERE ${col} IS NOT NULL AND length(${col}) >= 4 GROUP BY ${col} HAVING count(*) > 1 ORDER BY count(*) DESC LIMIT 100`,
      )
      .all() as { k: string }[];
    const q = db.prepare(
      `SELECT i.id, i.title, p.name AS ownerName, i.updated_at AS updatedAt FROM library_items i LEFT JOIN people p ON p.id = i.owner_id WHERE i.${col} = ? ORDER BY i.id`,
    );
    for (const { k } of keys) duplicates.push({ reason, key: k, items: q.all(k) as DuplicateGroup['items'] });
  };
  group('sha256', 'same_file');
  const sameFile = new Set(
    duplicates.map((d) =>
      d.items
        .map((i) => i.id)
        .sort()
        .join(','),
    ),
  );
  group('title_key', 'similar_title');
  // A same-file group already explains an identical-title group of the same items.
  const dups = duplicates.filter(
    (d) =>
      d.reason === 'same_file' ||
      !sameFile.has(
        d.items
          .map((i) => i.id)
          .sort()
          .join(','),
      ),
  );

  return {
    today,
    expired: list(expiredSql, 'i.valid_until DESC, i.id'),
    verifyDue: list(dueSql, 'i.verified_at IS NOT NULL, i.verified_at, i.id'),
    stale: list(staleSql, 'i.created_at, i.id'),
    duplicates: dups,
    counts: { expired: count(expiredSql), verifyDue: count(dueSql), stale: count(staleSql), duplicates: dups.length },
  };
}
