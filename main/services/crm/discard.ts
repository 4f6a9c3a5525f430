/**
 * Tidying import batches in short transactions (chunks.ts), both safe to cut short at any point:
 * - a batch that never finished (cancelled, failed, or cut short by a crash) is taken apart: while
 *   its state is 'writing' readers do not see its rows. Its own rows go first (the deals they
 *   replaced become current again only once no current row of this batch holds their ID), the
 *   batch row last.
 * - once a batch is done, the rows it replaced (hidden from then on) move into crm_deal_history
 *   as their previous values, so the deals table holds one row per deal and undo still restores them.
 */
import type { DB } from '../../db/open';
import { ChunkWriter } from './chunks';

const STEP = 5000;

export function discardBatch(db: DB, batchId: number, writer: ChunkWriter = new ChunkWriter(db, null)) {
  const steps = [
    db.prepare('DELETE FROM crm_deals WHERE id IN (SELECT id FROM crm_deals WHERE batch_id = ? LIMIT ?)'),
    db.prepare('UPDATE crm_deals SET replaced_by = NULL WHERE id IN (SELECT id FROM crm_deals WHERE replaced_by = ? LIMIT ?)'),
    db.prepare('DELETE FROM crm_customers WHERE id IN (SELECT id FROM crm_customers WHERE batch_id = ? LIMIT ?)'),
  ];
  for (const step of steps) while (writer.run(() => step.run(batchId, STEP).changes) > 0);
  writer.run(() => {
    db.prepare('DELETE FROM crm_deal_history WHERE batch_id = ?').run(batchId);
    db.prepare("DELETE FROM crm_import_batches WHERE id = ? AND state = 'writing'").run(batchId);
  });
}

/** The previous values of a replaced row, in the shape undo restores (every column but replaced_by). */
const PREV_JSON = `json_object('id', id, 'source', source, 'external_id', external_id, 'name', name, 'customer_id', customer_id,
  'rep_id', rep_id, 'amount', amount, 'currency', currency, 'stage', stage, 'stage_pos', stage_pos, 'status', status,
  'created_at', created_at, 'closed_at', closed_at, 'channel', channel, 'product', product, 'is_repeat', is_repeat,
  'csat', csat, 'nps', nps, 'batch_id', batch_id)`;

/** Moves the rows a done batch replaced into its undo history. Returns how many moved. */
export function compactReplaced(db: DB, batchId: number, writer: ChunkWriter = new ChunkWriter(db, null)): number {
  // the same STEP rows in both statements: the lowest ids this batch replaced (the partial index's order)
  const keep = db.prepare(
    `INSERT OR IGNORE INTO crm_deal_history(batch_id, deal_id, prev)
     SELECT ?, id, ${PREV_JSON} FROM crm_deals WHERE replaced_by = ? ORDER BY id LIMIT ?`,
  );
  const drop = db.prepare('DELETE FROM crm_deals WHERE id IN (SELECT id FROM crm_deals WHERE replaced_by = ? ORDER BY id LIMIT ?)');
  let moved = 0;
  for (;;) {
    const n = writer.run(() => {
      keep.run(batchId, batchId, STEP);
      return drop.run(batchId, STEP).changes;
    });
    moved += n;
    if (!n) return moved;
  }
}

/**
 * At workspace open (no import runs then): batches a crash left half-written are removed,
 * and replaced rows of done batches a crash left behind move to the history. Returns the batches removed.
 */
export function discardUnfinished(db: DB): number {
  const ids = db.prepare("SELECT id FROM crm_import_batches WHERE state = 'writing'").pluck().all() as number[];
  for (const id of ids) discardBatch(db, id);
  const done = db.prepare('SELECT DISTINCT replaced_by FROM crm_deals WHERE replaced_by IS NOT NULL').pluck().all() as number[];
  for (const id of done) compactReplaced(db, id);
  return ids.length;
}
