/**
 * What a job's task sees of its job, the same on a worker thread and in-process:
 * its id, a way to report progress, and whether cancel was asked.
 */
export interface TaskControl {
  jobId: string;
  /** Whether the job has a row in the workspace's jobs table (a task may settle it inside its own transaction). */
  persisted: boolean;
  progress(fraction: number, rows: number): void;
  cancelled(): boolean;
  /** Shared with the request thread's saves: a long write gives way to them between its transactions (crm/chunks.ts). */
  gate?: Int32Array;
}

/** Where a task finds the workspace: its file and the native SQLite binding of the host (Electron's). */
export interface TaskEnv {
  file: string | null;
  nativeBinding?: string;
}

/** Thrown by a task that stopped because cancel was asked (its work rolled back or removed). */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** A cancel flag both threads see: one Int32 in shared memory. */
export const newFlag = () => new Int32Array(new SharedArrayBuffer(4));
export const isSet = (flag: Int32Array) => Atomics.load(flag, 0) === 1;
export const raise = (flag: Int32Array) => void Atomics.store(flag, 0, 1);
