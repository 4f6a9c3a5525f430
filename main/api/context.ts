import type { Contract } from '../../shared/api';
import type { MethodDef, ParsedInputOf, ResultOf } from '../../shared/api/contract';
import type { DB } from '../db/open';
import type { Staging } from '../files/staging';
import type { WorkspaceManager } from '../services/workspace';
import { SOLO_OWNER, type Actor } from '../../shared/api/access';
import type { UpdateState } from '../../shared/api/app';
import type { ClientInfo } from '../services/accounts/sessions';
import type { TeamConnections } from '../services/teamClient/connections';
import type { RemoteDispatcher } from '../services/teamClient/remote';

/** Host-specific abilities (native dialogs exist only in Electron). */
export interface HostAbilities {
  kind: 'electron' | 'browser';
  showOpenDialog?: (opts: { multiple: boolean; filters: { name: string; extensions: string[] }[]; title?: string }) => Promise<string[]>;
  /** Electron: the system folder chooser (speech model folders); null when cancelled. */
  showFolderDialog?: () => Promise<string | null>;
  showSaveDialog?: (opts: {
    defaultName: string;
    filters: { name: string; extensions: string[] }[];
    title?: string;
  }) => Promise<string | null>;
  /** Electron: opens a file with the system's default app; resolves to an error text ('' when opened). */
  openPath?: (filePath: string) => Promise<string>;
  /** Electron: opens the compact always-on-top live-call window. */
  openLiveCallWindow?: () => void;
  /** The app's version (package.json), shown in Settings. */
  version?: string;
  /** Electron: where the main process logs, and a way to show that folder. */
  logDir?: string;
  openLogFolder?: () => Promise<string>;
  /** Electron: the self-updater (absent in the browser host). */
  updates?: UpdatesControl;
  /** Team server only: whether "Sign in with SSO" is offered. */
  team?: { sso: boolean };
  /** Desktop: connections to team servers (remembered servers, offline caches). */
  teamClient?: TeamConnections;
  /** Desktop (and the loopback host with --client): forwards the screens' calls to the team server in use. */
  remote?: RemoteDispatcher;
}

export interface UpdatesControl {
  state(): UpdateState;
  /** Whether the package carries its own feed (electron-builder's app-update.yml). */
  hasBuildFeed(): boolean;
  /** Re-reads the feed choice (after Settings changed it). */
  applyFeed(): void;
  check(): Promise<void>;
}

/** What every handler receives besides its validated input. */
export interface ApiContext {
  ws: WorkspaceManager;
  /** The open workspace's database (throws a readable workspace error when none is open). */
  readonly db: DB;
  /** Who is asking (per request on a team server; the local owner in solo mode). */
  readonly actor: Actor;
  /** The acting person's id for "who did it": the signed-in person, or in solo mode the person chosen in the header. */
  actorId(): number | null;
  /** The same context for another actor (hosts call it once per request), with the request's client on a team server. */
  withActor(actor: Actor, client?: ClientInfo): ApiContext;
  /** Team server: who sent the request (address after trusted proxies, user agent). */
  readonly client?: ClientInfo;
  staging: Staging;
  host: HostAbilities;
}

export type Handler<D extends MethodDef> = (input: ParsedInputOf<D>, ctx: ApiContext) => ResultOf<D> | Promise<ResultOf<D>>;
export type HandlersFor<C extends Record<string, MethodDef>> = { [K in keyof C]: Handler<C[K]> };
export type Handlers = HandlersFor<Contract>;

export function createContext(
  ws: WorkspaceManager,
  staging: Staging,
  host: HostAbilities,
  actor: Actor = SOLO_OWNER,
  client?: ClientInfo,
): ApiContext {
  return {
    ws,
    get db() {
      return ws.db;
    },
    actor,
    client,
    withActor: (a, c) => createContext(ws, staging, host, a, c),
    actorId() {
      if (!actor.owner) return actor.personId;
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
