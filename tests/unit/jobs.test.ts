/**
 * The job runner as the app runs it: long work on the bundled jobs worker (its own SQLite
 * connection), requests that only start and poll it, cancel, failure, a restart in the
 * middle of an import (kill -9), and reads that answer while a long job runs.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createContext, type ApiContext } from '../../main/api/context';
import { Staging } from '../../main/files/staging';
import { importRoster } from '../../main/services/roster';
import { WorkspaceManager } from '../../main/services/workspace';
import { dryRun, getJob as crmGetJob, runImport, sniff, startImport, cancelJob as crmCancel } from '../../main/services/crm/importer';
import { getJob, jobsWorkerAvailable, waitJob } from '../../main/services/jobs/runner';
import { openWorkspaceDb } from '../../main/db/open';
import type { Job } from '../../shared/api/jobs';
import type { Actor } from '../../shared/api/access';
import { contract } from '../../shared/api';
import { insightsPage } from '../../main/services/insights/page';
import { readDataset } from '../../main/services/insights/dataset';
import { insightsPageAsync, pageWorkerAvailable, releasePageWorker } from '../../main/services/insights/pageAsync';

const FIX = path.join(__dirname, '..', 'fixtures', 'crm');
let workerDir: string;
let dir: string;
let ws: WorkspaceManager;
let ctx: ApiContext;

beforeAll(async () => {
  // small chunks (the app's are 100,000 rows or ~1 s), so a test import stops between committed chunks;
  // the bundled worker and the restart test's child process read them from the environment
  process.env.SWB_IMPORT_CHUNK_ROWS = '2000';
  process.env.SWB_IMPORT_CHUNK_MS = '50';
  // inside the checkout (.tmp is ignored by git), so the bundles find better-sqlite3 in node_modules
  fs.mkdirSync(path.join(__dirname, '../../.tmp'), { recursive: true });
  workerDir = fs.mkdtempSync(path.join(__dirname, '../../.tmp/jobs-worker-'));
  await build({
    entryPoints: {
      'jobs-worker': path.join(__dirname, '../../main/services/jobs/job-worker.ts'),
      'crm-parse-worker': path.join(__dirname, '../../main/services/crm/parse-worker.ts'),
      'jobs-import-child': path.join(__dirname, 'helpers/jobsImportChild.ts'),
      'insights-page-worker': path.join(__dirname, '../../main/services/insights/page-worker.ts'),
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
}, 120_000);
afterAll(() => fs.rmSync(workerDir, { recursive: true, force: true }));

const useWorkers = (on: boolean) => {
  if (on) {
    process.env.SWB_JOBS_WORKER = path.join(workerDir, 'jobs-worker.cjs');
    process.env.SWB_CRM_WORKER = path.join(workerDir, 'crm-parse-worker.cjs');
  } else {
    delete process.env.SWB_JOBS_WORKER;
    delete process.env.SWB_CRM_WORKER;
  }
  expect(jobsWorkerAvailable()).toBe(on);
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-'));
  ws = new WorkspaceManager({ dataDir: dir, demo: false, host: 'browser' });
  ws.init();
  importRoster(ws.db, fs.readFileSync(path.join(FIX, 'people.csv')), null);
  ctx = createContext(ws, new Staging(path.join(dir, 'staging')), { kind: 'browser' });
  useWorkers(true);
});
afterEach(() => {
  useWorkers(false);
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A Zoho export of `copies` × the 2,000 sample deals (new IDs per copy). */
function bigZoho(copies: number, edit: (row: string) => string = (r) => r) {
  const [header, ...rows] = fs.readFileSync(path.join(FIX, 'zoho_deals.csv'), 'utf8').trim().split(/\r?\n/);
  const out = [header];
  for (let c = 0; c < copies; c++) for (const r of rows) out.push(edit(r.replace(/^(\d+)/, (id) => `${id}${c}`)));
  const p = path.join(dir, 'zoho_big.csv');
  fs.writeFileSync(p, out.join('\r\n') + '\r\n');
  return { id: 'a'.repeat(32), path: p, name: 'zoho_big.csv', size: fs.statSync(p).size };
}

