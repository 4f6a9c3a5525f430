/**
 * CRM outcomes import: sniff (head of the file only), dry run (streams the whole
 * file, keeps counts and the first errors), and the import job (a job of the runner:
 * short transactions on the jobs worker, invisible until done, streaming, progress,
 * cancel = removed again; see importWrite.ts), batches with undo, channel groups.
 */
import { AppError } from '../../../shared/api/contract';
import type {
  ChannelRule,
  CrmBatch,
  CrmCounts,
  CrmDryRun,
  CrmJob,
  CrmMapping,
  CrmPreviewRow,
  CrmRowError,
  CrmSniff,
  DateReading,
  DealField,
  FormatWarning,
  OwnerMatch,
  SniffFormats,
} from '../../../shared/api/crm';
import { dateEvidence, detectNumberFormat, parseCrmDate, valueKey } from '../../../shared/domain/crmParse';
import type { Job, JobResults } from '../../../shared/api/jobs';
import {
  cancelJob as cancelRunnerJob,
  getJob as getRunnerJob,
  jobError,
  startJob as startRunnerJob,
  waitJob,
  type Viewer,
} from '../jobs/runner';
import { bumpCrmVersion, emptyCounts, type ImportInput } from './importWrite';
import type { DB } from '../../db/open';
import { prewarmDataset } from '../insights/datasetAsync';
import { assertNoLongWrite, BUSY_DURING_LONG_WRITE_MS, longWrites } from '../longWrites';
import { audit } from '../audit';
import type { NormalDeal } from './normalize';
import { ownerData, ownerIndex } from './owners';
import { crmWorkerAvailable, DRY_RUN_SLICE_ROWS, walkInWorker } from './parseInWorker';
import { detectPreset, isKnownStage, isRepeatValue, suggestFields, suggestStage } from './presets';
import { detectFile, streamRows, type FileInfo } from './reader';
import { findHeader, isBlank, walk, type OnDeal, type OnProgress } from './walk';

export interface StagedInput {
  path: string;
  name: string;
  size: number;
  sha256?: string;
}

const SNIFF_ROWS = 5000;
const MAX_ERRORS = 200;

interface Head {
  info: FileInfo;
  headerIndex: number;
  header: string[];
  dataRows: string[][];
  complete: boolean;
}

async function readHead(file: StagedInput, maxRows = SNIFF_ROWS): Promise<Head> {
  const info = detectFile(file.path);
  const rows: string[][] = [];
  let complete = true;
  await streamRows(file.path, info, (chunk) => {
    for (const r of chunk) rows.push(r);
    if (rows.length > maxRows + 20) {
      complete = false;
      return 'stop';
    }
  });
  const headerIndex = findHeader(rows);
  if (headerIndex < 0)
    throw new AppError('bad_file', 'The file has no rows: export the deals from your CRM again.', undefined, { key: 'noRows' });
  const header = rows[headerIndex].map((h) => String(h).trim());
  const dataRows = rows.slice(headerIndex + 1).filter((r) => !isBlank(r));
  if (!dataRows.length) throw new AppError('bad_file', 'The file has a header row but no deals.', undefined, { key: 'headerOnly' });
  return { info, headerIndex, header, dataRows, complete };
}

function savedMapping(db: DB, source: string): CrmMapping | null {
  const r = db.prepare('SELECT mapping FROM crm_mappings WHERE source = ?').get(source) as { mapping: string } | undefined;
  return r ? (JSON.parse(r.mapping) as CrmMapping) : null;
}

