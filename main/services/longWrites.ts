/**
 * Long writes that run on their own connection (a CRM import): while one runs, the
 * open workspace must not be closed, switched or replaced by a restore under it.
 */
import { AppError } from '../../shared/api/contract';

const running = new Set<string>();

export const longWrites = {
  begin: (id: string) => void running.add(id),
  end: (id: string) => void running.delete(id),
  active: () => running.size > 0,
};

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

/**
 * Runs a write without waiting for the write lock while a long write holds it: the
 * connection's busy timeout would otherwise block the request thread (every user's
 * requests) for seconds, then fail anyway. SQLITE_BUSY becomes the "import running" answer.
 */
export async function withoutWaiting<T>(db: { pragma(s: string): unknown }, fn: () => T | Promise<T>): Promise<T> {
  if (!running.size) return fn();
  db.pragma('busy_timeout = 0');
  try {
    return await fn();
  } finally {
    db.pragma('busy_timeout = 5000');
  }
}
