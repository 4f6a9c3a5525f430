// `npm start`: the desktop app when the Electron runtime is present; otherwise
// one clear sentence and the browser host instead.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { needsBuild } from './needs-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  const exists = () => fs.existsSync(pathFile) && fs.existsSync(path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8')));
  if (!exists() && !process.env.WORKBENCH_NO_ELECTRON) {
    // Electron 45+ fetches its binary lazily; try once, briefly, and stay quiet if the network says no.
    spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  }
  return exists() ? path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8')) : null;
}

if (needsBuild(root)) {
  console.log('Building the app (first start or sources changed)…');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
}

const bin = process.env.WORKBENCH_NO_ELECTRON ? null : electronBinary();
if (!bin) {
  console.log(
    'The Electron runtime is not available on this machine (its binary could not be downloaded), so Sales Workbench starts in your browser instead.',
  );
  const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // Electron needs better-sqlite3 built for its own ABI, kept apart from the Node build the tests use.
  execFileSync(process.execPath, [path.join(root, 'scripts/electron-native.mjs')], { stdio: 'inherit' });
  const child = spawn(bin, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
