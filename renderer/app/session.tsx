/** The current workspace and "who am I" (person + role chosen in the header), shared by every screen. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Role } from '../../shared/api/people';
import type { AuthStatus } from '../../shared/api/auth';
import type { SessionInfo } from '../../shared/api/session';
import type { WorkspaceInfo, WorkspaceProblem } from '../../shared/api/workspace';
import { api, invoke, SIGNED_OUT_EVENT } from '../lib/api';

interface SessionState {
  /** solo or team, and whether this browser is signed in (team) */
  auth: AuthStatus | null;
  /** why the sign-in screen is shown (an error key under errors.), e.g. auth.sessionExpired */
  signedOutReason: string | null;
  workspace: WorkspaceInfo | null;
  problem: WorkspaceProblem | null;
  session: SessionInfo | null;
  /** Bumped whenever the workspace changes, so screens reload their data. */
  generation: number;
  loadError: string | null;
  setActor(personId: number | null, role: Role): Promise<void>;
  refresh(): Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [problem, setProblem] = useState<WorkspaceProblem | null>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [generation, setGeneration] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [auth, setAuth] = useState<AuthStatus | null>(null);
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const a = await invoke('auth.status', {});
    if (a.ok) {
      setAuth(a.value);
      if (a.value.mode === 'team' && !a.value.signedIn) {
        setWorkspace(null);
        setSession(null);
        return;
      }
      setSignedOutReason(null);
    }
    const p = await invoke('workspace.problem', {});
    if (!p.ok) {
      setLoadError(p.error.code === 'unauthorized' ? 'unauthorized' : p.error.message);
      return;
    }
    setLoadError(null);
    setProblem(p.value);
    if (p.value) {
      setWorkspace(null);
      setSession(null);
    } else {
      const [w, s] = await Promise.all([api('workspace.info', {}), api('session.get', {})]);
      setWorkspace(w);
      setSession(s);
    }
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // a 401 from the team server (session expired, revoked, signed out elsewhere): back to the sign-in screen
  useEffect(() => {
    let last = 0;
    const onSignedOut = (e: Event) => {
      const reason = ((e as CustomEvent<string | null>).detail ?? 'auth.sessionExpired') || null;
      // Requests in flight together (a page's loads, the notifications badge) all get 401: the first one saw the
      // session end and says why; the next ones, sent after the cookie was cleared, only say "sign in".
      const burst = Date.now() - last < 3000;
      last = Date.now();
      setSignedOutReason((prev) => (burst && prev && reason === 'auth.signInRequired' ? prev : reason));
      setAuth((a) => (a ? { ...a, signedIn: false } : a));
      setWorkspace(null);
      setSession(null);
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, []);

  const setActor = useCallback(async (personId: number | null, role: Role) => {
    setSession(await api('session.set', { personId, role }));
  }, []);

  return (
    <Ctx.Provider value={{ auth, signedOutReason, workspace, problem, session, generation, loadError, setActor, refresh }}>
      {children}
    </Ctx.Provider>
  );
}

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
