/** Builds the real browser host (main/server/cli.ts) once and starts it as a separate process in team mode. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.join(__dirname, '..', '..', '..');

export async function buildServe(): Promise<{ dir: string; entry: string; staticDir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-serve-'));
  await build({
    entryPoints: { serve: path.join(ROOT, 'main/server/cli.ts') },
    outdir: dir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3', 'argon2'],
    logLevel: 'error',
  });
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>team</title>');
  return { dir, entry: path.join(dir, 'serve.cjs'), staticDir };
}

export interface Running {
  port: number;
  dataDir: string;
  out: () => string;
  setupCode: () => string | null;
  proc: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts the host; resolves at READY, or rejects with its output when it exits first. */
export function startServe(entry: string, args: string[], dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-team-'))): Promise<Running> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [entry, '--data', dataDir, '--port', '0', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    });
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /READY port=(\d+)/.exec(out);
      if (m) {
        proc.stdout.off('data', onData);
        proc.stdout.on('data', (more: Buffer) => (out += more.toString()));
        resolve({
          port: Number(m[1]),
          dataDir,
          out: () => out,
          setupCode: () => /#\/setup\/([A-Za-z0-9_-]{43})/.exec(out)?.[1] ?? null,
          proc,
          stop: () =>
            new Promise((r) => {
              if (proc.exitCode !== null) return r();
              proc.once('exit', () => r());
              proc.kill('SIGTERM');
            }),
        });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code) => reject(Object.assign(new Error(`serve exited with ${code}: ${out}`), { code, out })));
  });
}
