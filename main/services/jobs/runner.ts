/**
 * The job runner: a request starts long work and gets a job id at once; the work runs on
 * a worker thread with its own SQLite connection (jobs-worker.cjs beside the main bundle;
 * SWB_JOBS_WORKER points elsewhere), or in-process where the bundle is absent (unit tests
 * on the TypeScript sources). Progress and results are read from memory; each job also
 * has a row in the workspace's jobs table so it outlives a restart (as failed).
 */
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { DISK_FULL_MESSAGE, isDiskFull } from '../../db/diskFull';
import { AppError } from '../../../shared/api/contract';
import type { Job, JobKind, JobResults } from '../../../shared/api/jobs';
import { nativeBindingOf, type DB } from '../../db/open';
import { bundledWorker } from '../bundledWorker';
import { isSet, JobCancelled, newFlag, raise, type TaskControl, type TaskEnv } from './control';
import type { WorkerJob, WorkerMessage } from './job-worker';
import { failInterrupted, insertJob, readJob, recentJobs, settleJob } from './store';
import { runTask, type TaskInputs, type TaskOutputs } from './tasks';
import { writeGate } from '../longWrites';

const jobsWorker = bundledWorker('jobs-worker', 'SWB_JOBS_WORKER');
export const jobsWorkerAvailable = jobsWorker.available;

export interface StartSpec<K extends JobKind> {
  kind: K;
  input: TaskInputs[K];
  /** The open workspace: the task opens its file, and the job's row lives in it (none: memory only). */
  db: DB | null;
  startedBy: number | null;
  /** On this thread once the task is done: turns its output into the job's result (e.g. opens the rebuilt demo). Keep it short. */
  finish?: (output: TaskOutputs[K]) => JobResults[K] | Promise<JobResults[K]>;
  /** On this thread once the job settled, whatever the outcome (release what start took). */
  always?: (job: Job<K>) => void;
  /** Progress reports, on this thread. */
  onProgress?: (job: Job<K>) => void;
  /** Cancel stops the worker at once (for work with nothing to roll back: a copy, a check). */
  hardCancel?: boolean;
  /** Work that needs no workspace file runs without one (the demo rebuild). */
  noWorkspace?: boolean;
  /** The host's native SQLite binding when no workspace is given to take it from (Electron). */
  nativeBinding?: string;
}

interface Entry {
  job: Job;
  startedBy: number | null;
  flag: Int32Array;
  worker: Worker | null;
  /** The error as thrown (runImport rethrows it), beside its plain copy on the job. */
  thrown: Error | null;
  done: Promise<Job>;
  db: DB | null;
  persisted: boolean;
}

const entries = new Map<string, Entry>();
/** Finished jobs stay readable from memory for a while (then from their row). */
const KEEP_FINISHED = 100;

const copy = <K extends JobKind>(j: Job<K>): Job<K> => ({ ...j });
const now = () => new Date().toISOString();

export function startJob<K extends JobKind>(spec: StartSpec<K>): Job<K> {
  const jobId = crypto.randomBytes(8).toString('hex');
  const job: Job<K> = {
    jobId,
    kind: spec.kind,
    state: 'running',
    fraction: 0,
    rows: 0,
    startedAt: now(),
    finishedAt: null,
    result: null,
    error: null,
  };
  const db = spec.db && spec.db.open && !spec.db.memory ? spec.db : null;
  if (!db && !spec.noWorkspace) throw new AppError('workspace', 'No workspace is open.', undefined, { key: 'workspace.noneOpen' });
  let persisted = false;
  if (db) {
    insertJob(db, jobId, spec.kind, spec.startedBy, job.startedAt);
    persisted = true;
  }
  const entry: Entry = {
    job,
    startedBy: spec.startedBy,
    flag: newFlag(),
    worker: null,
    thrown: null,
    done: Promise.resolve(job),
    db,
    persisted,
  };
  entries.set(jobId, entry);
  const env: TaskEnv = { file: db ? db.name : null, nativeBinding: spec.nativeBinding ?? (db ? nativeBindingOf(db) : undefined) };
  const progress = (fraction: number, rows: number) => {
    if (job.state !== 'running') return;
    job.fraction = Math.max(job.fraction, fraction);
    job.rows = rows;
    spec.onProgress?.(copy(job));
  };
  const work = jobsWorker.available() ? inWorker(entry, spec, env, progress) : inProcess(entry, spec, env, progress);
  entry.done = work
    .then(async (output) => {
      const result = spec.finish ? await spec.finish(output) : (output as unknown as JobResults[K]);
      Object.assign(job, { state: 'done', fraction: 1, result });
    })
    .catch((e: unknown) => {
      if (e instanceof JobCancelled) Object.assign(job, { state: 'cancelled', fraction: 0 });
      else {
        entry.thrown = e as Error;
        Object.assign(job, jobFailure(spec.kind, e));
      }
    })
    .then(() => {
      job.finishedAt = now();
      entry.worker = null;
      persist(entry);
      try {
        spec.always?.(copy(job));
      } catch (e) {
        console.error('[jobs] cleanup failed:', e);
      }
      prune();
      return copy(job);
    });
  return copy(job);
}

function inProcess<K extends JobKind>(
  entry: Entry,
  spec: StartSpec<K>,
  env: TaskEnv,
  progress: TaskControl['progress'],
): Promise<TaskOutputs[K]> {
  // started on the next turn, so the request that started it answers first (as with a worker)
  return new Promise((resolve) => setImmediate(resolve)).then(() =>
    runTask(spec.kind, spec.input, env, {
      jobId: entry.job.jobId,
      persisted: entry.persisted,
      progress,
      cancelled: () => isSet(entry.flag),
      gate: writeGate,
    }),
  );
}

