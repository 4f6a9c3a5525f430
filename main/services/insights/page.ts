/**
 * Every Insights chart from one pass (plus a few small ones) over the in-memory
 * deal columns: per-rep close rate, retention, competence scatter with Pearson r,
 * Fisher-z CI and Spearman rho, per-competency correlations (optionally lagged a
 * quarter), monthly trends, the 5-stage funnel, channels, leaderboard and the
 * training effect (difference-in-differences).
 */
import type { Correlation, DidResult, InsightsPage, RepRow, ScatterPoint, TrendPoint } from '../../../shared/api/insights';
import { AppError, RANGE_REVERSED, type ParsedInputOf } from '../../../shared/api/contract';
import type { insightsMethods } from '../../../shared/api/insights';
import { closeRate, correlate, didProportions, npsScore, strength, type Proportion } from '../../../shared/domain/stats';
import { valueKey } from '../../../shared/domain/crmParse';
import type { DB } from '../../db/open';
import { listCompetencyRefs } from '../competencies';
import { competenceScores, competenceScoresAt, type CompetenceScore } from '../training/competence';
import { ratesTo, reportingCurrency } from '../crm/currencies';
import { listCourseCompletions } from './completions';
import { addMonths, dataset, dayOf, isoOfDay, monthOfDay, STATUS, type Dataset } from './dataset';
import { retention, type Retention } from './retention';
import { namesColumn, parseNames } from '../personNames';

export type Filters = ParsedInputOf<(typeof insightsMethods)['insights.page']>;

export const MIN_CLOSED_FOR_RATE = 20;
export const LEADERBOARD_MIN_DEALS = 5;

interface Person {
  id: number;
  name: string;
  names: string;
  team_id: number | null;
  is_rep: number;
}

const monthKey = (day: number) => isoOfDay(day).slice(0, 7);
function monthStart(day: number) {
  const d = new Date(day * 86_400_000);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000);
}

/**
 * The period the charts cover: the range asked for (default: the 12 months up to `last`, the
 * latest deal) clamped to [lo, hi]: the first day of the data, and the later of its last day
 * (deals, churn dates) and today (competence is measured up to now). A far-past or far-future
 * end is cut there, so the months iterated follow the data, never the width of the range asked
 * for; a range wholly outside becomes one empty day beside it.
 */
export function clampPeriod(
  fromReq: number | null,
  toReq: number | null,
  b: { lo: number; hi: number; last: number },
): { from: number; to: number } {
  const { lo, hi } = b;
  // no end given: the latest deal (or the start asked for, when that is later: an empty period, not a reversed one)
  const to = toReq ?? Math.max(b.last, fromReq ?? b.last);
  const from = fromReq ?? addMonths(Math.min(to, b.last), -12) + 1;
  if (from > to) throw new AppError('invalid_input', RANGE_REVERSED, 'from', { key: 'insights.rangeReversed' });
  if (to < lo) return { from: lo - 1, to: lo - 1 };
  if (from > hi) return { from: hi + 1, to: hi + 1 };
  return { from: Math.max(from, lo), to: Math.min(to, hi) };
}

/** Which deals pass the team/channel/product/business filters (period is handled per chart), as lookup arrays. */
function makeFilter(db: DB, ds: Dataset, f: Filters, people: Person[], onlyRep: number | null) {
  const maxRep = Math.max(0, ...people.map((p) => p.id));
  const repOk = new Uint8Array(maxRep + 1);
  for (const p of people) if ((f.teamId === null || p.team_id === f.teamId) && (onlyRep === null || p.id === onlyRep)) repOk[p.id] = 1;
  const chanOk = new Uint8Array(Math.max(1, ds.channels.length)).fill(1);
  if (f.channel) {
    const groups = new Map(
      (db.prepare('SELECT value_key, kind, mode FROM crm_channels').all() as { value_key: string; kind: string; mode: string }[]).map(
        (c) => [c.value_key, c],
      ),
    );
    ds.channels.forEach((c, i) => {
      const g = groups.get(valueKey(c));
      chanOk[i] = ['direct', 'indirect', 'online', 'offline'].includes(f.channel!)
        ? Number(g?.kind === f.channel || g?.mode === f.channel)
        : Number(c === f.channel);
    });
  }
  const prod = f.product ? ds.products.indexOf(f.product) : -1;
  return {
    maxRep,
    repOk,
    chanOk,
    prod,
    noProduct: !!f.product && prod < 0,
    wantRepeat: f.business === 'all' ? -1 : f.business === 'repeat' ? 1 : 0,
  };
}

