import type { Contract } from '../../shared/api';
import type { MethodDef, ParsedInputOf, ResultOf } from '../../shared/api/contract';
import type { DB } from '../db/open';
import type { Staging } from '../files/staging';
import type { WorkspaceManager } from '../services/workspace';

/** Host-specific abilities (native dialogs exist only in Electron). */
export interface HostAbilities {
  kind: 'electron' | 'browser';
  showOpenDialog?: (opts: { multiple: boolean; filters: { name: string; extensions: string[] }[]; title?: string }) => Promise<string[]>;
  showSaveDialog?: (opts: { defaultName: string; filters: { name: string; extensions: string[] }[]; title?: string }) => Promise<string | null>;
  /** Electron: opens a file with the system's default app; resolves to an error text ('' when opened). */
  openPath?: (filePath: string) => Promise<string>;
  /** Electron: opens the compact always-on-top live-call window. */
  openLiveCallWindow?: () => void;
}

/** What every handler receives besides its validated input. */
export interface ApiContext {
  ws: WorkspaceManager;
  /** The open workspace's database (throws a readable workspace error when none is open). */
  readonly db: DB;
  /** The person chosen in the header, for audit trails and "who did it". */
  actorId(): number | null;
  staging: Staging;
  host: HostAbilities;
}

export type Handler<D extends MethodDef> = (input: ParsedInputOf<D>, ctx: ApiContext) => ResultOf<D> | Promise<ResultOf<D>>;
export type HandlersFor<C extends Record<string, MethodDef>> = { [K in keyof C]: Handler<C[K]> };
export type Handlers = HandlersFor<Contract>;

export function createContext(ws: WorkspaceManager, staging: Staging, host: HostAbilities): ApiContext {
  return {
    ws,
    get db() {
      return ws.db;
    },
    actorId() {
      try {
        const s = ws.getMeta('session');
        return s ? ((JSON.parse(s) as { personId: number | null }).personId ?? null) : null;
      } catch {
        return null;
      }
    },
    staging,
    host,
  };
}
