import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { generateDemo } from '../../main/services/demo';
import { insightsPage, repTrend, trainingEffect, type Filters } from '../../main/services/insights/page';
import { dataset, monthOfDay, readDataset } from '../../main/services/insights/dataset';
import { bumpCrmVersion } from '../../main/services/crm/importer';
import { createPerson, createTeam } from '../../main/services/people';

let dir: string;
let db: DB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ins-'));
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

describe('insights on the demo workspace', () => {
  it('seeds 18 months of deals and shows a real, imperfect competence/close-rate relationship', () => {
    generateDemo(db, { filesDir: dir, now: new Date('2026-06-30T12:00:00Z') });
    const n = db.prepare('SELECT COUNT(*) FROM crm_deals').pluck().get() as number;
    expect(n).toBeGreaterThan(2500);
    expect(n).toBeLessThan(5500);
    const p = insightsPage(db, F());
    expect(p.competenceSource).toBe('training');
    expect(p.closeScatter.stats.n).toBeGreaterThanOrEqual(20);
    expect(p.closeScatter.stats.pearson!).toBeGreaterThan(0.3);
    expect(p.closeScatter.stats.pearson!).toBeLessThan(0.98);
    const [lo, hi] = p.closeScatter.stats.ci!;
    expect(lo).toBeLessThan(p.closeScatter.stats.pearson!);
    expect(hi).toBeGreaterThan(p.closeScatter.stats.pearson!);
    expect(p.retentionScatter.points.length).toBeGreaterThan(10);
    expect(p.funnel.total[0]).toBeGreaterThanOrEqual(p.funnel.total[4]);
    expect(p.channels.length).toBe(6);
    expect(p.training.available).toBe(true);
    expect(p.training.courses.length).toBeGreaterThanOrEqual(2);
    expect(p.reps.some((r) => r.csat)).toBe(true);
    expect(p.leaderboard.closeRate.length).toBeGreaterThan(0);
    expect(p.perCompetency.length).toBeGreaterThan(3);
    // filters: one team; lag
    const team = p.options.teams[0];
    const t = insightsPage(db, F({ teamId: team.id, lag: true }));
    expect(t.reps.every((r) => r.teamId === team.id)).toBe(true);
    expect(t.closeScatter.points.length).toBeLessThan(p.closeScatter.points.length);
    const online = insightsPage(db, F({ channel: 'online' }));
    expect(online.channels.every((c) => c.mode === 'online')).toBe(true);
    const rep = insightsPage(db, F({ business: 'repeat' }));
    expect(rep.reps.reduce((a, r) => a + r.won + r.lost, 0)).toBeLessThan(p.reps.reduce((a, r) => a + r.won + r.lost, 0));
  });

  it('per-rep trends add up to the team trend and carry the rep’s own competence', () => {
    generateDemo(db, { filesDir: dir, now: new Date('2026-06-30T12:00:00Z') });
    const team = insightsPage(db, F()).options.teams[1];
    const page = insightsPage(db, F({ teamId: team.id }));
    const reps = page.reps.filter((r) => r.won + r.lost > 0);
    expect(reps.length).toBeGreaterThan(3);
    const perRep = reps.map((r) => repTrend(db, F({ teamId: team.id }), r.repId));
    page.trends.team.forEach((point, k) => {
      expect(perRep.reduce((a, t) => a + t[k].won, 0)).toBe(point.won);
      expect(perRep.reduce((a, t) => a + t[k].lost, 0)).toBe(point.lost);
      expect(perRep.every((t) => t[k].month === point.month)).toBe(true);
    });
    // one rep's close rate for the last month is their own won / (won + lost)
    const last = page.trends.team.length - 1;
    const r0 = perRep.find((t) => t[last].won + t[last].lost > 0)!;
    expect(r0[last].closeRate).toBeCloseTo(r0[last].won / (r0[last].won + r0[last].lost), 10);
    // competence at month end is the rep's score, not the team mean: reps differ
    const comps = new Set(perRep.map((t) => t[last].competence).filter((c) => c !== null));
    expect(comps.size).toBeGreaterThan(1);
    // retention over the rep's own customers
    expect(perRep.some((t) => t.some((p) => p.retention !== null))).toBe(true);
  });
});

