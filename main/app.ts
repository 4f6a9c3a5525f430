/** Assembles the data side (workspace, staging, API context) for either host. */
import os from 'node:os';
import path from 'node:path';
import { createContext, type ApiContext, type HostAbilities } from './api/context';
import { Staging } from './files/staging';
import { removeLeftovers } from './files/leftovers';
import { WorkspaceManager } from './services/workspace';
import { sweepLibrary } from './services/library/maintenance';
import { prewarmDataset } from './services/insights/datasetAsync';

export interface AppOptions {
  dataDir: string;
  demo: boolean;
  host: HostAbilities;
  nativeBinding?: string;
}

export function defaultDataDir(): string {
  if (process.env.SALES_WORKBENCH_DATA) return process.env.SALES_WORKBENCH_DATA;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Sales Workbench');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Sales Workbench');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'sales-workbench');
}

export function createApp(opts: AppOptions): ApiContext {
  const ws = new WorkspaceManager({ dataDir: opts.dataDir, demo: opts.demo, host: opts.host.kind, nativeBinding: opts.nativeBinding });
  const staging = new Staging(path.join(opts.dataDir, 'tmp', 'uploads'));
  // A killed backup, restore or upload leaves files behind: clear them before anything opens.
  const leftovers = removeLeftovers([ws.workspacesDir, ws.backupsDir]).length + staging.start();
  if (leftovers) console.warn(`[start] removed ${leftovers} leftover file(s) of an interrupted backup, restore or upload`);
  ws.onOpen.push((db, filesDir, backupsDir) => sweepLibrary(db, filesDir, backupsDir));
  ws.onOpen.push((db) => prewarmDataset(db));
  ws.init();
  return createContext(ws, staging, opts.host);
}
