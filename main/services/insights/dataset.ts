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
/**
 * "YYYY-MM-DD..." -> days since 1970-01-01 (proleptic Gregorian, days-from-civil). No Date:
 * Date.UTC reads years 0-99 as 1900-1999, so "0050-01-01" would become 1950.
 */
export function dayOf(iso: string): number {
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
export const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The same day of the month k months later (clamped by Date.UTC's overflow, as the charts always have). */
export function addMonths(day: number, k: number) {
  const d = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, d.getUTCDate()) / DAY_MS);
}

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
  /** the deal's currency as an index into `currencies` (ISO codes; '' = none) */
  currencyOf: Uint16Array;
  currencies: string[];
  /** the currency most deals are in */
  currency: string;
  /** per customer index: churn day or -1 */
  churn: Int32Array;
  hasChurn: boolean;
  customers: number;
  /** first and last day any deal was created or closed */
  minDay: number;
  maxDay: number;
}

const cache = new WeakMap<DB, Dataset>();

/** meta `crm_version`: changes whenever the deals change (import, undo, seed). */
export function crmVersion(db: DB): string {
  return (db.prepare("SELECT value FROM meta WHERE key = 'crm_version'").pluck().get() as string | undefined) ?? '0';
}

/** The columns for the current data: the cached build, or a build on this thread. */
export function dataset(db: DB): Dataset {
  const v = crmVersion(db);
  const hit = cache.get(db);
  if (hit && hit.version === v) return hit;
  const ds = db.transaction(() => readDataset(db))();
  cache.set(db, ds);
  return ds;
}

/** Keeps a dataset built elsewhere (the worker) if it is still current. */
export function adoptDataset(db: DB, ds: Dataset) {
  if (db.open && ds.version === crmVersion(db)) cache.set(db, ds);
}

export const cachedDataset = (db: DB): Dataset | null => {
  const hit = cache.get(db);
  return hit && db.open && hit.version === crmVersion(db) ? hit : null;
};

/** y*12 + month0 of a day number (civil-from-days, no Date objects for a million rows). */
export function monthOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 12 + m - 1;
}

const SEP = String.fromCharCode(1);
/** A column SQLite joined with commas, as numbers (JSON.parse is native and fast). */
const numbers = (s: string | null): number[] => (s ? (JSON.parse(`[${s}]`) as number[]) : []);

/** Dictionary coding that persists across chunks: distinct values in first-seen order. */
interface Dict {
  list: string[];
  index: Map<string, number>;
}
const newDict = (list: string[] = []): Dict => ({ list, index: new Map() });

/**
 * Writes the dictionary codes of the n values in `joined` (separated by SEP) from out[off].
 * A few dozen distinct values (channels, products) are matched in place, with no string per row.
 */
function codesOf(joined: string, n: number, out: Uint16Array, off: number, dict: Dict) {
  const { list, index } = dict;
  let pos = 0;
  for (let i = 0; i < n; i++) {
    let end = joined.indexOf(SEP, pos);
    if (end < 0) end = joined.length;
    const len = end - pos;
    let k = -1;
    if (list.length <= 64) {
      for (let j = 0; j < list.length; j++) {
        const v = list[j];
        if (v.length === len && joined.startsWith(v, pos)) {
          k = j;
          break;
        }
      }
    }
    if (k < 0) {
      const v = joined.slice(pos, end);
      k = index.get(v) ?? -1;
      if (k < 0) {
        k = list.length;
        list.push(v);
        index.set(v, k);
      }
    }
    out[off + i] = k;
    pos = end + 1;
  }
}

/** Deals per query: SQLite joins each column of a chunk into one string; chunks keep those strings small. */
const CHUNK_IDS = 65_536;

/**
 * Reads every deal into columns (call inside a read transaction for one consistent snapshot).
 * Chunk by chunk of ids, SQLite joins each column into one string (dates already as day
 * numbers) and JSON.parse turns it into numbers: about twice as fast as a row object per deal.
 */
