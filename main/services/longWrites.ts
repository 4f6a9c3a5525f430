/**
 * Long writes that run on their own connection (a CRM import): while one runs, the
 * open workspace must not be closed, switched or replaced by a restore under it.
 * The import commits in short chunks and gives way to the app's own saves through a
 * small gate in shared memory (crm/chunks.ts): a save waits, without blocking the
 * request thread, for the import's current chunk to end, then runs with the lock free.
 */
import { AppError } from '../../shared/api/contract';

const running = new Set<string>();

export const longWrites = {
  begin: (id: string) => void running.add(id),
  end: (id: string) => void running.delete(id),
  active: () => running.size > 0,
};

/** [0] saves waiting or running, [1] a long write holds a transaction (see crm/chunks.ts). */
export const writeGate = new Int32Array(new SharedArrayBuffer(8));
const WAITING = 0;
const HOLDING = 1;

/** A save waits at most this long for the long write's chunk; the lock is then tried with the short busy timeout below. */
const MAX_WAIT_MS = 2000;
/** The request connection's busy timeout while a long write runs: it blocks the request thread, so it stays short. */
export const BUSY_DURING_LONG_WRITE_MS = 50;

/** Refuses to close or replace the workspace while a long write runs. */
export function assertNoLongWrite() {
  if (running.size)
    throw new AppError(
      'conflict',
      'A CRM import is being written to this workspace: wait for it to finish or cancel it first.',
      undefined,
      { key: 'importRunningWorkspace' },
    );
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/**
 * Runs a save while a long write runs: announces it (the import commits its chunk early and
 * waits), waits asynchronously until the import holds no transaction, then runs it.
 */
export async function whenWriteFree<T>(fn: () => T | Promise<T>): Promise<T> {
  if (!running.size) return fn();
  Atomics.add(writeGate, WAITING, 1);
  try {
    const until = Date.now() + MAX_WAIT_MS;
    while (Atomics.load(writeGate, HOLDING) === 1 && Date.now() < until) await tick();
    return await fn();
  } finally {
    Atomics.sub(writeGate, WAITING, 1);
    Atomics.notify(writeGate, WAITING);
  }
}
