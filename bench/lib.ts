/**
 * Bench helpers: timing with percentiles, memory, and the report format
 * (`bench/results/<group>.json`: rows {metric, value, unit, target, better}).
 * Put a baseline measured in the same run beside each target metric.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Row {
  metric: string;
  value: number;
  unit: string;
  /** The target, or null for baselines and informational rows. */
  target: number | null;
  better: 'lower' | 'higher';
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Runs fn once per input (after `warmup` untimed runs) and returns ms percentiles. */
export function timeEach<T>(inputs: T[], fn: (x: T) => unknown, warmup = 20) {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i]);
  const times: number[] = [];
  for (const x of inputs) {
    const t0 = performance.now();
    fn(x);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    n: times.length,
  };
}

export function timeOnce(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function timeOnceAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
export const rssMb = () => process.memoryUsage().rss / 1048576;

export function tmpDir(prefix: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `swb-bench-${prefix}-`));
}

/** Prints the table and writes bench/results/<group>.json. */
export function report(group: string, rows: Row[]) {
  const out = rows.map((r) => ({ ...r, value: round(r.value, 3) }));
  const w = Math.max(...out.map((r) => r.metric.length), 6);
  console.log(`\n${group}`);
  console.log(`${'metric'.padEnd(w)}  ${'value'.padStart(12)}  unit   ${'target'.padStart(10)}  better  status`);
  for (const r of out) {
    const ok = r.target == null ? '' : (r.better === 'lower' ? r.value <= r.target : r.value >= r.target) ? 'ok' : 'MISSED';
    console.log(
      `${r.metric.padEnd(w)}  ${String(r.value).padStart(12)}  ${r.unit.padEnd(5)}  ${String(r.target ?? '').padStart(10)}  ${r.better.padEnd(6)}  ${ok}`,
    );
  }
  const dir = path.resolve(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${group}.json`), JSON.stringify(out, null, 2));
}
