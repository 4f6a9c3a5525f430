import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/contract';
import { assertKnownSchema, migrate, type MigrateResult } from './migrate';

export type DB = Database.Database;

/** Marks a file as ours ("SWB1"), so a random SQLite file is not mistaken for a workspace. */
export const APPLICATION_ID = 0x53574231;

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for another ABI (Electron); see scripts/electron-native.mjs. */
  nativeBinding?: string;
  /** Create the file when it does not exist (otherwise a missing file is an error). */
  create?: boolean;
  /**
   * The file was just written and passed quick_check on another thread (the demo rebuild):
   * skip the check here, where it would read the whole file on the request thread again.
   */
  checked?: boolean;
}

export interface OpenedWorkspace {
  db: DB;
  migration: MigrateResult;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'binary');

/** Checks the first bytes before handing the file to SQLite, for a message a person can act on. */
function assertSqliteFile(file: string) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n === 0) return; // empty file: SQLite treats it as a new database
    if (n < 16 || !head.equals(SQLITE_HEADER)) {
      throw new AppError('workspace', `"${file}" is not a Sales Workbench workspace: it is not an SQLite database file.`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Per-connection settings every workspace connection gets (WAL is a property of the file). */
function connectionPragmas(db: DB): DB {
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Opens (and migrates) a workspace database: WAL, foreign keys, busy timeout, integrity check. */
export function openWorkspaceDb(file: string, opts: OpenOptions = {}): OpenedWorkspace {
  const exists = file !== ':memory:' && fs.existsSync(file);
  if (!exists && file !== ':memory:' && !opts.create) {
    throw new AppError('workspace', `The workspace file "${file}" does not exist.`);
  }
  if (exists && !fs.statSync(file).isFile()) {
    throw new AppError('workspace', `"${path.basename(file) || file}" is a folder, not a workspace file.`, undefined, {
      key: 'workspace.notAFile',
      params: { name: path.basename(file) || file },
    });
  }
  if (exists) assertSqliteFile(file);

  let db: DB;
  try {
    db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    bindings.set(db, opts.nativeBinding);
  } catch (e) {
    throw new AppError('workspace', `The workspace file "${file}" cannot be opened: ${(e as Error).message}`);
  }
  try {
    connectionPragmas(db);
    if (exists) {
      // Every check reads only: a file that is refused must be left byte-identical (no WAL switch, no header write).
      const check = opts.checked ? 'ok' : (db.pragma('quick_check', { simple: true }) as string);
      if (check !== 'ok') {
        throw new AppError('workspace', `The workspace file "${file}" is damaged (${check}). Restore it from a backup.`);
      }
      const appId = db.pragma('application_id', { simple: true }) as number;
      const version = db.pragma('user_version', { simple: true }) as number;
      const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type='table'").get() as { n: number }).n;
      if (appId !== APPLICATION_ID && (version > 0 || tables > 0)) {
        throw new AppError(
          'workspace',
          `"${path.basename(file)}" is an SQLite database, but not a Sales Workbench workspace. The file was not changed.`,
          undefined,
          { key: 'workspace.notWorkspace', params: { name: path.basename(file) } },
        );
      }
      assertKnownSchema(version);
    }
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    const migration = migrate(db, file);
    return { db, migration };
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    const msg = (e as Error).message;
    if (/not a database|malformed|file is encrypted/i.test(msg)) {
      throw new AppError('workspace', `The workspace file "${file}" is damaged or not a workspace (${msg}). Restore it from a backup.`);
    }
    throw e;
  }
}

const bindings = new WeakMap<DB, string | undefined>();
/** The native binding a connection was opened with (a worker opening the same file needs it). */
export const nativeBindingOf = (db: DB) => bindings.get(db);

/**
 * A second connection to an open workspace, for one long write (a CRM import) that must
 * not take in the main connection's writes: its transaction is its own, so a cancel
 * never rolls back what someone saved meanwhile. Same pragmas as the main connection.
 */
export function openSideConnection(db: DB): DB {
  if (db.memory) throw new AppError('workspace', 'An in-memory workspace has no second connection.');
  const binding = bindings.get(db);
  return connectionPragmas(new Database(db.name, binding ? { nativeBinding: binding } : {}));
}

/**
 * A connection of its own to a workspace file, opened by a job on a worker thread (or
 * in-process under unit tests): the main connection's pragmas, or read-only.
 */
export function openConnection(file: string, opts: { nativeBinding?: string; readonly?: boolean } = {}): DB {
  const db = new Database(file, {
    fileMustExist: true,
    readonly: !!opts.readonly,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  bindings.set(db, opts.nativeBinding);
  return connectionPragmas(db);
}

/** A read-only look at another SQLite file (a backup) with the same native binding as `like`; changes nothing on disk. */
export function openReadonlyDb(file: string, like: DB): DB {
  const binding = bindings.get(like);
  return new Database(file, { readonly: true, fileMustExist: true, ...(binding ? { nativeBinding: binding } : {}) });
}

/** Full integrity check, for the Settings "check workspace" action (slow on big files). */
export function integrityCheck(db: DB): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
}