/** Per currency x month of the period: the factor to the reporting currency (NaN = no rate), and won deals left out for want of one. */
interface Conversion {
  factor: Float64Array;
  missed: Int32Array;
}

function conversion(db: DB, ds: Dataset, reporting: string, months: number[]): Conversion {
  const M = months.length;
  const rates = reporting ? ratesTo(db, reporting) : new Map<string, Map<string, number>>();
  const factor = new Float64Array(Math.max(1, ds.currencies.length) * M).fill(NaN);
  ds.currencies.forEach((c, ci) => {
    if (!c) return; // no currency: nothing to convert from
    const byMonth = rates.get(c);
    for (let k = 0; k < M; k++) factor[ci * M + k] = c === reporting ? 1 : (byMonth?.get(monthKey(months[k])) ?? NaN);
  });
  return { factor, missed: new Int32Array(factor.length) };
}

/** The one hot pass over the deals: applies the filters (marking `keep`) and fills every per-rep, per-month and per-channel counter. */
function scan(
  ds: Dataset,
  flt: ReturnType<typeof makeFilter>,
  keep: Uint8Array,
  repCap: number,
  from: number,
  to: number,
  m0Abs: number,
  M: number,
  fx: Conversion,
) {
  const won = new Int32Array(repCap + 1);
  const lost = new Int32Array(repCap + 1);
  const open = new Int32Array(repCap + 1);
  const revenue = new Float64Array(repCap + 1);
  const csatSum = new Float64Array(repCap + 1);
  const csatN = new Int32Array(repCap + 1);
  const npsByRep = new Map<number, number[]>();
  const mWon = new Int32Array((repCap + 1) * M);
  const mLost = new Int32Array((repCap + 1) * M);
  const mRev = new Float64Array((repCap + 1) * M);
  const funnelRep = new Int32Array((repCap + 1) * 5);
  const nch = Math.max(1, ds.channels.length);
  const chWon = new Int32Array(nch);
  const chLost = new Int32Array(nch);
  const chDeals = new Int32Array(nch);
  const chRev = new Float64Array(nch);
  const seenRep = new Uint8Array(repCap + 1);
  const { maxRep, repOk, chanOk, prod, noProduct, wantRepeat } = flt;
  if (noProduct)
    return { won, lost, open, revenue, csatSum, csatN, npsByRep, mWon, mLost, mRev, funnelRep, chWon, chLost, chDeals, chRev, seenRep };
  const { rep, status, channel, product, repeat, created, closed, closedMonth, pos, amount, csat, nps } = ds;
  const WON = STATUS.won,
    OPEN = STATUS.open;
  const { factor, missed } = fx;
  const cur = ds.currencyOf;
  for (let i = 0, n = ds.n; i < n; i++) {
    const r = rep[i];
    const ch = channel[i];
    if (r > maxRep || repOk[r] === 0 || chanOk[ch] === 0) continue;
    if (prod >= 0 && product[i] !== prod) continue;
    if (wantRepeat >= 0 && repeat[i] !== wantRepeat) continue;
    keep[i] = 1;
    const st = status[i];
    const c0 = created[i];
    if (c0 >= from && c0 <= to) {
      seenRep[r] = 1;
      const p = pos[i];
      const base = r * 5;
      for (let k = 0; k < p; k++) funnelRep[base + k]++;
      if (st === OPEN) open[r]++;
      chDeals[ch]++;
    }
    const cd = closed[i];
    if (st !== OPEN && cd >= from && cd <= to) {
      seenRep[r] = 1;
      const cell = r * M + closedMonth[i] - m0Abs;
      if (st === WON) {
        let a = amount[i];
        if (a !== 0) {
          // to the reporting currency at the close month's rate; without a rate it is counted, never added as it is
          const k = cur[i] * M + closedMonth[i] - m0Abs;
          const f = factor[k];
          if (f !== f) {
            missed[k]++;
            a = 0;
          } else a *= f;
        }
        won[r]++;
        revenue[r] += a;
        mWon[cell]++;
        mRev[cell] += a;
        chWon[ch]++;
        chRev[ch] += a;
      } else {
        lost[r]++;
        mLost[cell]++;
        chLost[ch]++;
      }
      const cs = csat[i];
      if (cs) {
        csatSum[r] += cs;
        csatN[r]++;
      }
      const np = nps[i];
      if (np !== 255) {
        let arr = npsByRep.get(r);
        if (!arr) npsByRep.set(r, (arr = []));
        arr.push(np);
      }
    }
  }
  return { won, lost, open, revenue, csatSum, csatN, npsByRep, mWon, mLost, mRev, funnelRep, chWon, chLost, chDeals, chRev, seenRep };
}

