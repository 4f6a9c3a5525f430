/**
 * Retention over the kept won deals: per rep over [from, to] (the brief's definition: the
 * customers a rep sold to before the period, and how many of them bought again in it or did
 * not churn by its end) and over a trailing quarter ending each month (the trend).
 *
 * The won deals are indexed by customer once per dataset load, so a page walks customers
 * one after another instead of scattering writes over per-customer arrays deal by deal
 * (which made retention the costliest part of the page at a million deals).
 */
import { addMonths, monthOfDay, STATUS, type Dataset } from './dataset';

/** Won deals with a customer, grouped by customer and, within a customer, by close day. */
interface WonByCustomer {
  /** deals of customer c are at [start[c], start[c + 1]) */
  start: Int32Array;
  day: Int32Array;
  month: Int32Array;
  rep: Int32Array;
  channel: Uint16Array;
  product: Uint16Array;
  repeat: Uint8Array;
}

/** The page's deal filters as lookup tables (page.ts makeFilter). */
export interface DealFilter {
  maxRep: number;
  repOk: Uint8Array;
  chanOk: Uint8Array;
  prod: number;
  noProduct: boolean;
  /** -1 = any, else the wanted is_repeat */
  wantRepeat: number;
}

const indexes = new WeakMap<Dataset, WonByCustomer>();

function wonByCustomer(ds: Dataset): WonByCustomer {
  const hit = indexes.get(ds);
  if (hit) return hit;
  const start = new Int32Array(ds.customers + 1);
  for (let i = 0; i < ds.n; i++) if (ds.status[i] === STATUS.won && ds.customer[i] >= 0) start[ds.customer[i] + 1]++;
  for (let c = 0; c < ds.customers; c++) start[c + 1] += start[c];
  const total = start[ds.customers];
  const deal = new Int32Array(total);
  const fill = start.slice(0, ds.customers);
  for (let i = 0; i < ds.n; i++) if (ds.status[i] === STATUS.won && ds.customer[i] >= 0) deal[fill[ds.customer[i]]++] = i;
  // by close day within each customer (few deals each: insertion sort), so month runs come in order
  for (let c = 0; c < ds.customers; c++)
    for (let j = start[c] + 1; j < start[c + 1]; j++) {
      const x = deal[j];
      let k = j - 1;
      while (k >= start[c] && ds.closed[deal[k]] > ds.closed[x]) {
        deal[k + 1] = deal[k];
        k--;
      }
      deal[k + 1] = x;
    }
  const day = new Int32Array(total);
  const month = new Int32Array(total);
  const rep = new Int32Array(total);
  const channel = new Uint16Array(total);
  const product = new Uint16Array(total);
  const repeat = new Uint8Array(total);
  for (let j = 0; j < total; j++) {
    const i = deal[j];
    day[j] = ds.closed[i];
    month[j] = ds.closedMonth[i];
    rep[j] = ds.rep[i];
    channel[j] = ds.channel[i];
    product[j] = ds.product[i];
    repeat[j] = ds.repeat[i];
  }
  const idx = { start, day, month, rep, channel, product, repeat };
  indexes.set(ds, idx);
  return idx;
}

export interface Retention {
  perRep: { base: Int32Array; kept: Int32Array };
  /** per month of the period: retained / base over the quarter ending that month, null without a base */
  trend: (number | null)[];
}

/**
 * `flt`: the page's filters, applied here to the customer-ordered copies of the deals' columns (reading the
 * page's per-deal keep flags in customer order would be a cache miss per deal); `months` = day numbers of the
 * period's months' first days.
 */
export function retention(ds: Dataset, flt: DealFilter, from: number, to: number, months: number[], repCap: number): Retention {
  const M = months.length;
  const idx = wonByCustomer(ds);
  const base = new Int32Array(repCap + 1);
  const kept = new Int32Array(repCap + 1);
  // a customer counts in month k's base when their first purchase is before the quarter ending that month;
  // retained: bought within that quarter (or, with churn dates, not churned by the month's end)
  const starts = months.map((m) => addMonths(m, -2));
  const ends = months.map((_m, k) => (k + 1 < M ? months[k + 1] - 1 : to));
  const m0 = M ? monthOfDay(months[0]) : 0;
  const firstAbove = (xs: number[], day: number) => {
    let lo = 0,
      hi = M;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] > day) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const baseDiff = new Int32Array(M + 1);
  const keptDiff = new Int32Array(M + 1);
  const keptMonth = new Int32Array(M);
  // the reps who sold to the customer before the period: nearly always one, so one variable and a rarely used list
  let rep1 = -1;
  const more: number[] = [];
  const { start, day, month, rep, channel, product, repeat } = idx;
  const { maxRep, repOk, chanOk, prod, noProduct, wantRepeat } = flt;
  for (let c = 0; c < ds.customers; c++) {
    let first = 0x7fffffff;
    let boughtIn = false;
    rep1 = -1;
    if (more.length) more.splice(0);
    let lastK = -1;
    let k0 = -1;
    for (let j = start[c], e = start[c + 1]; j < e && !noProduct; j++) {
      const r0 = rep[j];
      if (r0 > maxRep || repOk[r0] === 0 || chanOk[channel[j]] === 0) continue;
      if (prod >= 0 && product[j] !== prod) continue;
      if (wantRepeat >= 0 && repeat[j] !== wantRepeat) continue;
      const d = day[j];
      if (first === 0x7fffffff) {
        first = d; // deals come by close day: the first kept one is the first purchase
        k0 = first <= to ? firstAbove(starts, first) : M;
      }
      if (d < from) {
        if (rep1 === -1) rep1 = r0;
        else if (r0 !== rep1 && !more.includes(r0)) more.push(r0);
      } else if (d <= to) boughtIn = true;
      if (!ds.hasChurn && k0 < M) {
        // a purchase in month b counts for the quarters ending in b, b+1 and b+2
        const b = month[j] - m0;
        const hi = Math.min(b + 2, M - 1);
        for (let k = Math.max(b, k0, lastK + 1); k <= hi; k++) keptMonth[k]++;
        if (hi > lastK) lastK = hi;
      }
    }
    if (rep1 !== -1) {
      const ok = ds.hasChurn ? !(ds.churn[c] >= 0 && ds.churn[c] <= to) : boughtIn;
      base[rep1]++;
      if (ok) kept[rep1]++;
      for (const r of more) {
        base[r]++;
        if (ok) kept[r]++;
      }
    }
    if (first > to || k0 >= M) continue;
    baseDiff[k0]++;
    if (ds.hasChurn) {
      // retained in month k while not churned by its end: the months before the first end on or after the churn day
      const ch = ds.churn[c];
      const kc = ch < 0 ? M : firstAbove(ends, ch - 1);
      if (kc > k0) {
        keptDiff[k0]++;
        keptDiff[kc]--;
      }
    }
  }
  const trend: (number | null)[] = [];
  let b = 0,
    run = 0;
  for (let k = 0; k < M; k++) {
    b += baseDiff[k];
    run += keptDiff[k];
    trend.push(b ? (keptMonth[k] + run) / b : null);
  }
  return { perRep: { base, kept }, trend };
}
