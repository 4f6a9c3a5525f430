/**
 * The jobs table: a job's row is written when it starts and settled when it ends, so a
 * job still "running" when a workspace opens was cut short (a crash, a kill) and is
 * marked failed. Progress lives in memory only: a CRM import holds the write lock for
 * its one transaction, so rows could not be updated while it runs.
 */
import type { Job, JobKind, JobState } from '../../../shared/api/jobs';
import type { DB } from '../../db/open';

interface Row {
  id: string;
  kind: JobKind;
  state: JobState;
  started_by: number | null;
  started_at: string;
  finished_at: string | null;
  result: string | null;
  error: string | null;
  error_key: string | null;
  error_params: string | null;
}

export const INTERRUPTED = 'The app stopped while this job ran; nothing of it was kept. Start it again.';

export function insertJob(db: DB, id: string, kind: JobKind, startedBy: number | null, startedAt: string) {
  db.prepare("INSERT INTO jobs(id, kind, state, started_by, started_at) VALUES (?, ?, 'running', ?, ?)").run(
    id,
    kind,
    startedBy,
    startedAt,
  );
}

export function settleJob(db: DB, job: Pick<Job, 'jobId' | 'state' | 'finishedAt' | 'result' | 'error' | 'errorKey' | 'errorParams'>) {
  db.prepare('UPDATE jobs SET state = ?, finished_at = ?, result = ?, error = ?, error_key = ?, error_params = ? WHERE id = ?').run(
    job.state,
    job.finishedAt,
    job.result === null ? null : JSON.stringify(job.result),
    job.error,
    job.errorKey ?? null,
    job.errorParams ? JSON.stringify(job.errorParams) : null,
    job.jobId,
  );
}

/** At open: jobs this process does not run were interrupted. Returns how many. */
export function failInterrupted(db: DB, runningHere: string[]): number {
  const here = new Set(runningHere);
  const stale = (db.prepare("SELECT id FROM jobs WHERE state = 'running'").pluck().all() as string[]).filter((id) => !here.has(id));
  const mark = db.prepare(
    "UPDATE jobs SET state = 'failed', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), error = ?, error_key = 'jobs.interrupted' WHERE id = ?",
  );
  db.transaction(() => stale.forEach((id) => mark.run(INTERRUPTED, id)))();
  return stale.length;
}

export function readJob(db: DB, id: string): (Job & { startedBy: number | null }) | null {
  const r = db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as Row | undefined;
  if (!r) return null;
  return {
    jobId: r.id,
    kind: r.kind,
    state: r.state,
    fraction: r.state === 'done' ? 1 : 0,
    rows: 0,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    result: r.result ? (JSON.parse(r.result) as Job['result']) : null,
    error: r.error,
    ...(r.error_key
      ? { errorKey: r.error_key, errorParams: r.error_params ? (JSON.parse(r.error_params) as Job['errorParams']) : {} }
      : {}),
    startedBy: r.started_by,
  };
}

/** The last jobs recorded in this workspace, newest first. */
export function recentJobs(db: DB, limit = 50): string[] {
  return db.prepare('SELECT id FROM jobs ORDER BY started_at DESC LIMIT ?').pluck().all(limit) as string[];
}
