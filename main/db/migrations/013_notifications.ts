import type { Migration } from './types';

/**
 * The notifications inbox: one row per person per event (a scored call, a dispute, an
 * assignment, content to review). A row stores its kind and values, never a sentence, so
 * it reads in whichever language the person uses. Computed reminders (due soon, overdue,
 * content expiring) carry a dedupe key so a sweep adds each reminder once.
 */
export const m013: Migration = {
  version: 13,
  name: 'notifications: a per-person inbox of events and reminders',
  up(db) {
    db.exec(`
      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        params TEXT NOT NULL DEFAULT '{}',
        dedupe_key TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        read_at TEXT
      );
      CREATE INDEX notifications_person ON notifications(person_id, id DESC);
      CREATE INDEX notifications_unread ON notifications(person_id) WHERE read_at IS NULL;
      CREATE UNIQUE INDEX notifications_once ON notifications(person_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
    `);
  },
};