export async function sniff(db: DB, file: StagedInput & { id: string }, sourceIn = ''): Promise<CrmSniff> {
  const head = await readHead(file);
  const { header, dataRows } = head;
  const values: CrmSniff['values'] = {};
  header.forEach((h, i) => {
    const counts = new Map<string, number>();
    for (const r of dataRows) {
      const v = String(r[i] ?? '').trim();
      if (!v) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      if (counts.size > 200) break;
    }
    if (counts.size <= 200) values[h] = [...counts].map(([value, rows]) => ({ value, rows })).sort((a, b) => b.rows - a.rows);
  });
  const preset = detectPreset(header);
  const source = sourceIn || (preset === 'generic' ? 'file' : preset);
  const saved = savedMapping(db, source);
  const savedOk = !!saved && Object.values(saved.fields).every((c) => header.includes(c));
  const columnValues = (col: string) => {
    const i = header.indexOf(col);
    return i < 0 ? [] : dataRows.slice(0, 500).map((r) => String(r[i] ?? ''));
  };
  const fields = savedOk ? saved.fields : suggestFields(header, preset, columnValues);
  const { detectedDate, detectedNumber, ambiguousDates } = detectFormats(header, dataRows, fields, head.headerIndex);
  const stageValues = fields.stage ? (values[fields.stage] ?? []) : [];
  const stages: CrmMapping['stages'] = { ...(savedOk ? saved.stages : {}) };
  for (const { value } of stageValues) if (!stages[value]) stages[value] = suggestStage(value);
  const typeValues = fields.type ? (values[fields.type] ?? []) : [];
  const repeatValues = savedOk ? saved.repeatValues : typeValues.filter((v) => isRepeatValue(v.value)).map((v) => v.value);
  // the file's own formats win over a saved mapping (saved for another file of this source); the saved ones only fill what the file does not tell
  const mapping: CrmMapping = {
    fields,
    dateFormat: detectedDate ?? (savedOk ? saved.dateFormat : 'iso'),
    numberFormat: detectedNumber ?? (savedOk ? saved.numberFormat : 'dot'),
    stages,
    repeatValues,
    owners: savedOk ? saved.owners : {},
    // asked again for every file without a currency column (never carried over silently)
    fileCurrency: null,
  };
  const idx = ownerIndex(db, mapping.owners);
  const ownerValues = fields.owner ? (values[fields.owner] ?? []) : [];
  const owners: OwnerMatch[] = ownerValues.map(({ value, rows }) => {
    const m = idx.resolve(value);
    return { value, rows, personId: m?.personId ?? null, personName: m ? idx.name(m.personId) : null, how: m?.how ?? null };
  });
  return {
    uploadId: file.id,
    fileName: file.name,
    size: file.size,
    kind: head.info.kind,
    encoding: head.info.encoding,
    delimiter: head.info.delimiter,
    headerRow: head.headerIndex + 1,
    columns: header,
    sample: dataRows.slice(0, 20),
    preset,
    source,
    savedMapping: savedOk,
    mapping,
    values,
    owners,
    scannedRows: dataRows.length,
    complete: head.complete,
    formats: {
      detectedDate,
      detectedNumber,
      saved: savedOk ? { dateFormat: saved.dateFormat, numberFormat: saved.numberFormat } : null,
      ambiguousDates,
    },
  };
}

/** Day/month reading of a slash date "a/b/yyyy" (dmy) and month/day (mdy), as YYYY-MM-DD; null when either does not exist. */
function bothReadings(value: string): { dmy: string; mdy: string } | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value.trim());
  if (!m || m[1] === m[2]) return null;
  const dmy = parseCrmDate(value, 'dmy');
  const mdy = parseCrmDate(value, 'mdy');
  if ('error' in dmy || 'error' in mdy) return null;
  return { dmy: dmy.value.slice(0, 10), mdy: mdy.value.slice(0, 10) };
}

/**
 * The date and number formats the file's own values show (on its first rows), and, when its
 * slash dates never have a part above 12, two sample rows read both ways for the user to decide.
 */
function detectFormats(
  header: string[],
  dataRows: string[][],
  fields: Partial<Record<DealField, string>>,
  headerIndex: number,
): Omit<SniffFormats, 'saved'> {
  const colIdx = (f: DealField) => (fields[f] ? header.indexOf(fields[f]) : -1);
  const dateCols = (['createdAt', 'closedAt'] as const).map((f) => ({ f, i: colIdx(f) })).filter((c) => c.i >= 0);
  const dateValues = dateCols.flatMap(({ i }) => dataRows.map((r) => String(r[i] ?? '')));
  const ev = dateEvidence(dateValues);
  const amountCol = colIdx('amount');
  const detectedNumber = amountCol < 0 ? null : detectNumberFormat(dataRows.map((r) => String(r[amountCol] ?? '')));
  let ambiguousDates: DateReading[] | null = null;
  if (ev.ambiguous) {
    ambiguousDates = [];
    for (let k = 0; k < dataRows.length && ambiguousDates.length < 2; k++) {
      for (const { f, i } of dateCols) {
        const value = String(dataRows[k][i] ?? '');
        const both = bothReadings(value);
        if (!both) continue;
        ambiguousDates.push({ row: headerIndex + 2 + k, column: fields[f]!, value, ...both });
        break;
      }
    }
  }
  return { detectedDate: ev.ambiguous ? null : ev.format, detectedNumber, ambiguousDates };
}

