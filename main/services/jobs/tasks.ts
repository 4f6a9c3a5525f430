/**
 * The work each kind of job does, the same code on the jobs worker thread (the app) and
 * in-process (unit tests on the TypeScript sources). Each task opens the connection it
 * needs; what it returns must survive structured cloning.
 */
import fs from 'node:fs';
import type { JobKind } from '../../../shared/api/jobs';
import { snapshotTo } from '../../db/backup';
import { integrityCheck, openConnection, openWorkspaceDb, type DB } from '../../db/open';
import { writeImport, type ImportInput, type ImportOutput } from '../crm/importWrite';
import { generateDemo } from '../demo';
import { JobCancelled, type TaskControl, type TaskEnv } from './control';

export interface TaskInputs {
  'crm.import': ImportInput;
  'workspace.backup': { dest: string };
  'workspace.integrity': Record<string, never>;
  /** the demo is generated under temporary names, then swapped in on the request thread */
  'workspace.demo': { dbFile: string; filesDir: string; skip: boolean };
}

export interface TaskOutputs {
  'crm.import': ImportOutput;
  'workspace.backup': { sizeBytes: number };
  'workspace.integrity': { ok: boolean; problems: string[] };
  'workspace.demo': null;
}

type Task<K extends JobKind> = (input: TaskInputs[K], env: TaskEnv, ctl: TaskControl) => Promise<TaskOutputs[K]>;

async function withConnection<T>(env: TaskEnv, readonly: boolean, fn: (db: DB) => T | Promise<T>): Promise<T> {
  if (!env.file) throw new Error('this job needs an open workspace');
  const db = openConnection(env.file, { nativeBinding: env.nativeBinding, readonly });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

export const tasks: { [K in JobKind]: Task<K> } = {
  'crm.import': (input, env, ctl) => withConnection(env, false, (db) => writeImport(db, input, ctl)),

  'workspace.backup': ({ dest }, env, ctl) =>
    withConnection(env, true, (db) => {
      ctl.progress(0.05, 0);
      const sizeBytes = snapshotTo(db, dest);
      // asked while the copy ran: the copy goes again (a cancelled backup leaves no file)
      if (ctl.cancelled()) {
        fs.rmSync(dest, { force: true });
        throw new JobCancelled();
      }
      return { sizeBytes };
    }),

  'workspace.integrity': (_input, env, ctl) =>
    withConnection(env, true, (db) => {
      ctl.progress(0.05, 0);
      const problems = integrityCheck(db);
      if (ctl.cancelled()) throw new JobCancelled();
      const ok = problems.length === 1 && problems[0] === 'ok';
      return { ok, problems: ok ? [] : problems };
    }),

  // async although nothing is awaited: a throw in the synchronous work must become the job's rejection
  // eslint-disable-next-line @typescript-eslint/require-await
  'workspace.demo': async ({ dbFile, filesDir, skip }, env) => {
    if (skip) return null; // the demo exists: the request thread only opens it
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
    fs.rmSync(filesDir, { recursive: true, force: true });
    const { db } = openWorkspaceDb(dbFile, { create: true, nativeBinding: env.nativeBinding });
    try {
      generateDemo(db, { filesDir });
      db.pragma('wal_checkpoint(TRUNCATE)');
      // checked here, so the swap on the request thread opens it without reading it all again
      const check = db.pragma('quick_check', { simple: true }) as string;
      if (check !== 'ok') throw new Error(`the new demo workspace failed its check: ${check}`);
    } finally {
      db.close();
    }
    // the workspace open now is closed by the swap: its WAL goes into the file here (closing checkpoints
    // it, and after a big import that copy would stall the request thread)
    if (env.file)
      try {
        const old = openConnection(env.file, { nativeBinding: env.nativeBinding });
        try {
          old.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          old.close();
        }
      } catch {
        /* an optimisation: the close checkpoints anyway */
      }
    return null;
  },
};

export function runTask<K extends JobKind>(kind: K, input: TaskInputs[K], env: TaskEnv, ctl: TaskControl): Promise<TaskOutputs[K]> {
  return (tasks[kind] as Task<K>)(input, env, ctl);
}
