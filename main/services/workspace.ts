/**
 * The open workspace: one SQLite file (+ a `.files` folder beside it) inside the
 * data folder. Knows the demo workspace, switching, backups and restore, and
 * keeps a readable "problem" instead of crashing when a file is damaged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/contract';
import type { BackupFile, WorkspaceFile, WorkspaceInfo, WorkspaceProblem } from '../../shared/api/workspace';
import { openWorkspaceDb, type DB, type OpenOptions } from '../db/open';
import { generateDemo } from './demo';
import { seedDefaultCompetencies } from './competencies';
import { assertNoLongWrite, longWrites } from './longWrites';
import { discardUnfinished } from './crm/discard';
import type { Job } from '../../shared/api/jobs';
import { releasePageWorker } from './insights/pageAsync';
import { jobError, runningJobs, startJob, sweepInterrupted, waitJob } from './jobs/runner';

export interface WorkspaceOptions {
  dataDir: string;
  /** Create the demo workspace on first start (the default); `--no-demo` starts with an empty one. */
  demo: boolean;
  host: 'electron' | 'browser';
  nativeBinding?: OpenOptions['nativeBinding'];
}

interface Config {
  current?: string;
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').replace('Z', '');
const slug = (name: string) =>
  name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'workspace';

export class WorkspaceManager {
  private current: { db: DB; path: string } | null = null;
  private problemState: { path: string; message: string } | null = null;
  /** Listeners run after a workspace is opened (e.g. orphan sweeps, cache resets). */
  readonly onOpen: ((db: DB, filesDir: string, backupsDir: string) => void)[] = [];

  constructor(readonly opts: WorkspaceOptions) {
    fs.mkdirSync(this.workspacesDir, { recursive: true });
  }

  get workspacesDir() {
    return path.join(this.opts.dataDir, 'workspaces');
  }
  get backupsDir() {
    return path.join(this.opts.dataDir, 'backups');
  }
  get demoPath() {
    return path.join(this.workspacesDir, 'demo.sqlite');
  }
  get tmpDir() {
    return path.join(this.opts.dataDir, 'tmp');
  }
  private get configPath() {
    return path.join(this.opts.dataDir, 'config.json');
  }

  private readConfig(): Config {
    try {
      return JSON.parse(fs.readFileSync(this.configPath, 'utf8')) as Config;
    } catch {
      return {};
    }
  }
  private writeConfig(c: Config) {
    const tmp = this.configPath + '.tmp';
    fs.writeFileSync(tmp, JSON.stringify(c, null, 2));
    fs.renameSync(tmp, this.configPath);
  }

  /** Opens the last workspace, or creates the first one (the demo unless disabled). */
  init() {
    const last = this.readConfig().current;
    if (last && fs.existsSync(last)) {
      this.tryOpen(last);
      return;
    }
    if (this.opts.demo) this.openDemo(false);
    else this.createEmpty('Workspace');
  }

  private tryOpen(file: string) {
    try {
      this.openFile(file);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      this.problemState = { path: file, message: e.message };
    }
  }

  private openFile(file: string, create = false, checked = false): WorkspaceInfo {
    // a restore into this file that was killed mid-copy (workspaces outside the data folder too)
    fs.rmSync(`${file}.restore-tmp`, { force: true });
    const { db } = openWorkspaceDb(file, { create, checked, nativeBinding: this.opts.nativeBinding });
    this.close();
    this.current = { db, path: file };
    this.problemState = null;
    try {
      sweepInterrupted(db);
    } catch (e) {
      console.error('[jobs] could not mark interrupted jobs:', e);
    }
    try {
      // a CRM import cut short by a crash left rows nobody sees: they go now (no import runs at open)
      if (!longWrites.active()) discardUnfinished(db);
    } catch (e) {
      console.error('[crm] could not remove an unfinished import:', e);
    }
    this.writeConfig({ ...this.readConfig(), current: file });
    for (const fn of this.onOpen) fn(db, this.filesDir, this.backupsDir);
    return this.info();
  }

  close() {
    if (this.current) {
      try {
        this.current.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        /* closing anyway */
      }
      this.current.db.close();
    }
    this.current = null;
  }

  get db(): DB {
    if (!this.current) {
      if (this.problemState) throw new AppError('workspace', this.problemState.message);
      throw new AppError('workspace', 'No workspace is open.', undefined, { key: 'workspace.noneOpen' });
    }
    return this.current.db;
  }

  get path(): string {
    return this.current?.path ?? this.problemState?.path ?? '';
  }

  get filesDir(): string {
    return this.path.replace(/\.sqlite$/, '') + '.files';
  }

