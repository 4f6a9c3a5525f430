import type { Migration } from './types';

/**
 * Competency and job-role names in other languages move from fixed columns (name_ru, name_zh) to child tables
 * keyed by locale, as 014 did for people, so a fourth UI language needs a translation file, not a schema change.
 * `name_en` becomes `name`: the name everyone sees when no name exists in their language (English by convention).
 * One table per entity so each row cascades with its owner. Non-empty names are copied, then the columns dropped
 * (SQLite ≥ 3.35; no index, view or trigger refers to them). Self-contained: reads only what 001 and 005 made.
 */
export const m015: Migration = {
  version: 15,
  name: 'localized catalog names: competency_names / job_role_names instead of name_en/name_ru/name_zh',
  up(db) {
    db.exec(`
      CREATE TABLE competency_names (
        competency_id INTEGER NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
        locale TEXT NOT NULL CHECK (length(locale) BETWEEN 2 AND 16),
        name TEXT NOT NULL CHECK (name <> ''),
        PRIMARY KEY (competency_id, locale)
      ) WITHOUT ROWID;
      CREATE TABLE job_role_names (
        job_role_id INTEGER NOT NULL REFERENCES job_roles(id) ON DELETE CASCADE,
        locale TEXT NOT NULL CHECK (length(locale) BETWEEN 2 AND 16),
        name TEXT NOT NULL CHECK (name <> ''),
        PRIMARY KEY (job_role_id, locale)
      ) WITHOUT ROWID;
      INSERT INTO competency_names(competency_id, locale, name) SELECT id, 'ru', trim(name_ru) FROM competencies WHERE trim(name_ru) <> '';
      INSERT INTO competency_names(competency_id, locale, name) SELECT id, 'zh', trim(name_zh) FROM competencies WHERE trim(name_zh) <> '';
      INSERT INTO job_role_names(job_role_id, locale, name) SELECT id, 'ru', trim(name_ru) FROM job_roles WHERE trim(name_ru) <> '';
      INSERT INTO job_role_names(job_role_id, locale, name) SELECT id, 'zh', trim(name_zh) FROM job_roles WHERE trim(name_zh) <> '';
      ALTER TABLE competencies DROP COLUMN name_ru;
      ALTER TABLE competencies DROP COLUMN name_zh;
      ALTER TABLE competencies RENAME COLUMN name_en TO name;
      ALTER TABLE job_roles DROP COLUMN name_ru;
      ALTER TABLE job_roles DROP COLUMN name_zh;
      ALTER TABLE job_roles RENAME COLUMN name_en TO name;
    `);
  },
};