/** The dry run's warnings: the mapping reads a format the file does not show, or the saved choice for this source disagrees with the file. */
function formatWarnings(head: Head, mapping: CrmMapping, saved: CrmMapping | null): FormatWarning[] {
  const f = detectFormats(head.header, head.dataRows, mapping.fields, head.headerIndex);
  const out: FormatWarning[] = [];
  const check = (kind: FormatWarning['kind'], detected: string | null, used: string, savedValue: string | null) => {
    if (detected && (used !== detected || (savedValue !== null && savedValue !== detected)))
      out.push({ kind, detected, used, saved: savedValue });
  };
  check('dateFormat', f.detectedDate, mapping.dateFormat, saved?.dateFormat ?? null);
  check('numberFormat', f.detectedNumber, mapping.numberFormat, saved?.numberFormat ?? null);
  return out;
}

function previewRow(d: NormalDeal, row: number, ownerName: string, action: 'create' | 'update'): CrmPreviewRow {
  return {
    row,
    externalId: d.externalId,
    name: d.name,
    customer: d.customer,
    ownerName,
    amount: d.amount,
    currency: d.currency,
    stage: d.stage,
    status: d.status,
    position: d.position,
    createdAt: d.createdAt,
    closedAt: d.closedAt,
    channel: d.channel,
    isRepeat: d.isRepeat,
    action,
  };
}

const dryRunRows = new Map<string, number>();
/** Running dry runs by file path: how far each is (the wizard polls it for a progress bar). */
const dryRunsRunning = new Map<string, { fraction: number; rows: number }>();
export const dryRunProgress = (path: string) => dryRunsRunning.get(path) ?? null;

export async function dryRun(db: DB, file: StagedInput, source: string, mapping: CrmMapping): Promise<CrmDryRun> {
  const counts = emptyCounts();
  const errors: CrmRowError[] = [];
  let errorsTotal = 0;
  const preview: CrmPreviewRow[] = [];
  const unknown = new Map<string, number>();
  const unmapped = new Map<string, number>();
  const seen = new Map<string, number>();
  const currencies = new Map<string, number>();
  const exists = db.prepare('SELECT 1 FROM crm_deals WHERE source = ? AND external_id = ? AND replaced_by IS NULL').pluck();
  const names = ownerIndex(db);
  const peopleNames = new Map(
    (db.prepare('SELECT id, name FROM people').all() as { id: number; name: string }[]).map((p) => [p.id, p.name]),
  );
  const onDeal: OnDeal = (r, row) => {
    counts.rows++;
    if (!r.ok) {
      if (r.skipped) {
        counts.skipped++;
        return;
      }
      counts.invalid++;
      errorsTotal += r.errors.length;
      for (const e of r.errors) if (errors.length < MAX_ERRORS) errors.push(e);
      if (r.ownerUnknown) unknown.set(r.ownerUnknown, (unknown.get(r.ownerUnknown) ?? 0) + 1);
      if (r.stageUnmapped !== undefined) unmapped.set(r.stageUnmapped, (unmapped.get(r.stageUnmapped) ?? 0) + 1);
      return;
    }
    const d = r.deal;
    const first = seen.get(d.externalId);
    if (first !== undefined) {
      counts.invalid++;
      errorsTotal++;
      if (errors.length < MAX_ERRORS)
        errors.push({
          row,
          column: mapping.fields.externalId ?? 'externalId',
          value: d.externalId,
          message: `duplicate ID: row ${first} has the same ID; only the first is imported`,
          key: 'duplicateId',
          params: { first },
        });
      return;
    }
    seen.set(d.externalId, row);
    if (d.currency) currencies.set(d.currency, (currencies.get(d.currency) ?? 0) + 1);
    counts.valid++;
    counts[d.status]++;
    const action = exists.get(source, d.externalId) ? 'update' : 'create';
    counts[action]++;
    if (preview.length < 20) preview.push(previewRow(d, row, peopleNames.get(d.repId) ?? names.name(d.repId) ?? '', action));
  };
  const onProgress: OnProgress = (bytes, rows) => {
    dryRunsRunning.set(file.path, { fraction: bytes >= 0 ? Math.min(0.99, bytes / Math.max(1, file.size)) : 0.5, rows });
    return true;
  };
  dryRunsRunning.set(file.path, { fraction: 0, rows: 0 });
  try {
    // parsed on the worker thread when the bundle has it: a million-row dry run never holds up the API
    if (crmWorkerAvailable()) await walkInWorker(file.path, mapping, ownerData(db, mapping.owners), onDeal, onProgress, DRY_RUN_SLICE_ROWS);
    else await walk(file.path, mapping, ownerIndex(db, mapping.owners), onDeal, onProgress);
  } finally {
    dryRunsRunning.delete(file.path);
  }
  dryRunRows.set(file.path, counts.rows);
  const warnings = formatWarnings(await readHead(file, 2000), mapping, savedMapping(db, source));
  return {
    formatWarnings: warnings,
    currencies: [...currencies]
      .map(([currency, rows]) => ({ currency, rows }))
      .sort((a, b) => b.rows - a.rows || (a.currency < b.currency ? -1 : 1)),
    counts,
    errors,
    errorsTotal,
    preview,
    unknownOwners: [...unknown].map(([value, rows]) => ({ value, rows, personId: null, personName: null, how: null })),
    unmappedStages: [...unmapped].map(([value, rows]) => ({ value, rows, suggested: suggestStage(value) })),
  };
}

