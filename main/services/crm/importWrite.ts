/**
 * The write side of a CRM import, run as a job (on the jobs worker thread in the app,
 * in-process under unit tests): its own connection, short transactions while the file
 * streams in (chunks.ts: everyone else's saves get the write lock between them), progress.
 * Nobody sees the rows before the end: the batch is 'writing' until one last short
 * transaction marks it 'done' (with the job's row, so "done" and the deals commit together);
 * a re-imported deal is a new row that replaces the old one at that moment (migration 016).
 * Cancel, a failure or a crash remove the batch's rows again (discard.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../shared/api/contract';
import type { CrmCounts, CrmMapping, CrmRowError } from '../../../shared/api/crm';
import { valueKey } from '../../../shared/domain/crmParse';
import type { DB } from '../../db/open';
import { audit } from '../audit';
import { JobCancelled, type TaskControl } from '../jobs/control';
import { settleJob } from '../jobs/store';
import { ChunkWriter } from './chunks';
import { compactReplaced, discardBatch } from './discard';
import { KeyIds } from './keyIds';
import { ownerData, ownerIndex, saveAliases } from './owners';
import { crmWorkerAvailable, walkInWorker } from './parseInWorker';
import { defaultChannelGroup } from './presets';
import { walk, type OnDeal, type OnProgress } from './walk';

export interface ImportInput {
  file: { path: string; name: string; size: number; sha256?: string };
  source: string;
  mapping: CrmMapping;
  actorId: number | null;
  /** rows the dry run counted (progress for files whose byte position is unknown) */
  expectedRows: number;
}

export interface ImportOutput {
  batchId: number;
  counts: CrmCounts;
}

export const emptyCounts = (): CrmCounts => ({ rows: 0, valid: 0, invalid: 0, create: 0, update: 0, skipped: 0, won: 0, lost: 0, open: 0 });

function fileSha(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = crypto.createHash('sha256');
    fs.createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
}

export function bumpCrmVersion(db: DB) {
  db.prepare("INSERT INTO meta(key, value) VALUES ('crm_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    `${Date.now()}-${Math.random()}`,
  );
}