describe('the deal columns', () => {
  it('hold exactly what the rows say (checked row by row on the demo deals)', () => {
    generateDemo(db, { filesDir: dir, now: new Date('2026-06-30T12:00:00Z') });
    db.prepare('UPDATE crm_deals SET csat = 4, nps = 9 WHERE id % 7 = 0').run();
    db.prepare("UPDATE crm_customers SET churned_at = '2026-02-03T10:00:00' WHERE id % 5 = 0").run();
    bumpCrmVersion(db);
    const ds = dataset(db);
    const rows = db.prepare('SELECT * FROM crm_deals ORDER BY id').all() as {
      rep_id: number;
      status: string;
      stage_pos: number;
      created_at: string;
      closed_at: string | null;
      channel: string;
      product: string;
      is_repeat: number;
      amount: number | null;
      customer_id: number | null;
      csat: number | null;
      nps: number | null;
    }[];
    const customers = db.prepare('SELECT id, churned_at FROM crm_customers ORDER BY id').all() as {
      id: number;
      churned_at: string | null;
    }[];
    expect(ds.n).toBe(rows.length);
    expect(ds.customers).toBe(customers.length);
    const day = (iso: string) => Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86_400_000);
    rows.forEach((r, i) => {
      expect([
        ds.rep[i],
        ds.status[i],
        ds.pos[i],
        ds.created[i],
        ds.channels[ds.channel[i]],
        ds.products[ds.product[i]],
        ds.repeat[i],
        ds.csat[i],
        ds.nps[i],
      ]).toEqual([
        r.rep_id,
        { open: 0, won: 1, lost: 2 }[r.status],
        r.stage_pos,
        day(r.created_at),
        r.channel,
        r.product,
        r.is_repeat,
        r.csat ?? 0,
        r.nps ?? 255,
      ]);
      expect(ds.amount[i]).toBeCloseTo(r.amount ?? 0, 6);
      expect(ds.closed[i]).toBe(r.closed_at ? day(r.closed_at) : -1);
      expect(ds.closedMonth[i]).toBe(r.closed_at ? Number(r.closed_at.slice(0, 4)) * 12 + Number(r.closed_at.slice(5, 7)) - 1 : -1);
      const c = r.customer_id === null ? -1 : customers.findIndex((x) => x.id === r.customer_id);
      expect(ds.customer[i]).toBe(c);
    });
    customers.forEach((c, k) => expect(ds.churn[k]).toBe(c.churned_at ? day(c.churned_at) : -1));
    // read in many small chunks of ids (with gaps from deleted deals): the same columns
    db.prepare('DELETE FROM crm_deals WHERE id % 11 = 0').run();
    bumpCrmVersion(db);
    const whole = db.transaction(() => readDataset(db))();
    const chunked = db.transaction(() => readDataset(db, 97))();
    expect(chunked).toEqual(whole);
    expect(whole.n).toBe(db.prepare('SELECT COUNT(*) FROM crm_deals').pluck().get());
    expect(ds.hasChurn).toBe(true);
    // half without a currency, a third EUR, the rest USD: the empty value is not a currency
    db.prepare("UPDATE crm_deals SET currency = CASE WHEN id % 2 = 0 THEN '' WHEN id % 3 <> 0 THEN 'EUR' ELSE 'USD' END").run();
    bumpCrmVersion(db);
    expect(dataset(db).currency).toBe('EUR'); // the most frequent non-empty currency
  });

  it('month index of a day matches the calendar over 130 years', () => {
    for (let d = -3650; d < 44000; d += 13) {
      const dt = new Date(d * 86_400_000);
      expect(monthOfDay(d)).toBe(dt.getUTCFullYear() * 12 + dt.getUTCMonth());
    }
  });
});

