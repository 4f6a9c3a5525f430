import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext, type ApiContext } from '../../../main/api/context';
import { Staging } from '../../../main/files/staging';
import { WorkspaceManager } from '../../../main/services/workspace';

/** The demo workspace in a temp folder, its API context, and people looked up by e-mail (access and inbox tests). */
export function demoWorkspace(prefix: string): { dir: string; ws: WorkspaceManager; base: ApiContext; byEmail: (e: string) => number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const ws = new WorkspaceManager({ dataDir: dir, demo: true, host: 'browser' });
  ws.init();
  const base = createContext(ws, new Staging(path.join(dir, 'staging')), { kind: 'browser' });
  const byEmail = (e: string) => (ws.db.prepare('SELECT id FROM people WHERE email = ?').get(e) as { id: number }).id;
  return { dir, ws, base, byEmail };
}
