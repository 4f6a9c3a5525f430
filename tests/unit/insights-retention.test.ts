/**
 * Retention (per rep and the monthly trend) and money totals of the Insights page checked
 * against a plain reading of their definitions, row by row, on random multi-currency deals:
 * the page computes them from column indexes built once per dataset, this test from SQL rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { insightsPage, type Filters } from '../../main/services/insights/page';
import { bumpCrmVersion } from '../../main/services/crm/importer';
import { currencySettings, setRate, setReportingCurrency } from '../../main/services/crm/currencies';
import { createPerson, createTeam } from '../../main/services/people';
import { createRng } from '../../shared/domain/random';

let dir: string;
let db: DB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ins-ret-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const F = (f: Partial<Filters> = {}): Filters => ({
  teamId: null,
  from: null,
  to: null,
  channel: null,
  product: null,
  business: 'all',
  lag: false,
  windowDays: 90,
  ...f,
});

interface Row {
  rep: number;
  team: number;
  customer: number | null;
  status: string;
  closed: string | null;
  channel: string;
  isRepeat: number;
  amount: number;
  currency: string;
}

const CHANNELS = ['Web', 'Partner', 'Phone'];
const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'CNY'];

/** 600 deals of 6 reps in 2 teams over 2024-2025 to 50 customers; churn dates on some customers when `churn`. */
function seed(seedNo: number, churn: boolean) {
  const rng = createRng(seedNo);
  const teams = [
    createTeam(db, { name: 'North', description: '', managerId: null }).id,
    createTeam(db, { name: 'South', description: '', managerId: null }).id,
  ];
  const reps = Array.from(
    { length: 6 },
    (_, i) =>
      createPerson(db, { name: `Rep ${i}`, email: `r${i}@x.io`, roles: ['rep'], teamId: teams[i % 2], names: {}, hiredAt: null }).id,
  );
  const cust = db.prepare("INSERT INTO crm_customers(source, key, name, churned_at) VALUES ('t', ?, ?, ?)");
  const customers = Array.from({ length: 50 }, (_, i) => {
    // half of the churn dates fall on a month's last day (the edge of a trend month)
    const day = rng.next() < 0.5 ? Date.UTC(2024, rng.int(1, 24), 0) : Date.UTC(2024, 0, 1) + rng.int(0, 730) * 86_400_000;
    const churned = churn && rng.next() < 0.4 ? new Date(day).toISOString().slice(0, 10) : null;
    return Number(cust.run(`c${i}`, `C${i}`, churned).lastInsertRowid);
  });
  const ins = db.prepare(
    "INSERT INTO crm_deals(source, external_id, customer_id, rep_id, status, stage_pos, created_at, closed_at, channel, is_repeat, amount, currency) VALUES ('t', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  for (let k = 0; k < 600; k++) {
    const created = Date.UTC(2024, 0, 1) + rng.int(0, 700) * 86_400_000;
    const status = rng.pick(['won', 'won', 'lost', 'open']);
    const closed = status === 'open' ? null : new Date(created + rng.int(1, 60) * 86_400_000).toISOString().slice(0, 10);
    const customer = rng.next() < 0.9 ? rng.pick(customers) : null;
    ins.run(
      String(k),
      customer,
      rng.pick(reps),
      status,
      status === 'won' ? 5 : rng.int(1, 4),
      new Date(created).toISOString().slice(0, 10),
      closed,
      rng.pick(CHANNELS),
      rng.int(0, 1),
      rng.int(1, 50) * 10,
      rng.pick(CURRENCIES),
    );
  }
  bumpCrmVersion(db);
  return { teams, reps };
}

function rows(): Row[] {
  return db
    .prepare(
      `SELECT d.rep_id AS rep, p.team_id AS team, d.customer_id AS customer, d.status, substr(d.closed_at, 1, 10) AS closed, d.channel, d.is_repeat AS isRepeat, d.amount, d.currency
       FROM crm_deals d JOIN people p ON p.id = d.rep_id`,
    )
    .all() as Row[];
}

const addMonthsIso = (iso: string, k: number) => {
  const d = new Date(iso + 'T00:00:00Z');
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, d.getUTCDate())).toISOString().slice(0, 10);
};

const lastDayOf = (monthStart: string) => {
  const d = new Date(monthStart + 'T00:00:00Z');
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
};

