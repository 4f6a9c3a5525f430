/**
 * kill -9 the real browser host (dist/main/serve.cjs, built by `npm run
 * test:reliability`) during a CRM import of 50,000 deals, a library upload, a
 * backup and a restore, each at several moments; then check the workspace
 * (integrity_check), that nothing is half there (no partial import, no batch
 * without its deals, no lost library file) and that the next start leaves no
 * leftovers (partial backups, restore temp files, staged uploads).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// small import chunks (the app's are 100,000 rows or ~1 s), so a kill can land after some are committed;
// the hosts started here inherit them
process.env.SWB_IMPORT_CHUNK_ROWS = '5000';
process.env.SWB_IMPORT_CHUNK_MS = '50';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVE = path.join(ROOT, 'dist', 'main', 'serve.cjs');
const TOKEN = 'crash-test-token';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Host {
  child: ChildProcess;
  port: number;
  output: () => string;
}

async function start(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--data', dataDir, '--token', TOKEN], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /READY port=(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
  return { child, port, output: () => out };
}

async function kill9(h: Host) {
  const exited = new Promise((r) => h.child.once('exit', r));
  h.child.kill('SIGKILL');
  await exited;
}

async function api<T>(h: Host, method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${h.port}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

/** Streams a file to /upload; `stopAfter` bytes then leaves the request hanging (for a kill mid-upload). */
function upload(h: Host, file: string, name: string, stopAfter?: number): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const size = fs.statSync(file).size;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: h.port,
        path: `/upload?name=${encodeURIComponent(name)}`,
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-length': String(size), host: `127.0.0.1:${h.port}` },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve((JSON.parse(body) as { value: { id: string } }).value));
      },
    );
    req.on('error', reject);
    if (stopAfter === undefined) fs.createReadStream(file).pipe(req);
    else req.write(fs.readFileSync(file).subarray(0, stopAfter));
  });
}

interface Snapshot {
  integrity: string[];
  /** what readers see: deals and batches of finished imports */
  deals: number;
  batches: number;
  /** every row, those of an unfinished import too (its chunks are committed as it goes) */
  rawDeals: number;
  rawBatches: number;
  libraryRows: number;
  missingFiles: number;
  dealsPerBatch: { batch: number; n: number }[];
}

function inspect(dataDir: string): Snapshot {
  const file = path.join(dataDir, 'workspaces', 'demo.sqlite');
  const db = new Database(file);
  try {
    const filesDir = file.replace(/\.sqlite$/, '.files');
    const shas = db.prepare('SELECT DISTINCT sha256 FROM library_versions WHERE sha256 IS NOT NULL').pluck().all() as string[];
    return {
      integrity: (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check),
      deals: db.prepare('SELECT count(*) FROM crm_live_deals').pluck().get() as number,
      batches: db.prepare("SELECT count(*) FROM crm_import_batches WHERE state = 'done'").pluck().get() as number,
      rawDeals: db.prepare('SELECT count(*) FROM crm_deals').pluck().get() as number,
      rawBatches: db.prepare('SELECT count(*) FROM crm_import_batches').pluck().get() as number,
      libraryRows: db.prepare('SELECT count(*) FROM library_versions').pluck().get() as number,
      missingFiles: shas.filter((s) => !fs.existsSync(path.join(filesDir, s.slice(0, 2), s))).length,
      dealsPerBatch: db
        .prepare(
          "SELECT b.id AS batch, count(d.id) AS n FROM crm_import_batches b LEFT JOIN crm_live_deals d ON d.batch_id = b.id WHERE b.state = 'done' GROUP BY b.id",
        )
        .all() as { batch: number; n: number }[],
    };
  } finally {
    db.close();
  }
}

/** Files a crash may leave, anywhere in the data folder. */
function leftovers(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.partial$|\.restore-tmp$|^\.demo-/.test(e.name) || path.dirname(p).endsWith(path.join('tmp', 'uploads')))
        out.push(path.relative(dataDir, p));
    }
  };
  walk(dataDir);
  return out;
}

let dataDir: string;
let csv: string;
let host: Host;

beforeAll(async () => {
  if (!fs.existsSync(SERVE)) throw new Error('Build first: npm run test:reliability builds dist/main/serve.cjs');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-crash-'));
  host = await start(dataDir);
  // 50,000 deals owned by the demo reps, in HubSpot's export layout
  const reps = (await api<{ rows: { name: string }[] }>(host, 'people.list', { limit: 200 })).rows.map((p) => p.name);
  const stages = ['Closed won', 'Closed lost', 'Appointment scheduled', 'Contract sent'];
  const lines = [
    'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline,Associated Company,Deal Type,Original Source',
  ];
  for (let i = 0; i < 50_000; i++) {
    const m = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      `${7_000_000 + i},Deal ${i},${stages[i % 4]},${(1000 + (i % 997) * 13.5).toFixed(2)},2025-${m}-15 10:00,2025-${m}-01 09:00,${reps[i % reps.length]},Sales Pipeline,Company ${i % 3000},newbusiness,DIRECT`,
    );
  }
  csv = path.join(dataDir, '..', `swb-crash-deals-${process.pid}.csv`);
  fs.writeFileSync(csv, lines.join('\n'));
}, 300_000);

