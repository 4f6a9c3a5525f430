import type { Migration } from './types';

/** CRM outcomes (customers, deals), import batches with undo data, saved mappings, owner aliases, channel groups. */
export const m006: Migration = {
  version: 6,
  name: 'insights: CRM customers, deals, import batches, mappings, owner aliases, channels',
  up(db) {
    db.exec(`
      CREATE TABLE crm_import_batches (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        file_name TEXT NOT NULL DEFAULT '',
        file_sha256 TEXT NOT NULL DEFAULT '',
        mapping TEXT NOT NULL DEFAULT '{}',
        counts TEXT NOT NULL DEFAULT '{}',
        errors TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        created_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        undone_at TEXT
      );

      CREATE TABLE crm_customers (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        churned_at TEXT,
        batch_id INTEGER REFERENCES crm_import_batches(id) ON DELETE SET NULL,
        UNIQUE (source, key)
      );

      CREATE TABLE crm_deals (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        customer_id INTEGER REFERENCES crm_customers(id) ON DELETE SET NULL,
        rep_id INTEGER NOT NULL REFERENCES people(id),
        amount REAL,
        currency TEXT NOT NULL DEFAULT '',
        stage TEXT NOT NULL DEFAULT '',
        stage_pos INTEGER NOT NULL DEFAULT 1 CHECK (stage_pos BETWEEN 1 AND 5),
        status TEXT NOT NULL CHECK (status IN ('open','won','lost')),
        created_at TEXT NOT NULL,
        closed_at TEXT,
        channel TEXT NOT NULL DEFAULT '',
        product TEXT NOT NULL DEFAULT '',
        is_repeat INTEGER NOT NULL DEFAULT 0,
        csat INTEGER CHECK (csat BETWEEN 1 AND 5),
        nps INTEGER CHECK (nps BETWEEN 0 AND 10),
        batch_id INTEGER REFERENCES crm_import_batches(id) ON DELETE SET NULL,
        UNIQUE (source, external_id)
      );
      CREATE INDEX crm_deals_rep_closed ON crm_deals(rep_id, closed_at);
      CREATE INDEX crm_deals_batch ON crm_deals(batch_id);
      CREATE INDEX crm_deals_customer ON crm_deals(customer_id);

      -- Previous values of deals a batch updated, so undoing the batch restores them.
      CREATE TABLE crm_deal_history (
        batch_id INTEGER NOT NULL REFERENCES crm_import_batches(id) ON DELETE CASCADE,
        deal_id INTEGER NOT NULL,
        prev TEXT NOT NULL,
        PRIMARY KEY (batch_id, deal_id)
      ) WITHOUT ROWID;

      CREATE TABLE crm_mappings (
        source TEXT PRIMARY KEY,
        mapping TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );

      -- An owner spelling the user resolved once (name key -> person).
      CREATE TABLE crm_owner_aliases (
        alias_key TEXT PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE
      );

      -- How a source/channel value is grouped: direct or indirect, online or offline.
      CREATE TABLE crm_channels (
        value_key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('direct','indirect')),
        mode TEXT NOT NULL CHECK (mode IN ('online','offline'))
      );
    `);
  },
};
