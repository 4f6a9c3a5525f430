/**
 * The one entry point both hosts call: checks the method exists, validates the
 * payload with the contract's schema, runs the handler, and turns any failure
 * into a plain `{ code, message, field }` result.
 */
import { z } from 'zod';
import { contract } from '../../shared/api';
import { AppError, type ApiError, type ApiResult } from '../../shared/api/contract';
import type { ApiContext, Handlers } from './context';
import { handlers } from './handlers';
import { longWrites } from '../services/longWrites';
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
  if (e instanceof AppError) return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}), ...(e.localized ? { key: e.localized.key, params: e.localized.params ?? {} } : {}) };
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
    // a CRM import holds the write lock for its one transaction; reads still work meanwhile
    if (longWrites.active()) return { code: 'unavailable', message: 'A CRM import is being written to this workspace: save again when it finishes (Insights → Import shows its progress).', key: 'importRunning' };
    return { code: 'unavailable', message: 'The workspace is busy; try again in a moment.' };
  }
  console.error('[api] internal error:', e);
  return { code: 'internal', message: 'Something went wrong. Try again; if it keeps happening, the details are in the app log.', key: 'internalError', params: {} };
}

export async function dispatch(method: unknown, input: unknown, ctx: ApiContext): Promise<ApiResult<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `Unknown API method "${String(method).slice(0, 100)}".` } };
  }
  const schema = contract[method].input as z.ZodType;
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error) };
  try {
    const handler = handlers[method] as (i: unknown, c: ApiContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}