/** The Insights columns read from the tables now (the page itself reuses its cached columns while the data version stands). */
const freshColumns = () => ws.db.transaction(() => readDataset(ws.db))();
const count = (table: string) => ws.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
const row = (id: string) =>
  ws.db.prepare('SELECT state, error_key FROM jobs WHERE id = ?').get(id) as { state: string; error_key: string | null };
const call = async <T>(method: string, input: unknown = {}, c: ApiContext = ctx): Promise<T> => {
  const r = await dispatch(method, input, c);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
};
async function poll(jobId: string): Promise<Job> {
  for (;;) {
    const j = await call<Job>('jobs.get', { jobId });
    if (j.state !== 'running') return j;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('jobs on the worker thread', () => {
  it('an import starts at once, reports growing progress, and ends done with its row settled', async () => {
    const f = bigZoho(5);
    const s = await sniff(ws.db, f);
    const seen: number[] = [];
    const started = startImport(ws.db, f, s.source, s.mapping, null, { onProgress: (p) => seen.push(p.rows) });
    expect(started).toMatchObject({ state: 'running', fraction: 0, counts: null });
    expect(row(started.jobId).state).toBe('running');
    const done = await poll(started.jobId);
    expect(done).toMatchObject({
      kind: 'crm.import',
      state: 'done',
      fraction: 1,
      result: { counts: expect.objectContaining({ valid: 10000, create: 10000 }) },
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(crmGetJob(started.jobId)).toMatchObject({ state: 'done', counts: expect.objectContaining({ valid: 10000 }) });
    expect(count('crm_deals')).toBe(10000);
    expect(row(started.jobId)).toEqual({ state: 'done', error_key: null });
    expect(ws.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('a cancelled import leaves no deals, no customers and no batch, and reads cancelled', async () => {
    const f = bigZoho(20);
    const s = await sniff(ws.db, f);
    let cancelledAt = 0;
    const started = startImport(ws.db, f, s.source, s.mapping, null, {
      onProgress: (p) => {
        if (!cancelledAt && p.rows > 0) {
          cancelledAt = p.rows;
          crmCancel(p.jobId);
        }
      },
    });
    const done = await waitJob(started.jobId);
    expect(cancelledAt).toBeGreaterThan(0);
    expect(done.state).toBe('cancelled');
    expect(crmGetJob(started.jobId).state).toBe('cancelled');
    expect([count('crm_deals'), count('crm_customers'), count('crm_import_batches')]).toEqual([0, 0, 0]);
    expect(row(started.jobId).state).toBe('cancelled');
  });

  it('a failing import reads failed with its translation key, in memory and in its row', async () => {
    const f = bigZoho(1);
    const s = await sniff(ws.db, f);
    // every owner mapped to "skip": no row can be imported
    const owners = Object.fromEntries(s.owners.map((o) => [o.value, 0]));
    const started = startImport(ws.db, f, s.source, { ...s.mapping, owners }, null);
    const done = await poll(started.jobId);
    expect(done).toMatchObject({ state: 'failed', errorKey: 'noValidRows', error: expect.stringMatching(/No row could be imported/) });
    expect(row(started.jobId)).toEqual({ state: 'failed', error_key: 'noValidRows' });
    await expect(runImport(ws.db, f, s.source, { ...s.mapping, owners }, null)).rejects.toMatchObject({
      code: 'invalid_input',
      localized: { key: 'noValidRows' },
    });
    expect(count('crm_import_batches')).toBe(0);
  });

  it('reads answer while a long import runs (they finish before it does)', async () => {
    const f = bigZoho(25);
    const s = await sniff(ws.db, f);
    const started = startImport(ws.db, f, s.source, s.mapping, null);
    const answered: string[] = [];
    for (let i = 0; i < 5; i++) {
      const people = await call<{ rows: unknown[] }>('people.list', {});
      expect(people.rows.length).toBeGreaterThan(0);
      await call('scripts.search', { query: 'price' });
      // the read came back while the import was still writing
      if (getJob(started.jobId).state === 'running') answered.push(`read ${i}`);
    }
    expect(answered).toEqual(['read 0', 'read 1', 'read 2', 'read 3', 'read 4']);
    expect(count('crm_live_deals')).toBe(0); // nothing of the import is visible before it is done
    expect((await waitJob(started.jobId)).state).toBe('done');
    expect(count('crm_live_deals')).toBe(50000);
    expect(count('crm_deals')).toBe(50000);
  });

  it('saves made during a chunked import wait briefly instead of being refused, and readers see nothing of it until it is done', async () => {
    const f = bigZoho(25);
    const s = await sniff(ws.db, f);
    const started = startImport(ws.db, f, s.source, s.mapping, null);
    // the longest the request thread went without turning (a blocking wait for the lock would show here)
    let stall = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      stall = Math.max(stall, now - last);
      last = now;
    }, 2);
    const waits: number[] = [];
    const midway: { raw: number; live: number; batches: number }[] = [];
    try {
      for (let i = 0; getJob(started.jobId).state === 'running'; i++) {
        const t = performance.now();
        const r = await dispatch('people.create', { name: `Saved meanwhile ${i}`, email: `saved.${i}@example.com`, roles: ['rep'] }, ctx);
        waits.push(performance.now() - t);
        expect(r.ok ? null : r.error).toBeNull();
        if (getJob(started.jobId).state === 'running')
          midway.push(
            ws.db.transaction(() => ({
              raw: count('crm_deals'),
              live: count('crm_live_deals'),
              batches: count("crm_import_batches WHERE state = 'done'"),
            }))(),
          );
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      clearInterval(timer);
    }
    expect((await waitJob(started.jobId)).state).toBe('done');
    expect(waits.length).toBeGreaterThan(5);
    // each save got the lock within a chunk or two (the import gives way to it), never the 5 s busy timeout
    expect(Math.max(...waits)).toBeLessThan(1500);
    expect(stall).toBeLessThan(1000);
    // the chunks were committed while it ran, yet readers saw all of it or nothing (one read transaction per look;
    // the job still runs a moment after its last transaction, moving replaced rows to the history)
    expect(midway.some((m) => m.raw > 0 && m.live === 0)).toBe(true);
    expect(midway.every((m) => (m.live === 0 && m.batches === 0) || (m.live === 50000 && m.batches === 1))).toBe(true);
    expect(count('crm_live_deals')).toBe(50000);
    expect(ws.db.prepare("SELECT COUNT(*) FROM people WHERE name LIKE 'Saved meanwhile %'").pluck().get()).toBe(waits.length);
  });

  it('cancel in the middle of a re-import leaves every count and the Insights page as they were', async () => {
    const base = bigZoho(2);
    const s = await sniff(ws.db, base);
    await runImport(ws.db, base, s.source, s.mapping, null);
    const tables = ['crm_deals', 'crm_customers', 'crm_import_batches', 'crm_deal_history', 'crm_live_deals'];
    const filters = contract['insights.page'].input.parse({});
    const before = { counts: tables.map(count), page: JSON.stringify(insightsPage(ws.db, filters)), columns: freshColumns() };
    // the same 4,000 deals (now replaced) and 36,000 new ones, cancelled once chunks of it are committed
    const f = bigZoho(20);
    let seenWritten = 0;
    const started = startImport(ws.db, f, s.source, s.mapping, null, {
      onProgress: (p) => {
        if (seenWritten || p.rows < 8000) return;
        seenWritten = count('crm_deals') - before.counts[0];
        // read again from the tables (not the cached columns): the committed chunks are not in it
        expect(freshColumns()).toEqual(before.columns);
        crmCancel(p.jobId);
      },
    });
    expect((await waitJob(started.jobId)).state).toBe('cancelled');
    expect(seenWritten).toBeGreaterThan(0);
    expect(tables.map(count)).toEqual(before.counts);
    expect(JSON.stringify(insightsPage(ws.db, filters))).toBe(before.page);
    expect(freshColumns()).toEqual(before.columns);
    // and the batch it replaced can still be undone
    expect((await call<{ canUndo: boolean }[]>('crm.batches')).map((b) => b.canUndo)).toEqual([true]);
  });

  it('backup and integrity check run as jobs the API starts and polls; the backup opens as the same workspace', async () => {
    const b = await call<Job<'workspace.backup'>>('workspace.startBackup');
    expect(b.state).toBe('running');
    const done = (await poll(b.jobId)) as Job<'workspace.backup'>;
    expect(done.state).toBe('done');
    const file = done.result!.path;
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const copy = openWorkspaceDb(file).db;
    expect(copy.prepare('SELECT COUNT(*) FROM people').pluck().get()).toBe(count('people'));
    copy.close();
    // the awaited form keeps its shape
    const direct = await call<{ path: string; sizeBytes: number }>('workspace.backup');
    expect(direct.sizeBytes).toBe(fs.statSync(direct.path).size);

    const check = await call<Job<'workspace.integrity'>>('workspace.checkIntegrity');
    expect(await poll(check.jobId)).toMatchObject({ state: 'done', result: { ok: true, problems: [] } });
    expect((await call<Job[]>('jobs.list')).map((j) => j.kind)).toEqual(
      expect.arrayContaining(['workspace.backup', 'workspace.integrity']),
    );
  });

  it('the demo is rebuilt on the worker and opened when done; the open workspace answers meanwhile', async () => {
    const before = ws.info().path;
    const j = await call<Job<'workspace.demo'>>('workspace.startDemo', { reset: true });
    expect(ws.info().path).toBe(before); // still the workspace that was open
    await call('people.list', {});
    const done = (await poll(j.jobId)) as Job<'workspace.demo'>;
    expect(done).toMatchObject({ state: 'done', result: { isDemo: true } });
    expect(ws.info()).toMatchObject({ isDemo: true, path: ws.demoPath });
    expect(count('people')).toBeGreaterThan(20);
    expect(fs.readdirSync(ws.workspacesDir).filter((n) => n.startsWith('.demo-'))).toEqual([]);
  }, 60_000);

  it('another person cannot see or cancel a job they did not start', async () => {
    const b = await call<Job>('workspace.startBackup');
    const rep: Actor = { personId: 1, roles: ['rep'], managedTeamIds: [], teamId: null, owner: false };
    for (const m of ['jobs.get', 'jobs.cancel']) {
      const r = await dispatch(m, { jobId: b.jobId }, ctx.withActor(rep));
      expect(r.ok ? null : r.error.key).toBe('jobs.notFound');
    }
    await poll(b.jobId);
  });
});

describe('Insights recomputed on its worker', () => {
  it('the page from the worker equals the page computed here, and follows a new import', async () => {
    const f = bigZoho(1);
    const s = await sniff(ws.db, f);
    await runImport(ws.db, f, s.source, s.mapping, null);
    const filters = contract['insights.page'].input.parse({});
    const here = insightsPage(ws.db, filters);
    process.env.SWB_INSIGHTS_PAGE_WORKER = path.join(workerDir, 'insights-page-worker.cjs');
    try {
      expect(pageWorkerAvailable()).toBe(true);
      const there = await insightsPageAsync(ws.db, filters);
      expect(there).toEqual(here);
      expect(there.leaderboard.revenue.length).toBeGreaterThan(0);
      // a second import (new IDs): the worker reads the new deals
      const g = bigZoho(2);
      await runImport(ws.db, g, s.source, s.mapping, null);
      expect(await insightsPageAsync(ws.db, filters)).toEqual(insightsPage(ws.db, filters));
    } finally {
      await releasePageWorker();
      delete process.env.SWB_INSIGHTS_PAGE_WORKER;
    }
  });
});

describe('jobs in-process (no bundle: the unit-test path)', () => {
  it('the same import runs on this thread, with the same outcome and row', async () => {
    useWorkers(false);
    const f = bigZoho(2);
    const s = await sniff(ws.db, f);
    await dryRun(ws.db, f, s.source, s.mapping);
    const started = startImport(ws.db, f, s.source, s.mapping, null);
    expect(getJob(started.jobId).state).toBe('running');
    const done = await waitJob(started.jobId);
    expect(done).toMatchObject({ state: 'done', result: { counts: expect.objectContaining({ valid: 4000 }) } });
    expect(row(started.jobId).state).toBe('done');
  });
});

describe('a restart in the middle of an import', () => {
  it('kill -9 while a re-import writes: nothing of it was ever visible; after the restart the job reads failed and nothing of it is kept', async () => {
    // 2,000 deals first, won and lost the other way round: the big import replaces them (and adds 78,000)
    const base = bigZoho(1, (r) => r.replace(/Closed (Won|Lost)/, (_, w: string) => (w === 'Won' ? 'Closed Lost' : 'Closed Won')));
    const s = await sniff(ws.db, base);
    await runImport(ws.db, base, s.source, s.mapping, null);
    const filters = contract['insights.page'].input.parse({});
    const tables = ['crm_deals', 'crm_customers', 'crm_import_batches', 'crm_deal_history'];
    const before = { counts: tables.map(count), page: JSON.stringify(insightsPage(ws.db, filters)) };
    const f = bigZoho(40);
    const mappingFile = path.join(dir, 'mapping.json');
    fs.writeFileSync(mappingFile, JSON.stringify(s.mapping));
    const file = ws.path;
    ws.close();
    const child = fork(path.join(workerDir, 'jobs-import-child.cjs'), [path.join(dir, 'child-data'), file, f.path, mappingFile, '8000'], {
      stdio: 'ignore',
      env: { ...process.env },
    });
    const started = await new Promise<{ jobId: string; rows: number }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { jobId: string; rows: number }));
      child.once('exit', (code) => reject(new Error(`the host exited early (${code})`)));
    });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect(started.rows).toBeGreaterThan(0);
    // what any reader of the file sees right after the crash: the workspace as it was
    const raw = openWorkspaceDb(file).db;
    try {
      const visible = (sql: string) => raw.prepare(sql).pluck().get();
      expect(visible('SELECT COUNT(*) FROM crm_live_deals')).toBe(2000);
      expect(visible("SELECT COUNT(*) FROM crm_import_batches WHERE state = 'done'")).toBe(1);
      expect(visible('SELECT COUNT(*) FROM crm_live_customers')).toBe(before.counts[1]);
      expect(visible('SELECT COUNT(*) FROM crm_deals')).toBeGreaterThan(2000); // chunks of it were committed
      expect(JSON.stringify(insightsPage(raw, filters))).toBe(before.page);
    } finally {
      raw.close();
    }
    // "restart": the workspace opens again
    ws.open(file);
    expect(row(started.jobId)).toEqual({ state: 'failed', error_key: 'jobs.interrupted' });
    expect(crmGetJob(started.jobId, ws.db)).toMatchObject({ state: 'failed', errorKey: 'jobs.interrupted' });
    expect(await call<Job>('jobs.get', { jobId: started.jobId })).toMatchObject({ state: 'failed', kind: 'crm.import' });
    expect(tables.map(count)).toEqual(before.counts);
    expect(JSON.stringify(insightsPage(ws.db, filters))).toBe(before.page);
    expect(ws.db.pragma('quick_check', { simple: true })).toBe('ok');
  }, 60_000);
});
