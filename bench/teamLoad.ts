/**
 * The team server under a whole team's load. The server runs as its own process
 * (dist/main/serve.cjs --team --debug-stalls, printing its longest event-loop stall
 * and RSS each second); this process is the load generator, on loopback, bounded in
 * time. Open loop: 200 reps each search once a second whatever the answers' speed;
 * 20 managers browse calls, people and Insights and save evaluations; one admin
 * re-imports the CRM file (every deal updated) in the middle of the run.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRng } from '../shared/domain/random';
import { WorkspaceManager } from '../main/services/workspace';
import { createPerson, createTeam } from '../main/services/people';
import { createSession, setPassword } from '../main/services/accounts';
import { dryRun, runImport, sniff } from '../main/services/crm/importer';
import { percentile, type Row } from './lib';

const ROOT = path.resolve(__dirname, '..');
const SECONDS = Number(process.env.TEAM_LOAD_SECONDS ?? 60);
const DEALS = Number(process.env.TEAM_DEALS ?? 300_000);
const REPS = Number(process.env.TEAM_REPS ?? 200);
const MANAGERS = 20;
const PW = 'violet tram seventeen';
const QUERIES = [
  'too expensive',
  'price',
  'discount',
  'competitor',
  'we already use',
  'send me an email',
  'no budget',
  'not the right time',
  'contract length',
  'decision maker',
  'дорого',
  'слишком дорого',
  'скидка',
  'конкурент',
  'нет бюджета',
  'подумаем',
  'пришлите предложение',
  'договор',
  'сроки',
  'руководитель решает',
  '太贵',
  '价格太高',
  '折扣',
  '竞争对手',
  '没有预算',
  '考虑一下',
  '发邮件',
  '合同',
  '决策人',
  '时间不合适',
];
const FIRST = ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Sophia'];
const LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Miller', 'Wilson', 'Moore', 'Clark', 'Lewis', 'Walker'];
const repName = (i: number) => `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${Math.floor(i / 100) || ''}`.trim();

function writeDeals(file: string, reps: number) {
  const rng = createRng(7);
  const fd = fs.openSync(file, 'w');
  let buf =
    'Record Id,Deal Name,Account Name,Deal Owner,Amount,Currency,Stage,Closing Date,Created Time,Lead Source,Type,Probability (%)\r\n';
  const end = Date.UTC(2026, 5, 30);
  const start = end - 3 * 365 * 86_400_000;
  for (let i = 0; i < DEALS; i++) {
    const rep = Math.floor(rng.next() * reps);
    const created = start + Math.floor((i / DEALS) * (end - start));
    const closed = created + (5 + Math.floor(rng.next() * 80)) * 86_400_000;
    const won = closed <= end && rng.chance(0.4);
    const stage = closed > end ? 'Negotiation/Review' : won ? 'Closed Won' : 'Closed Lost';
    const d = new Date(created).toISOString();
    buf += `${5725767000000000 + i},Account ${rep * 50 + (i % 50)} - deal ${i},Account ${rep * 50 + (i % 50)},${repName(rep)},${(1000 + rng.next() * 60000).toFixed(2)},USD,${stage},${new Date(closed).toISOString().slice(0, 10)},${d.slice(0, 10)} ${d.slice(11, 19)},Web,New Business,${won ? 100 : 0}\r\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

interface Server {
  port: number;
  proc: ChildProcess;
  stalls: { at: number; max: number; rss: number; cpu: number }[];
}

function startServer(dataDir: string, staticDir: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [
        path.join(ROOT, 'dist/main/serve.cjs'),
        '--team',
        '--debug-stalls',
        '--data',
        dataDir,
        '--port',
        '0',
        '--static',
        staticDir,
        '--no-demo',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const stalls: Server['stalls'] = [];
    let out = '';
    let ready = false;
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      for (const m of c.toString().matchAll(/STALL max=([\d.]+) rss=(\d+) cpu=(\d+)/g))
        stalls.push({ at: performance.now(), max: Number(m[1]), rss: Number(m[2]), cpu: Number(m[3]) });
      const r = /READY port=(\d+)/.exec(out);
      if (r && !ready) {
        ready = true;
        resolve({ port: Number(r[1]), proc, stalls });
      }
    });
    proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code) => (ready ? undefined : reject(new Error(`server exited ${code}: ${out}`))));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function request(
  port: number,
  pathName: string,
  token: string,
  body: Buffer | string,
  type = 'application/json',
): Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { message: string } } }> {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathName,
        method: 'POST',
        agent,
        headers: { 'content-type': type, 'content-length': String(buf.length), authorization: `Bearer ${token}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString()) as { ok: boolean; value?: unknown } });
          } catch {
            resolve({ status: res.statusCode!, json: { ok: false, error: { message: 'not JSON' } } });
          }
        });
      },
    );
    req.on('error', reject);
    req.end(buf);
  });
}

type Kind = 'search' | 'page read' | 'write';
const lat: Record<Kind, number[]> = { search: [], 'page read': [], write: [] };
const errors: Record<string, number> = {};

async function timed<T>(
  kind: Kind | null,
  label: string,
  fn: () => Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { message: string } } }>,
): Promise<T | null> {
  const t0 = performance.now();
  try {
    const r = await fn();
    if (kind) lat[kind].push(performance.now() - t0);
    if (!r.json.ok) {
      errors[`${label}: ${r.status} ${r.json.error?.message ?? ''}`.slice(0, 160)] =
        (errors[`${label}: ${r.status} ${r.json.error?.message ?? ''}`.slice(0, 160)] ?? 0) + 1;
      return null;
    }
    return r.json.value as T;
  } catch (e) {
    errors[`${label}: ${(e as Error).message}`] = (errors[`${label}: ${(e as Error).message}`] ?? 0) + 1;
    return null;
  }
}

const api = (port: number, token: string, method: string, input: unknown) => () =>
  request(port, `/api/${method}`, token, JSON.stringify(input));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function teamLoad(dir: string): Promise<Row[]> {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--main-only'], { stdio: 'inherit' });
  const staticDir = path.join(dir, 'load-static');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  const dataDir = path.join(dir, 'load-data');

  // The workspace: the demo (scripts, objection bank, calls), 200 reps, 20 managers, an admin, and the first CRM import.
  const ws = new WorkspaceManager({ dataDir, demo: true, host: 'browser' });
  ws.init();
  const db = ws.db;
  // 20 managers, each leading a region; the demo's reps (who have the recorded calls) are spread over the regions
  const managers = Array.from({ length: MANAGERS }, (_, i) =>
    createPerson(db, {
      name: `Manager ${i + 1}`,
      email: `manager${i}@load.example`,
      roles: ['manager'],
      teamId: null,
      names: {},
      hiredAt: null,
    }),
  );
  const teams = managers.map((m, i) => createTeam(db, { name: `Load region ${i + 1}`, description: '', managerId: m.id }).id);
  const reps = Array.from({ length: REPS }, (_, i) =>
    createPerson(db, {
      name: repName(i),
      email: `rep${i}@load.example`,
      roles: ['rep'],
      teamId: teams[i % teams.length],
      names: {},
      hiredAt: null,
    }),
  );
  const callReps = db.prepare('SELECT DISTINCT rep_id FROM calls ORDER BY rep_id').pluck().all() as number[];
  callReps.forEach((id, j) => db.prepare('UPDATE people SET team_id = ? WHERE id = ?').run(teams[j % teams.length], id));
  const admin = createPerson(db, {
    name: 'Load Admin',
    email: 'admin@load.example',
    roles: ['admin', 'manager'],
    teamId: null,
    names: {},
    hiredAt: null,
  });
  await setPassword(db, { id: admin.id, name: admin.name, email: admin.email }, PW);
  const client = { ip: '127.0.0.1', userAgent: 'team-load' };
  const repTokens = reps.map((r) => createSession(db, r.id, 'bearer', client).token);
  const managerTokens = managers.map((m) => createSession(db, m.id, 'bearer', client).token);
  const adminToken = createSession(db, admin.id, 'bearer', client).token;
  const csv = path.join(dir, `deals_${DEALS}.csv`);
  const t = performance.now();
  writeDeals(csv, REPS);
  const file = { id: 'l'.repeat(32), path: csv, name: path.basename(csv), size: fs.statSync(csv).size };
  const s = await sniff(db, file);
  await dryRun(db, file, s.source, s.mapping);
  const first = await runImport(db, file, s.source, s.mapping, null);
  console.log(`load setup: ${first.counts?.valid} deals imported in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  ws.close();

  const srv = await startServer(dataDir, staticDir);
  const port = srv.port;
  const rows: Row[] = [];
  try {
    // The server's start-up work (the Insights columns read on a worker when the workspace opens) is over before
    // the idle baseline: the page waits for it.
    const warm = await request(port, '/api/insights.page', managerTokens[0], JSON.stringify({ teamId: teams[0] }));
    if (!warm.json.ok) throw new Error(`warm-up insights.page failed: ${warm.json.error?.message}`);
    await sleep(1500);
    // Baseline: the same searches from one client on the idle server.
    const base: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const r = await request(port, '/api/scripts.search', repTokens[0], JSON.stringify({ query: QUERIES[i % QUERIES.length] }));
      if (i >= 30) base.push(performance.now() - t0);
      if (!r.json.ok) throw new Error(`baseline search failed: ${r.json.error?.message}`);
    }
    base.sort((a, b) => a - b);
    const idleStall = Math.max(0, ...srv.stalls.map((x) => x.max));

    // The upload for the re-import goes up before the run (an upload is not the measured part).
    const up = await request(port, `/upload?name=${encodeURIComponent(file.name)}`, adminToken, fs.readFileSync(csv), 'text/csv');
    const uploadId = (up.json.value as { id: string }).id;

    const t0 = performance.now();
    const genCpu0 = process.cpuUsage();
    const end = t0 + SECONDS * 1000;
    const rng = createRng(3);
    const inflight: Promise<unknown>[] = [];
    // reps: open loop, one search a second each, spread over the second
    const repTimers = repTokens.map((tok, i) =>
      setTimeout(
        function tick() {
          if (performance.now() >= end) return;
          inflight.push(
            timed(
              'search',
              'scripts.search',
              api(port, tok, 'scripts.search', { query: QUERIES[Math.floor(rng.next() * QUERIES.length)] }),
            ),
          );
          repTimers[i] = setTimeout(tick, 1000);
        },
        (i * 1000) / repTokens.length,
      ),
    );
    // managers: closed loop with think time: a page read each ~1.5 s, an evaluation saved every ~8th step
    const managerLoops = managerTokens.map(async (tok, i) => {
      const insights = { teamId: teams[i] };
      await sleep(i * 75);
      let step = 0;
      let callIds: number[] = [];
      while (performance.now() < end) {
        const k = step++ % 6;
        if (k === 0) {
          const page = await timed<{ rows: { id: number }[] }>(
            'page read',
            'scorecards.calls.list',
            api(port, tok, 'scorecards.calls.list', { offset: (step * 7) % 40, limit: 50 }),
          );
          if (page?.rows.length) callIds = page.rows.map((r) => r.id);
        } else if (k === 1 || (k !== 2 && !callIds.length))
          await timed('page read', 'people.list', api(port, tok, 'people.list', { limit: 50, offset: 0 }));
        else if (k === 2) await timed('page read', 'insights.page', api(port, tok, 'insights.page', insights));
        else if (k === 3)
          await timed('page read', 'scorecards.calls.get', api(port, tok, 'scorecards.calls.get', { id: callIds[step % callIds.length] }));
        else if (k === 4 || k === 5) {
          const ev = await timed<{ evaluation: { id: number } }>(
            'write',
            'scorecards.evaluations.start',
            api(port, tok, 'scorecards.evaluations.start', { callId: callIds[(step + i) % callIds.length] }),
          );
          if (ev)
            await timed(
              'write',
              'scorecards.evaluations.save',
              api(port, tok, 'scorecards.evaluations.save', { id: ev.evaluation.id, answers: {}, summary: `Load run note ${step}` }),
            );
        }
        await sleep(1000 + rng.next() * 1000);
      }
    });
    // the admin's CRM re-import, started in the middle of the run
    let importMs = NaN;
    let importState = 'not started';
    let importStart = NaN;
    const importer = (async () => {
      await sleep((SECONDS * 1000) / 3);
      const t1 = performance.now();
      importStart = t1;
      const sn = await timed<{ source: string; mapping: unknown }>(null, 'crm.sniff', api(port, adminToken, 'crm.sniff', { uploadId }));
      if (!sn) return;
      await timed(
        null,
        'crm.dryRun',
        api(port, adminToken, 'crm.dryRun', { uploadId, source: sn.source, mapping: sn.mapping, fileName: file.name }),
      );
      const job = await timed<{ jobId: string }>(
        null,
        'crm.startImport',
        api(port, adminToken, 'crm.startImport', { uploadId, source: sn.source, mapping: sn.mapping, fileName: file.name }),
      );
      if (!job) return;
      for (;;) {
        await sleep(500);
        const j = await timed<{ state: string }>(null, 'crm.job', api(port, adminToken, 'crm.job', { jobId: job.jobId }));
        importState = j?.state ?? 'unknown';
        if (!j || !['queued', 'running'].includes(j.state)) break;
      }
      importMs = performance.now() - t1;
    })();
    await Promise.all([...managerLoops, importer, sleep(SECONDS * 1000)]);
    repTimers.forEach((x) => clearTimeout(x));
    await Promise.all(inflight);
    // the load generator's own CPU (this process; the server is another), as a share of one core over the run
    const genCpu = process.cpuUsage(genCpu0);
    const genShare = (genCpu.user + genCpu.system) / 1000 / (performance.now() - t0);
    const during = srv.stalls.filter((x) => x.at >= t0);
    const stall = Math.max(0, ...during.map((x) => x.max));
    if (process.env.TEAM_STALLS)
      console.log('server stalls by second (ms):', during.map((x) => `+${((x.at - t0) / 1000).toFixed(0)}s:${x.max.toFixed(0)}`).join(' '));
    console.log(`re-import started at +${((importStart - t0) / 1000).toFixed(0)} s`);
    const rss = Math.max(0, ...during.map((x) => x.rss));
    const serverShare = during.reduce((a, x) => a + x.cpu, 0) / Math.max(1, during.length) / 1000;
    console.log(
      `re-import: ${importState} in ${(importMs / 1000).toFixed(1)} s; requests: ${Object.values(lat).reduce((a, l) => a + l.length, 0)} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    if (Object.keys(errors).length) console.log('errors:', errors);

    const n = (x: number) => x.toLocaleString('en');
    for (const [kind, target] of [
      ['search', 30],
      ['page read', 200],
      ['write', 100],
    ] as const) {
      const l = lat[kind].sort((a, b) => a - b);
      rows.push({
        metric: `load (${REPS} reps, ${MANAGERS} managers, re-import ${n(DEALS)} deals): ${kind} p50`,
        value: percentile(l, 50),
        unit: 'ms',
        target: null,
        better: 'lower',
      });
      rows.push({ metric: `load: ${kind} p95 (n=${l.length})`, value: percentile(l, 95), unit: 'ms', target, better: 'lower' });
      rows.push({ metric: `load: ${kind} p99`, value: percentile(l, 99), unit: 'ms', target: null, better: 'lower' });
    }
    rows.push({
      metric: 'baseline: search p50, one client, idle server',
      value: percentile(base, 50),
      unit: 'ms',
      target: null,
      better: 'lower',
    });
    rows.push({
      metric: 'baseline: search p95, one client, idle server',
      value: percentile(base, 95),
      unit: 'ms',
      target: null,
      better: 'lower',
    });
    rows.push({ metric: 'baseline: longest stall, idle server', value: idleStall, unit: 'ms', target: null, better: 'lower' });
    rows.push({
      metric: 'load: errors',
      value: Object.values(errors).reduce((a, b) => a + b, 0),
      unit: 'count',
      target: 0,
      better: 'lower',
    });
    rows.push({ metric: 'load: longest event-loop stall (server)', value: stall, unit: 'ms', target: 100, better: 'lower' });
    rows.push({ metric: 'load: server RSS (peak)', value: rss, unit: 'MB', target: null, better: 'lower' });
    rows.push({
      metric: 'load: server process CPU (all its threads; 1 = one core)',
      value: serverShare,
      unit: 'cores',
      target: null,
      better: 'lower',
    });
    rows.push({
      metric: 'load: load generator CPU (its own process; 1 = one core)',
      value: genShare,
      unit: 'cores',
      target: null,
      better: 'lower',
    });
    rows.push({
      metric: `load: CRM re-import ${n(DEALS)} deals under load (${importState})`,
      value: importMs / 1000,
      unit: 's',
      target: null,
      better: 'lower',
    });
  } finally {
    srv.proc.kill('SIGTERM');
    agent.destroy();
  }
  return rows;
}