// ---- the import job ----

/** The import as a job of the runner (CrmJob is the shape the wizard polls). */
function crmJob(j: Job): CrmJob {
  const r = j.result as JobResults['crm.import'] | null;
  return {
    jobId: j.jobId,
    state: j.state,
    fraction: j.fraction,
    rows: j.state === 'done' && r ? r.counts.rows : j.rows,
    batchId: r?.batchId ?? null,
    counts: r?.counts ?? null,
    error: j.error,
    ...(j.errorKey ? { errorKey: j.errorKey, errorParams: j.errorParams ?? {} } : {}),
  };
}

const importGone = () => new AppError('not_found', 'This import is no longer running.', undefined, { key: 'importGone' });

function importJob(jobId: string, db: DB | null, who?: Viewer): Job {
  let j: Job;
  try {
    j = getRunnerJob(jobId, db, who);
  } catch {
    throw importGone();
  }
  if (j.kind !== 'crm.import') throw importGone();
  return j;
}

/** The import's progress and outcome (from its row after a restart, when given the workspace). */
export function getJob(jobId: string, db: DB | null = null, who?: Viewer): CrmJob {
  return crmJob(importJob(jobId, db, who));
}

export function cancelJob(jobId: string, db: DB | null = null, who?: Viewer): CrmJob {
  importJob(jobId, db, who);
  try {
    return crmJob(cancelRunnerJob(jobId, who));
  } catch {
    throw importGone();
  }
}

export { bumpCrmVersion };

const anotherImport = () =>
  new AppError('conflict', 'Another import is running: wait for it or cancel it.', undefined, { key: 'anotherImport' });

export interface ImportWatch {
  /** Progress reports, on this thread (tests look at the workspace from here while the import runs). */
  onProgress?: (job: CrmJob) => void;
  /** Asks for cancel as soon as the import started (tests). */
  cancel?: boolean;
  /** After a successful import (the upload is used up then; a failed or cancelled import keeps it for another try). */
  onImported?: () => void;
}

/**
 * Starts the import as a job and returns it at once; poll with getJob.
 *
 * The import writes through its own connection on the jobs worker thread (in-process under
 * unit tests), in short transactions: saves through the main connection wait for the
 * current chunk (never long, and off the request thread: see longWrites.ts), and readers
 * see the workspace as it was until the import's last transaction marks its batch done.
 */
