import type { Migration } from './types';

export const m001: Migration = {
  version: 1,
  name: 'foundation: workspace meta, teams, people, roles, competencies, audit log',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE teams (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        manager_id INTEGER,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );

      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_ru TEXT NOT NULL DEFAULT '',
        name_zh TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL UNIQUE,
        team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
        hired_at TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        -- case-folded names + e-mail (JS folding: SQLite's LOWER() is ASCII-only)
        search_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX people_team ON people(team_id);
      CREATE INDEX people_active_name ON people(active, name);

      CREATE TABLE person_roles (
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('rep','manager','trainer','admin')),
        PRIMARY KEY (person_id, role)
      ) WITHOUT ROWID;
      CREATE INDEX person_roles_role ON person_roles(role, person_id);

      -- The competency model's core (the training feature adds level descriptors, role targets, assessments).
      -- Scorecard criteria and courses point here; names are kept per UI language.
      CREATE TABLE competencies (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name_en TEXT NOT NULL,
        name_ru TEXT NOT NULL DEFAULT '',
        name_zh TEXT NOT NULL DEFAULT '',
        description_en TEXT NOT NULL DEFAULT '',
        description_ru TEXT NOT NULL DEFAULT '',
        description_zh TEXT NOT NULL DEFAULT '',
        sort INTEGER NOT NULL DEFAULT 0,
        archived INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        actor_id INTEGER,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_entity ON audit_log(entity, entity_id);
    `);
  },
};
