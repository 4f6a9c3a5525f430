import type { sessionMethods } from '../../shared/api/session';
import type { workspaceMethods } from '../../shared/api/workspace';
import { AppError } from '../../shared/api/contract';
import { getPerson } from '../services/people';
import { sessionRole, setSessionRole } from '../services/accounts';
import { ROLES, type Role } from '../../shared/api/people';
import type { SessionInfo } from '../../shared/api/session';
import type { ApiContext, HandlersFor } from './context';

/** Home role preference when a session has not chosen one: the most specific workplace first. */
const HOME_ORDER: Role[] = ['manager', 'trainer', 'rep', 'admin'];

function teamSession(ctx: ApiContext): SessionInfo {
  const { actor } = ctx;
  if (actor.personId === null) throw new AppError('unauthorized', 'Sign in first.', undefined, { key: 'auth.signInRequired' });
  const chosen = actor.sessionId ? sessionRole(ctx.db, actor.sessionId) : null;
  const role = chosen && actor.roles.includes(chosen) ? chosen : (HOME_ORDER.find((r) => actor.roles.includes(r)) ?? 'rep');
  return { mode: 'team', person: getPerson(ctx.db, actor.personId), role, roles: actor.roles, actor };
}

export const workspaceHandlers: HandlersFor<typeof workspaceMethods> = {
  'workspace.info': (_, { ws }) => ws.info(),
  'workspace.problem': (_, { ws }) => ws.problem(),
  'workspace.list': (_, { ws }) => ws.list(),
  'workspace.createEmpty': ({ name }, { ws }) => ws.createEmpty(name),
  'workspace.open': ({ path }, { ws }) => ws.open(path),
  'workspace.openDialog': async (_, { ws, host }) => {
    if (!host.showOpenDialog) throw new AppError('unavailable', 'The file dialog exists only in the desktop app; enter the file path instead.', undefined, { key: 'workspace.dialogDesktopOnly' });
    const [file] = await host.showOpenDialog({ multiple: false, filters: [{ name: 'Sales Workbench workspace', extensions: ['sqlite', 'db'] }] });
    return file ? ws.open(file) : null;
  },
  'workspace.openDemo': ({ reset }, { ws }) => ws.openDemo(reset),
  'workspace.backup': (_, { ws }) => ws.backup(),
  'workspace.backupAs': async (_, { ws, host }) => {
    if (!host.showSaveDialog) throw new AppError('unavailable', 'Saving to a chosen file exists only in the desktop app; backups are kept in the data folder.', undefined, {
        key: 'workspace.saveDialogDesktopOnly',
      });
    const dest = await host.showSaveDialog({ defaultName: `${ws.info().name}-backup.sqlite`, filters: [{ name: 'Sales Workbench workspace', extensions: ['sqlite'] }] });
    return dest ? ws.backupToFile(dest) : null;
  },
  'workspace.listBackups': (_, { ws }) => ws.listBackups(),
  'workspace.restore': ({ path }, { ws }) => ws.restore(path),
};

export const sessionHandlers: HandlersFor<typeof sessionMethods> = {
  'session.get': (_, ctx) => {
    if (!ctx.actor.owner) return teamSession(ctx);
    const raw = ctx.ws.getMeta('session');
    const s = raw ? (JSON.parse(raw) as { personId: number | null; role: Role }) : { personId: null, role: 'manager' as const };
    let person = null;
    try {
      person = s.personId ? getPerson(ctx.db, s.personId) : null;
    } catch {
      person = null;
    }
    return { mode: 'solo' as const, person, role: s.role, roles: [...ROLES], actor: ctx.actor };
  },
  'session.set': ({ personId, role }, ctx) => {
    if (!ctx.actor.owner) {
      // team: only the home-page role changes, among the signed-in person's own roles
      if (personId !== ctx.actor.personId || !ctx.actor.roles.includes(role) || !ctx.actor.sessionId) {
        throw new AppError('forbidden', 'You can switch only among your own roles.', 'role', { key: 'auth.ownRolesOnly' });
      }
      setSessionRole(ctx.db, ctx.actor.sessionId, role);
      return teamSession(ctx);
    }
    const person = personId ? getPerson(ctx.db, personId) : null;
    if (person && !person.roles.includes(role) && !person.roles.includes('admin')) {
      throw new AppError('invalid_input', `${person.name} does not have the ${role} role.`, 'role', { key: 'workspace.missingRole', params: { name: person.name, role } });
    }
    ctx.ws.setMeta('session', JSON.stringify({ personId, role }));
    return { mode: 'solo' as const, person, role, roles: [...ROLES], actor: ctx.actor };
  },
  'files.pick': async ({ multiple, filters }, { host, staging }) => {
    if (!host.showOpenDialog) throw new AppError('unavailable', 'The file dialog exists only in the desktop app; use upload instead.', undefined, { key: 'workspace.pickDesktopOnly' });
    const paths = await host.showOpenDialog({ multiple, filters });
    const refs = [];
    for (const p of paths) {
      const f = await staging.fromPath(p);
      refs.push({ id: f.id, name: f.name, size: f.size });
    }
    return refs;
  },
};