export function startImport(
  mainDb: DB,
  file: StagedInput,
  source: string,
  mapping: CrmMapping,
  actorId: number | null,
  watch: ImportWatch = {},
): CrmJob {
  if (longWrites.active()) throw anotherImport(); // as an API error, not a failed job
  const input: ImportInput = {
    file: { path: file.path, name: file.name, size: file.size, sha256: file.sha256 },
    source,
    mapping,
    actorId,
    expectedRows: dryRunRows.get(file.path) ?? 0,
  };
  const mainBusy = mainDb.pragma('busy_timeout', { simple: true }) as number;
  const mainCheckpoint = mainDb.pragma('wal_autocheckpoint', { simple: true }) as number;
  let slot = '';
  const job = startRunnerJob({
    kind: 'crm.import',
    input,
    db: mainDb,
    startedBy: actorId,
    onProgress: watch.onProgress && ((j) => watch.onProgress!(crmJob(j))),
    always: (j) => {
      if (mainDb.open) {
        mainDb.pragma(`busy_timeout = ${mainBusy}`);
        mainDb.pragma(`wal_autocheckpoint = ${mainCheckpoint}`);
      }
      longWrites.end(slot);
      // read the new deals into the Insights columns now, off this thread, before anyone opens the page
      if (j.state === 'done') {
        prewarmDataset(mainDb);
        watch.onImported?.();
      }
    },
  });
  slot = job.jobId;
  longWrites.begin(slot);
  // saves wait for the import's chunk through the gate (longWrites.ts); the lock itself is then free, or nearly
  mainDb.pragma(`busy_timeout = ${BUSY_DURING_LONG_WRITE_MS}`);
  // a save's commit would otherwise checkpoint the import's pages on the request thread (hundreds of ms);
  // the import checkpoints once at its end, on its own thread
  mainDb.pragma('wal_autocheckpoint = 0');
  if (watch.cancel) cancelRunnerJob(job.jobId);
  return crmJob(job);
}

/** Runs the import and resolves when it is done or cancelled; a failed import rejects with its error (tests and bench). */
export async function runImport(
  mainDb: DB,
  file: StagedInput,
  source: string,
  mapping: CrmMapping,
  actorId: number | null,
  watch: ImportWatch = {},
): Promise<CrmJob> {
  const started = startImport(mainDb, file, source, mapping, actorId, watch);
  const done = await waitJob(started.jobId);
  if (done.state === 'failed') throw jobError(done.jobId) ?? new AppError('internal', done.error ?? 'The import failed.');
  return crmJob(done);
}

export function listBatches(db: DB): CrmBatch[] {
  const rows = db
    .prepare(
      `SELECT b.*, p.name AS by_name FROM crm_import_batches b LEFT JOIN people p ON p.id = b.created_by WHERE b.state = 'done' ORDER BY b.id DESC`,
    )
    .all() as {
    id: number;
    source: string;
    file_name: string;
    file_sha256: string;
    counts: string;
    created_at: string;
    by_name: string | null;
    undone_at: string | null;
    touched: string;
  }[];
  // newest first: a batch is blocked by the newest live batch that changed its deals
  const blocker = new Map<number, { id: number; fileName: string; createdAt: string }>();
  for (const r of [...rows].reverse()) {
    if (r.undone_at) continue;
    for (const earlier of JSON.parse(r.touched) as number[])
      blocker.set(earlier, { id: r.id, fileName: r.file_name, createdAt: r.created_at });
  }
  return rows.slice(0, 100).map((r) => {
    const blockedBy = r.undone_at ? null : (blocker.get(r.id) ?? null);
    return {
      id: r.id,
      source: r.source,
      fileName: r.file_name,
      fileSha256: r.file_sha256,
      counts: JSON.parse(r.counts) as CrmCounts,
      createdAt: r.created_at,
      createdBy: r.by_name,
      undoneAt: r.undone_at,
      canUndo: !r.undone_at && !blockedBy,
      blockedBy,
    };
  });
}

/**
 * Undoes one import batch: deals it created are removed, deals it updated get their
 * previous values back. Refused while a later live import changed its deals (undo that first).
 */
export function undoBatch(db: DB, id: number, actorId: number | null): { removed: number; restored: number } {
  const result = undoInTransaction(db, id, actorId);
  prewarmDataset(db);
  return result;
}