function toCorrelation(xs: number[], ys: number[], closed: number[], competenceMissing: boolean): Correlation {
  const s = correlate(xs, ys);
  const warnings: Correlation['warnings'] = [];
  if (competenceMissing) warnings.push('noCompetence');
  if (s.n < 10) warnings.push('smallN');
  const few = closed.filter((c) => c < MIN_CLOSED_FOR_RATE).length;
  if (few) warnings.push('fewClosed');
  return {
    ...s,
    strength: strength(s.pearson),
    direction: s.pearson === null ? null : s.pearson >= 0 ? 'positive' : 'negative',
    warnings,
    fewClosedReps: few,
  };
}

/** One rep's monthly trend (close rate, retention of their customers, competence) under the page's filters. */
export function repTrend(db: DB, f: Filters, repId: number): TrendPoint[] {
  return insightsPage(db, f, repId).trends.team;
}

/** Every chart of the page; `onlyRep` narrows the deals and reps to one person (repTrend). */
type Scan = ReturnType<typeof scan>;
type Team = { id: number; name: string };
/** The period's months (day numbers of each month's first day) and where the period ends. */
interface Period {
  from: number;
  to: number;
  months: number[];
}

export function insightsPage(db: DB, f: Filters, onlyRep: number | null = null): InsightsPage {
  const ds = dataset(db);
  const { people, teams } = loadPeople(db);
  const repCap = Math.max(0, ...people.map((p) => p.id));
  const flt = makeFilter(db, ds, f, people, onlyRep);
  const keep = new Uint8Array(ds.n);
  const hasData = ds.n > 0;
  const p = periodOf(ds, f);
  const { from, to, months } = p;
  const M = months.length;

  // the chosen currency, else the one most deals are in: counted once per dataset load (a GROUP BY over every deal per page cost ~0.7 s at 1M deals)
  const reporting = reportingCurrency(db) ?? ds.currency;
  const fx = conversion(db, ds, reporting, months);
  const s = scan(ds, flt, keep, repCap, from, to, monthOfDay(months[0]), M, fx);

  const inTeam = (x: Person) => (f.teamId === null || x.team_id === f.teamId) && (onlyRep === null || x.id === onlyRep);
  const repPeople = people.filter((x) => inTeam(x) && (x.is_rep || s.seenRep[x.id]));
  const repIds = repPeople.map((x) => x.id);
  const shownTeams = teams.filter((t) => f.teamId === null || t.id === f.teamId);
  const scoresAtTo = competenceScores(db, { asOf: isoOfDay(to), repIds });
  const overall = new Map(scoresAtTo.filter((c) => c.competencyId === null).map((c) => [c.repId, c]));
  const competenceSource: InsightsPage['competenceSource'] = overall.size === 0 ? 'none' : 'training';
  const ret = retention(ds, flt, from, to, months, repCap);
  const reps = repRows(repPeople, s, ret.perRep, overall);

  return {
    period: { from: isoOfDay(from), to: isoOfDay(to) },
    dealsTotal: ds.n,
    currency: reporting,
    unconverted: unconvertedDeals(ds, fx, months),
    competenceSource,
    reps,
    ...competenceCharts(db, f, ds, keep, s, repCap, to, repPeople, reps, scoresAtTo, competenceSource === 'none'),
    trends: trendCharts(db, p, s, ret, repPeople, shownTeams),
    funnel: funnelChart(s, repPeople, shownTeams),
    ...channelCharts(db, ds, s),
    leaderboard: leaderboardOf(p, s, repIds),
    training: trainingEffect(db, ds, keep, f.windowDays, repIds),
    options: {
      teams,
      channels: ds.channels.filter(Boolean),
      products: ds.products.filter(Boolean),
      minDate: hasData ? isoOfDay(ds.minDay) : null,
      maxDate: hasData ? isoOfDay(ds.maxDay) : null,
    },
  };
}

