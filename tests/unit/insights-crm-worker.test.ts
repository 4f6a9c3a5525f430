/**
 * The import as the app runs it: the file parsed on the bundled worker thread while the
 * importer writes through its own connection. Same outcomes as the in-process path, cancel
 * leaves nothing, and the main connection keeps reading (and saving between the import's chunks) meanwhile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { importRoster } from '../../main/services/roster';
import { dryRun, dryRunProgress, getJob, runImport, sniff, startImport } from '../../main/services/crm/importer';
import { crmWorkerAvailable } from '../../main/services/crm/parseInWorker';
import { DealPacker, unpack } from '../../main/services/crm/dealPack';
import { assertNoLongWrite, BUSY_DURING_LONG_WRITE_MS } from '../../main/services/longWrites';
import type { NormalResult } from '../../main/services/crm/normalize';
import { dataset, readDataset } from '../../main/services/insights/dataset';
import { datasetAsync } from '../../main/services/insights/datasetAsync';

const FIX = path.join(__dirname, '..', 'fixtures', 'crm');
let workerDir: string;
let dir: string;
let db: DB;

beforeAll(async () => {
  workerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-worker-'));
  await build({
    entryPoints: {
      'crm-parse-worker': path.join(__dirname, '../../main/services/crm/parse-worker.ts'),
      'insights-dataset-worker': path.join(__dirname, '../../main/services/insights/dataset-worker.ts'),
    },
    outdir: workerDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'electron'],
    logLevel: 'warning',
  });
});
afterAll(() => fs.rmSync(workerDir, { recursive: true, force: true }));
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
  importRoster(db, fs.readFileSync(path.join(FIX, 'people.csv')), null);
});
afterEach(() => {
  delete process.env.SWB_CRM_WORKER;
  delete process.env.SWB_DATASET_WORKER;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
const useWorker = (on: boolean) => {
  if (on) process.env.SWB_CRM_WORKER = path.join(workerDir, 'crm-parse-worker.cjs');
  else delete process.env.SWB_CRM_WORKER;
  expect(crmWorkerAvailable()).toBe(on ? true : fs.existsSync(path.join(__dirname, 'crm-parse-worker.cjs')));
};

const staged = (p: string) => ({ id: 'a'.repeat(32), path: p, name: path.basename(p), size: fs.statSync(p).size });
const copy = (file: string) => {
  const p = path.join(dir, file);
  fs.copyFileSync(path.join(FIX, file), p);
  return staged(p);
};
const snapshot = () => ({
  deals: db
    .prepare(
      'SELECT external_id, rep_id, status, stage_pos, amount, created_at, closed_at, channel, is_repeat, customer_id IS NOT NULL AS has_customer FROM crm_deals ORDER BY external_id',
    )
    .all(),
  customers: db.prepare('SELECT COUNT(*) FROM crm_customers').pluck().get(),
});

async function importWith(worker: boolean, file: string) {
  useWorker(worker);
  const f = copy(file);
  const s = withCurrency(await sniff(db, f));
  await dryRun(db, f, s.source, s.mapping);
  const job = await runImport(db, f, s.source, s.mapping, null);
  return { job, snap: snapshot() };
}

/** A Zoho export of `copies` × the 2,000 sample deals (new IDs per copy). */
function bigZoho(copies: number) {
  const [header, ...rows] = fs.readFileSync(path.join(FIX, 'zoho_deals.csv'), 'utf8').trim().split(/\r?\n/);
  const out = [header];
  for (let c = 0; c < copies; c++) for (const r of rows) out.push(r.replace(/^(\d+)/, (id) => `${id}${c}`));
  const p = path.join(dir, 'zoho_big.csv');
  fs.writeFileSync(p, out.join('\r\n') + '\r\n');
  return staged(p);
}

/** Exports without a currency column (HubSpot, amoCRM): the wizard asks for the file's currency; here the answer is USD. */
function withCurrency<T extends { mapping: { fields: { currency?: string }; fileCurrency: string | null } }>(s: T): T {
  if (!s.mapping.fields.currency) s.mapping.fileCurrency = 'USD';
  return s;
}