function undoInTransaction(db: DB, id: number, actorId: number | null): { removed: number; restored: number } {
  return db.transaction(() => {
    const b = db.prepare('SELECT id, undone_at FROM crm_import_batches WHERE id = ?').get(id) as
      { id: number; undone_at: string | null } | undefined;
    if (!b) throw new AppError('not_found', 'No such import batch.', undefined, { key: 'noBatch' });
    if (b.undone_at) throw new AppError('conflict', 'This import was already undone.', undefined, { key: 'alreadyUndone' });
    // an import being written may be replacing this batch's deals right now
    assertNoLongWrite();
    // authoritative check on the undo data itself: later batches that replaced this one's rows
    // (or, for imports made before migration 016, whose previous values name this batch)
    const later = (db
      .prepare(
        `SELECT c.file_name AS file, c.created_at AS at, COUNT(*) AS n FROM crm_import_batches c JOIN crm_deals d ON d.replaced_by = c.id
         WHERE d.batch_id = ? AND c.undone_at IS NULL GROUP BY c.id ORDER BY c.id DESC LIMIT 1`,
      )
      .get(id) ??
      db
        .prepare(
          `SELECT c.file_name AS file, c.created_at AS at, COUNT(*) AS n FROM crm_import_batches c JOIN crm_deal_history h ON h.batch_id = c.id
         WHERE c.id > ? AND c.undone_at IS NULL AND json_extract(h.prev, '$.batch_id') = ? GROUP BY c.id ORDER BY c.id DESC LIMIT 1`,
        )
        .get(id, id)) as { file: string; at: string; n: number } | undefined;
    if (later) {
      const at = later.at.slice(0, 16).replace('T', ' ');
      throw new AppError(
        'conflict',
        `A later import (${later.file}, ${at}) changed ${later.n} deals of this one: undo that import first.`,
        undefined,
        { key: 'undoLaterFirst', params: { file: later.file, at, n: later.n } },
      );
    }
    const hist = db.prepare('SELECT deal_id, prev FROM crm_deal_history WHERE batch_id = ?').all(id) as { deal_id: number; prev: string }[];
    // the batch's own rows go first (one current row per deal), then the rows it replaced come back:
    // from the history (moved there once the batch was done, or updated in place before migration 016)
    const deleted = db.prepare('DELETE FROM crm_deals WHERE batch_id = ?').run(id).changes;
    const restore = db.prepare(
      `INSERT INTO crm_deals(id, source, external_id, name, customer_id, rep_id, amount, currency, stage, stage_pos, status, created_at, closed_at, channel, product, is_repeat, csat, nps, batch_id)
       VALUES (@id, @source, @external_id, @name, @customer_id, @rep_id, @amount, @currency, @stage, @stage_pos, @status, @created_at, @closed_at, @channel, @product, @is_repeat, @csat, @nps, @batch_id)`,
    );
    for (const h of hist) restore.run(JSON.parse(h.prev));
    // or still in the table, hidden while this batch stood
    const restored = hist.length + db.prepare('UPDATE crm_deals SET replaced_by = NULL WHERE replaced_by = ?').run(id).changes;
    const removed = deleted - restored;
    db.prepare(
      'DELETE FROM crm_customers WHERE batch_id = ? AND NOT EXISTS (SELECT 1 FROM crm_deals d WHERE d.customer_id = crm_customers.id)',
    ).run(id);
    db.prepare('DELETE FROM crm_deal_history WHERE batch_id = ?').run(id);
    db.prepare("UPDATE crm_import_batches SET undone_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(id);
    audit(db, actorId, 'crm_import', id, 'undo', { removed, restored });
    bumpCrmVersion(db);
    return { removed, restored };
  })();
}

export function listChannels(db: DB): ChannelRule[] {
  const rows = db
    .prepare(
      `SELECT c.value, c.kind, c.mode, (SELECT COUNT(*) FROM crm_live_deals d WHERE d.channel = c.value) AS deals FROM crm_channels c ORDER BY deals DESC, c.value`,
    )
    .all() as ChannelRule[];
  return rows;
}

export function setChannel(db: DB, value: string, kind: 'direct' | 'indirect', mode: 'online' | 'offline'): ChannelRule[] {
  // groups are looked up when the page is computed: the deal columns stay valid (no version bump, no re-read)
  db.prepare(
    'INSERT INTO crm_channels(value_key, value, kind, mode) VALUES (?, ?, ?, ?) ON CONFLICT(value_key) DO UPDATE SET kind = excluded.kind, mode = excluded.mode',
  ).run(valueKey(value), value, kind, mode);
  return listChannels(db);
}

export { isKnownStage };
