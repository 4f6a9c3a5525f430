/**
 * Every API method that takes a from/to range: far past, far future (9999-12-31), reversed and
 * one-day ranges. Reversed is a field error from the contract; Insights clamps the period to the
 * data, so the months it iterates follow the data, never the width of the range asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../../main/app';
import type { ApiContext } from '../../main/api/context';
import { dispatch } from '../../main/api/dispatch';
import { clampPeriod } from '../../main/services/insights/page';
import { dayOf, isoOfDay } from '../../main/services/insights/dataset';
import { contract } from '../../shared/api';
import { RANGE_REVERSED } from '../../shared/api/contract';
import type { InsightsPage, TrendPoint } from '../../shared/api/insights';
import type { CallRow } from '../../shared/api/scorecards';
import type { Page } from '../../shared/api/contract';
import { competenceScores, competenceScoresAt } from '../../main/services/training/competence';
import { tempDir } from './helpers/db';

let dir: string;
let ctx: ApiContext;
beforeAll(() => {
  dir = tempDir();
  ctx = createApp({ dataDir: path.join(dir, 'data'), demo: true, host: { kind: 'browser' } });
});
afterAll(() => {
  ctx.ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = async <T>(method: string, input: unknown): Promise<T> => {
  const r = await dispatch(method, input, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
};
/** Months between two ISO days, inclusive. */
const monthsBetween = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7)) + 1;

/** Methods whose input has both `from` and `to`, found from the contract itself: a new one is covered automatically. */
function rangeMethods(): string[] {
  return Object.entries(contract)
    .filter(([, d]) => {
      const shape = (d.input as unknown as { shape?: Record<string, unknown> }).shape;
      return !!shape && 'from' in shape && 'to' in shape;
    })
    .map(([name]) => name)
    .sort();
}
const extra = async (m: string): Promise<Record<string, unknown>> => {
  if (m === 'insights.repTrend') return { repId: (await call<InsightsPage>('insights.page', {})).reps[0].repId };
  return {};
};

