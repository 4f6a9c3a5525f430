import { z } from 'zod';
import { method, text, WRITES } from './contract';

export interface WorkspaceInfo {
  path: string;
  name: string;
  isDemo: boolean;
  schemaVersion: number;
  /** Which host serves the UI: native dialogs exist only in Electron. */
  host: 'electron' | 'browser';
  dataDir: string;
  createdAt: string | null;
}

export interface WorkspaceFile {
  path: string;
  name: string;
  sizeBytes: number;
  modifiedAt: string;
  isDemo: boolean;
  current: boolean;
}

export interface BackupFile {
  path: string;
  name: string;
  sizeBytes: number;
  createdAt: string;
}

/** A problem opening the workspace file, shown on the error screen instead of the app. */
export interface WorkspaceProblem {
  path: string;
  message: string;
  backups: BackupFile[];
}

/** A workspace or backup file name inside the server's own folder: no folders, no `..`. */
export const fileName = z
  .string()
  .trim()
  .max(200)
  .regex(/^(?!\.)[^/\\:]+\.sqlite$/, { message: 'Give the file name of a workspace or backup (name.sqlite), not a path' });

export const workspaceMethods = {
  'workspace.info': method(z.object({}), 'signedIn').returns<WorkspaceInfo>(),
  'workspace.problem': method(z.object({}), 'signedIn').returns<WorkspaceProblem | null>(),
  'workspace.list': method(z.object({}), ['admin']).returns<WorkspaceFile[]>(),
  'workspace.createEmpty': method(z.object({ name: text(80).min(1, { message: 'Required' }) }), ['admin'], WRITES).returns<WorkspaceInfo>(),
  'workspace.open': method(z.object({ path: z.string().min(1).max(4096) }), ['admin'], WRITES).returns<WorkspaceInfo>(),
  'workspace.openDialog': method(z.object({}), ['admin'], WRITES).returns<WorkspaceInfo | null>(),
  'workspace.openDemo': method(z.object({ reset: z.boolean().default(false) }), ['admin'], WRITES).returns<WorkspaceInfo>(),
  'workspace.backup': method(z.object({}), ['admin'], WRITES).returns<BackupFile>(),
  /** Electron only: back up to a file the user picks in a save dialog (null when cancelled). */
  'workspace.backupAs': method(z.object({}), ['admin'], WRITES).returns<BackupFile | null>(),
  'workspace.listBackups': method(z.object({}), ['admin']).returns<BackupFile[]>(),
  /**
   * Team mode names workspaces and backups only by file name inside the
   * server's own folders (a remote caller never gives or sees a path).
   */
  'workspace.openNamed': method(z.object({ name: fileName }), ['admin'], WRITES).returns<WorkspaceInfo>(),
  'workspace.restoreNamed': method(z.object({ name: fileName }), ['admin'], WRITES).returns<WorkspaceInfo>(),
  'workspace.restore': method(z.object({ path: z.string().min(1).max(4096) }), ['admin'], WRITES).returns<WorkspaceInfo>(),
};
