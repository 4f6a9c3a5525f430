/**
 * Which workspace the screens read (the local one or a team server) and how the
 * team server is doing, shared by the header switch, the live-call banner and
 * Settings. Asked every few seconds and when the window regains focus, so
 * "offline" and "back online" show without a click. Null state: this host cannot
 * connect to team servers (a plain browser host).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TeamConnectionsState, TeamServerRow } from '../../../shared/api/teamClient';
import { api, invoke } from '../../lib/api';
import { useSession } from '../../app/session';

const POLL_MS = 4000;

export interface TeamConnection {
  state: TeamConnectionsState | null;
  /** the team server in use, or null (the local workspace) */
  active: TeamServerRow | null;
  /** switches workspace and reloads every screen */
  use(url: string | null): Promise<void>;
  /** after Settings changed the connections */
  set(state: TeamConnectionsState): void;
  reload(): void;
}

const Ctx = createContext<TeamConnection | null>(null);

export function TeamConnectionProvider({ children }: { children: ReactNode }) {
  const { refresh } = useSession();
  const [state, setState] = useState<TeamConnectionsState | null>(null);
  const load = useCallback(() => {
    void invoke('teamClient.state', {}).then((r) => r.ok && setState(r.value));
  }, []);
  useEffect(() => {
    load();
    const id = setInterval(load, POLL_MS);
    window.addEventListener('focus', load);
    return () => {
      clearInterval(id);
      window.removeEventListener('focus', load);
    };
  }, [load]);
  const set = useCallback(
    (s: TeamConnectionsState) => {
      const changed = s.active !== state?.active;
      setState(s);
      // another workspace answers now: every screen reloads (session, header, data)
      if (changed) void refresh();
    },
    [state?.active, refresh],
  );
  const use = useCallback((url: string | null) => api('teamClient.use', { url }).then(set), [set]);
  const value = useMemo<TeamConnection>(
    () => ({ state, active: state?.active ? (state.servers.find((s) => s.url === state.active) ?? null) : null, use, set, reload: load }),
    [state, use, set, load],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

const NONE: TeamConnection = { state: null, active: null, use: () => Promise.resolve(), set: () => undefined, reload: () => undefined };

export const useTeamConnection = (): TeamConnection => useContext(Ctx) ?? NONE;

/** "14:05" in the UI language's clock. */
export const clock = (iso: string | null, lang: string) =>
  iso ? new Date(iso).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }) : '—';

/** The server as people name it: its host (and port). */
export const serverName = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};
