// `npm test`: typecheck (shared, main, renderer, e2e: tsconfig.json's project references), lint, format check, unit tests (Vitest),
// build, reliability tests (fuzzing, crash), then end-to-end tests (Playwright against the browser host).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (p) => path.join(root, 'node_modules', p);
const steps = [
  // one build of the four referenced projects (shared, main, renderer, e2e), incremental between runs
  ['typecheck', [bin('typescript/bin/tsc'), '-b']],
  ['lint', [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0']],
  // formatting as .prettierrc.json says (npm run format rewrites the files)
  ['format', [bin('prettier/bin/prettier.cjs'), '--check', '.', '--log-level', 'warn']],
  ['unit tests', [bin('vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']],
  ['build', [path.join(root, 'scripts/build.mjs')]],
  // contract fuzzing and kill -9 crash tests (tests/reliability/, about 80 s; needs the build)
  [
    'reliability tests',
    [
      bin('vitest/vitest.mjs'),
      'run',
      '-c',
      'vitest.reliability.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/reliability.json',
    ],
  ],
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

// One closing line that any CI reader understands: "N passed, N failed, N skipped".
const read = (f) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'test-results', f), 'utf8'));
  } catch {
    return null;
  }
};
const unit = read('unit.json');
const rel = read('reliability.json');
const e2e = read('e2e.json');
const passed = (unit?.numPassedTests ?? 0) + (rel?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (rel?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);
if (!only) {
  console.log(
    `\nunit: ${unit?.numPassedTests ?? 0} passed; reliability: ${rel?.numPassedTests ?? 0} passed; e2e: ${e2e?.stats?.expected ?? 0} passed, ${e2e?.stats?.skipped ?? 0} skipped`,
  );
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
}