export async function writeImport(db: DB, input: ImportInput, ctl: TaskControl): Promise<ImportOutput> {
  const { file, source, mapping, actorId, expectedRows } = input;
  const sha = file.sha256 ?? (await fileSha(file.path));
  const counts = emptyCounts();
  const errors: CrmRowError[] = [];
  const channels = new Set<string>();
  // The import writes only references it has checked itself (reps resolved from the roster,
  // customers and the batch it inserts), so SQLite's per-row foreign-key lookups (~2 s a million) are off.
  db.pragma('foreign_keys = OFF');
  // A bigger page cache (32 MB) keeps the hot index pages in memory across the chunks
  // (16 MB: 10% slower; 48 MB: no faster, 30 MB more peak memory).
  db.pragma('cache_size = -32768');
  // No checkpoint after each chunk's commit (it would copy the pages back again and again): one at the end.
  db.pragma('wal_autocheckpoint = 0');
  const writer = new ChunkWriter(db, ctl.gate ?? null);
  const batchId = writer.run(() =>
    Number(
      db
        .prepare(
          "INSERT INTO crm_import_batches(source, file_name, file_sha256, mapping, created_by, state) VALUES (?, ?, ?, ?, ?, 'writing')",
        )
        .run(source, file.name, sha, JSON.stringify(mapping), actorId).lastInsertRowid,
    ),
  );
  let finished = false;
  try {
    // the deal's current row (a replaced row is history, kept for undo)
    const find = db.prepare('SELECT id, batch_id FROM crm_deals WHERE source = ? AND external_id = ? AND replaced_by IS NULL');
    // ON CONFLICT DO NOTHING: a second row with the same ID in this file is reported, not imported
    const ins = db.prepare(
      `INSERT INTO crm_deals(source, external_id, name, customer_id, rep_id, amount, currency, stage, stage_pos, status, created_at, closed_at, channel, product, is_repeat, csat, nps, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source, external_id) WHERE replaced_by IS NULL DO NOTHING`,
    );
    const replace = db.prepare('UPDATE crm_deals SET replaced_by = ? WHERE id = ?');
    const insCust = db.prepare('INSERT INTO crm_customers(source, key, name, batch_id) VALUES (?, ?, ?, ?)');
    const churn = db.prepare('UPDATE crm_customers SET churned_at = ? WHERE id = ?');
    // Every customer of the source by folded name, in a compact hash table: no per-row index lookups.
    const customers = new KeyIds();
    for (const [id, key] of db.prepare('SELECT id, key FROM crm_customers WHERE source = ?').raw().iterate(source) as IterableIterator<
      [number, string]
    >)
      customers.set(key, id);
    // customers this batch created are hidden with it; churn dates of existing ones change only at the end
    const ownCustomers = new Set<number>();
    const churnLater = new Map<number, string>();
    const customerId = (name: string): number | null => {
      if (!name) return null;
      const key = valueKey(name);
      let id = customers.get(key);
      if (id === 0) {
        id = Number(insCust.run(source, key, name, batchId).lastInsertRowid);
        customers.set(key, id);
        ownCustomers.add(id);
      }
      return id;
    };
    // a first import of a source has nothing to update: skip the per-row lookup
    const sourceHasDeals = !!db.prepare('SELECT 1 FROM crm_deals WHERE source = ? AND batch_id IS NOT ? LIMIT 1').get(source, batchId);
    // earlier batches whose deals this one updates: they cannot be undone while this one stands
    const touched = new Set<number>();
    const onDeal: OnDeal = (r, row) => {
      counts.rows++;
      if (!r.ok) {
        if (r.skipped) counts.skipped++;
        else {
          counts.invalid++;
          for (const e of r.errors) if (errors.length < 500) errors.push(e);
        }
        return;
      }
      const d = r.deal;
      const duplicate = () => {
        counts.invalid++;
        if (errors.length < 500)
          errors.push({
            row,
            column: mapping.fields.externalId ?? 'externalId',
            value: d.externalId,
            message: 'duplicate ID in the file; only the first is imported',
            key: 'duplicateInFile',
          });
      };
      writer.begin();
      const cust = customerId(d.customer);
      const vals = [
        d.name,
        cust,
        d.repId,
        d.amount,
        d.currency,
        d.stage,
        d.position,
        d.status,
        d.createdAt,
        d.closedAt,
        d.channel,
        d.product,
        d.isRepeat ? 1 : 0,
        d.csat,
        d.nps,
        batchId,
      ] as const;
      // a deal already carrying this batch's id was written by an earlier row of the same file
      const prev = sourceHasDeals ? (find.get(source, d.externalId) as { id: number; batch_id: number | null } | undefined) : undefined;
      if (prev) {
        if (prev.batch_id === batchId) return duplicate();
        if (prev.batch_id !== null) touched.add(prev.batch_id);
        counts.update++;
        // the old row stays current for readers until this batch is done
        replace.run(batchId, prev.id);
        ins.run(source, d.externalId, ...vals);
      } else {
        if (ins.run(source, d.externalId, ...vals).changes === 0) return duplicate();
        counts.create++;
      }
      if (cust && d.churnedAt) {
        if (ownCustomers.has(cust)) churn.run(d.churnedAt, cust);
        else churnLater.set(cust, d.churnedAt);
      }
      if (d.channel) channels.add(d.channel);
      counts.valid++;
      counts[d.status]++;
      writer.wrote();
    };
    const onProgress: OnProgress = (bytes, rows) => {
      // the parser hands over the next block asynchronously: a chunk stays open across that wait only while it is young
      writer.commitIfDue();
      ctl.progress(
        bytes >= 0 ? Math.min(0.99, bytes / Math.max(1, file.size)) : expectedRows ? Math.min(0.99, rows / expectedRows) : 0.5,
        rows,
      );
      return !ctl.cancelled();
    };
    // the file is parsed on a second worker thread while this one writes (in-process without the bundle)
    if (crmWorkerAvailable()) await walkInWorker(file.path, mapping, ownerData(db, mapping.owners), onDeal, onProgress);
    else await walk(file.path, mapping, ownerIndex(db, mapping.owners), onDeal, onProgress);
    writer.commit();
    if (ctl.cancelled()) throw new JobCancelled(); // removed below
    if (counts.valid === 0)
      throw new AppError('invalid_input', 'No row could be imported: fix the errors shown in the dry run.', undefined, {
        key: 'noValidRows',
      });
    const result: ImportOutput = { batchId, counts };
    // the one short transaction that makes the whole batch visible
    writer.run(() => {
      const chan = db.prepare('INSERT OR IGNORE INTO crm_channels(value_key, value, kind, mode) VALUES (?, ?, ?, ?)');
      for (const c of channels) {
        const g = defaultChannelGroup(c);
        chan.run(valueKey(c), c, g.kind, g.mode);
      }
      // a re-import of the same file changes no churn date: nothing is rewritten then
      const churnChanged = db.prepare('UPDATE crm_customers SET churned_at = ? WHERE id = ? AND churned_at IS NOT ?');
      for (const [id, at] of churnLater) churnChanged.run(at, id, at);
      db.prepare("UPDATE crm_import_batches SET counts = ?, errors = ?, touched = ?, state = 'done' WHERE id = ?").run(
        JSON.stringify(counts),
        JSON.stringify(errors),
        JSON.stringify([...touched]),
        batchId,
      );
      db.prepare(
        'INSERT INTO crm_mappings(source, mapping) VALUES (?, ?) ON CONFLICT(source) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at',
      ).run(source, JSON.stringify(mapping));
      saveAliases(db, mapping.owners);
      audit(db, actorId, 'crm_import', batchId, 'import', { source, file: file.name, counts });
      bumpCrmVersion(db);
      // the job reads "done" exactly when the deals are in: a crash before COMMIT leaves it running (failed at the next open)
      if (ctl.persisted) settleJob(db, { jobId: ctl.jobId, state: 'done', finishedAt: new Date().toISOString(), result, error: null });
    });
    finished = true;
    // the rows this batch replaced are hidden now: they move to the undo history (a crash meanwhile: the next open finishes it)
    try {
      compactReplaced(db, batchId, writer);
    } catch (e) {
      console.error('[crm] could not move replaced deals to the undo history (the next open does):', e);
    }
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      /* a checkpoint is an optimisation */
    }
    return result;
  } finally {
    if (!finished) {
      // a full disk can end the transaction itself: roll back only what is still open, then take the batch apart
      writer.rollback();
      try {
        discardBatch(db, batchId, writer);
      } catch (e) {
        // left 'writing' (invisible): the next open of the workspace removes it
        console.error('[crm] could not remove an unfinished import:', e);
      }
    }
  }
}
