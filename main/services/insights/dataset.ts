/**
 * The deals as typed columns in memory, rebuilt when an import, undo or seed
 * changes meta `crm_version`. Every Insights chart is a tight loop over these
 * arrays, so a filter change costs milliseconds even at a million deals
 * (about 40 bytes per deal). Reading a million deals takes ~3 s, so the app
 * builds the columns on a worker thread (dataset-worker.ts) right after an
 * import and when a workspace opens; the page awaits that build, never blocks on it.
 */
import type { DB } from '../../db/open';

export const DAY_MS = 86_400_000;
/** "YYYY-MM-DD..." -> days since 1970-01-01 (UTC). */
export function dayOf(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
}
export const monthOfDay = (day: number) => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
export const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const STATUS = { open: 0, won: 1, lost: 2 } as const;

export interface Dataset {
  version: string;
  n: number;
  rep: Int32Array;
  status: Uint8Array;
  pos: Uint8Array;
  created: Int32Array;
  /** -1 = not closed */
  closed: Int32Array;
  /** month of the close as year*12 + month0, -1 = not closed */
  closedMonth: Int32Array;
  channel: Uint16Array;
  product: Uint16Array;
  repeat: Uint8Array;
  amount: Float64Array;
  /** -1 = no customer */
  customer: Int32Array;
  /** 0 = none */
  csat: Uint8Array;
  /** 255 = none */
  nps: Uint8Array;
  channels: string[];
  products: string[];
  currency: string;
  /** per customer index: churn day or -1 */
  churn: Int32Array;
  hasChurn: boolean;
  customers: number;
  minDay: number;
  maxDay: number;
}

const cache = new WeakMap<DB, Dataset>();

function version(db: DB): string {
  return (db.prepare("SELECT value FROM meta WHERE key = 'crm_version'").pluck().get() as string | undefined) ?? '0';
}

/** The columns for the current data: the cached build, or a build on this thread. */
export function dataset(db: DB): Dataset {
  const v = version(db);
  const hit = cache.get(db);
  if (hit && hit.version === v) return hit;
  const ds = db.transaction(() => readDataset(db))();
  cache.set(db, ds);
  return ds;
}

/** Keeps a dataset built elsewhere (the worker) if it is still current. */
export function adoptDataset(db: DB, ds: Dataset) {
  if (db.open && ds.version === version(db)) cache.set(db, ds);
}

export const cachedDataset = (db: DB): Dataset | null => {
  const hit = cache.get(db);
  return hit && db.open && hit.version === version(db) ? hit : null;
};

/** Reads every deal into columns (call inside a read transaction for one consistent snapshot). */
export function readDataset(db: DB): Dataset {
  const v = version(db);
  const n = db.prepare('SELECT COUNT(*) FROM crm_deals').pluck().get() as number;
  const custIdx = new Map<number, number>();
  const churnList: number[] = [];
  for (const [id, churned] of db.prepare('SELECT id, churned_at FROM crm_customers').raw().iterate() as IterableIterator<[number, string | null]>) {
    custIdx.set(id, churnList.length);
    churnList.push(churned ? dayOf(churned) : -1);
  }
  const ds: Dataset = {
    version: v,
    n,
    rep: new Int32Array(n),
    status: new Uint8Array(n),
    pos: new Uint8Array(n),
    created: new Int32Array(n),
    closed: new Int32Array(n),
    closedMonth: new Int32Array(n),
    channel: new Uint16Array(n),
    product: new Uint16Array(n),
    repeat: new Uint8Array(n),
    amount: new Float64Array(n),
    customer: new Int32Array(n),
    csat: new Uint8Array(n),
    nps: new Uint8Array(n),
    channels: [],
    products: [],
    currency: '',
    churn: Int32Array.from(churnList),
    hasChurn: churnList.some((d) => d >= 0),
    customers: churnList.length,
    minDay: Infinity,
    maxDay: -Infinity,
  };
  const chanIdx = new Map<string, number>();
  const prodIdx = new Map<string, number>();
  const currencies = new Map<string, number>();
  const dict = (m: Map<string, number>, list: string[], v: string) => {
    let i = m.get(v);
    if (i === undefined) {
      i = list.length;
      list.push(v);
      m.set(v, i);
    }
    return i;
  };
  let i = 0;
  const rows = db
    .prepare('SELECT rep_id, status, stage_pos, created_at, closed_at, channel, product, is_repeat, amount, customer_id, csat, nps, currency FROM crm_deals')
    .raw()
    .iterate() as IterableIterator<[number, string, number, string, string | null, string, string, number, number | null, number | null, number | null, number | null, string]>;
  for (const r of rows) {
    if (i >= n) break;
    ds.rep[i] = r[0];
    ds.status[i] = STATUS[r[1] as keyof typeof STATUS];
    ds.pos[i] = r[2];
    ds.created[i] = dayOf(r[3]);
    const c = r[4] ? dayOf(r[4]) : -1;
    ds.closed[i] = c;
    ds.closedMonth[i] = r[4] ? Number(r[4].slice(0, 4)) * 12 + Number(r[4].slice(5, 7)) - 1 : -1;
    ds.channel[i] = dict(chanIdx, ds.channels, r[5]);
    ds.product[i] = dict(prodIdx, ds.products, r[6]);
    ds.repeat[i] = r[7];
    ds.amount[i] = r[8] ?? 0;
    ds.customer[i] = r[9] === null ? -1 : (custIdx.get(r[9]) ?? -1);
    ds.csat[i] = r[10] ?? 0;
    ds.nps[i] = r[11] ?? 255;
    if (r[12]) currencies.set(r[12], (currencies.get(r[12]) ?? 0) + 1);
    const last = c >= 0 ? c : ds.created[i];
    if (ds.created[i] < ds.minDay) ds.minDay = ds.created[i];
    if (last > ds.maxDay) ds.maxDay = last;
    i++;
  }
  ds.n = i;
  ds.currency = [...currencies].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return ds;
}
