/**
 * `npm run serve` entry: the browser host.
 * --debug-stalls: print the longest event-loop stall and RSS each second (benches).
 * Solo (default): --port N, --data <folder>, --no-demo, --token T (tests), --static <dir>, --upload-limit-mb N (default 500),
 * --client (this loopback host acts as the desktop app towards team servers: Settings → Team workspace, screens read the team server in use).
 * Team (--team): --host <addr> (beyond loopback needs --tls-cert/--tls-key or
 * --behind-proxy <proxy address>), --public-url <url> (repeatable or comma
 * list: the names and origins this server answers to), --oidc-issuer,
 * --oidc-client-id, --oidc-client-secret (or WORKBENCH_OIDC_* variables),
 * --headers-timeout S, --request-timeout S. README.md documents each.
 */
import path from 'node:path';
import fs from 'node:fs';
import { createApp, defaultDataDir } from '../app';
import { issueSetupCode, needsOwner, sweepFailures, sweepSessions } from '../services/accounts';
import { createServer, isLoopback } from './server';
import { teamClientAbilities } from '../services/teamClient';
import { sweepAll as sweepReminders } from '../services/notifications/sweep';
import type { TeamOptions } from './team';
import { megabytes } from './http';
import { DEFAULT_UPLOAD_LIMIT } from '../files/staging';

function arg(name: string): string | undefined {
  return args(name).at(-1);
}

/** Every value of a flag (`--x a --x b` or `--x=a`). */
function args(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === `--${name}` && process.argv[i + 1] !== undefined) out.push(process.argv[i + 1]);
    else if (a.startsWith(`--${name}=`)) out.push(a.slice(name.length + 3));
  });
  return out;
}

function fatal(message: string): never {
  console.error(message);
  process.exit(2);
}

function seconds(name: string, fallback: number): number {
  const v = arg(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 1 || n > 3600) fatal(`--${name} takes a number of seconds between 1 and 3600.`);
  return n;
}

function teamOptions(listenHost: string): { team?: TeamOptions; tls?: { cert: Buffer; key: Buffer } } {
  const team = process.argv.includes('--team');
  const teamOnly = [
    'host',
    'tls-cert',
    'tls-key',
    'behind-proxy',
    'public-url',
    'oidc-issuer',
    'oidc-client-id',
    'oidc-client-secret',
  ].filter((f) => args(f).length);
  if (!team) {
    if (teamOnly.length) fatal(`--${teamOnly[0]} is a team server flag: add --team.`);
    return {};
  }
  const certFile = arg('tls-cert');
  const keyFile = arg('tls-key');
  if (!!certFile !== !!keyFile) fatal('TLS needs both --tls-cert <file> and --tls-key <file>.');
  let tls: { cert: Buffer; key: Buffer } | undefined;
  if (certFile && keyFile) {
    try {
      tls = { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
    } catch (e) {
      fatal(`Cannot read the TLS certificate or key: ${(e as Error).message}`);
    }
  }
  const trustProxy = arg('behind-proxy');
  if (!isLoopback(listenHost) && !tls && !trustProxy) {
    fatal(
      `Refusing to listen on ${listenHost} without TLS: people's passwords and sessions would cross the network in clear.\n` +
        'Pass --tls-cert <file> --tls-key <file>, or --behind-proxy <proxy address> when a TLS-terminating proxy forwards to this server.',
    );
  }
  const publicUrls = args('public-url')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => {
      try {
        const u = new URL(v);
        if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http(s)');
        return u;
      } catch {
        return fatal(`--public-url "${v}" is not an http(s) address such as https://workbench.example.com.`);
      }
    });
  if (!isLoopback(listenHost) && !publicUrls.length)
    fatal(`Listening on ${listenHost}: name the address people open with --public-url (for example https://workbench.example.com).`);
  const issuer = arg('oidc-issuer') ?? process.env.WORKBENCH_OIDC_ISSUER;
  const clientId = arg('oidc-client-id') ?? process.env.WORKBENCH_OIDC_CLIENT_ID;
  const clientSecret = arg('oidc-client-secret') ?? process.env.WORKBENCH_OIDC_CLIENT_SECRET;
  if (!!issuer !== !!clientId) fatal('Single sign-on needs both --oidc-issuer and --oidc-client-id.');
  let sso: TeamOptions['sso'] = null;
  if (issuer && clientId) {
    try {
      sso = { issuer: new URL(issuer), clientId, ...(clientSecret ? { clientSecret } : {}) };
    } catch {
      fatal(`--oidc-issuer "${issuer}" is not a URL.`);
    }
  }
  return { team: { publicUrls, trustProxy, sso }, tls };
}