describe('date ranges on every range-taking method', () => {
  it('finds the range-taking methods in the contract', () => {
    expect(rangeMethods()).toEqual([
      'audit.exportCsv',
      'audit.list',
      'insights.page',
      'insights.repTrend',
      'library.analytics',
      'scorecards.calls.list',
      'scorecards.results.export',
    ]);
  });

  it('a reversed range is a field error on "from" from the contract, on every method', async () => {
    for (const m of rangeMethods()) {
      const r = await dispatch(m, { from: '2026-03-02', to: '2026-03-01', ...(await extra(m)) }, ctx);
      expect(r.ok, m).toBe(false);
      if (r.ok) continue;
      expect(r.error, m).toMatchObject({ code: 'invalid_input', field: 'from' });
      expect(r.error.issues?.[0]?.message, m).toBe(RANGE_REVERSED);
      // and the schema itself refuses it (no handler reached)
      expect(
        (contract[m as keyof typeof contract].input as z.ZodType).safeParse({ from: '2026-03-02', to: '2026-03-01', ...(await extra(m)) })
          .success,
      ).toBe(false);
    }
  });

  it('dates outside 1900–2200 are refused with a field error on every method, before any work', async () => {
    for (const m of rangeMethods()) {
      for (const [from, to] of [
        ['0001-01-01', '2026-01-01'],
        ['2020-01-01', '9999-12-31'],
      ]) {
        const r = await dispatch(m, { ...(await extra(m)), from, to }, ctx);
        expect(r.ok, `${m} ${from}..${to}`).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid_input', field: from === '0001-01-01' ? 'from' : 'to' });
      }
    }
  });

  it('far past, far future (2200-12-31, the last accepted day) and one-day ranges answer on every method', async () => {
    for (const m of rangeMethods()) {
      for (const [from, to] of [
        ['1900-01-01', '2026-01-01'],
        ['2020-01-01', '2200-12-31'],
        ['1900-01-01', '2200-12-31'],
        ['2026-03-01', '2026-03-01'],
      ]) {
        const r = await dispatch(m, { from, to, ...(await extra(m)) }, ctx);
        expect(r.ok, `${m} ${from}..${to}: ${r.ok ? '' : r.error.message}`).toBe(true);
      }
    }
  });

  it('insights.page: the period is clamped to the data, and the months iterated follow the data, not the range', async () => {
    const base = await call<InsightsPage>('insights.page', {});
    const { minDate, maxDate } = base.options;
    expect(minDate && maxDate).toBeTruthy();
    const dataMonths = monthsBetween(minDate!, maxDate!);
    // the data ends on its last deal, or today when that is later (competence is measured up to now)
    const today = new Date().toISOString().slice(0, 10);
    const end = maxDate! > today ? maxDate! : today;
    const widest = await call<InsightsPage>('insights.page', { from: '1900-01-01', to: '2200-12-31' });
    expect(widest.period).toEqual({ from: minDate, to: end });
    // one trend point per month iterated: the data's months, not 120 000
    expect(widest.trends.team.length).toBe(monthsBetween(minDate!, end));
    expect(widest.trends.team.length).toBeLessThanOrEqual(dataMonths + 1);
    const future = await call<InsightsPage>('insights.page', { from: maxDate, to: '2200-12-31' });
    expect(future.period).toEqual({ from: maxDate, to: end });
    expect(future.trends.team.length).toBeLessThanOrEqual(2);
    // the widest range covers every closed deal: the same counts as the data's own span
    const own = await call<InsightsPage>('insights.page', { from: minDate, to: maxDate });
    expect(widest.reps.map((r) => [r.won, r.lost])).toEqual(own.reps.map((r) => [r.won, r.lost]));
    // a range wholly before or after the data: one empty day beside it, one month iterated, nothing counted
    for (const [from, to] of [
      ['1900-01-01', '1950-12-31'],
      ['2150-01-01', '2200-12-31'],
    ]) {
      const p = await call<InsightsPage>('insights.page', { from, to });
      expect(p.trends.team.length).toBe(1);
      expect(p.reps.reduce((a, r) => a + r.won + r.lost + r.open, 0)).toBe(0);
    }
    const oneDay = await call<InsightsPage>('insights.page', { from: maxDate, to: maxDate });
    expect(oneDay.period).toEqual({ from: maxDate, to: maxDate });
    expect(oneDay.trends.team.length).toBe(1);
  });

  it('insights.repTrend: far future and far past iterate at most the data months', async () => {
    const base = await call<InsightsPage>('insights.page', {});
    const dataMonths = monthsBetween(base.options.minDate!, base.options.maxDate!);
    const repId = base.reps[0].repId;
    const t = await call<TrendPoint[]>('insights.repTrend', { repId, from: '1900-01-01', to: '2200-12-31' });
    expect(t.length).toBeGreaterThanOrEqual(dataMonths);
    expect(t.length).toBeLessThanOrEqual(dataMonths + 1);
    expect((await call<TrendPoint[]>('insights.repTrend', { repId, from: '2026-03-01', to: '2026-03-01' })).length).toBe(1);
  });

  it('scorecards.calls.list: a far-future end includes every call (the last accepted day)', async () => {
    const all = await call<Page<CallRow>>('scorecards.calls.list', {});
    const wide = await call<Page<CallRow>>('scorecards.calls.list', { from: '1900-01-01', to: '2200-12-31' });
    expect(all.total).toBeGreaterThan(0);
    expect(wide.total).toBe(all.total);
    const day = all.rows[0].at.slice(0, 10);
    const one = await call<Page<CallRow>>('scorecards.calls.list', { from: day, to: day, limit: 500 });
    expect(one.total).toBeGreaterThan(0);
    expect(one.rows.every((r) => r.at.startsWith(day))).toBe(true);
  });

  it('library.analytics: far-future end counts the same uses as the widest range', async () => {
    type A = { totals: { opens: number } };
    const wide = await call<A>('library.analytics', { from: '1900-01-01', to: '2200-12-31' });
    const future = await call<A>('library.analytics', { from: '2000-01-01', to: '2200-12-31' });
    expect(future.totals.opens).toBe(wide.totals.opens);
  });
});

