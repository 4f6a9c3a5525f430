/**
 * How a request's actor shapes what handlers return. The solo owner sees
 * everything, and the header's person/role picker still switches the view
 * (e.g. "see it as a rep"); a signed-in person sees what their roles allow.
 */
import type { MethodName } from '../../shared/api';
import { can } from '../../shared/api/can';
import * as scope from '../services/access/scope';
import type { ApiContext } from './context';

/** The role picked in the header (solo owner), or null. */
export function headerRole(ctx: ApiContext): string | null {
  try {
    const s = ctx.ws.getMeta('session');
    return s ? ((JSON.parse(s) as { role?: string }).role ?? null) : null;
  } catch {
    return null;
  }
}

/** A reader of content that `authorMethod` edits: the header's rep view for the owner, or a person who may not call it. */
export const readsOnly = (ctx: ApiContext, authorMethod: MethodName) =>
  ctx.actor.owner ? headerRole(ctx) === 'rep' : !can(ctx.actor, authorMethod);

/** The SQL scope for lists, or undefined for the owner (no filter). */
export const callScope = (ctx: ApiContext) => (ctx.actor.owner ? undefined : scope.callScope(ctx.actor));
export const evaluationScope = (ctx: ApiContext) => (ctx.actor.owner ? undefined : scope.evaluationScope(ctx.actor));
export const personScope = (ctx: ApiContext, area: scope.Area, col: string) =>
  ctx.actor.owner ? undefined : scope.personScope(ctx.actor, area, col);

export const call = (ctx: ApiContext, callId: number) => scope.assertCallVisible(ctx.db, ctx.actor, callId);
export const evaluation = (ctx: ApiContext, id: number) => scope.assertEvaluationVisible(ctx.db, ctx.actor, id);
export const person = (ctx: ApiContext, area: scope.Area, id: number) => scope.assertPersonVisible(ctx.db, ctx.actor, area, id);
export const team = (ctx: ApiContext, area: scope.Area, teamId: number | null) => scope.assertTeamVisible(ctx.actor, area, teamId);
export const owned = (ctx: ApiContext, area: scope.Area, table: Parameters<typeof scope.assertOwnedRowVisible>[3], id: number) =>
  scope.assertOwnedRowVisible(ctx.db, ctx.actor, area, table, id);