function loadPeople(db: DB): { people: Person[]; teams: Team[] } {
  const people = db
    .prepare(
      `SELECT p.id, p.name, ${namesColumn('p')} AS names, p.team_id, EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = 'rep') AS is_rep FROM people p`,
    )
    .all() as Person[];
  const teams = db.prepare('SELECT id, name FROM teams ORDER BY name').all() as Team[];
  return { people, teams };
}

/** The period asked for, clamped to the data (clampPeriod), as whole months. */
function periodOf(ds: Dataset, f: Filters): Period {
  const today = Math.floor(Date.now() / 86_400_000);
  let lastChurn = -Infinity;
  for (let c = 0; c < ds.customers; c++) if (ds.churn[c] > lastChurn) lastChurn = ds.churn[c];
  const bounds =
    ds.n > 0
      ? { lo: ds.minDay, hi: Math.max(ds.maxDay, lastChurn, today), last: ds.maxDay }
      : { lo: addMonths(today, -12) + 1, hi: today, last: today };
  const { from, to } = clampPeriod(f.from ? dayOf(f.from) : null, f.to ? dayOf(f.to) : null, bounds);
  const months: number[] = [];
  for (let m = monthStart(from); m <= to; m = addMonths(m, 1)) months.push(m);
  return { from, to, months };
}

/** Deals left out of the money totals because their currency has no rate for their month. */
function unconvertedDeals(ds: Dataset, fx: Conversion, months: number[]): InsightsPage['unconverted'] {
  const M = months.length;
  const unconverted: InsightsPage['unconverted'] = { deals: 0, byCurrency: [] };
  ds.currencies.forEach((c, ci) => {
    let deals = 0;
    const ms: string[] = [];
    for (let k = 0; k < M; k++) {
      const n = fx.missed[ci * M + k];
      if (!n) continue;
      deals += n;
      ms.push(monthKey(months[k]));
    }
    if (deals) unconverted.byCurrency.push({ currency: c, deals, months: ms.reverse().slice(0, 12) });
    unconverted.deals += deals;
  });
  unconverted.byCurrency.sort((a, b) => b.deals - a.deals);
  return unconverted;
}

