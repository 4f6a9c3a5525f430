/**
 * The API contract primitives. Every method is declared once as
 * `name -> { input: zod schema, result type }`; the main side validates every
 * payload with the schema and the renderer gets the result type for free.
 */
import { z } from 'zod';
import type { Role } from './people';

/**
 * Who may call a method, declared beside its schema and enforced by `dispatch`
 * before the handler runs: `public` needs no session (sign-in itself),
 * `signedIn` any active person, a role list any person holding one of them.
 * Row scoping (own calls, managed teams) is the service's job on top of this.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Who may call it; a method without a policy is refused on a team server (and fails the permission-matrix test). */
  access?: Access;
  /** Phantom field carrying the result type; never set at runtime. */
  readonly __result?: O;
}

/** `method(schema, access).returns<Result>()` declares one API method. */
export function method<I extends z.ZodType>(input: I, access?: Access) {
  return { returns: <O>(): MethodDef<I, O> => (access === undefined ? { input } : { input, access }) };
}

export type ContractShape = Record<string, MethodDef>;
export type InputOf<D> = D extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<D> = D extends MethodDef<infer I, unknown> ? z.output<I> : never;
export type ResultOf<D> = D extends MethodDef<z.ZodType, infer O> ? O : never;

/** Errors cross every boundary as plain data, never as thrown Error instances. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, for inline form errors. */
  field?: string;
  /** All field problems when validation failed. */
  issues?: { field: string; message: string }[];
  /** A translation key under `errors.` (with its values) for the UI language; `message` is the English text. */
  key?: string;
  params?: MessageParams;
}

export type MessageParams = Record<string, string | number>;

/** A message the UI can show in its language: key under `errors.` or `rowErrors.`, values, English text. */
export interface Localized {
  key: string;
  params?: MessageParams;
}

export type ErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'too_large'
  | 'bad_file'
  | 'workspace'
  | 'unavailable'
  | 'internal';

export type ApiResult<O> = { ok: true; value: O } | { ok: false; error: ApiError };

/** Thrown inside services; the dispatcher turns it into an ApiError result. */
export class AppError extends Error {
  constructor(
    public code: ErrorCode,
    message: string,
    public field?: string,
    /** translation key under `errors.` and its values; the English `message` is the fallback */
    public localized?: Localized,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A page of rows; lists are always paged so the renderer never loads a whole table. */
export interface Page<T> {
  rows: T[];
  total: number;
  offset: number;
  limit: number;
}

export const pageInput = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

/** Common field limits: user text is bounded so a pasted megabyte is refused clearly. */
export const text = (max = 200) => z.string().trim().max(max, { message: `Must be at most ${max} characters` });
export const requiredText = (max = 200) =>
  z.string().trim().min(1, { message: 'Required' }).max(max, { message: `Must be at most ${max} characters` });
export const id = z.number().int().positive();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use the date format YYYY-MM-DD' });

export const RANGE_REVERSED = 'The start date is after the end date';
/**
 * The check every method taking a from/to range applies: a reversed range is a field error on
 * `from` (ISO dates compare as strings). Use as `z.object({...}).refine(...rangeInOrder)`.
 */
export const rangeInOrder: [(v: { from?: string | null; to?: string | null }) => boolean, { message: string; path: PropertyKey[] }] = [
  (v) => !v.from || !v.to || v.from <= v.to,
  { message: RANGE_REVERSED, path: ['from'] },
];
