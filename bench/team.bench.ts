/**
 * Team bench (sign-in and session costs): sign-in p95 with argon2id (meant to
 * be slow; beside the bare argon2 verify), the session check alone, and an API
 * request through the HTTP host with a session check (team) beside the same
 * request with only the solo token check; then the server under a whole
 * team's load (bench/teamLoad.ts).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createApp } from '../main/app';
import type { ApiContext } from '../main/api/context';
import { createServer } from '../main/server/server';
import { createSession, hashPassword, resolveSession, setPassword, signIn, verifyPassword } from '../main/services/accounts';
import { createPerson } from '../main/services/people';
import { percentile, report, timeEach, tmpDir, type Row } from './lib';
import { teamLoad } from './teamLoad';

const PW = 'violet tram seventeen';

async function timeAsync(n: number, fn: (i: number) => Promise<unknown>, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function post(port: number, pathName: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathName,
        method: 'POST',
        agent,
        headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': '2', ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

async function main() {
  const dir = tmpDir('team');
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  const ctx: ApiContext = createApp({ dataDir: path.join(dir, 'data'), demo: false, host: { kind: 'browser' } });
  const db = ctx.db;
  const p = createPerson(db, { name: 'Bench Rep', names: {}, email: 'bench@example.com', teamId: null, roles: ['rep'], hiredAt: null });
  await setPassword(db, { id: p.id, name: p.name, email: p.email }, PW);
  const rows: Row[] = [];

  // 1. Sign-in (throttle gate, argon2id verify, session row, audit) beside the bare verify.
  const hash = await hashPassword(PW);
  const verify = await timeAsync(30, () => verifyPassword(hash, PW));
  const client = { ip: '10.0.0.1', userAgent: 'bench' };
  const sign = await timeAsync(30, () => signIn(db, 'bench@example.com', PW, 'browser', client));
  rows.push({ metric: 'sign-in p95 (argon2id m=19MiB t=2)', value: sign.p95, unit: 'ms', target: 500, better: 'lower' });
  rows.push({ metric: 'sign-in p50', value: sign.p50, unit: 'ms', target: null, better: 'lower' });
  rows.push({ metric: 'baseline: argon2id verify alone p95', value: verify.p95, unit: 'ms', target: null, better: 'lower' });

  // 2. The session check alone (hash, row, expiry, actor from People).
  const { token } = createSession(db, p.id, 'browser', client);
  const check = timeEach(Array.from({ length: 5000 }), () => resolveSession(db, token), 200);
  rows.push({ metric: 'session check alone p50', value: check.p50 * 1000, unit: 'µs', target: null, better: 'lower' });
  rows.push({ metric: 'session check alone p95', value: check.p95 * 1000, unit: 'µs', target: 200, better: 'lower' });

  // 3. One API request through each host: team (cookie → session → actor) and solo (token compare only).
  const solo = createServer({ ctx, token: 'bench-token', staticDir });
  const team = createServer({ ctx, staticDir, team: { publicUrls: [] } });
  const soloPort = (await solo.listen()).port;
  const teamPort = (await team.listen()).port;
  const N = 2000;
  const soloReq = await timeAsync(N, () => post(soloPort, '/api/workspace.info', { authorization: 'Bearer bench-token' }), 200);
  const teamReq = await timeAsync(
    N,
    () => post(teamPort, '/api/workspace.info', { cookie: `swb_session=${token}`, origin: `http://127.0.0.1:${teamPort}` }),
    200,
  );
  if ((await post(teamPort, '/api/workspace.info', { cookie: `swb_session=${token}`, origin: `http://127.0.0.1:${teamPort}` })) !== 200)
    throw new Error('team request was refused');
  rows.push({ metric: 'API request, team session check p50', value: teamReq.p50, unit: 'ms', target: null, better: 'lower' });
  rows.push({ metric: 'baseline: API request, solo token only p50', value: soloReq.p50, unit: 'ms', target: null, better: 'lower' });
  rows.push({
    metric: 'session-check overhead per request (p50 diff)',
    value: (teamReq.p50 - soloReq.p50) * 1000,
    unit: 'µs',
    target: 500,
    better: 'lower',
  });
  await solo.close();
  await team.close();
  agent.destroy();
  ctx.ws.close();
  // 4. The server under a whole team's load (TEAM_LOAD=0 skips it).
  if (process.env.TEAM_LOAD !== '0') rows.push(...(await teamLoad(dir)));
  fs.rmSync(dir, { recursive: true, force: true });
  report('team', rows);
}

void main();
