import type { Migration } from './types';

/**
 * Long work (CRM import, backup, integrity check, demo rebuild) runs as jobs off the
 * request thread. A job's row outlives the process: a job still "running" when the app
 * starts was cut short (a crash, a kill) and is marked failed at open.
 */
export const m010: Migration = {
  version: 10,
  name: 'jobs: long work started by requests, with state and result',
  up(db) {
    db.exec(`
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed')),
        started_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
        started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        finished_at TEXT,
        result TEXT,
        error TEXT,
        error_key TEXT,
        error_params TEXT
      );
      CREATE INDEX jobs_state ON jobs(state);
    `);
  },
};
