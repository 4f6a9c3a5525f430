/**
 * The one entry point both hosts call: checks the method exists, checks the
 * caller against the method's access policy, validates the payload with the
 * contract's schema, runs the handler, audits writes and refusals, and turns
 * any failure into a plain `{ code, message, field }` result.
 */
import { z } from 'zod';
import { contract } from '../../shared/api';
import { AppError, type ApiError, type ApiResult, type MethodDef } from '../../shared/api/contract';
import type { ApiContext, Handlers } from './context';
import { handlers } from './handlers';
import { whenWriteFree } from '../services/longWrites';
import { allows } from '../../shared/api/access';
import { writes } from '../../shared/api/can';
import { auditRefusal, auditWrite } from '../services/access/trail';
import { stripErrorPaths } from '../services/access/paths';
import { DISK_FULL_MESSAGE, isDiskFull } from '../db/diskFull';

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export function isMethod(name: unknown): name is keyof Handlers {
  return typeof name === 'string' && has(contract, name) && has(handlers, name);
}

export function zodToApiError(err: z.ZodError): ApiError {
  const issues = err.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  const first = issues[0];
  return {
    code: 'invalid_input',
    message: first ? (first.field ? `${first.field}: ${first.message}` : first.message) : 'Invalid input',
    field: first?.field || undefined,
    issues,
  };
}

export const DISK_FULL: ApiError = {
  code: 'unavailable',
  message: DISK_FULL_MESSAGE,
  key: 'diskFull',
  params: {},
};

/**
 * Any failure as a result the UI can show. Unexpected errors are logged with
 * their details, and answered with a plain message: no raw exception text, no
 * file paths, no stack (those go to the log only).
 */
export function toApiError(e: unknown): ApiError {
  if (e instanceof AppError)
    return {
      code: e.code,
      message: e.message,
      ...(e.field ? { field: e.field } : {}),
      ...(e.localized ? { key: e.localized.key, params: e.localized.params ?? {} } : {}),
    };
  if (e instanceof z.ZodError) return zodToApiError(e);
  const err = e as { code?: string; message?: string };
  if (isDiskFull(e)) {
    console.error('[api] disk full:', err?.message ?? e);
    return { ...DISK_FULL };
  }
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: 'This change conflicts with existing data (a duplicate or a missing reference).' };
  }
  if (err?.code === 'SQLITE_BUSY') {
    return { code: 'unavailable', message: 'The workspace is busy; try again in a moment.' };
  }
  console.error('[api] internal error:', e);
  return {
    code: 'internal',
    message: 'Something went wrong. Try again; if it keeps happening, the details are in the app log.',
    key: 'internalError',
    params: {},
  };
}

/** The refusal every host shows in the UI language (HTTP answers it with 403). */
export const FORBIDDEN: ApiError = {
  code: 'forbidden',
  message: "You don't have permission to do this.",
  key: 'access.forbidden',
  params: {},
};

export const UNAUTHORIZED: ApiError = { code: 'unauthorized', message: 'Sign in to continue.', key: 'access.signInRequired', params: {} };

/** Audit rows are best-effort: a log that cannot be written (no workspace open) never fails the call itself. */
function record(ctx: ApiContext, write: (db: ApiContext['db'], actorId: number | null) => void) {
  try {
    write(ctx.db, ctx.actorId());
  } catch (e) {
    if (!(e instanceof AppError)) console.error('[audit] could not write:', e);
  }
}

export async function dispatch(method: unknown, input: unknown, ctx: ApiContext): Promise<ApiResult<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `Unknown API method "${String(method).slice(0, 100)}".` } };
  }
  const def = contract[method] as MethodDef;
  // The policy comes before validation: a refused caller learns nothing about valid inputs.
  if (!allows(def.access, ctx.actor)) {
    if (ctx.actor.personId === null) return { ok: false, error: UNAUTHORIZED };
    record(ctx, (db, actorId) => auditRefusal(db, actorId, method, input, def.access === undefined ? 'no access policy' : 'role'));
    return { ok: false, error: FORBIDDEN };
  }
  const schema = def.input;
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error) };
  try {
    // a team server in use answers the local owner's screens (it checks roles and audits itself)
    if (ctx.actor.owner && ctx.host.remote) {
      const remote = await ctx.host.remote.dispatch(method, input ?? {}, parsed.data);
      if (remote) return remote;
    }
    const handler = handlers[method] as (i: unknown, c: ApiContext) => unknown;
    const write = writes(method, parsed.data);
    // during a CRM import a save waits (off the request thread) for the import's current chunk to end
    const value = write
      ? await whenWriteFree(async () => {
          const v = await handler(parsed.data, ctx);
          record(ctx, (db, actorId) => auditWrite(db, actorId, method, parsed.data, v));
          return v;
        })
      : await handler(parsed.data, ctx);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    const error = toApiError(e);
    if (error.code === 'forbidden')
      record(ctx, (db, actorId) => auditRefusal(db, actorId, method, parsed.data, error.key ?? error.message));
    // Only the local owner may see paths of this machine's disk.
    return { ok: false, error: ctx.actor.owner ? error : stripErrorPaths(error) };
  }
}
