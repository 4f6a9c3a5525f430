// Measures what electron-builder would pack, without electron-builder (it needs the internet for Electron):
// the electron-builder.yml `files` (dist/main, dist/renderer, package.json, no source maps) plus the production
// dependencies are packed into a real app.asar with @electron/asar; the native modules (`asarUnpack`) are counted
// beside it, as app.asar.unpacked. Run after `node scripts/build.mjs`. Prints sizes in MB.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import asar from '@electron/asar';

const root = path.resolve(import.meta.dirname, '..');
const stage = path.join(root, '.tmp', 'package-measure');
const MB = (n) => (n / 1024 / 1024).toFixed(1);
const UNPACK = [
  /^node_modules\/better-sqlite3\//,
  /^node_modules\/argon2\//,
  /^node_modules\/sherpa-onnx-node\//,
  /^node_modules\/sherpa-onnx-[^/]+\//,
];
const SKIP = [/\.map$/, /\/(test|tests|docs|example|examples)\//];

function* walk(dir, rel = '') {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walk(path.join(dir, e.name), r);
    else if (e.isFile()) yield r;
  }
}

if (!fs.existsSync(path.join(root, 'dist/main')) || !fs.existsSync(path.join(root, 'dist/renderer'))) {
  console.error('Build first: node scripts/build.mjs');
  process.exit(1);
}
// Production dependencies as npm resolves them (the ones electron-builder copies).
const prod = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .map((p) => p.replace(/^.*?\/node_modules\//, 'node_modules/'))
  .filter((p) => p.startsWith('node_modules/'));
const files = [
  ...['dist/main', 'dist/renderer'].flatMap((d) => [...walk(path.join(root, d))].map((f) => `${d}/${f}`)),
  'package.json',
  ...[...new Set(prod)].flatMap((d) => [...walk(path.join(root, d))].map((f) => `${d}/${f}`)),
].filter((f) => !SKIP.some((re) => re.test(f)));

fs.rmSync(stage, { recursive: true, force: true });
let unpacked = 0;
const parts = {};
for (const f of files) {
  const size = fs.statSync(path.join(root, f)).size;
  const part = f.startsWith('dist/') ? f.split('/').slice(0, 2).join('/') : f.startsWith('node_modules/') ? 'node_modules' : f;
  if (UNPACK.some((re) => re.test(f))) {
    unpacked += size;
    const m = /^node_modules\/[^/]+/.exec(f)[0];
    parts[`${m} (unpacked)`] = (parts[`${m} (unpacked)`] ?? 0) + size;
    continue;
  }
  parts[part] = (parts[part] ?? 0) + size;
  fs.mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
  fs.copyFileSync(path.join(root, f), path.join(stage, f));
}
const out = path.join(root, '.tmp', 'app.asar');
await asar.createPackage(stage, out);
const asarSize = fs.statSync(out).size;
const extra = ['resources/demo', 'resources/common-passwords.txt'].reduce((n, p) => {
  const abs = path.join(root, p);
  return (
    n +
    (fs.statSync(abs).isDirectory() ? [...walk(abs)].reduce((m, f) => m + fs.statSync(path.join(abs, f)).size, 0) : fs.statSync(abs).size)
  );
}, 0);
for (const [k, v] of Object.entries(parts).sort((a, b) => b[1] - a[1])) console.log(`${k.padEnd(48)} ${MB(v).padStart(7)} MB`);
console.log(`${'app.asar'.padEnd(48)} ${MB(asarSize).padStart(7)} MB`);
console.log(`${'app.asar.unpacked (native modules)'.padEnd(48)} ${MB(unpacked).padStart(7)} MB`);
console.log(`${'extraResources (demo, password list)'.padEnd(48)} ${MB(extra).padStart(7)} MB`);
console.log(`${'app content total'.padEnd(48)} ${MB(asarSize + unpacked + extra).padStart(7)} MB`);
fs.rmSync(stage, { recursive: true, force: true });
fs.rmSync(out, { force: true });
