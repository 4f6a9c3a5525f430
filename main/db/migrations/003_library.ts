import { createFtsTable } from '../fts';
import type { Migration } from './types';

/** The content library: items, their versions (files in the content-addressed store), tags, usage and links. */
export const m003: Migration = {
  version: 3,
  name: 'library: items, versions, tags, usage events, content links, full-text index',
  up(db) {
    db.exec(`
      CREATE TABLE library_items (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('file','link','note')),
        title TEXT NOT NULL,
        -- folded title without punctuation/version words, for "near-identical title" duplicates
        title_key TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        stage TEXT,
        channel TEXT NOT NULL DEFAULT '',
        product TEXT NOT NULL DEFAULT '',
        audience TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en',
        owner_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        valid_until TEXT,
        verify_every_days INTEGER,
        verified_at TEXT,
        url TEXT NOT NULL DEFAULT '',
        body_md TEXT NOT NULL DEFAULT '',
        current_version_id INTEGER,
        -- denormalised from the current version for list filters without a join
        file_kind TEXT,
        sha256 TEXT,
        created_by INTEGER,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX library_items_updated ON library_items(updated_at DESC, id DESC);
      CREATE INDEX library_items_title ON library_items(title COLLATE NOCASE, id);
      CREATE INDEX library_items_valid ON library_items(valid_until);
      CREATE INDEX library_items_owner ON library_items(owner_id);
      CREATE INDEX library_items_sha ON library_items(sha256);
      CREATE INDEX library_items_title_key ON library_items(title_key);
      CREATE INDEX library_items_stage ON library_items(stage);
      CREATE INDEX library_items_lang_title ON library_items(language, title COLLATE NOCASE, id);

      CREATE TABLE library_versions (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES library_items(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        sha256 TEXT,
        file_name TEXT NOT NULL DEFAULT '',
        mime TEXT NOT NULL DEFAULT '',
        size INTEGER NOT NULL DEFAULT 0,
        file_kind TEXT,
        page_count INTEGER,
        extract_status TEXT NOT NULL DEFAULT 'none' CHECK (extract_status IN ('ok','empty','failed','none')),
        extract_note TEXT NOT NULL DEFAULT '',
        change_note TEXT NOT NULL DEFAULT '',
        created_by INTEGER,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        -- last, so reading the other columns never walks the text's overflow pages
        text TEXT NOT NULL DEFAULT '',
        UNIQUE (item_id, version)
      );
      CREATE INDEX library_versions_sha ON library_versions(sha256);

      CREATE TABLE library_item_tags (
        item_id INTEGER NOT NULL REFERENCES library_items(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (tag, item_id)
      ) WITHOUT ROWID;
      CREATE INDEX library_item_tags_item ON library_item_tags(item_id);

      CREATE TABLE library_usage (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES library_items(id) ON DELETE CASCADE,
        version_id INTEGER,
        version INTEGER,
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        action TEXT NOT NULL CHECK (action IN ('open','copy','download')),
        context TEXT NOT NULL CHECK (context IN ('library','call','script','course')),
        target_kind TEXT,
        target_id INTEGER,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX library_usage_item ON library_usage(item_id, at);
      CREATE INDEX library_usage_at ON library_usage(at);

      -- Generic links from other features' objects to library items (always the item's current version).
      CREATE TABLE content_links (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES library_items(id) ON DELETE CASCADE,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('script_step','objection','lesson','course')),
        target_id INTEGER NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        created_by INTEGER,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        UNIQUE (target_kind, target_id, item_id)
      );
      CREATE INDEX content_links_item ON content_links(item_id);
    `);
    // rowid = library_items.id; body = the current version's extracted text (or the note's Markdown).
    createFtsTable(db, 'library_fts', ['title', 'description', 'tags', 'body'], { prefix: [4, 5, 6] });
  },
};
