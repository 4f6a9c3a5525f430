import type { Migration } from './types';

/**
 * A person's name in other languages moves from two fixed columns (name_ru, name_zh) to a child table keyed by
 * locale, so a fourth UI language needs a translation file, not a schema change. `people.name` stays the name
 * everyone sees when no name exists in their language. Existing non-empty names are copied, then the columns
 * dropped (SQLite ≥ 3.35; no index, view or trigger refers to them). Self-contained: reads only what 001 made.
 */
export const m014: Migration = {
  version: 14,
  name: 'localized names: person_names(person_id, locale, name) instead of people.name_ru/name_zh',
  up(db) {
    db.exec(`
      CREATE TABLE person_names (
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        locale TEXT NOT NULL CHECK (length(locale) BETWEEN 2 AND 16),
        name TEXT NOT NULL CHECK (name <> ''),
        PRIMARY KEY (person_id, locale)
      ) WITHOUT ROWID;
      INSERT INTO person_names(person_id, locale, name) SELECT id, 'ru', trim(name_ru) FROM people WHERE trim(name_ru) <> '';
      INSERT INTO person_names(person_id, locale, name) SELECT id, 'zh', trim(name_zh) FROM people WHERE trim(name_zh) <> '';
      ALTER TABLE people DROP COLUMN name_ru;
      ALTER TABLE people DROP COLUMN name_zh;
    `);
  },
};