export function readDataset(db: DB, chunkIds = CHUNK_IDS): Dataset {
  const v = crmVersion(db);
  const cust = db
    .prepare(
      'SELECT COUNT(*), IFNULL(MAX(id), 0), group_concat(id), group_concat(IFNULL(unixepoch(churned_at) / 86400, -1)) FROM crm_live_customers',
    )
    .raw()
    .get() as [number, number, string | null, string | null];
  const custIdx = new Int32Array(cust[1] + 1).fill(-1);
  const churnDays = numbers(cust[3]);
  numbers(cust[2]).forEach((id, k) => (custIdx[id] = k));
  const [n, minId, maxId] = db.prepare('SELECT COUNT(*), IFNULL(MIN(id), 0), IFNULL(MAX(id), -1) FROM crm_live_deals').raw().get() as [
    number,
    number,
    number,
  ];
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
    currencyOf: new Uint16Array(n),
    currencies: [],
    currency: '',
    churn: Int32Array.from(churnDays),
    hasChurn: churnDays.some((d) => d >= 0),
    customers: churnDays.length,
    minDay: Infinity,
    maxDay: -Infinity,
  };
  const chunk = db
    .prepare(
      `SELECT COUNT(*), group_concat(rep_id), group_concat(CASE status WHEN 'won' THEN 1 WHEN 'lost' THEN 2 ELSE 0 END), group_concat(stage_pos),
        group_concat(IFNULL(unixepoch(created_at) / 86400, 0)), group_concat(IFNULL(unixepoch(closed_at) / 86400, -1)),
        group_concat(channel, char(1)), group_concat(product, char(1)), group_concat(is_repeat),
        group_concat(CASE WHEN abs(amount) < 1e300 THEN amount ELSE 0 END), group_concat(IFNULL(customer_id, 0)), group_concat(IFNULL(csat, 0)), group_concat(IFNULL(nps, 255)), group_concat(currency, char(1))
       FROM crm_live_deals WHERE id BETWEEN ? AND ?`,
    )
    .raw();
  const channels = newDict(ds.channels);
  const products = newDict(ds.products);
  const currencies = newDict(ds.currencies);
  const currencyCode = ds.currencyOf;
  const customerIds = new Int32Array(n);
  let off = 0;
  for (let lo = minId; lo <= maxId && off < n; lo += chunkIds) {
    const row = chunk.get(lo, lo + chunkIds - 1) as [number, ...(string | null)[]];
    const m = Math.min(row[0], n - off);
    if (!m) continue;
    const put = (col: Int32Array | Uint8Array | Float64Array, joined: string | null) => {
      const values = numbers(joined);
      if (values.length !== row[0]) throw new Error(`Insights: a deal column has ${values.length} values for ${row[0]} deals`);
      col.set(m === values.length ? values : values.slice(0, m), off);
    };
    put(ds.rep, row[1]);
    put(ds.status, row[2]);
    put(ds.pos, row[3]);
    put(ds.created, row[4]);
    put(ds.closed, row[5]);
    codesOf(row[6] ?? '', m, ds.channel, off, channels);
    codesOf(row[7] ?? '', m, ds.product, off, products);
    put(ds.repeat, row[8]);
    put(ds.amount, row[9]);
    put(customerIds, row[10]);
    put(ds.csat, row[11]);
    put(ds.nps, row[12]);
    codesOf(row[13] ?? '', m, currencyCode, off, currencies);
    off += m;
  }
  ds.n = off;
  // the currency most deals are in (the page labels money with it)
  const perCurrency = new Int32Array(currencies.list.length);
  for (let i = 0; i < off; i++) perCurrency[currencyCode[i]]++;
  ds.currency =
    currencies.list
      .map((c, k) => [c, perCurrency[k]] as const)
      .filter(([c]) => c !== '')
      .sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  for (let i = 0; i < off; i++) {
    const c = customerIds[i];
    ds.customer[i] = c > 0 && c < custIdx.length ? custIdx[c] : -1;
    const closed = ds.closed[i];
    ds.closedMonth[i] = closed >= 0 ? monthOfDay(closed) : -1;
    const last = closed >= 0 ? closed : ds.created[i];
    const first = closed >= 0 && closed < ds.created[i] ? closed : ds.created[i];
    if (first < ds.minDay) ds.minDay = first;
    if (last > ds.maxDay) ds.maxDay = last;
  }
  return ds;
}
