// `npm test`: typecheck (shared, main, renderer, e2e: tsconfig.json's project references), lint, format check, build,
// then unit tests (Vitest) and reliability tests (fuzzing, crash) beside the end-to-end tests (Playwright against the browser host).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (p) => path.join(root, 'node_modules', p);
// Stages run one after another. A stage's lanes run side by side, the steps of a lane in order:
// typecheck and lint are single-threaded, so on a 2-core machine they take the time of one; the
// e2e tests mostly wait on the app (about one core), so unit and reliability tests use the other.
// The last lane's output streams; the others' is printed per step when it ends, so nothing interleaves.
const step = (name, args) => ({ name, args });
const vitest = (config, out) => [
  bin('vitest/vitest.mjs'),
  'run',
  ...(config ? ['-c', config] : []),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=test-results/${out}`,
];
const stages = [
  [
    // one build of the four referenced projects (shared, main, renderer, e2e), incremental between runs
    [step('typecheck', [bin('typescript/bin/tsc'), '-b'])],
    [step('lint', [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0'])],
    // formatting as .prettierrc.json says (npm run format rewrites the files)
    [step('format', [bin('prettier/bin/prettier.cjs'), '--check', '.', '--log-level', 'warn'])],
  ],
  [[step('build', [path.join(root, 'scripts/build.mjs')])]],
  [
    [
      step('unit tests', vitest(null, 'unit.json')),
      // contract fuzzing and kill -9 crash tests (tests/reliability/, about 80 s; needs the build)
      step('reliability tests', vitest('vitest.reliability.config.ts', 'reliability.json')),
    ],
    [step('e2e tests', [bin('@playwright/test/cli.js'), 'test'])],
  ],
];

function run(name, args, buffered) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    if (buffered) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    child.on('close', (code) => {
      if (buffered && out) process.stdout.write(`\n--- ${name} said:\n${out}`);
      console.log(code === 0 ? `--- ${name}: ok (${((Date.now() - t0) / 1000).toFixed(1)} s)` : `\n${name} failed.`);
      resolve(code === 0);
    });
  });
}

const only = process.argv[2];
for (const stage of stages) {
  const lanes = stage.map((lane) => lane.filter((x) => !only || x.name.startsWith(only))).filter((lane) => lane.length);
  if (!lanes.length) continue;
  console.log(`\n=== ${lanes.map((lane) => lane.map((x) => x.name).join(' → ')).join(' + ')} ===`);
  const ok = await Promise.all(
    lanes.map(async (lane, i) => {
      for (const x of lane) if (!(await run(x.name, x.args, i < lanes.length - 1))) return false;
      return true;
    }),
  );
  if (ok.includes(false)) process.exit(1);
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
