// The real browser host (dist/main/serve.cjs) on a free port with a temporary data folder and the
// demo workspace, for the benches that drive it from Chromium (live-search.mjs, live-render.mjs).
/* global setTimeout, clearTimeout */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

/** Starts the host; resolves when it prints READY. `stop()` waits for it to exit, then removes its folder. */
export async function startBrowserHost(name) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `swb-bench-${name}-`));
  const token = 'bench-' + Math.random().toString(36).slice(2);
  const child = spawn(process.execPath, [path.join(root, 'dist/main/serve.cjs'), '--port', '0', '--data', dataDir, '--token', token], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('host did not start: ' + out)), 60_000);
      const on = (d) => {
        out += d;
        const m = /READY port=(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout.on('data', on);
      child.stderr.on('data', on);
      void exited.then(() => reject(new Error('host exited: ' + out)));
    });
    return { base: `http://127.0.0.1:${port}`, token, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
