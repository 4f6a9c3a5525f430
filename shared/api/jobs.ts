/**
 * Long work runs as a job off the request thread: a request starts it and gets its id at
 * once, then polls its progress and result (or cancels it). Kinds: a CRM import, a
 * backup, an integrity check, a demo rebuild.
 */
import { z } from 'zod';
import { method, WRITES, type MessageParams } from './contract';
import type { BackupFile, WorkspaceInfo } from './workspace';

export const JOB_KINDS = ['crm.import', 'workspace.backup', 'workspace.integrity', 'workspace.demo'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

/** What each kind of job yields when done. */
export interface JobResults {
  'crm.import': { batchId: number; counts: import('./crm').CrmCounts };
  'workspace.backup': BackupFile;
  'workspace.integrity': { ok: boolean; problems: string[] };
  'workspace.demo': WorkspaceInfo;
}

export interface Job<K extends JobKind = JobKind> {
  jobId: string;
  kind: K;
  state: JobState;
  /** 0..1; 1 when done */
  fraction: number;
  /** rows (or items) handled so far, where the kind counts them */
  rows: number;
  startedAt: string;
  finishedAt: string | null;
  result: JobResults[K] | null;
  error: string | null;
  /** the error's translation key under `errors.` and its values */
  errorKey?: string;
  errorParams?: MessageParams;
}

const jobId = z.string().min(1).max(64);

export const jobsMethods = {
  /** A job's progress and result: the person who started it, or an admin. */
  'jobs.get': method(z.object({ jobId }), 'signedIn').returns<Job>(),
  'jobs.cancel': method(z.object({ jobId }), 'signedIn', WRITES).returns<Job>(),
  /** Running jobs and those finished lately, newest first. */
  'jobs.list': method(z.object({}), ['admin']).returns<Job[]>(),
  'workspace.startBackup': method(z.object({}), ['admin'], WRITES).returns<Job<'workspace.backup'>>(),
  /** The full integrity check of the open workspace (slow on big files). */
  'workspace.checkIntegrity': method(z.object({}), ['admin']).returns<Job<'workspace.integrity'>>(),
  /** Rebuilds the demo workspace (when missing or `reset`) and opens it when done. */
  'workspace.startDemo': method(z.object({ reset: z.boolean().default(false) }), ['admin'], WRITES).returns<Job<'workspace.demo'>>(),
};
