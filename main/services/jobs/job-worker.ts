/**
 * Worker-thread entry (bundled as dist/main/jobs-worker.cjs): runs one job's task on
 * its own SQLite connection, so the request thread only starts it and reads its progress.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, type Localized } from '../../../shared/api/contract';
import type { JobKind } from '../../../shared/api/jobs';
import { isSet, JobCancelled, type TaskEnv } from './control';
import { runTask, type TaskInputs } from './tasks';

export interface WorkerJob {
  jobId: string;
  kind: JobKind;
  input: TaskInputs[JobKind];
  env: TaskEnv;
  persisted: boolean;
  cancel: Int32Array;
  gate: Int32Array;
  /** Electron's resources folder (the demo's files), which a worker's process object lacks */
  resourcesPath?: string;
}

export type WorkerMessage =
  | { type: 'progress'; fraction: number; rows: number }
  | { type: 'done'; output: unknown }
  | { type: 'cancelled' }
  | { type: 'error'; code: string; message: string; field?: string; localized?: Localized };

const job = workerData as WorkerJob;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
if (job.resourcesPath && !(process as { resourcesPath?: string }).resourcesPath)
  (process as { resourcesPath?: string }).resourcesPath = job.resourcesPath;

let last = 0;
runTask(job.kind, job.input, job.env, {
  jobId: job.jobId,
  persisted: job.persisted,
  cancelled: () => isSet(job.cancel),
  gate: job.gate,
  progress: (fraction, rows) => {
    // at most ~20 messages a second: the request thread has better things to do
    const now = Date.now();
    if (now - last < 50 && fraction < 0.99) return;
    last = now;
    post({ type: 'progress', fraction, rows });
  },
})
  .then((output) => post({ type: 'done', output }))
  .catch((e: unknown) => {
    if (e instanceof JobCancelled) return post({ type: 'cancelled' });
    const err = e as AppError;
    post({
      type: 'error',
      code: e instanceof AppError ? err.code : 'internal',
      message: (e as Error).message ?? String(e),
      ...(err.field ? { field: err.field } : {}),
      ...(err.localized ? { localized: err.localized } : {}),
    });
  });
