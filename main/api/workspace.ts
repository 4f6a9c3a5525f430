import fs from 'node:fs';
import path from 'node:path';
import type { sessionMethods } from '../../shared/api/session';
import type { workspaceMethods } from '../../shared/api/workspace';
import { AppError } from '../../shared/api/contract';
import { getPerson } from '../services/people';
import { sessionRole, setSessionRole } from '../services/accounts';
import { ROLES, type Role } from '../../shared/api/people';
import type { SessionInfo } from '../../shared/api/session';
import type { ApiContext, HandlersFor } from './context';
import type { BackupFile, WorkspaceFile, WorkspaceInfo } from '../../shared/api/workspace';

/**
 * Paths of the server's disk are for the solo owner only: anyone else sees
 * file names, and names workspaces and backups by them (issue: no server paths
 * from the network).
 */
const teamMode = (ctx: ApiContext) => !ctx.actor.owner;
const base = (p: string) => p.split(/[\\/]/).pop() ?? '';
const info = (ctx: ApiContext, i: WorkspaceInfo): WorkspaceInfo => (teamMode(ctx) ? { ...i, path: base(i.path), dataDir: '' } : i);
const files = <T extends WorkspaceFile | BackupFile>(ctx: ApiContext, l: T[]): T[] =>
  teamMode(ctx) ? l.map((f) => ({ ...f, path: base(f.path) })) : l;
function noPaths(ctx: ApiContext) {
  if (teamMode(ctx)) {
    throw new AppError('forbidden', 'On a team server workspaces and backups are chosen by name, not by a path.', 'path', {
      key: 'workspace.pathsOwnerOnly',
    });
  }
}

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
  'workspace.info': (_, ctx) => info(ctx, ctx.ws.info()),
  'workspace.problem': (_, ctx) => {
    const p = ctx.ws.problem();
    return p && teamMode(ctx) ? { ...p, path: base(p.path), backups: files(ctx, p.backups) } : p;
  },
  'workspace.list': (_, ctx) => files(ctx, ctx.ws.list()),
  'workspace.createEmpty': ({ name }, ctx) => info(ctx, ctx.ws.createEmpty(name)),
  'workspace.open': ({ path }, ctx) => (noPaths(ctx), ctx.ws.open(path)),
  'workspace.openNamed': ({ name }, ctx) => info(ctx, ctx.ws.openNamed(name)),
  'workspace.restoreNamed': async ({ name }, ctx) => info(ctx, await ctx.ws.restoreNamed(name)),
  'workspace.openDialog': async (_, ctx) => {
    noPaths(ctx);
    const { ws, host } = ctx;
    if (!host.showOpenDialog)
      throw new AppError('unavailable', 'The file dialog exists only in the desktop app; enter the file path instead.', undefined, {
        key: 'workspace.dialogDesktopOnly',
      });
    const [file] = await host.showOpenDialog({
      multiple: false,
      filters: [{ name: 'Sales Workbench workspace', extensions: ['sqlite', 'db'] }],
    });
    return file ? ws.open(file) : null;
  },
  'workspace.openDemo': async ({ reset }, ctx) => info(ctx, await ctx.ws.openDemoAsync(reset, ctx.actorId())),
  'workspace.backup': async (_, ctx) => {
    const b = await ctx.ws.backup();
    return teamMode(ctx) ? { ...b, path: base(b.path) } : b;
  },
  'workspace.backupAs': async (_, ctx) => {
    noPaths(ctx);
    const { ws, host } = ctx;
    if (!host.showSaveDialog)
      throw new AppError(
        'unavailable',
        'Saving to a chosen file exists only in the desktop app; backups are kept in the data folder.',
        undefined,
        {
          key: 'workspace.saveDialogDesktopOnly',
        },
      );
    const dest = await host.showSaveDialog({
      defaultName: `${ws.info().name}-backup.sqlite`,
      filters: [{ name: 'Sales Workbench workspace', extensions: ['sqlite'] }],
    });
    return dest ? ws.backupToFile(dest) : null;
  },
  'workspace.listBackups': (_, ctx) => files(ctx, ctx.ws.listBackups()),
  'workspace.restore': ({ path }, ctx) => (noPaths(ctx), ctx.ws.restore(path)),
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
      throw new AppError('invalid_input', `${person.name} does not have the ${role} role.`, 'role', {
        key: 'workspace.missingRole',
        params: { name: person.name, role },
      });
    }
    ctx.ws.setMeta('session', JSON.stringify({ personId, role }));
    return { mode: 'solo' as const, person, role, roles: [...ROLES], actor: ctx.actor };
  },
  'files.pick': async ({ multiple, filters }, { host, staging }) => {
    if (!host.showOpenDialog)
      throw new AppError('unavailable', 'The file dialog exists only in the desktop app; use upload instead.', undefined, {
        key: 'workspace.pickDesktopOnly',
      });
    const paths = await host.showOpenDialog({ multiple, filters });
    const refs = [];
    for (const p of paths) {
      // a team workspace in use: the picked file goes to its server, whose staged id the next call names
      const r = host.remote?.active() ? await host.remote.upload(fs.createReadStream(p), path.basename(p), fs.statSync(p).size) : null;
      if (r && !r.result.ok)
        throw new AppError(
          r.result.error.code,
          r.result.error.message,
          undefined,
          r.result.error.key ? { key: r.result.error.key, params: r.result.error.params } : undefined,
        );
      if (r?.result.ok) {
        refs.push(r.result.value);
        continue;
      }
      const f = await staging.fromPath(p);
      refs.push({ id: f.id, name: f.name, size: f.size });
    }
    return refs;
  },
};
