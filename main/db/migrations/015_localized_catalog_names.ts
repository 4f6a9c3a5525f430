import type { Migration } from './types';

/**
 * Competency and job-role names in other languages move from fixed columns (name_ru, name_zh) to child tables
 * keyed by locale, as 014 did for people, so a fourth UI language needs a translation file, not a schema change.
 * `name_en` becomes `name`: the name everyone sees when no name exists in their language (English by convention).
 * A competency's description and its five level descriptors move the same way, every language (English too) as
 * rows; `competency_levels` keeps one row per level so a competency's levels exist even while all texts are empty.
 * One table per entity so each row cascades with its owner. Non-empty texts are copied, then the columns dropped
 * (SQLite ≥ 3.35; no index, view or trigger refers to them). Self-contained: reads only what 001 and 005 made.
 */
export const m015: Migration = {
  version: 15,
  name: 'localized catalog names and texts: competency_names / job_role_names / competency_descriptions / competency_level_texts',
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

      CREATE TABLE competency_descriptions (
        competency_id INTEGER NOT NULL REFERENCES competencies(id) ON DELETE CASCADE,
        locale TEXT NOT NULL CHECK (length(locale) BETWEEN 2 AND 16),
        text TEXT NOT NULL CHECK (text <> ''),
        PRIMARY KEY (competency_id, locale)
      ) WITHOUT ROWID;
      INSERT INTO competency_descriptions(competency_id, locale, text) SELECT id, 'en', trim(description_en) FROM competencies WHERE trim(description_en) <> '';
      INSERT INTO competency_descriptions(competency_id, locale, text) SELECT id, 'ru', trim(description_ru) FROM competencies WHERE trim(description_ru) <> '';
      INSERT INTO competency_descriptions(competency_id, locale, text) SELECT id, 'zh', trim(description_zh) FROM competencies WHERE trim(description_zh) <> '';
      ALTER TABLE competencies DROP COLUMN description_en;
      ALTER TABLE competencies DROP COLUMN description_ru;
      ALTER TABLE competencies DROP COLUMN description_zh;

      CREATE TABLE competency_level_texts (
        competency_id INTEGER NOT NULL,
        level INTEGER NOT NULL,
        locale TEXT NOT NULL CHECK (length(locale) BETWEEN 2 AND 16),
        text TEXT NOT NULL CHECK (text <> ''),
        PRIMARY KEY (competency_id, level, locale),
        FOREIGN KEY (competency_id, level) REFERENCES competency_levels(competency_id, level) ON DELETE CASCADE
      ) WITHOUT ROWID;
      INSERT INTO competency_level_texts(competency_id, level, locale, text) SELECT competency_id, level, 'en', trim(text_en) FROM competency_levels WHERE trim(text_en) <> '';
      INSERT INTO competency_level_texts(competency_id, level, locale, text) SELECT competency_id, level, 'ru', trim(text_ru) FROM competency_levels WHERE trim(text_ru) <> '';
      INSERT INTO competency_level_texts(competency_id, level, locale, text) SELECT competency_id, level, 'zh', trim(text_zh) FROM competency_levels WHERE trim(text_zh) <> '';
      ALTER TABLE competency_levels DROP COLUMN text_en;
      ALTER TABLE competency_levels DROP COLUMN text_ru;
      ALTER TABLE competency_levels DROP COLUMN text_zh;
    `);
  },
};
