/**
 * The write side of a CRM import, run as a job (on the jobs worker thread in the app,
 * in-process under unit tests): its own connection, one transaction while the file
 * streams in, progress, cancel = rollback. The job's row is settled inside the same
 * transaction, so "done" and the imported deals commit together.
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
  // A bigger page cache (32 MB) for the one large transaction keeps the hot index pages in memory
  // (16 MB: 10% slower; 48 MB: no faster, 30 MB more peak memory).
  db.pragma('cache_size = -32768');
  db.exec('BEGIN IMMEDIATE');
  let open = true;
  try {
    const batchId = Number(
      db
        .prepare('INSERT INTO crm_import_batches(source, file_name, file_sha256, mapping, created_by) VALUES (?, ?, ?, ?, ?)')
        .run(source, file.name, sha, JSON.stringify(mapping), actorId).lastInsertRowid,
    );
    const find = db.prepare('SELECT * FROM crm_deals WHERE source = ? AND external_id = ?');
    // ON CONFLICT DO NOTHING: a second row with the same ID in this file is reported, not imported
    const ins = db.prepare(
      `INSERT INTO crm_deals(source, external_id, name, customer_id, rep_id, amount, currency, stage, stage_pos, status, created_at, closed_at, channel, product, is_repeat, csat, nps, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source, external_id) DO NOTHING`,
    );
    const upd = db.prepare(
      `UPDATE crm_deals SET name = ?, customer_id = ?, rep_id = ?, amount = ?, currency = ?, stage = ?, stage_pos = ?, status = ?, created_at = ?, closed_at = ?, channel = ?, product = ?, is_repeat = ?, csat = ?, nps = ?, batch_id = ? WHERE id = ?`,
    );
    const hist = db.prepare('INSERT OR IGNORE INTO crm_deal_history(batch_id, deal_id, prev) VALUES (?, ?, ?)');
    const insCust = db.prepare('INSERT INTO crm_customers(source, key, name, batch_id) VALUES (?, ?, ?, ?)');
    const churn = db.prepare('UPDATE crm_customers SET churned_at = ? WHERE id = ?');
    // Every customer of the source by folded name, in a compact hash table: no per-row index lookups.
    const customers = new KeyIds();
    for (const [id, key] of db.prepare('SELECT id, key FROM crm_customers WHERE source = ?').raw().iterate(source) as IterableIterator<
      [number, string]
    >)
      customers.set(key, id);
    const customerId = (name: string): number | null => {
      if (!name) return null;
      const key = valueKey(name);
      let id = customers.get(key);
      if (id === 0) {
        id = Number(insCust.run(source, key, name, batchId).lastInsertRowid);
        customers.set(key, id);
      }
      return id;
    };
    // a first import of a source has nothing to update: skip the per-row lookup
    const sourceHasDeals = !!db.prepare('SELECT 1 FROM crm_deals WHERE source = ? LIMIT 1').get(source);
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
        hist.run(batchId, prev.id, JSON.stringify(prev));
        upd.run(...vals, prev.id);
      } else {
        if (ins.run(source, d.externalId, ...vals).changes === 0) return duplicate();
        counts.create++;
      }
      if (cust && d.churnedAt) churn.run(d.churnedAt, cust);
      if (d.channel) channels.add(d.channel);
      counts.valid++;
      counts[d.status]++;
    };
    const onProgress: OnProgress = (bytes, rows) => {
      ctl.progress(
        bytes >= 0 ? Math.min(0.99, bytes / Math.max(1, file.size)) : expectedRows ? Math.min(0.99, rows / expectedRows) : 0.5,
        rows,
      );
      return !ctl.cancelled();
    };
    // the file is parsed on a second worker thread while this one writes (in-process without the bundle)
    if (crmWorkerAvailable()) await walkInWorker(file.path, mapping, ownerData(db, mapping.owners), onDeal, onProgress);
    else await walk(file.path, mapping, ownerIndex(db, mapping.owners), onDeal, onProgress);
    if (ctl.cancelled()) throw new JobCancelled(); // rolled back below
    if (counts.valid === 0)
      throw new AppError('invalid_input', 'No row could be imported: fix the errors shown in the dry run.', undefined, {
        key: 'noValidRows',
      });
    const chan = db.prepare('INSERT OR IGNORE INTO crm_channels(value_key, value, kind, mode) VALUES (?, ?, ?, ?)');
    for (const c of channels) {
      const g = defaultChannelGroup(c);
      chan.run(valueKey(c), c, g.kind, g.mode);
    }
    db.prepare('UPDATE crm_import_batches SET counts = ?, errors = ?, touched = ? WHERE id = ?').run(
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
    const result: ImportOutput = { batchId, counts };
    // the job reads "done" exactly when the deals are in: a crash before COMMIT leaves it running (failed at the next open)
    if (ctl.persisted) settleJob(db, { jobId: ctl.jobId, state: 'done', finishedAt: new Date().toISOString(), result, error: null });
    db.exec('COMMIT');
    open = false;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      /* a checkpoint is an optimisation */
    }
    return result;
  } finally {
    // a full disk can end the transaction itself: roll back only what is still open
    if (open && db.inTransaction) db.exec('ROLLBACK');
  }
}