function repRows(
  repPeople: Person[],
  s: Scan,
  ret: { base: Int32Array | number[]; kept: Int32Array | number[] },
  overall: Map<number, { score: number | null; n: number; sufficient: boolean }>,
): RepRow[] {
  const { won, lost, open, revenue, csatSum, csatN, npsByRep } = s;
  return repPeople.map((p) => {
    const c = overall.get(p.id);
    const nps = npsScore(npsByRep.get(p.id) ?? []);
    return {
      repId: p.id,
      name: p.name,
      names: parseNames(p.names),
      teamId: p.team_id,
      won: won[p.id],
      lost: lost[p.id],
      open: open[p.id],
      closeRate: closeRate(won[p.id], lost[p.id]),
      revenue: revenue[p.id],
      retention: { base: ret.base[p.id], retained: ret.kept[p.id], rate: ret.base[p.id] ? ret.kept[p.id] / ret.base[p.id] : null },
      competence: c ? { score: c.score, n: c.n, sufficient: c.sufficient } : null,
      csat: csatN[p.id] ? { mean: csatSum[p.id] / csatN[p.id], n: csatN[p.id] } : null,
      nps: nps === null ? null : { score: nps, n: npsByRep.get(p.id)!.length },
    };
  });
}

/**
 * The outcomes competence is compared with: the period's, or (lagged) the last complete quarter's, with competence
 * measured at the end of the quarter before it.
 */
function outcomesFor(
  ds: Dataset,
  keep: Uint8Array,
  s: Scan,
  repCap: number,
  to: number,
  lag: boolean,
): { outWon: Int32Array | number[]; outLost: Int32Array | number[]; asOfDay: number } {
  if (!lag) return { outWon: s.won, outLost: s.lost, asOfDay: to };
  const d = new Date(to * 86_400_000);
  const qStartMonth = Math.floor(d.getUTCMonth() / 3) * 3;
  let qStart = Math.floor(Date.UTC(d.getUTCFullYear(), qStartMonth, 1) / 86_400_000);
  const qEnd = addMonths(qStart, 3) - 1;
  if (qEnd > to) qStart = addMonths(qStart, -3); // the last complete quarter
  const qe = addMonths(qStart, 3) - 1;
  const outWon = new Int32Array(repCap + 1);
  const outLost = new Int32Array(repCap + 1);
  for (let i = 0; i < ds.n; i++) {
    if (!keep[i] || ds.status[i] === STATUS.open) continue;
    const cd = ds.closed[i];
    if (cd < qStart || cd > qe) continue;
    if (ds.status[i] === STATUS.won) outWon[ds.rep[i]]++;
    else outLost[ds.rep[i]]++;
  }
  return { outWon, outLost, asOfDay: qStart - 1 };
}