describe('monthly competence for the trend', () => {
  it('scores at many month ends from one read of the evidence equal the per-date scores', () => {
    const db = ctx.db;
    const repIds = db.prepare("SELECT person_id FROM person_roles WHERE role = 'rep' ORDER BY person_id").pluck().all() as number[];
    const today = new Date().toISOString().slice(0, 10);
    const ends = ['2025-01-31', '2025-06-30', '2025-12-31', '2026-03-31', today];
    const batch = competenceScoresAt(db, ends, repIds);
    for (const end of ends) {
      const one = competenceScores(db, { asOf: end, repIds });
      const many = batch.get(end)!;
      expect(many.length, end).toBe(one.length);
      // today's scores come from the cache, in its own order: compare by rep and competency
      const byKey = new Map(one.map((x) => [`${x.repId}:${x.competencyId}`, x]));
      for (const x of many) {
        const y = byKey.get(`${x.repId}:${x.competencyId}`)!;
        expect([x.n, x.sufficient], `${end} ${x.repId}:${x.competencyId}`).toEqual([y.n, y.sufficient]);
        if (y.score === null) expect(x.score).toBeNull();
        else expect(x.score!).toBeCloseTo(y.score, 9);
      }
    }
    expect(ends.some((e) => batch.get(e)!.some((x) => x.score !== null))).toBe(true);
  });
});

describe('clampPeriod and dayOf', () => {
  // deals from 2025-01-10 to 2026-06-30 (the latest deal), today 2026-09-15
  const b = { lo: dayOf('2025-01-10'), hi: dayOf('2026-09-15'), last: dayOf('2026-06-30') };
  it('cuts a range at the data, keeps one inside it, and turns one wholly outside into an empty day beside the data', () => {
    const iso = (p: { from: number; to: number }) => [isoOfDay(p.from), isoOfDay(p.to)];
    expect(iso(clampPeriod(dayOf('0001-01-01'), dayOf('9999-12-31'), b))).toEqual(['2025-01-10', '2026-09-15']);
    expect(iso(clampPeriod(dayOf('2025-03-01'), dayOf('2025-03-01'), b))).toEqual(['2025-03-01', '2025-03-01']);
    // the default: 12 months up to the latest deal
    expect(iso(clampPeriod(null, null, b))).toEqual(['2025-07-01', '2026-06-30']);
    expect(iso(clampPeriod(null, dayOf('9999-12-31'), b))).toEqual(['2025-07-01', '2026-09-15']);
    expect(iso(clampPeriod(dayOf('1900-01-01'), dayOf('1900-12-31'), b))).toEqual(['2025-01-09', '2025-01-09']);
    expect(iso(clampPeriod(dayOf('9000-01-01'), null, b))).toEqual(['2026-09-16', '2026-09-16']);
    expect(() => clampPeriod(dayOf('2025-03-02'), dayOf('2025-03-01'), b)).toThrow(RANGE_REVERSED);
  });
  it('reads years before 100 as themselves (Date.UTC would read 0050 as 1950)', () => {
    expect(dayOf('1970-01-01')).toBe(0);
    expect(dayOf('2026-03-01')).toBe(Date.UTC(2026, 2, 1) / 86_400_000);
    expect(dayOf('2024-02-29') + 1).toBe(dayOf('2024-03-01'));
    expect(dayOf('0050-01-01')).toBeLessThan(dayOf('1950-01-01') - 365 * 1899);
    expect(dayOf('9999-12-31')).toBe(2932896);
  });
});
