// `npm run serve [-- --port N --data DIR --no-demo]`: builds when sources changed, then starts the browser host.
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import { needsBuild } from './needs-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
if (needsBuild(root)) {
  console.log('Building the app (first start or sources changed)…');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
}
const child = spawn(process.execPath, [path.join(root, 'dist/main/serve.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
