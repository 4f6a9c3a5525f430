// `npm test`: typecheck (shared, main, renderer), lint, unit tests (Vitest),
// build, then end-to-end tests (Playwright against the browser host).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (p) => path.join(root, 'node_modules', p);
const steps = [
  ['typecheck: shared', [bin('typescript/bin/tsc'), '-p', 'tsconfig.shared.json']],
  ['typecheck: main', [bin('typescript/bin/tsc'), '-p', 'tsconfig.main.json']],
  ['typecheck: renderer', [bin('typescript/bin/tsc'), '-p', 'tsconfig.renderer.json']],
  ['typecheck: e2e tests', [bin('typescript/bin/tsc'), '-p', 'tsconfig.e2e.json']],
  ['lint', [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0']],
  ['unit tests', [bin('vitest/vitest.mjs'), 'run']],
  ['build', [path.join(root, 'scripts/build.mjs')]],
  ['e2e tests', [bin('@playwright/test/cli.js'), 'test']],
];
const only = process.argv[2];
for (const [name, args] of steps) {
  if (only && !name.startsWith(only)) continue;
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  } catch {
    console.error(`\n${name} failed.`);
    process.exit(1);
  }
  console.log(`--- ${name}: ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
