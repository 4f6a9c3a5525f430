// Builds everything the hosts run: the main side bundled by esbuild (native
// better-sqlite3 and electron stay external) and the renderer by Vite.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.includes('--main-only') ? 'main' : process.argv.includes('--renderer-only') ? 'renderer' : 'all';

/** Main-side entry points: [source, output name]. Workers (text extraction…) are added here too. */
export const MAIN_ENTRIES = [
  ['main/server/cli.ts', 'serve'],
  ['main/electron/main.ts', 'electron'],
  ['main/electron/preload.ts', 'preload'],
  ['main/services/library/extract-worker.ts', 'extract-worker'],
  ['main/services/crm/parse-worker.ts', 'crm-parse-worker'],
  ['main/services/insights/dataset-worker.ts', 'insights-dataset-worker'],
  ['main/services/guidance/speech/speech-worker.ts', 'speech-worker'],
  ['main/services/jobs/job-worker.ts', 'jobs-worker'],
  ['main/services/insights/page-worker.ts', 'insights-page-worker'],
];

if (only !== 'renderer') {
  await build({
    entryPoints: Object.fromEntries(MAIN_ENTRIES.map(([src, out]) => [out, path.join(root, src)])),
    outdir: path.join(root, 'dist/main'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: ['electron', 'better-sqlite3', 'sherpa-onnx-node', 'argon2'],
    logLevel: 'warning',
  });
}
if (only !== 'main') {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
fs.writeFileSync(path.join(root, 'dist/.build-stamp'), new Date().toISOString());
console.log('build: done');
