/**
 * Normalized deals packed for the trip from the parse worker to the import: a chunk's
 * string fields joined into one string per field and its numbers in one Float64Array,
 * so the receiving thread splits 11 strings instead of deserializing 2,000 objects.
 * Rejected rows (rare) travel as they are.
 */
import type { NormalDeal, NormalResult } from './normalize';

const SEP = '\u0001';
const STRINGS = [
  'externalId',
  'name',
  'customer',
  'ownerValue',
  'currency',
  'stage',
  'status',
  'createdAt',
  'closedAt',
  'channel',
  'product',
  'churnedAt',
] as const;
const NUMS = 6; // repId, amount, position, isRepeat, csat, nps (NaN = null)

export interface PackedChunk {
  /** row number of each result, in file order */
  rows: Int32Array;
  /** the rejected results by their index in `rows` */
  rejected: [number, NormalResult][];
  strings: string[];
  nums: Float64Array;
  /** bytes read so far (-1 = unknown) and data rows so far */
  bytes: number;
  rowsSoFar: number;
}

/** A control character no CRM text means anything by; replaced so it cannot split a field. */
const clean = (s: string) => (s.includes(SEP) ? s.replaceAll(SEP, ' ') : s);
const num = (v: number | null) => (v === null ? NaN : v);
const orNull = (v: number) => (Number.isNaN(v) ? null : v);

export class DealPacker {
  private rows: number[] = [];
  private rejected: [number, NormalResult][] = [];
  private cols: string[][] = STRINGS.map(() => []);
  private nums: number[] = [];

  get size() {
    return this.rows.length;
  }

  add(r: NormalResult, row: number) {
    if (!r.ok) this.rejected.push([this.rows.length, r]);
    else {
      const d = r.deal;
      for (let f = 0; f < STRINGS.length; f++) this.cols[f].push(clean(d[STRINGS[f]] ?? ''));
      this.nums.push(d.repId, num(d.amount), d.position, d.isRepeat ? 1 : 0, num(d.csat), num(d.nps));
    }
    this.rows.push(row);
  }

  take(bytes: number, rowsSoFar: number): PackedChunk {
    const chunk: PackedChunk = {
      rows: Int32Array.from(this.rows),
      rejected: this.rejected,
      strings: this.cols.map((c) => c.join(SEP)),
      nums: Float64Array.from(this.nums),
      bytes,
      rowsSoFar,
    };
    this.rows = [];
    this.rejected = [];
    this.cols = STRINGS.map(() => []);
    this.nums = [];
    return chunk;
  }
}

/** Calls onDeal for every result of the chunk, in file order. */
export function unpack(chunk: PackedChunk, onDeal: (r: NormalResult, row: number) => void) {
  for (const _ of unpackSteps(chunk, onDeal, Infinity));
}

/**
 * unpack, pausing (yield) after every `every` rows: a caller on the request thread (the dry run)
 * can let other requests in between slices instead of holding the thread for a whole chunk.
 */
export function* unpackSteps(chunk: PackedChunk, onDeal: (r: NormalResult, row: number) => void, every: number): Generator<void> {
  const okCount = chunk.rows.length - chunk.rejected.length;
  const cols = chunk.strings.map((s) => (okCount ? s.split(SEP) : []));
  const { nums } = chunk;
  let next = 0; // next rejected
  let k = 0; // next accepted deal
  for (let i = 0; i < chunk.rows.length; i++) {
    if (next < chunk.rejected.length && chunk.rejected[next][0] === i) {
      onDeal(chunk.rejected[next++][1], chunk.rows[i]);
      continue;
    }
    const n = k * NUMS;
    const deal: NormalDeal = {
      externalId: cols[0][k],
      name: cols[1][k],
      customer: cols[2][k],
      ownerValue: cols[3][k],
      currency: cols[4][k],
      stage: cols[5][k],
      status: cols[6][k] as NormalDeal['status'],
      createdAt: cols[7][k],
      closedAt: cols[8][k] || null,
      channel: cols[9][k],
      product: cols[10][k],
      churnedAt: cols[11][k] || null,
      repId: nums[n],
      amount: orNull(nums[n + 1]),
      position: nums[n + 2],
      isRepeat: nums[n + 3] === 1,
      csat: orNull(nums[n + 4]),
      nps: orNull(nums[n + 5]),
    };
    k++;
    onDeal({ ok: true, deal }, chunk.rows[i]);
    if ((i + 1) % every === 0) yield;
  }
}