/** The version in package.json (dist/main/serve.cjs sits two folders below it). */
function packageVersion(): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * --debug-stalls (benches): prints this process's longest event-loop stall, RSS and CPU time each
 * second to its own stdout, which only whoever started it reads; nothing goes over the network.
 */
function probeStalls() {
  let last = performance.now();
  let max = 0;
  setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - 1);
    last = now;
  }, 1).unref();
  let cpu = process.cpuUsage();
  setInterval(() => {
    // cpu: ms of CPU this process (all its threads: the import and Insights workers too) used in the last second
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    console.log(
      `STALL max=${max.toFixed(1)} rss=${(process.memoryUsage().rss / 1048576).toFixed(0)} cpu=${((used.user + used.system) / 1000).toFixed(0)}`,
    );
    max = 0;
  }, 1000).unref();
}

async function main() {
  const t0 = performance.now();
  const listenHost = arg('host') ?? '127.0.0.1';
  const { team, tls } = teamOptions(listenHost);
  const dataDir = path.resolve(arg('data') ?? defaultDataDir());
  fs.mkdirSync(dataDir, { recursive: true });
  const demo = !process.argv.includes('--no-demo');
  const staticDir = path.resolve(arg('static') ?? path.join(__dirname, '..', 'renderer'));
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error(`The built interface is missing (${staticDir}). Run "npm run build" first.`);
    process.exit(1);
  }
  const asClient = process.argv.includes('--client');
  if (asClient && team) fatal('--client is for the solo host on this computer (the desktop role), not for a team server.');
  // --client: the same team connections and remote dispatcher the desktop app has (data in <data>/team-client);
  // no OS keychain here: team tokens stay in memory; single sign-on prints the address to open in a browser
  const clientAbilities = asClient
    ? teamClientAbilities(dataDir, {
        openExternal: (u) => Promise.resolve(console.log(`Single sign-on: open this address in your browser to sign in:\n\n  ${u}\n`)),
      })
    : {};
  const ctx = createApp({
    dataDir,
    demo,
    host: { kind: 'browser', version: packageVersion(), ...(team ? { team: { sso: !!team.sso } } : {}), ...clientAbilities },
  });
  const srv = createServer({
    ctx,
    port: arg('port') ? Number(arg('port')) : 0,
    token: arg('token') ?? process.env.WORKBENCH_TOKEN,
    staticDir,
    uploadLimit: megabytes(arg('upload-limit-mb')) ?? DEFAULT_UPLOAD_LIMIT,
    team,
    tls,
    listenHost,
    headersTimeoutS: seconds('headers-timeout', 10),
    requestTimeoutS: seconds('request-timeout', 600),
  });
  const { url, port } = await srv.listen();
  if (team) {
    console.log(`Sales Workbench team server is running at ${url}`);
    const sweep = () => {
      try {
        sweepSessions(ctx.db);
        sweepFailures(ctx.db);
      } catch (e) {
        console.error('[team] sweeping expired sessions failed:', (e as Error).message);
      }
      // due-soon / overdue / expiring reminders land even for people who do not open the app today (each once)
      try {
        sweepReminders(ctx.db);
      } catch (e) {
        console.error('[team] adding due reminders failed:', (e as Error).message);
      }
    };
    sweep();
    setInterval(sweep, 3_600_000).unref();
    if (needsOwner(ctx.db)) {
      // printed once per start while nobody administers the workspace; only its hash is stored
      console.log(
        `\nNobody can sign in yet. Open this one-time owner set-up link (valid 7 days, until used or the next start):\n\n  ${url}#/setup/${issueSetupCode(ctx.db)}\n`,
      );
    }
  } else {
    console.log(`Sales Workbench browser host is running. Open this address in your browser:\n\n  ${url}\n`);
  }
  console.log(`Data folder: ${dataDir}`);
  console.log(`Workspace: ${ctx.ws.path}`);
  console.log(`READY port=${port} ms=${Math.round(performance.now() - t0)}`);
  if (process.argv.includes('--debug-stalls')) probeStalls();
  const stop = async () => {
    await srv.close();
    ctx.staging.clear();
    ctx.ws.close();
    process.exit(0);
  };
  // stop() ends the process; nothing awaits a signal handler
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
