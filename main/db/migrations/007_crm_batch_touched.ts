import type { Migration } from './types';

/**
 * Which earlier import batches each batch changed (it updated their deals), so any batch
 * whose deals no later live import has changed can be undone, not only the newest one.
 * Filled for existing batches from their undo data.
 */
export const m007: Migration = {
  version: 7,
  name: 'insights: import batches record the earlier batches they changed',
  up(db) {
    db.exec(`
      ALTER TABLE crm_import_batches ADD COLUMN touched TEXT NOT NULL DEFAULT '[]';
      UPDATE crm_import_batches SET touched = COALESCE((
        SELECT json_group_array(DISTINCT json_extract(h.prev, '$.batch_id')) FROM crm_deal_history h
        WHERE h.batch_id = crm_import_batches.id AND json_extract(h.prev, '$.batch_id') IS NOT NULL
      ), '[]');
    `);
  },
};
