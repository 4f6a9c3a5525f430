/** The current workspace and "who am I" (person + role chosen in the header), shared by every screen. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Role } from '../../shared/api/people';
import type { SessionInfo } from '../../shared/api/session';
import type { WorkspaceInfo, WorkspaceProblem } from '../../shared/api/workspace';
import { api, invoke } from '../lib/api';

interface SessionState {
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

  const refresh = useCallback(async () => {
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

  const setActor = useCallback(async (personId: number | null, role: Role) => {
    setSession(await api('session.set', { personId, role }));
  }, []);

  return <Ctx.Provider value={{ workspace, problem, session, generation, loadError, setActor, refresh }}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
