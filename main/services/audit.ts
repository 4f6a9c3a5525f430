/**
 * The workspace's audit log: append-only (this module only inserts and reads;
 * nothing updates or deletes a row), kept in the workspace file so it travels
 * with backups and restores.
 */
import type { AuditFilters, AuditRow } from '../../shared/api/audit';
import type { Page } from '../../shared/api/contract';
import type { DB } from '../db/open';
import { csvCell } from '../../shared/domain/csv';

/** Appends to the workspace's audit log (who changed what); callers are already inside a transaction. */
export function audit(db: DB, actorId: number | null, entity: string, entityId: number | null, action: string, detail: object = {}) {
  db.prepare('INSERT INTO audit_log(actor_id, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, ?)').run(
    actorId,
    entity,
    entityId,
    action,
    JSON.stringify(detail),
  );
}

type Filters = Required<{ [K in keyof AuditFilters]: Exclude<AuditFilters[K], undefined> }>;

function where(f: Filters): { sql: string; params: (string | number)[] } {
  const w: string[] = [];
  const p: (string | number)[] = [];
  const add = (sql: string, v: string | number) => {
    w.push(sql);
    p.push(v);
  };
  if (f.actorId) add('a.actor_id = ?', f.actorId);
  if (f.entity) add('a.entity = ?', f.entity);
  if (f.action) add('a.action = ?', f.action);
  // `at` is an ISO timestamp: whole days compare on its date part
  if (f.from) add('a.at >= ?', f.from);
  if (f.to) add('a.at < ?', `${f.to}T99`);
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', params: p };
}

interface DbRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  entity: string;
  entity_id: number | null;
  action: string;
  detail: string;
}

const SELECT =
  'SELECT a.id, a.at, a.actor_id, p.name AS actor_name, a.entity, a.entity_id, a.action, a.detail FROM audit_log a LEFT JOIN people p ON p.id = a.actor_id';

/** Dispatch rows carry a ready summary; older service rows are summarised from their detail. */
function summaryOf(detail: string): string {
  try {
    const d = JSON.parse(detail) as Record<string, unknown>;
    if (typeof d.summary === 'string') return d.summary;
    const parts = Object.entries(d).map(
      ([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean | null | undefined)}`,
    );
    return parts.join(', ').slice(0, 300);
  } catch {
    return '';
  }
}

const toRow = (r: DbRow): AuditRow => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  entity: r.entity,
  entityId: r.entity_id,
  action: r.action,
  summary: summaryOf(r.detail),
});

export function listAudit(db: DB, f: Filters & { offset: number; limit: number }): Page<AuditRow> {
  const w = where(f);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log a ${w.sql}`).get(...w.params) as { n: number }).n;
  const rows = db.prepare(`${SELECT} ${w.sql} ORDER BY a.id DESC LIMIT ? OFFSET ?`).all(...w.params, f.limit, f.offset) as DbRow[];
  return { rows: rows.map(toRow), total, offset: f.offset, limit: f.limit };
}

export function auditFacets(db: DB) {
  const col = (c: 'entity' | 'action') =>
    (db.prepare(`SELECT DISTINCT ${c} AS v FROM audit_log ORDER BY v`).all() as { v: string }[]).map((r) => r.v);
  const actors = db.prepare('SELECT DISTINCT p.id, p.name FROM audit_log a JOIN people p ON p.id = a.actor_id ORDER BY p.name').all() as {
    id: number;
    name: string;
  }[];
  return { entities: col('entity'), actions: col('action'), actors };
}

export function auditCsv(db: DB, f: Filters): { fileName: string; text: string; rows: number } {
  const w = where(f);
  const lines = [['id', 'at', 'actor_id', 'actor', 'entity', 'entity_id', 'action', 'summary'].join(',')];
  let n = 0;
  for (const r of db.prepare(`${SELECT} ${w.sql} ORDER BY a.id`).iterate(...w.params) as IterableIterator<DbRow>) {
    const row = toRow(r);
    lines.push([row.id, row.at, row.actorId, row.actorName, row.entity, row.entityId, row.action, row.summary].map(csvCell).join(','));
    n++;
  }
  return { fileName: `audit-${new Date().toISOString().slice(0, 10)}.csv`, text: lines.join('\r\n') + '\r\n', rows: n };
}
