import { z } from 'zod';
import { method, text } from './contract';

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

export const workspaceMethods = {
  'workspace.info': method(z.object({})).returns<WorkspaceInfo>(),
  'workspace.problem': method(z.object({})).returns<WorkspaceProblem | null>(),
  'workspace.list': method(z.object({})).returns<WorkspaceFile[]>(),
  'workspace.createEmpty': method(z.object({ name: text(80).min(1, { message: 'Required' }) })).returns<WorkspaceInfo>(),
  'workspace.open': method(z.object({ path: z.string().min(1).max(4096) })).returns<WorkspaceInfo>(),
  'workspace.openDialog': method(z.object({})).returns<WorkspaceInfo | null>(),
  'workspace.openDemo': method(z.object({ reset: z.boolean().default(false) })).returns<WorkspaceInfo>(),
  'workspace.backup': method(z.object({})).returns<BackupFile>(),
  /** Electron only: back up to a file the user picks in a save dialog (null when cancelled). */
  'workspace.backupAs': method(z.object({})).returns<BackupFile | null>(),
  'workspace.listBackups': method(z.object({})).returns<BackupFile[]>(),
  'workspace.restore': method(z.object({ path: z.string().min(1).max(4096) })).returns<WorkspaceInfo>(),
};
