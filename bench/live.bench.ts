/**
 * live: what a rep on a call waits for in real Chromium against the real browser host (needs
 * `node scripts/build.mjs` first). From the last key of "too expensive" / "дорого" / "太贵" to the frame
 * with that query's results (target ≤ 100 ms), beside a baseline from the same keystrokes: the frame that
 * echoes the typed character (what any keystroke costs on this machine at this moment).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { report, type Row } from './lib';

const root = path.resolve(__dirname, '..');
const rows: Row[] = [];
if (!fs.existsSync(path.join(root, 'dist/main/serve.cjs'))) {
  console.log('dist/ not built: run `node scripts/build.mjs` first.');
  process.exit(1);
}
const out = execFileSync(process.execPath, [path.join(root, 'bench/live-search.mjs')], { cwd: root, encoding: 'utf8', timeout: 300_000 });
const m = JSON.parse(out.trim().split('\n').pop()!) as { p50: number; p95: number; echoP50: number; echoP95: number; n: number };
rows.push({
  metric: `live search: last key → results painted, p50 (n=${m.n}, en/ru/zh)`,
  value: m.p50,
  unit: 'ms',
  target: null,
  better: 'lower',
});
rows.push({
  metric: `live search: last key → results painted, p95 (n=${m.n}, en/ru/zh)`,
  value: m.p95,
  unit: 'ms',
  target: 100,
  better: 'lower',
});
rows.push({
  metric: 'baseline: last key → its echo painted (no-op keystroke), p50',
  value: m.echoP50,
  unit: 'ms',
  target: null,
  better: 'lower',
});
rows.push({
  metric: 'baseline: last key → its echo painted (no-op keystroke), p95',
  value: m.echoP95,
  unit: 'ms',
  target: null,
  better: 'lower',
});
report('live', rows);
