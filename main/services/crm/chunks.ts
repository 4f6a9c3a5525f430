/**
 * Short write transactions for a long import. The import commits every 10,000 rows or ~50 ms
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

/** Rows per transaction at most, and its time at most (checked every few rows). */
export const CHUNK_ROWS = 10_000;
const CHUNK_MS = 50;
/** The import waits at most this long for saves before it takes its turn anyway (it must finish too). */
const MAX_YIELD_MS = 250;

export class ChunkWriter {
  private inTx = false;
  private started = 0;
  private rows = 0;
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
    if (this.rows >= CHUNK_ROWS) return this.commit();
    if ((this.rows & 63) === 0 && (Date.now() - this.started >= CHUNK_MS || (this.gate && Atomics.load(this.gate, WAITING) > 0)))
      this.commit();
  }

  /**
   * At a pause of the parser: commits when the chunk is old enough or a save is waiting. On the
   * main thread (in-process under tests) always: a save there can only run during this pause.
   */
  commitIfDue() {
    if (!this.inTx) return;
    if (isMainThread || Date.now() - this.started >= CHUNK_MS || (this.gate && Atomics.load(this.gate, WAITING) > 0)) this.commit();
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
