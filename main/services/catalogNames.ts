/**
 * Competency and job-role names per locale (tables competency_names, job_role_names; migration 015): the row's
 * `name` is shown when a language has none. All SQL for these tables is here; other services select
 * `catalogNamesColumn(…)` (one statement for a whole list, no query per row) and parse it with `parseNames`.
 */
import type { LocalizedNames } from '../../shared/api/people';
import type { DB } from '../db/open';

export { parseNames } from './personNames';

export type Catalog = 'competency' | 'jobRole';

const TABLES: Record<Catalog, { table: string; fk: string }> = {
  competency: { table: 'competency_names', fk: 'competency_id' },
  jobRole: { table: 'job_role_names', fk: 'job_role_id' },
};

/** A SELECT expression: the row's localized names as one JSON object (`{"ru":"…","zh":"…"}`), `{}` when none. */
export const catalogNamesColumn = (catalog: Catalog, alias: string) => {
  const { table, fk } = TABLES[catalog];
  return `(SELECT coalesce(json_group_object(locale, name), '{}') FROM ${table} WHERE ${fk} = ${alias}.id)`;
};

/** Replaces a row's localized names: empty ones are removed (the main name shows instead). */
export function writeCatalogNames(db: DB, catalog: Catalog, id: number, names: LocalizedNames): void {
  const { table, fk } = TABLES[catalog];
  db.prepare(`DELETE FROM ${table} WHERE ${fk} = ?`).run(id);
  const ins = db.prepare(`INSERT INTO ${table}(${fk}, locale, name) VALUES (?, ?, ?)`);
  for (const [locale, name] of Object.entries(names)) if (name.trim()) ins.run(id, locale, name.trim());
}
