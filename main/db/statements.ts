/**
 * Prepared statements kept per connection, for the statements hot paths run on every call
 * (live-call search on every keystroke): preparing costs more than running them. A new
 * connection (the workspace switched or reopened) gets its own.
 */
import type { Statement } from 'better-sqlite3';
import type { DB } from './open';

const cache = new WeakMap<DB, Map<string, Statement<unknown[]>>>();

export function prepared(db: DB, sql: string): Statement<unknown[]> {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map<string, Statement<unknown[]>>()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare<unknown[]>(sql)));
  return st;
}