  getMeta(key: string): string | null {
    const r = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return r?.value ?? null;
  }
  setMeta(key: string, value: string) {
    this.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  info(): WorkspaceInfo {
    const db = this.db;
    return {
      path: this.path,
      name: this.getMeta('name') ?? path.basename(this.path, '.sqlite'),
      isDemo: this.getMeta('is_demo') === '1',
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      host: this.opts.host,
      dataDir: this.opts.dataDir,
      createdAt: this.getMeta('created_at'),
    };
  }

  problem(): WorkspaceProblem | null {
    if (!this.problemState) return null;
    return { ...this.problemState, backups: this.listBackups() };
  }

  list(): WorkspaceFile[] {
    return fs
      .readdirSync(this.workspacesDir)
      .filter((f) => f.endsWith('.sqlite'))
      .map((f) => {
        const p = path.join(this.workspacesDir, f);
        const st = fs.statSync(p);
        return {
          path: p,
          name: path.basename(f, '.sqlite'),
          sizeBytes: st.size,
          modifiedAt: st.mtime.toISOString(),
          isDemo: p === this.demoPath,
          current: p === this.path,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  createEmpty(name: string): WorkspaceInfo {
    assertNoLongWrite();
    let file = path.join(this.workspacesDir, `${slug(name)}.sqlite`);
    for (let i = 2; fs.existsSync(file); i++) file = path.join(this.workspacesDir, `${slug(name)}-${i}.sqlite`);
    this.openFile(file, true);
    this.db.transaction(() => {
      this.setMeta('name', name);
      this.setMeta('is_demo', '0');
      this.setMeta('created_at', new Date().toISOString());
      seedDefaultCompetencies(this.db);
    })();
    return this.info();
  }

  open(file: string): WorkspaceInfo {
    assertNoLongWrite();
    const abs = path.resolve(file);
    // the path as the person typed it: a resolved one would reveal the app's working folder
    if (!fs.existsSync(abs))
      throw new AppError('not_found', `There is no file at "${file}".`, 'path', { key: 'workspace.fileNotFound', params: { path: file } });
    // Validate first on a separate handle so a bad file never replaces the open workspace.
    const probe = openWorkspaceDb(abs, { nativeBinding: this.opts.nativeBinding });
    probe.db.close();
    return this.openFile(abs);
  }

  /** Opens the demo workspace, generating it here when missing or reset (first start, before any request; the API uses startDemo). */
  openDemo(reset: boolean): WorkspaceInfo {
    assertNoLongWrite();
    const file = this.demoPath;
    if (reset || !fs.existsSync(file)) {
      if (this.current?.path === file) this.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      fs.rmSync(file.replace(/\.sqlite$/, '.files'), { recursive: true, force: true });
      const tmp = path.join(this.workspacesDir, `.demo-${process.pid}.sqlite`);
      for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
      // Generated under a temp name and renamed, so an interrupted generation never leaves half a demo.
      const { db } = openWorkspaceDb(tmp, { create: true, nativeBinding: this.opts.nativeBinding });
      try {
        generateDemo(db, { filesDir: file.replace(/\.sqlite$/, '.files') });
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      fs.renameSync(tmp, file);
      for (const f of [`${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
    }
    return this.openFile(file);
  }

  /**
   * Starts a backup as a job: a worker thread copies one consistent snapshot of the open
   * workspace into the backups folder (or `dest`) while requests go on.
   */
  startBackup(startedBy: number | null, opts: { label?: string; dest?: string } = {}): Job<'workspace.backup'> {
    const name = opts.dest ? path.basename(opts.dest) : `${slug(this.info().name)}${opts.label ? '-' + opts.label : ''}-${stamp()}.sqlite`;
    const dest = opts.dest ?? path.join(this.backupsDir, name);
    return startJob({
      kind: 'workspace.backup',
      input: { dest },
      db: this.db,
      startedBy,
      hardCancel: true,
      finish: ({ sizeBytes }) => ({ path: dest, name, sizeBytes, createdAt: new Date().toISOString() }),
      always: (j) => {
        // a stopped copy leaves no file behind (a finished one may have been renamed just before the stop)
        if (j.state !== 'done') fs.rmSync(`${dest}.partial`, { force: true });
        if (j.state === 'cancelled') fs.rmSync(dest, { force: true });
      },
    });
  }

  async backup(label = ''): Promise<BackupFile> {
    return this.settled(this.startBackup(null, { label }));
  }

  /** A backup at a path the user chose (desktop save dialog). */
  async backupToFile(dest: string): Promise<BackupFile> {
    return this.settled(this.startBackup(null, { dest }));
  }

  /** Waits for a job this manager started; its error is rethrown as it was thrown. */
  private async settled<T>(job: Job & { result: T | null }): Promise<T> {
    const done = await waitJob(job.jobId);
    if (done.state === 'done') return done.result as T;
    throw jobError(job.jobId) ?? new AppError('conflict', done.error ?? 'The job was cancelled.', undefined, { key: 'jobs.cancelled' });
  }

  /** The full integrity check (slow on big files) on a read-only connection of a worker thread. */
  checkIntegrity(startedBy: number | null): Job<'workspace.integrity'> {
    return startJob({ kind: 'workspace.integrity', input: {}, db: this.db, startedBy, hardCancel: true });
  }

  /**
   * Rebuilds the demo on a worker thread (when missing or `reset`), under temporary names,
   * then swaps it in and opens it here; the open workspace stays usable meanwhile.
   */
  startDemo(reset: boolean, startedBy: number | null): Job<'workspace.demo'> {
    assertNoLongWrite();
    if (runningJobs('workspace.demo').length)
      throw new AppError('conflict', 'The demo workspace is being built already.', undefined, { key: 'jobs.demoRunning' });
    const file = this.demoPath;
    const filesDir = file.replace(/\.sqlite$/, '.files');
    const skip = !reset && fs.existsSync(file);
    const tmp = path.join(this.workspacesDir, `.demo-${process.pid}.sqlite`);
    const tmpFiles = path.join(this.workspacesDir, `.demo-${process.pid}.files`);
    return startJob({
      kind: 'workspace.demo',
      input: { dbFile: tmp, filesDir: tmpFiles, skip },
      db: this.current?.db ?? null,
      noWorkspace: true,
      nativeBinding: this.opts.nativeBinding,
      startedBy,
      finish: async () => {
        if (!skip) {
          await releasePageWorker();
          assertNoLongWrite();
          if (this.current?.path === file) this.close();
          for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
          // the old demo's files (hundreds of blobs) are moved aside at once and deleted off this thread
          // a unique name: the previous rebuild's old folder may still be being deleted
          const old = `${tmpFiles}-old-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
          if (fs.existsSync(filesDir)) fs.renameSync(filesDir, old);
          fs.renameSync(tmp, file);
          if (fs.existsSync(tmpFiles)) fs.renameSync(tmpFiles, filesDir);
          void fs.promises.rm(old, { recursive: true, force: true }).catch(() => undefined);
        }
        // generated and checked on the worker (a skipped rebuild opens an existing file: checked as usual)
        return this.openFile(file, false, !skip);
      },
      always: (j) => {
        if (j.state === 'done') return;
        for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
        fs.rmSync(tmpFiles, { recursive: true, force: true });
      },
    });
  }

  /** The demo through a job (the API): resolves when it is open. */
  openDemoAsync(reset: boolean, startedBy: number | null = null): Promise<WorkspaceInfo> {
    return this.settled(this.startDemo(reset, startedBy));
  }

  listBackups(): BackupFile[] {
    if (!fs.existsSync(this.backupsDir)) return [];
    return fs
      .readdirSync(this.backupsDir)
      .filter((f) => f.endsWith('.sqlite'))
      .map((f) => {
        const p = path.join(this.backupsDir, f);
        const st = fs.statSync(p);
        return { path: p, name: f, sizeBytes: st.size, createdAt: st.mtime.toISOString() };
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** A backup or check reading the file on a worker must finish before the file is replaced. */
  private assertNoReader() {
    if (runningJobs('workspace.backup').length || runningJobs('workspace.integrity').length) {
      throw new AppError('conflict', 'A backup or integrity check is reading this workspace: wait for it to finish.', undefined, {
        key: 'jobs.workspaceBusy',
      });
    }
  }

  /** A file named inside one of our own folders, or a not-found error that shows only the name. */
  private named(dir: string, name: string, kind: 'workspace' | 'backup'): string {
    const file = path.join(dir, path.basename(name));
    if (path.basename(name) !== name || !name.endsWith('.sqlite') || !fs.existsSync(file)) {
      throw kind === 'workspace'
        ? new AppError('not_found', `There is no workspace named "${name}".`, 'name', { key: 'workspace.namedNotFound', params: { name } })
        : new AppError('not_found', `There is no backup named "${name}".`, 'name', {
            key: 'workspace.namedBackupNotFound',
            params: { name },
          });
    }
    return file;
  }

  /** Team mode: opens a workspace by its file name in the workspaces folder. */
  openNamed(name: string): WorkspaceInfo {
    return this.open(this.named(this.workspacesDir, name, 'workspace'));
  }

  /** Team mode: restores a backup named by its file name in the backups folder. */
  restoreNamed(name: string): Promise<WorkspaceInfo> {
    return this.restore(this.named(this.backupsDir, name, 'backup'));
  }

  /**
   * Replaces the current workspace's contents with a backup. The backup is
   * validated first, and the current state is itself backed up before it is
   * replaced, so a restore can always be undone.
   */
  async restore(backupPath: string): Promise<WorkspaceInfo> {
    assertNoLongWrite();
    this.assertNoReader();
    const src = path.resolve(backupPath);
    if (!fs.existsSync(src))
      throw new AppError('not_found', `There is no backup at "${backupPath}".`, 'path', {
        key: 'workspace.backupNotFound',
        params: { path: backupPath },
      });
    const probe = openWorkspaceDb(src, { nativeBinding: this.opts.nativeBinding });
    probe.db.close();
    const target = this.path;
    if (!target) throw new AppError('workspace', 'No workspace to restore into.', undefined, { key: 'workspace.noRestoreTarget' });
    if (this.current) await this.backup('before-restore');
    // Copied beside the target (off this thread) before the open workspace is closed: a failed copy
    // (a full disk) leaves the current workspace open and untouched, and no temp file behind.
    const tmp = `${target}.restore-tmp`;
    try {
      await fs.promises.copyFile(src, tmp);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    await releasePageWorker();
    assertNoLongWrite();
    this.assertNoReader();
    this.close();
    for (const f of [`${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(tmp, target);
    return this.openFile(target);
  }
}
