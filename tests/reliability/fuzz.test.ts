/**
 * Property-based fuzzing of every contract method through `dispatch`, on a demo
 * workspace in a temp folder, with payloads generated from the method's zod
 * schema (tests/reliability/zodArbitrary.ts). A method added to the contract is
 * fuzzed automatically. Expected: no internal error, no call hanging, no
 * absolute path in a message unless the caller sent it, and a clean
 * integrity_check afterwards. FUZZ_RUNS sets the payloads per method (default 100).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../../shared/api';
import { createApp } from '../../main/app';
import type { ApiContext } from '../../main/api/context';
import { dispatch } from '../../main/api/dispatch';
import { integrityCheck } from '../../main/db/open';
import { arbitraryFor } from './zodArbitrary';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const CALL_TIMEOUT_MS = 20_000;

let dataDir: string;
let ctx: ApiContext;
const roots = [process.cwd(), os.homedir(), os.tmpdir()];

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-fuzz-'));
  ctx = createApp({ dataDir, demo: true, host: { kind: 'browser' } });
}, 120_000);
afterAll(() => {
  ctx.staging.clear();
  ctx.ws.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Absolute paths in a message that the caller did not send itself. */
function leakedPaths(message: string, input: unknown): string[] {
  const sent = JSON.stringify(input ?? null);
  const found = message.match(/(?:[A-Za-z]:\\|\/)(?:[^\s"'«»“”]+[\\/])+[^\s"'«»“”]*/g) ?? [];
  return found.filter((p) => {
    if (p.startsWith('//')) return false; // the rest of a URL, not a file path
    const base = path.basename(p.replace(/[.,;:)]+$/, ''));
    if (base && sent.includes(base)) return false; // an echo of the caller's own path
    return (
      p.includes(dataDir) || roots.some((r) => p.startsWith(r)) || /node_modules|\.ts\b|\.cjs\b/.test(p) || p.split(/[\\/]/).length > 3
    );
  });
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref()),
  ]);

// workspace switching, restoring and demo resets go last, so the other methods see the demo data
const methods = (Object.keys(contract) as (keyof typeof contract)[]).sort(
  (a, b) => Number(a.startsWith('workspace.')) - Number(b.startsWith('workspace.')) || a.localeCompare(b),
);

describe('contract fuzzing through dispatch', () => {
  it('the contract has methods to fuzz', () => {
    expect(methods.length).toBeGreaterThan(50);
  });

  for (const name of methods) {
    it(`${name}: ${RUNS} generated payloads, no internal error, no leaked path`, async () => {
      const arb = arbitraryFor(contract[name].input as z.ZodType);
      await fc.assert(
        fc.asyncProperty(arb, async (input) => {
          const r = await withTimeout(dispatch(name, input, ctx), CALL_TIMEOUT_MS, name);
          if (r.ok) return;
          expect(r.error.code, `${name} ${JSON.stringify(input).slice(0, 400)} → ${r.error.message}`).not.toBe('internal');
          expect(leakedPaths(r.error.message, input), `${name}: ${r.error.message}`).toEqual([]);
          for (const i of r.error.issues ?? []) expect(leakedPaths(i.message, input)).toEqual([]);
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261130), endOnFailure: true },
      );
    }, 600_000);
  }

  it('every workspace file is intact afterwards', () => {
    expect(integrityCheck(ctx.db)).toEqual(['ok']);
    for (const w of ctx.ws.list()) {
      const probe = new Database(w.path, { readonly: true });
      try {
        expect(
          (probe.pragma('integrity_check') as { integrity_check: string }[]).map((x) => x.integrity_check),
          w.name,
        ).toEqual(['ok']);
      } finally {
        probe.close();
      }
    }
  });
});