/** Retention as the brief defines it, straight from the rows that pass the filters. */
function expected(all: Row[], f: Filters, from: string, to: string, months: string[]) {
  const churnOf = new Map(
    (db.prepare('SELECT id, churned_at FROM crm_customers').all() as { id: number; churned_at: string | null }[]).map((c) => [
      c.id,
      c.churned_at,
    ]),
  );
  const hasChurn = [...churnOf.values()].some((c) => c !== null);
  const won = all.filter(
    (r) =>
      r.status === 'won' &&
      r.customer !== null &&
      r.closed !== null &&
      (f.teamId === null || r.team === f.teamId) &&
      (f.channel === null || r.channel === f.channel) &&
      (f.business === 'all' || r.isRepeat === (f.business === 'repeat' ? 1 : 0)),
  );
  const customers = [...new Set(won.map((r) => r.customer!))];
  const churnedBy = (c: number, day: string) => {
    const ch = churnOf.get(c);
    return !!ch && ch <= day;
  };
  const perRep = new Map<number, { base: number; retained: number }>();
  for (const c of customers) {
    const mine = won.filter((r) => r.customer === c);
    const before = new Set(mine.filter((r) => r.closed! < from).map((r) => r.rep));
    const ok = hasChurn ? !churnedBy(c, to) : mine.some((r) => r.closed! >= from && r.closed! <= to);
    for (const rep of before) {
      const e = perRep.get(rep) ?? { base: 0, retained: 0 };
      e.base++;
      if (ok) e.retained++;
      perRep.set(rep, e);
    }
  }
  const trend = months.map((m, k) => {
    const qStart = addMonthsIso(m, -2);
    const end = k + 1 < months.length ? lastDayOf(m) : to;
    let base = 0,
      kept = 0;
    for (const c of customers) {
      const mine = won.filter((r) => r.customer === c);
      const first = mine.reduce((a, r) => (r.closed! < a ? r.closed! : a), '9999');
      if (first > to || first >= qStart) continue;
      base++;
      const stays = hasChurn
        ? !churnedBy(c, end)
        : mine.some((r) => r.closed!.slice(0, 7) >= qStart.slice(0, 7) && r.closed!.slice(0, 7) <= m.slice(0, 7));
      if (stays) kept++;
    }
    return base ? kept / base : null;
  });
  return { perRep, trend };
}

describe('Insights retention and money against the rows', () => {
  for (const churn of [false, true])
    it(`per rep and per month, under filters (${churn ? 'churn dates' : 'repeat purchases'})`, () => {
      const { teams } = seed(churn ? 11 : 5, churn);
      const all = rows();
      const variants: Partial<Filters>[] = [
        {},
        { teamId: teams[1] },
        { channel: 'Partner' },
        { business: 'repeat' },
        { from: '2024-03-15', to: '2025-02-10' },
        { from: '1900-01-01', to: '2200-12-31', business: 'new' },
      ];
      let compared = 0;
      for (const v of variants) {
        const f = F(v);
        const p = insightsPage(db, f);
        const months = p.trends.team.map((t) => `${t.month}-01`);
        const want = expected(all, f, p.period.from, p.period.to, months);
        for (const r of p.reps) {
          const e = want.perRep.get(r.repId) ?? { base: 0, retained: 0 };
          expect([r.repId, r.retention.base, r.retention.retained]).toEqual([r.repId, e.base, e.retained]);
          compared += e.base;
        }
        p.trends.team.forEach((t, k) => {
          if (want.trend[k] === null) expect(t.retention).toBeNull();
          else expect(t.retention).toBeCloseTo(want.trend[k], 12);
        });
      }
      expect(compared).toBeGreaterThan(50); // the comparison had customers to count
    });

  it('money: the currency most deals are in until one is chosen, converted at the close month’s rate', () => {
    seed(7, false);
    const all = rows();
    // no reporting currency chosen: the page reports in the one most deals are in (USD), and adds only USD deals
    expect(currencySettings(db).effective).toBe('USD');
    let p = insightsPage(db, F({ from: '2024-01-01', to: '2025-12-31' }));
    expect(p.currency).toBe('USD');
    const inPeriod = all.filter((r) => r.status === 'won' && r.closed! >= '2024-01-01' && r.closed! <= '2025-12-31');
    const sum = (xs: Row[], rate: (r: Row) => number) => xs.reduce((a, r) => a + r.amount * rate(r), 0);
    expect(p.reps.reduce((a, r) => a + r.revenue, 0)).toBeCloseTo(
      sum(
        inPeriod.filter((r) => r.currency === 'USD'),
        () => 1,
      ),
      6,
    );
    expect(p.unconverted.deals).toBe(inPeriod.filter((r) => r.currency !== 'USD').length);
    // EUR rates for every month, CNY for none: EUR is converted month by month, CNY stays out
    setReportingCurrency(db, 'USD');
    const eur = (month: string) => 1 + Number(month.slice(5, 7)) / 100 + (month.startsWith('2025') ? 0.1 : 0);
    for (let m = 0; m < 24; m++) {
      const month = `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      setRate(db, month, 'EUR', eur(month));
    }
    p = insightsPage(db, F({ from: '2024-01-01', to: '2025-12-31' }));
    const converted = inPeriod.filter((r) => r.currency !== 'CNY');
    expect(p.reps.reduce((a, r) => a + r.revenue, 0)).toBeCloseTo(
      sum(converted, (r) => (r.currency === 'EUR' ? eur(r.closed!.slice(0, 7)) : 1)),
      6,
    );
    expect(p.unconverted.byCurrency.map((c) => [c.currency, c.deals])).toEqual([
      ['CNY', inPeriod.filter((r) => r.currency === 'CNY').length],
    ]);
  });
});