/** Competence vs close rate and retention (scatters with statistics), and per competency. */
function competenceCharts(
  db: DB,
  f: Filters,
  ds: Dataset,
  keep: Uint8Array,
  s: Scan,
  repCap: number,
  to: number,
  repPeople: Person[],
  reps: RepRow[],
  scoresAtTo: CompetenceScore[],
  competenceMissing: boolean,
): Pick<InsightsPage, 'closeScatter' | 'retentionScatter' | 'perCompetency'> {
  const { outWon, outLost, asOfDay } = outcomesFor(ds, keep, s, repCap, to, !!f.lag);
  const lagScores = f.lag ? competenceScores(db, { asOf: isoOfDay(asOfDay), repIds: repPeople.map((p) => p.id) }) : null;
  const scoreMap = new Map<string, number | null>();
  const evidence = new Map<number, number>();
  for (const c of lagScores ?? scoresAtTo) {
    scoreMap.set(`${c.repId}:${c.competencyId ?? 'all'}`, c.score);
    if (c.competencyId === null) evidence.set(c.repId, c.n);
  }
  const closePoints: ScatterPoint[] = [];
  for (const p of repPeople) {
    const x = scoreMap.get(`${p.id}:all`);
    const cr = closeRate(outWon[p.id], outLost[p.id]);
    if (x == null || cr === null) continue;
    closePoints.push({ repId: p.id, x, y: cr, deals: outWon[p.id] + outLost[p.id], evidence: evidence.get(p.id) ?? 0 });
  }
  const retPoints: ScatterPoint[] = [];
  for (const r of reps) {
    const x = scoreMap.get(`${r.repId}:all`);
    if (x == null || r.retention.rate === null) continue;
    retPoints.push({ repId: r.repId, x, y: r.retention.rate, deals: r.retention.base, evidence: evidence.get(r.repId) ?? 0 });
  }
  const perCompetency = listCompetencyRefs(db).map((c) => {
    const xs: number[] = [],
      ys: number[] = [],
      closed: number[] = [];
    for (const p of repPeople) {
      const x = scoreMap.get(`${p.id}:${c.id}`);
      const cr = closeRate(outWon[p.id], outLost[p.id]);
      if (x == null || cr === null) continue;
      xs.push(x);
      ys.push(cr);
      closed.push(outWon[p.id] + outLost[p.id]);
    }
    return { competencyId: c.id, key: c.key, name: c.name, names: c.names, stats: toCorrelation(xs, ys, closed, competenceMissing) };
  });
  perCompetency.sort((a, b) => Math.abs(b.stats.pearson ?? 0) - Math.abs(a.stats.pearson ?? 0));
  return {
    closeScatter: {
      points: closePoints,
      stats: toCorrelation(
        closePoints.map((p) => p.x),
        closePoints.map((p) => p.y),
        closePoints.map((p) => p.deals),
        competenceMissing,
      ),
    },
    retentionScatter: {
      points: retPoints,
      stats: toCorrelation(
        retPoints.map((p) => p.x),
        retPoints.map((p) => p.y),
        retPoints.map((p) => outWon[p.repId] + outLost[p.repId]),
        competenceMissing,
      ),
    },
    perCompetency,
  };
}

/** Monthly close rate, retention and mean competence for the team, and close rate per team. */
function trendCharts(db: DB, p: Period, s: Scan, ret: Retention, repPeople: Person[], teams: Team[]): InsightsPage['trends'] {
  const { months, to } = p;
  const M = months.length;
  const repIds = repPeople.map((x) => x.id);
  // competence at each month's end, from one read of the evidence (not one query per month)
  const monthEnds = months.map((_m, k) => isoOfDay(k + 1 < M ? months[k + 1] - 1 : to));
  const atMonthEnd = competenceScoresAt(db, monthEnds, repIds);
  const monthComp = monthEnds.map((end) => {
    const sc = atMonthEnd.get(end)!.filter((x) => x.competencyId === null && x.score !== null);
    return sc.length ? sc.reduce((a, x) => a + x.score!, 0) / sc.length : null;
  });
  const trendFor = (ids: number[]): TrendPoint[] =>
    months.map((m, k) => {
      let w = 0,
        l = 0;
      for (const id of ids) {
        w += s.mWon[id * M + k];
        l += s.mLost[id * M + k];
      }
      return { month: monthKey(m), closeRate: closeRate(w, l), won: w, lost: l, retention: null, competence: null };
    });
  const team = trendFor(repIds);
  const retTrend = ret.trend;
  months.forEach((_m, k) => {
    team[k].retention = retTrend[k];
    team[k].competence = monthComp[k];
  });
  const byTeam = teams
    .map((t) => ({ teamId: t.id, name: t.name, points: trendFor(repPeople.filter((x) => x.team_id === t.id).map((x) => x.id)) }))
    .filter((t) => t.points.some((x) => x.won + x.lost > 0));
  return { team, byTeam };
}