describe('metric definitions on a hand-made dataset', () => {
  it('close rate, retention (repeat purchase and churn), funnel, DiD with synthetic completions', () => {
    const team = createTeam(db, { name: 'T', description: '', managerId: null });
    const a = createPerson(db, { name: 'A Rep', email: 'a@x.io', roles: ['rep'], teamId: team.id, names: {}, hiredAt: null });
    const b = createPerson(db, { name: 'B Rep', email: 'b@x.io', roles: ['rep'], teamId: team.id, names: {}, hiredAt: null });
    const cust = db.prepare("INSERT INTO crm_customers(source, key, name) VALUES ('t', ?, ?)");
    const c1 = Number(cust.run('c1', 'C1').lastInsertRowid);
    const c2 = Number(cust.run('c2', 'C2').lastInsertRowid);
    const ins = db.prepare(
      "INSERT INTO crm_deals(source, external_id, customer_id, rep_id, status, stage_pos, created_at, closed_at) VALUES ('t', ?, ?, ?, ?, ?, ?, ?)",
    );
    let k = 0;
    const deal = (rep: number, status: string, pos: number, created: string, closed: string | null, c: number | null = null) =>
      ins.run(String(++k), c, rep, status, pos, created, closed);
    // before the period: A wins C1 and C2
    deal(a.id, 'won', 5, '2025-01-01', '2025-01-10', c1);
    deal(a.id, 'won', 5, '2025-01-01', '2025-01-12', c2);
    // in the period (2025-02-01..2025-12-31): C1 buys again; A: 2 won, 2 lost -> 50%
    deal(a.id, 'won', 5, '2025-03-01', '2025-03-20', c1);
    deal(a.id, 'won', 5, '2025-03-01', '2025-04-20');
    deal(a.id, 'lost', 2, '2025-03-01', '2025-04-21');
    deal(a.id, 'lost', 3, '2025-03-01', '2025-04-22');
    deal(a.id, 'open', 4, '2025-05-01', null);
    deal(b.id, 'lost', 1, '2025-03-01', '2025-03-05');
    bumpCrmVersion(db);
    const p = insightsPage(db, F({ from: '2025-02-01', to: '2025-12-31' }));
    const ra = p.reps.find((r) => r.repId === a.id)!;
    expect([ra.won, ra.lost, ra.open, ra.closeRate]).toEqual([2, 2, 1, 0.5]);
    expect(ra.retention).toEqual({ base: 2, retained: 1, rate: 0.5 });
    expect(p.reps.find((r) => r.repId === b.id)!.closeRate).toBe(0);
    // funnel of deals created in the period: positions 5,5,2,3,4,1 -> reached k
    expect(p.funnel.total).toEqual([6, 5, 4, 3, 2]);
    // churn dates replace repeat purchases when present: C2 churned after the period -> retained
    db.prepare('UPDATE crm_customers SET churned_at = ? WHERE id = ?').run('2026-03-01', c2);
    db.prepare('UPDATE crm_customers SET churned_at = ? WHERE id = ?').run('2025-06-01', c1);
    bumpCrmVersion(db);
    const q = insightsPage(db, F({ from: '2025-02-01', to: '2025-12-31' }));
    expect(q.reps.find((r) => r.repId === a.id)!.retention).toEqual({ base: 2, retained: 1, rate: 0.5 });

    // training effect with synthetic completions: A completes on 2025-04-01
    const course = Number(db.prepare("INSERT INTO courses(title, status) VALUES ('Course', 'published')").run().lastInsertRowid);
    db.prepare("INSERT INTO course_completions(person_id, course_id, completed_at, certificate_no) VALUES (?, ?, '2025-04-01', 'T-1')").run(
      a.id,
      course,
    );
    const ds = dataset(db);
    const tr = trainingEffect(db, ds, new Uint8Array(ds.n).fill(1), 90, [a.id, b.id]);
    expect(tr.available).toBe(true);
    const c = tr.courses[0];
    // A: before 1/1 won (C1 on 03-20), after 1 won of 3 -> -2/3; B (control): before 0/1, after none -> no estimate
    expect(c.treatedPre).toBe(1);
    expect(c.treatedPost).toBeCloseTo(1 / 3, 10);
    expect(c.controlPost).toBeNull();
    expect(c.estimate).toBeNull();
  });
});