describe('CRM import through the parse worker', () => {
  for (const file of ['bitrix24_deals.csv', 'fxiaoke_opportunities.csv', 'amocrm_leads.xlsx']) {
    it(`${file}: the same deals as the in-process path`, async () => {
      const inProcess = await importWith(false, file);
      db.exec('DELETE FROM crm_deals; DELETE FROM crm_customers; DELETE FROM crm_deal_history; DELETE FROM crm_import_batches;');
      const viaWorker = await importWith(true, file);
      expect(viaWorker.job.state).toBe('done');
      expect(viaWorker.job.counts).toEqual(inProcess.job.counts);
      expect(viaWorker.snap.deals).toHaveLength(2000);
      expect(viaWorker.snap).toEqual(inProcess.snap);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    });
  }

  it('row errors arrive with their row, column and value', async () => {
    useWorker(true);
    const f = copy('zoho_deals.csv');
    const s = withCurrency(await sniff(db, f));
    const text = fs.readFileSync(f.path, 'utf8').split('\r\n');
    text[1] = text[1].replace('14678.53', '14k678'); // row 2 of the file
    fs.writeFileSync(f.path, text.join('\r\n'));
    const job = await runImport(db, { ...f, size: fs.statSync(f.path).size }, s.source, s.mapping, null);
    expect(job.counts).toMatchObject({ valid: 1999, invalid: 1 });
    const errors = JSON.parse(db.prepare('SELECT errors FROM crm_import_batches').pluck().get() as string);
    expect(errors).toEqual([expect.objectContaining({ row: 2, column: 'Amount', value: '14k678' })]);
  });

  it('the dry run gives the same counts, errors, preview and unknown owners as in-process', async () => {
    const f = copy('zoho_deals.csv');
    const lines = fs.readFileSync(f.path, 'utf8').split('\r\n');
    lines[1] = lines[1].replace('14678.53', '14k678');
    lines[3] = lines[3].replace('Olga Smirnova', 'Oleg Unknown');
    lines[5] = lines[4]; // a duplicate ID
    fs.writeFileSync(f.path, lines.join('\r\n'));
    const file = { ...f, size: fs.statSync(f.path).size };
    useWorker(false);
    const s = withCurrency(await sniff(db, file));
    const local = await dryRun(db, file, s.source, s.mapping);
    useWorker(true);
    const remote = await dryRun(db, file, s.source, s.mapping);
    expect(remote).toEqual(local);
    expect(remote.counts).toMatchObject({ rows: 2000, invalid: 3 });
    expect(remote.unknownOwners.map((o) => o.value)).toEqual(['Oleg Unknown']);
    expect(remote.preview).toHaveLength(20);
  });

  it('a running dry run reports how far it is, and nothing once done', async () => {
    useWorker(true);
    const f = bigZoho(10);
    const s = withCurrency(await sniff(db, f));
    const seen: { fraction: number; rows: number }[] = [];
    let done = false;
    const run = dryRun(db, f, s.source, s.mapping).finally(() => (done = true));
    while (!done) {
      const p = dryRunProgress(f.path);
      if (p) seen.push(p);
      await new Promise((r) => setImmediate(r));
    }
    expect((await run).counts.rows).toBe(20000);
    expect(seen.some((p) => p.rows > 0 && p.rows < 20000 && p.fraction > 0 && p.fraction < 1)).toBe(true);
    expect(seen.map((p) => p.rows)).toEqual([...seen.map((p) => p.rows)].sort((a, b) => a - b)); // only grows
    expect(dryRunProgress(f.path)).toBeNull();
  });

  it('cancel stops the worker and leaves nothing', async () => {
    useWorker(true);
    const f = bigZoho(10);
    const s = withCurrency(await sniff(db, f));
    expect((await runImport(db, f, s.source, s.mapping, null, { cancel: true })).state).toBe('cancelled');
    expect(db.prepare('SELECT COUNT(*) FROM crm_deals').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM crm_import_batches').pluck().get()).toBe(0);
  });

  it('while it runs, the app reads the old state and its writes go through between chunks instead of joining the import', async () => {
    useWorker(true);
    const f = bigZoho(10);
    const s = withCurrency(await sniff(db, f));
    // checked from inside the import's progress reports (between its chunks)
    const seen: { deals?: unknown; written?: unknown; busy?: unknown; timeout?: unknown; switchRefused?: boolean } = {};
    let lastRows = 0;
    const onProgress = (p: { rows: number }) => {
      lastRows = p.rows;
      if (p.rows > 0 && p.rows < 20000 && seen.deals === undefined) {
        seen.deals = db.prepare('SELECT COUNT(*) FROM crm_live_deals').pluck().get();
        seen.written = db.prepare('SELECT COUNT(*) FROM crm_deals').pluck().get();
        seen.timeout = db.pragma('busy_timeout', { simple: true });
        try {
          db.prepare("UPDATE people SET name = name || '' WHERE id = 1").run();
          seen.busy = 'no error';
        } catch (e) {
          seen.busy = (e as { code?: string }).code;
        }
        seen.switchRefused = (() => {
          try {
            assertNoLongWrite();
            return false;
          } catch (e) {
            return /CRM import/.test((e as Error).message);
          }
        })();
      }
    };
    const done = await runImport(db, f, s.source, s.mapping, null, { onProgress });
    expect(lastRows).toBe(20000);
    // nothing of the import is visible before it is done, though its chunks are committed; a save is not refused
    expect(seen).toMatchObject({ deals: 0, busy: 'no error', switchRefused: true });
    expect(seen.written).toBeGreaterThan(0);
    expect(() => assertNoLongWrite()).not.toThrow(); // allowed again once the import is done
    expect(seen.timeout).toBe(BUSY_DURING_LONG_WRITE_MS); // a save never blocks the request thread for long
    expect(done).toMatchObject({ state: 'done', counts: expect.objectContaining({ valid: 20000 }) });
    expect(db.prepare('SELECT COUNT(*) FROM crm_live_deals').pluck().get()).toBe(20000);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.prepare('UPDATE people SET name = name WHERE id = 1').run();
  });

  it('startImport runs in the background and reports through getJob', async () => {
    useWorker(true);
    const f = bigZoho(2);
    const s = withCurrency(await sniff(db, f));
    const started = startImport(db, f, s.source, s.mapping, null);
    expect(started.state).toBe('running');
    while (getJob(started.jobId).state === 'running') await new Promise((r) => setTimeout(r, 5));
    expect(getJob(started.jobId)).toMatchObject({ state: 'done', fraction: 1, counts: expect.objectContaining({ valid: 4000 }) });
  });
});

describe('Insights columns read on a worker', () => {
  it('equal the in-process read, are adopted as the cache, and follow a new import', async () => {
    await importWith(false, 'bitrix24_deals.csv');
    const local = db.transaction(() => readDataset(db))();
    process.env.SWB_DATASET_WORKER = path.join(workerDir, 'insights-dataset-worker.cjs');
    const remote = await datasetAsync(db);
    expect(remote.n).toBe(2000);
    expect(remote).toEqual(local);
    expect(dataset(db)).toBe(remote); // the page uses the worker's arrays, no second read
    // a second import of a newer export bumps the version: the next read reflects it
    const before = remote.version;
    await importWith(false, 'zoho_deals.csv');
    const again = await datasetAsync(db);
    expect(again.version).not.toBe(before);
    expect(again.n).toBe(4000);
  });
});

describe('deal packing between threads', () => {
  it('round-trips accepted and rejected rows in file order, nulls included', () => {
    const deal = (i: number): NormalResult => ({
      ok: true,
      deal: {
        externalId: `D-${i}`,
        name: `Сделка 合同 ${i}\u0001x`,
        customer: i % 2 ? 'ООО «Вектор»' : '',
        ownerValue: 'Анна',
        repId: 7,
        amount: i % 3 ? 1234.5 : null,
        currency: 'RUB',
        stage: 'Won',
        status: 'won',
        position: 5,
        createdAt: '2025-01-02T00:00:00',
        closedAt: i % 2 ? '2025-02-02T00:00:00' : null,
        channel: '',
        product: 'Аналитика',
        isRepeat: i % 2 === 1,
        csat: i % 2 ? 4 : null,
        nps: i % 4 ? null : 0,
        churnedAt: null,
      },
    });
    const bad: NormalResult = { ok: false, errors: [{ row: 3, column: 'Amount', value: '12k', message: 'not a number' }] };
    const input: [NormalResult, number][] = [
      [deal(0), 2],
      [bad, 3],
      [deal(1), 4],
      [deal(2), 5],
      [{ ok: false, errors: [], skipped: true }, 6],
    ];
    const p = new DealPacker();
    for (const [r, row] of input) p.add(r, row);
    const chunk = structuredClone(p.take(100, 5));
    const out: [NormalResult, number][] = [];
    unpack(chunk, (r, row) => out.push([r, row]));
    const expected = input.map(([r, row]) => [r.ok ? { ok: true, deal: { ...r.deal, name: r.deal.name.replace('\u0001', ' ') } } : r, row]);
    expect(out).toEqual(expected);
    expect(p.size).toBe(0);
  });
});