afterAll(async () => {
  if (host?.child.exitCode === null) await kill9(host);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(csv, { force: true });
});

describe('kill -9 during long work', () => {
  it('the host starts without printing pdf.js warnings', () => {
    expect(host.output()).not.toMatch(/Cannot access the `require` function|Warning:/);
  });

  it.each([150, 700, 2000])(
    'a CRM import of 50,000 deals killed after %i ms leaves no partial import',
    async (ms) => {
      const before = (await kill9(host), inspect(dataDir));
      host = await start(dataDir);
      const up = await upload(host, csv, 'deals.csv');
      const sniff = await api<{ source: string; mapping: unknown }>(host, 'crm.sniff', { uploadId: up.id });
      await api(host, 'crm.startImport', { uploadId: up.id, source: sniff.source, mapping: sniff.mapping });
      await sleep(ms);
      await kill9(host);
      const after = inspect(dataDir);
      expect(after.integrity).toEqual(['ok']);
      // all or nothing: either the import committed whole, or nothing of it is visible
      const added = after.deals - before.deals;
      expect([0, 50_000]).toContain(added);
      expect(after.batches - before.batches).toBe(added ? 1 : 0);
      for (const b of after.dealsPerBatch.filter((x) => !before.dealsPerBatch.some((y) => y.batch === x.batch))) expect(b.n).toBe(50_000);
      host = await start(dataDir);
      expect(leftovers(dataDir)).toEqual([]);
      // the restart removed the rows of an unfinished import: the file holds what readers saw
      const reopened = inspect(dataDir);
      expect([reopened.rawDeals, reopened.rawBatches]).toEqual([after.deals, after.batches]);
      expect([reopened.deals, reopened.batches]).toEqual([after.deals, after.batches]);
      // no job is left "running": the next import is accepted
      const batches = await api<unknown[]>(host, 'crm.batches');
      expect(batches.length).toBe(after.batches);
    },
    300_000,
  );

  it.each([0.1, 0.5, 0.9])(
    'a library upload killed at %f of its bytes leaves no staged file and no half item',
    async (share) => {
      const before = inspect(dataDir);
      const big = path.join(dataDir, '..', `swb-crash-${process.pid}.pdf`);
      fs.writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024, 'a')]));
      void upload(host, big, 'big.pdf', Math.floor(fs.statSync(big).size * share)).catch(() => undefined);
      await sleep(400);
      await kill9(host);
      fs.rmSync(big, { force: true });
      const after = inspect(dataDir);
      expect(after.integrity).toEqual(['ok']);
      expect(after.libraryRows).toBe(before.libraryRows);
      expect(after.missingFiles).toBe(0);
      host = await start(dataDir);
      expect(leftovers(dataDir)).toEqual([]);
    },
    300_000,
  );

  it.each([0, 30, 120])(
    'a backup killed after %i ms leaves no .partial after the next start',
    async (ms) => {
      void api(host, 'workspace.backup').catch(() => undefined);
      await sleep(ms);
      await kill9(host);
      expect(inspect(dataDir).integrity).toEqual(['ok']);
      host = await start(dataDir);
      expect(leftovers(dataDir)).toEqual([]);
      for (const b of await api<{ path: string }[]>(host, 'workspace.listBackups')) {
        const db = new Database(b.path, { readonly: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
      }
    },
    300_000,
  );

  it.each([0, 40, 200])(
    'a restore killed after %i ms leaves a whole workspace and no temp file',
    async (ms) => {
      const backup = await api<{ path: string }>(host, 'workspace.backup');
      const before = inspect(dataDir);
      void api(host, 'workspace.restore', { path: backup.path }).catch(() => undefined);
      await sleep(ms);
      await kill9(host);
      const after = inspect(dataDir);
      expect(after.integrity).toEqual(['ok']);
      expect(after.deals).toBe(before.deals);
      expect(after.libraryRows).toBe(before.libraryRows);
      host = await start(dataDir);
      expect(leftovers(dataDir)).toEqual([]);
      expect((await api<{ isDemo: boolean }>(host, 'workspace.info')).isDemo).toBe(true);
    },
    300_000,
  );
});