/** Deals reaching each of the 5 stages: in total, per team and per rep. */
function funnelChart(s: Scan, repPeople: Person[], teams: Team[]): InsightsPage['funnel'] {
  const repIds = repPeople.map((x) => x.id);
  const sumFunnel = (ids: number[]) => [0, 1, 2, 3, 4].map((k) => ids.reduce((a, id) => a + s.funnelRep[id * 5 + k], 0));
  return {
    stages: ['1', '2', '3', '4', '5'],
    total: sumFunnel(repIds),
    byTeam: teams
      .map((t) => ({ teamId: t.id, name: t.name, counts: sumFunnel(repPeople.filter((x) => x.team_id === t.id).map((x) => x.id)) }))
      .filter((t) => t.counts[0] > 0),
    byRep: repIds.map((id) => ({ repId: id, counts: sumFunnel([id]) })).filter((r) => r.counts[0] > 0),
  };
}

/** Results per sales channel, and per channel group (direct/indirect, online/offline, set in Insights). */
function channelCharts(db: DB, ds: Dataset, s: Scan): Pick<InsightsPage, 'channels' | 'channelGroups'> {
  const groups = new Map(
    (
      db.prepare('SELECT value_key, kind, mode FROM crm_channels').all() as {
        value_key: string;
        kind: 'direct' | 'indirect';
        mode: 'online' | 'offline';
      }[]
    ).map((c) => [c.value_key, c]),
  );
  const channels = ds.channels
    .map((value, i) => {
      const g = groups.get(valueKey(value));
      return {
        value,
        kind: g?.kind ?? 'direct',
        mode: g?.mode ?? 'offline',
        deals: s.chDeals[i],
        won: s.chWon[i],
        lost: s.chLost[i],
        closeRate: closeRate(s.chWon[i], s.chLost[i]),
        revenue: s.chRev[i],
      };
    })
    .filter((c) => c.value && c.deals + c.won + c.lost > 0)
    .sort((a, b) => b.won + b.lost - (a.won + a.lost));
  const channelGroups = (['direct', 'indirect', 'online', 'offline'] as const).map((group) => {
    const sel = channels.filter((c) => c.kind === group || c.mode === group);
    const w = sel.reduce((a, c) => a + c.won, 0);
    const l = sel.reduce((a, c) => a + c.lost, 0);
    return { group, won: w, lost: l, closeRate: closeRate(w, l), revenue: sel.reduce((a, c) => a + c.revenue, 0) };
  });
  return { channels, channelGroups };
}

/** The last complete month's champions (close rate, revenue) and the most improved (last 3 months vs the 3 before). */
function leaderboardOf(p: Period, s: Scan, repIds: number[]): InsightsPage['leaderboard'] {
  const { months, to } = p;
  const M = months.length;
  // the last complete month of the period (the current month is still running)
  const monthEnd = addMonths(months[M - 1], 1) - 1;
  const last = to >= monthEnd || M === 1 ? M - 1 : M - 2;
  const monthRate = (id: number, ks: number[]) => {
    let w = 0,
      l = 0;
    for (const k of ks) {
      if (k < 0) continue;
      w += s.mWon[id * M + k];
      l += s.mLost[id * M + k];
    }
    return { w, l, rate: closeRate(w, l) };
  };
  const closeBoard = repIds
    .map((id) => ({ repId: id, ...monthRate(id, [last]) }))
    .filter((x) => x.w + x.l >= LEADERBOARD_MIN_DEALS)
    .map((x) => ({ repId: x.repId, value: x.rate!, closed: x.w + x.l }))
    .sort((a, b) => b.value - a.value || b.closed - a.closed);
  const revenueBoard = repIds
    .map((id) => ({ repId: id, value: s.mRev[id * M + last] }))
    .filter((x) => x.value > 0)
    .sort((a, b) => b.value - a.value);
  const improved = repIds
    .map((id) => ({ repId: id, after: monthRate(id, [last, last - 1, last - 2]), before: monthRate(id, [last - 3, last - 4, last - 5]) }))
    .filter((x) => x.after.w + x.after.l >= LEADERBOARD_MIN_DEALS && x.before.w + x.before.l >= LEADERBOARD_MIN_DEALS)
    .map((x) => ({ repId: x.repId, value: x.after.rate! - x.before.rate!, before: x.before.rate!, after: x.after.rate! }))
    .sort((a, b) => b.value - a.value);
  return {
    minDeals: LEADERBOARD_MIN_DEALS,
    month: monthKey(months[last]),
    champion: closeBoard[0]?.repId ?? null,
    closeRate: closeBoard.slice(0, 10),
    revenue: revenueBoard.slice(0, 10),
    improved: improved.slice(0, 10),
  };
}

