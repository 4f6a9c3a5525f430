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
  if (running.size) throw new AppError('conflict', 'A CRM import is being written to this workspace: wait for it to finish or cancel it first.', undefined, { key: 'importRunningWorkspace' });
}
