/** Small helpers shared by the scorecards services. */
import type { PersonRef } from '../../../shared/api/scorecards';
import type { Statement } from 'better-sqlite3';
import type { DB } from '../../db/open';
import { namesColumn, parseNames } from '../personNames';

export type Stmt = Statement<unknown[]>;

const refStmt = new WeakMap<DB, Stmt>();

/** All people as refs (a few hundred rows at most): cheaper than joining people three times per query. */
export function personRefs(db: DB): Map<number, PersonRef> {
  let st = refStmt.get(db);
  if (!st) {
    st = db.prepare<unknown[]>(`SELECT p.id, p.name, ${namesColumn('p')} AS names FROM people p`);
    refStmt.set(db, st);
  }
  return new Map((st.all() as { id: number; name: string; names: string }[]).map((p) => [p.id, { ...p, names: parseNames(p.names) }]));
}

export const unknownPerson = (id: number): PersonRef => ({ id, name: `#${id}`, names: {} });

export function refOf(refs: Map<number, PersonRef>, id: number | null): PersonRef | null {
  if (id === null) return null;
  return refs.get(id) ?? unknownPerson(id);
}

/** Prepared statements cached per database handle (the handle changes when the workspace switches). */
export function cached(db: DB, cache: WeakMap<DB, Map<string, Stmt>>, sql: string): Stmt {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map<string, Stmt>()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare<unknown[]>(sql)));
  return st;
}

export const nowIso = () => new Date().toISOString();
