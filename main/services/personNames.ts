/**
 * A person's name per locale (table person_names, migration 014): `people.name` is the name shown when a
 * language has none. All SQL for the table is here; other services select `namesColumn('p')` and parse it.
 */
import type { LocalizedNames } from '../../shared/api/people';
import type { DB } from '../db/open';

/** A SELECT expression: the person's localized names as one JSON object (`{"ru":"…","zh":"…"}`), `{}` when none. */
export const namesColumn = (personAlias: string) =>
  `(SELECT coalesce(json_group_object(locale, name), '{}') FROM person_names WHERE person_id = ${personAlias}.id)`;

export const parseNames = (json: string | null | undefined): LocalizedNames => (json ? (JSON.parse(json) as LocalizedNames) : {});

/** Replaces a person's localized names: empty ones are removed (the main name shows instead). */
export function writeNames(db: DB, personId: number, names: LocalizedNames): void {
  db.prepare('DELETE FROM person_names WHERE person_id = ?').run(personId);
  const ins = db.prepare('INSERT INTO person_names(person_id, locale, name) VALUES (?, ?, ?)');
  for (const [locale, name] of Object.entries(names)) if (name.trim()) ins.run(personId, locale, name.trim());
}

/** Every person's localized names, for matching imported names against people in any language. */
export function allNames(db: DB): Map<number, LocalizedNames> {
  const out = new Map<number, LocalizedNames>();
  for (const r of db.prepare('SELECT person_id, locale, name FROM person_names').all() as {
    person_id: number;
    locale: string;
    name: string;
  }[]) {
    out.set(r.person_id, { ...out.get(r.person_id), [r.locale]: r.name });
  }
  return out;
}
