/**
 * Write transactions for a long import. The import commits every 100,000 rows or ~1 s
 * (checked every 64 rows and between the parser's blocks), and gives way to the app's own saves: a save announces
 * itself in a small shared gate (see longWrites.ts), the import commits within 64 rows and
 * waits until the save is through, so the save gets the write lock within milliseconds
 * instead of being refused.
 *
 * The gate: [0] = saves waiting or running, [1] = 1 while the import holds a transaction.
 * Each side raises its own slot before reading the other's (sequentially consistent
 * Atomics), so at most one of them goes ahead.
 */
import { isMainThread } from 'node:worker_threads';
import type { DB } from '../../db/open';

export const WAITING = 0;
export const HOLDING = 1;

// Large enough that the import stays near the speed of one transaction (each commit rewrites the indexes' hot
// pages into the WAL: 50 ms chunks made a 1M-deal import 2.6× slower), small enough to bound what a crash discards.
// Saves don't wait for a chunk to end: they are let through within 64 rows. Tests set smaller chunks
// (SWB_IMPORT_CHUNK_ROWS / SWB_IMPORT_CHUNK_MS) to stop an import between committed chunks.
const chunkRows = () => Number(process.env.SWB_IMPORT_CHUNK_ROWS) || 100_000;
const chunkMs = () => Number(process.env.SWB_IMPORT_CHUNK_MS) || 1000;
/** The import waits at most this long for saves before it takes its turn anyway (it must finish too). */
const MAX_YIELD_MS = 250;

export class ChunkWriter {
  private inTx = false;
  private started = 0;
  private rows = 0;
  private readonly maxRows = chunkRows();
  private readonly maxMs = chunkMs();
  /** transactions committed (tests and the bench look at it) */
  commits = 0;

  constructor(
    private readonly db: DB,
    private readonly gate: Int32Array | null,
  ) {}

  get open() {
    return this.inTx;
  }

  /** Opens a transaction unless one is open; first lets waiting saves through. */
  begin() {
    if (this.inTx) return;
    const gate = this.gate;
    if (gate) {
      const until = Date.now() + MAX_YIELD_MS;
      for (;;) {
        Atomics.store(gate, HOLDING, 1);
        const waiting = Atomics.load(gate, WAITING);
        // on the main thread (in-process under tests) a save can only run between our async steps
        if (waiting === 0 || isMainThread || Date.now() >= until) break;
        Atomics.store(gate, HOLDING, 0);
        Atomics.notify(gate, HOLDING);
        Atomics.wait(gate, WAITING, waiting, Math.max(1, until - Date.now()));
      }
    }
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      this.release();
      throw e;
    }
    this.inTx = true;
    this.started = Date.now();
    this.rows = 0;
  }

  /** After a row was written: commits when the chunk is full, old, or a save is waiting. */
  wrote() {
    this.rows++;
    if (this.rows >= this.maxRows) return this.commit();
    if ((this.rows & 63) === 0 && (Date.now() - this.started >= this.maxMs || (this.gate && Atomics.load(this.gate, WAITING) > 0)))
      this.commit();
  }

  /**
   * At a pause of the parser: commits when the chunk is old enough or a save is waiting. On the
   * main thread (in-process under tests) always: a save there can only run during this pause.
   */
  commitIfDue() {
    if (!this.inTx) return;
    if (isMainThread || Date.now() - this.started >= this.maxMs || (this.gate && Atomics.load(this.gate, WAITING) > 0)) this.commit();
  }

  commit() {
    if (!this.inTx) return;
    this.db.exec('COMMIT');
    this.inTx = false;
    this.commits++;
    this.release();
  }

  /** Rolls back what is still open (a full disk may have ended the transaction itself). */
  rollback() {
    if (this.inTx && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.inTx = false;
    this.release();
  }

  /** One short transaction. */
  run<T>(fn: () => T): T {
    this.begin();
    try {
      const out = fn();
      this.commit();
      return out;
    } catch (e) {
      this.rollback();
      throw e;
    }
  }

  private release() {
    if (!this.gate) return;
    Atomics.store(this.gate, HOLDING, 0);
    Atomics.notify(this.gate, HOLDING);
  }
}
