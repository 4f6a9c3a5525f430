import type { Migration } from './types';

/**
 * Coaching notes written from a call page are linked to the call and the moment
 * (playback time) they are about, not only to an evaluation. Self-contained:
 * two nullable columns and an index; older notes keep their evaluation link.
 */
export const m008: Migration = {
  version: 8,
  name: 'scorecards: coaching notes link to a call and a moment',
  up(db) {
    db.exec(`
      ALTER TABLE coaching_notes ADD COLUMN call_id INTEGER REFERENCES calls(id) ON DELETE SET NULL;
      ALTER TABLE coaching_notes ADD COLUMN at_ms INTEGER;
      UPDATE coaching_notes SET call_id = (SELECT e.call_id FROM evaluations e WHERE e.id = coaching_notes.evaluation_id) WHERE evaluation_id IS NOT NULL;
      CREATE INDEX coaching_notes_call ON coaching_notes(call_id);
    `);
  },
};