function inWorker<K extends JobKind>(
  entry: Entry,
  spec: StartSpec<K>,
  env: TaskEnv,
  progress: TaskControl['progress'],
): Promise<TaskOutputs[K]> {
  const data: WorkerJob = {
    jobId: entry.job.jobId,
    kind: spec.kind,
    input: spec.input,
    env,
    persisted: entry.persisted,
    cancel: entry.flag,
    gate: writeGate,
    resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
  };
  // a small young generation: the import streams rows through it, and a big one only holds more garbage (peak RSS)
  const worker = new Worker(jobsWorker.file(), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  entry.worker = worker;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') progress(m.fraction, m.rows);
      else if (m.type === 'done') settle(() => resolve(m.output as TaskOutputs[K]));
      else if (m.type === 'cancelled') settle(() => reject(new JobCancelled()));
      else settle(() => reject(new AppError(m.code as never, m.message, m.field, m.localized)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) =>
      settle(() =>
        reject(isSet(entry.flag) ? new JobCancelled() : new AppError('internal', `The job stopped unexpectedly (exit code ${code}).`)),
      ),
    );
  });
}

/** Settles the job's row; a workspace busy with an import's write lock gets it a little later. */
function persist(entry: Entry, attempt = 0) {
  const { db } = entry;
  if (!entry.persisted || !db?.open) return;
  try {
    settleJob(db, entry.job);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY' && attempt < 600) setTimeout(() => persist(entry, attempt + 1), 1000).unref();
    else console.error('[jobs] could not record the end of a job:', e);
  }
}

function prune() {
  const finished = [...entries.values()].filter((e) => e.job.state !== 'running');
  for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) entries.delete(e.job.jobId);
}

const gone = () =>
  new AppError('not_found', 'There is no such job (it may belong to another workspace).', 'jobId', { key: 'jobs.notFound' });

export interface Viewer {
  personId: number | null;
  /** the local owner or an admin sees every job */
  seesAll: boolean;
}
const ALL: Viewer = { personId: null, seesAll: true };

function visible(startedBy: number | null, who: Viewer) {
  return who.seesAll || (who.personId !== null && startedBy === who.personId);
}

/** A job's state: from memory while this process knows it, else from the workspace's row. */
export function getJob(jobId: string, db: DB | null = null, who: Viewer = ALL): Job {
  const e = entries.get(jobId);
  if (e) {
    if (!visible(e.startedBy, who)) throw gone();
    return copy(e.job);
  }
  const row = db ? readJob(db, jobId) : null;
  if (!row || !visible(row.startedBy, who)) throw gone();
  const { startedBy: _s, ...job } = row;
  return job;
}

/** Asks a running job to stop: soft (the task rolls back at its next check) or, for hard-cancel kinds, the worker is stopped. */
export function cancelJob(jobId: string, who: Viewer = ALL, hard = false): Job {
  const e = entries.get(jobId);
  if (!e || !visible(e.startedBy, who)) throw gone();
  if (e.job.state === 'running') {
    raise(e.flag);
    if (hard && e.worker) void e.worker.terminate();
  }
  return copy(e.job);
}

/** Resolves when the job settled (its result or error on the job). */
export function waitJob(jobId: string): Promise<Job> {
  const e = entries.get(jobId);
  if (!e) return Promise.reject(gone());
  return e.done;
}

/** The error a failed job threw (an AppError with its key), for callers that rethrow it. */
export function jobError(jobId: string): Error | null {
  return entries.get(jobId)?.thrown ?? null;
}

/** Running jobs and the last ones of this workspace, newest first. */
export function listJobs(db: DB | null): Job[] {
  const seen = new Set<string>();
  const out: Job[] = [];
  for (const e of [...entries.values()].reverse()) {
    if (e.db && db && e.db !== db && e.job.state !== 'running') continue;
    seen.add(e.job.jobId);
    out.push(copy(e.job));
  }
  if (db) for (const id of recentJobs(db)) if (!seen.has(id)) out.push(getJob(id, db));
  return out.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

export const runningJobs = (kind?: JobKind) =>
  [...entries.values()].filter((e) => e.job.state === 'running' && (!kind || e.job.kind === kind)).map((e) => copy(e.job));

/** At workspace open: rows left "running" by a process that stopped are marked failed. */
export function sweepInterrupted(db: DB): number {
  return failInterrupted(
    db,
    runningJobs().map((j) => j.jobId),
  );
}

/**
 * What a failed job shows: the service's own message, "the disk is full", or a
 * plain message (the details go to the log, never raw SQLite text to the user).
 */
function jobFailure(kind: string, e: unknown): Pick<Job, 'state' | 'error' | 'errorKey' | 'errorParams'> {
  if (e instanceof AppError)
    return {
      state: 'failed',
      error: e.message,
      ...(e.localized ? { errorKey: e.localized.key, errorParams: e.localized.params ?? {} } : {}),
    };
  console.error(`[jobs] ${kind} failed:`, e);
  if (isDiskFull(e)) return { state: 'failed', error: DISK_FULL_MESSAGE, errorKey: 'diskFull', errorParams: {} };
  if (kind === 'crm.import')
    return {
      state: 'failed',
      error: 'The import failed; nothing was imported. Try again; if it keeps happening, the details are in the app log.',
      errorKey: 'importFailed',
      errorParams: {},
    };
  return {
    state: 'failed',
    error: 'Something went wrong. Try again; if it keeps happening, the details are in the app log.',
    errorKey: 'internalError',
    errorParams: {},
  };
}