/**
 * For each course: reps who completed it (treated) vs reps who had not completed it by
 * the end of the post window (controls), close rates in the N days before vs after each
 * completion; controls' deals are averaged over the completions so none counts twice.
 */
export function trainingEffect(db: DB, ds: Dataset, keep: Uint8Array, windowDays: number, repIds: number[]): InsightsPage['training'] {
  const completions = listCourseCompletions(db).filter((c) => repIds.includes(c.repId));
  if (!completions.length) return { available: false, courses: [] };
  const repSet = new Set(repIds);
  // closed deals per rep, sorted by day, for window counting
  const byRep = new Map<number, { day: number; won: number }[]>();
  for (let i = 0; i < ds.n; i++) {
    if (!keep[i] || ds.status[i] === STATUS.open || !repSet.has(ds.rep[i])) continue;
    let a = byRep.get(ds.rep[i]);
    if (!a) byRep.set(ds.rep[i], (a = []));
    a.push({ day: ds.closed[i], won: ds.status[i] === STATUS.won ? 1 : 0 });
  }
  const count = (rep: number, a: number, b: number): Proportion => {
    let s = 0,
      t = 0;
    for (const d of byRep.get(rep) ?? []) {
      if (d.day < a || d.day >= b) continue;
      t++;
      s += d.won;
    }
    return { successes: s, trials: t };
  };
  const courses = new Map<string, { title: string; done: Map<number, number> }>();
  for (const c of completions) {
    let e = courses.get(c.courseId);
    if (!e) courses.set(c.courseId, (e = { title: c.courseTitle, done: new Map() }));
    const d = dayOf(c.completedAt);
    if (!e.done.has(c.repId) || e.done.get(c.repId)! > d) e.done.set(c.repId, d);
  }
  const out: DidResult[] = [];
  for (const [courseId, { title, done }] of courses) {
    const tPre = { successes: 0, trials: 0 },
      tPost = { successes: 0, trials: 0 },
      cPre = { successes: 0, trials: 0 },
      cPost = { successes: 0, trials: 0 };
    const controlsUsed = new Set<number>();
    let events = 0;
    for (const [rep, t] of done) {
      const pre = count(rep, t - windowDays, t);
      const post = count(rep, t, t + windowDays);
      if (!pre.trials || !post.trials) continue;
      events++;
      add(tPre, pre);
      add(tPost, post);
      for (const other of repIds) {
        const od = done.get(other);
        if (other === rep || (od !== undefined && od < t + windowDays)) continue;
        controlsUsed.add(other);
        add(cPre, count(other, t - windowDays, t));
        add(cPost, count(other, t, t + windowDays));
      }
    }
    const scale = (p: Proportion): Proportion => (events ? { successes: p.successes / events, trials: p.trials / events } : p);
    const est = didProportions(tPre, tPost, scale(cPre), scale(cPost));
    out.push({
      courseId,
      courseTitle: title,
      treated: events,
      controls: controlsUsed.size,
      ...est,
      dealsTreated: tPre.trials + tPost.trials,
      dealsControl: Math.round((cPre.trials + cPost.trials) / Math.max(1, events)),
    });
  }
  return { available: true, courses: out.sort((a, b) => b.treated - a.treated) };
}

function add(into: Proportion, p: Proportion) {
  into.successes += p.successes;
  into.trials += p.trials;
}
