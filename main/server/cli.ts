/**
 * `npm run serve` entry: the browser host. Flags: --port N, --data <folder>,
 * --no-demo, --token T (tests), --static <dir>, --upload-limit-mb N (default 500).
 */
import path from 'node:path';
import fs from 'node:fs';
import { createApp, defaultDataDir } from '../app';
import { createServer } from './server';
import { megabytes } from './http';
import { DEFAULT_UPLOAD_LIMIT } from '../files/staging';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

/** The version in package.json (dist/main/serve.cjs sits two folders below it). */
function packageVersion(): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

async function main() {
  const t0 = performance.now();
  const dataDir = path.resolve(arg('data') ?? defaultDataDir());
  fs.mkdirSync(dataDir, { recursive: true });
  const demo = !process.argv.includes('--no-demo');
  const staticDir = path.resolve(arg('static') ?? path.join(__dirname, '..', 'renderer'));
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error(`The built interface is missing (${staticDir}). Run "npm run build" first.`);
    process.exit(1);
  }
  const ctx = createApp({ dataDir, demo, host: { kind: 'browser', version: packageVersion() } });
  const srv = createServer({ ctx, port: arg('port') ? Number(arg('port')) : 0, token: arg('token') ?? process.env.WORKBENCH_TOKEN, staticDir, uploadLimit: megabytes(arg('upload-limit-mb')) ?? DEFAULT_UPLOAD_LIMIT });
  const { url, port } = await srv.listen();
  console.log(`Sales Workbench browser host is running. Open this address in your browser:\n\n  ${url}\n`);
  console.log(`Data folder: ${dataDir}`);
  console.log(`Workspace: ${ctx.ws.path}`);
  console.log(`READY port=${port} ms=${Math.round(performance.now() - t0)}`);
  const stop = async () => {
    await srv.close();
    ctx.staging.clear();
    ctx.ws.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
