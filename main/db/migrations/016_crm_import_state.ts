import type { Migration } from './types';

/**
 * A CRM import commits in short chunks (so everyone else's saves get the write lock within
 * milliseconds), yet nobody may see a half-written import. So:
 * - `crm_import_batches.state`: 'writing' while the import runs, 'done' once its last short
 *   transaction commits. Rows of a batch still writing are invisible; a cancelled or
 *   crashed batch is deleted (its rows first).
 * - a re-imported deal is a new row under the new batch; the row it replaces keeps its values
 *   and gets `replaced_by` = the new batch (hidden once that batch is done). So one row update
 *   ('writing' → 'done') swaps every replaced deal at once, and undo simply deletes the new rows
 *   and clears `replaced_by`. The ID is unique among rows not replaced (a partial index).
 * - the views `crm_live_deals` / `crm_live_customers` are what readers read.
 * crm_deals is rebuilt (SQLite cannot drop a table's UNIQUE constraint); no table refers to it.
 */
export const m016: Migration = {
  version: 16,
  name: 'CRM import state: batches writing/done, replaced deal rows, live views',
  up(db) {
    db.exec(`
      ALTER TABLE crm_import_batches ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('writing', 'done'));

      CREATE TABLE crm_deals_v16 (
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
        replaced_by INTEGER REFERENCES crm_import_batches(id) ON DELETE SET NULL
      );
      INSERT INTO crm_deals_v16(id, source, external_id, name, customer_id, rep_id, amount, currency, stage, stage_pos, status,
        created_at, closed_at, channel, product, is_repeat, csat, nps, batch_id)
      SELECT id, source, external_id, name, customer_id, rep_id, amount, currency, stage, stage_pos, status,
        created_at, closed_at, channel, product, is_repeat, csat, nps, batch_id FROM crm_deals;
      DROP TABLE crm_deals;
      ALTER TABLE crm_deals_v16 RENAME TO crm_deals;
      CREATE UNIQUE INDEX crm_deals_current ON crm_deals(source, external_id) WHERE replaced_by IS NULL;
      CREATE INDEX crm_deals_replaced ON crm_deals(replaced_by) WHERE replaced_by IS NOT NULL;
      CREATE INDEX crm_deals_rep_closed ON crm_deals(rep_id, closed_at);
      CREATE INDEX crm_deals_batch ON crm_deals(batch_id);
      CREATE INDEX crm_deals_customer ON crm_deals(customer_id);

      CREATE VIEW crm_live_deals AS SELECT * FROM crm_deals
        WHERE (batch_id IS NULL OR batch_id NOT IN (SELECT id FROM crm_import_batches WHERE state = 'writing'))
          AND (replaced_by IS NULL OR replaced_by IN (SELECT id FROM crm_import_batches WHERE state = 'writing'));
      CREATE VIEW crm_live_customers AS SELECT * FROM crm_customers
        WHERE batch_id IS NULL OR batch_id NOT IN (SELECT id FROM crm_import_batches WHERE state = 'writing');
    `);
  },
};
