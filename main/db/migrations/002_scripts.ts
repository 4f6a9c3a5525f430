import { createFtsTable } from '../fts';
import type { Migration } from './types';

/**
 * Scripts: the working (draft) flow lives in scripts/script_steps/script_choices;
 * publishing copies it into script_published_steps (what reps and search see);
 * every save keeps a full snapshot in script_revisions.
 */
export const m002: Migration = {
  version: 2,
  name: 'scripts: steps, branches, objection bank, revisions, published steps, usage events, pins',
  up(db) {
    db.exec(`
      CREATE TABLE scripts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        title_fold TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '{}',
        revision INTEGER NOT NULL DEFAULT 0,
        published_revision INTEGER,
        created_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        updated_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX scripts_updated ON scripts(updated_at DESC);
      CREATE INDEX scripts_published ON scripts(published_revision, title_fold);

      CREATE TABLE objection_cards (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        objection TEXT NOT NULL,
        responses TEXT NOT NULL DEFAULT '[]',
        tags TEXT NOT NULL DEFAULT '[]',
        language TEXT NOT NULL,
        created_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX objection_cards_lang ON objection_cards(language, updated_at DESC);

      -- AUTOINCREMENT: step ids are never reused, so published copies and usage events stay unambiguous.
      CREATE TABLE script_steps (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        script_id INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        position INTEGER NOT NULL,
        stage TEXT NOT NULL,
        title TEXT NOT NULL,
        talking_points_md TEXT NOT NULL DEFAULT '',
        say_it TEXT NOT NULL DEFAULT '',
        listen_for TEXT NOT NULL DEFAULT '',
        must_say TEXT NOT NULL DEFAULT '[]',
        UNIQUE (script_id, key)
      );
      CREATE INDEX script_steps_order ON script_steps(script_id, position);

      CREATE TABLE script_choices (
        id INTEGER PRIMARY KEY,
        step_id INTEGER NOT NULL REFERENCES script_steps(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        to_step_key TEXT,
        to_objection_id INTEGER REFERENCES objection_cards(id) ON DELETE SET NULL
      );
      CREATE INDEX script_choices_step ON script_choices(step_id, position);
      CREATE INDEX script_choices_objection ON script_choices(to_objection_id);

      CREATE TABLE script_published_steps (
        step_id INTEGER PRIMARY KEY,
        script_id INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        position INTEGER NOT NULL,
        stage TEXT NOT NULL,
        title TEXT NOT NULL,
        talking_points_md TEXT NOT NULL,
        say_it TEXT NOT NULL,
        listen_for TEXT NOT NULL,
        must_say TEXT NOT NULL,
        choices TEXT NOT NULL
      );
      CREATE INDEX script_published_steps_order ON script_published_steps(script_id, position);

      CREATE TABLE script_revisions (
        id INTEGER PRIMARY KEY,
        script_id INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
        rev INTEGER NOT NULL,
        kind TEXT NOT NULL,
        author_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        snapshot TEXT NOT NULL,
        UNIQUE (script_id, rev)
      );

      CREATE TABLE script_usage_events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        session_key TEXT NOT NULL,
        action TEXT NOT NULL,
        script_id INTEGER REFERENCES scripts(id) ON DELETE SET NULL,
        step_id INTEGER,
        objection_id INTEGER REFERENCES objection_cards(id) ON DELETE SET NULL
      );
      CREATE INDEX script_usage_person ON script_usage_events(person_id, at DESC);
      CREATE INDEX script_usage_script ON script_usage_events(script_id, at);
      CREATE INDEX script_usage_objection ON script_usage_events(objection_id, at);

      CREATE TABLE script_pins (
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        script_id INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        PRIMARY KEY (person_id, script_id)
      ) WITHOUT ROWID;
    `);
    // rowid = script_published_steps.step_id / objection_cards.id
    // Prefix indexes up to 6 characters: query words are matched by a prefix (or stem) of 1-6+ letters.
    createFtsTable(db, 'script_steps_fts', ['title', 'body'], { prefix: [1, 2, 3, 4, 5, 6] });
    createFtsTable(db, 'objection_cards_fts', ['objection', 'responses', 'tags'], { prefix: [1, 2, 3, 4, 5, 6] });
  },
};
