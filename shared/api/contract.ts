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

/**
 * Whether a call changes stored data: `dispatch` appends an audit row (who,
 * which record, a short summary) after every successful write. A function
 * decides per input (a settings method that reads unless given a value).
 */
// (method syntax keeps the predicate assignable to the untyped MethodDef every contract entry widens to)
export type Writes<I = unknown> = true | { check(input: I): boolean }['check'];

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Who may call it; a method without a policy is refused on a team server (and fails the permission-matrix test). */
  access?: Access;
  /** Set on methods that change stored data (audited); absent on reads. */
  writes?: Writes<z.output<I>>;
  /** Phantom field carrying the result type; never set at runtime. */
  readonly __result?: O;
}

/** `method(schema, access, WRITES?).returns<Result>()` declares one API method. */
export function method<I extends z.ZodType>(input: I, access?: Access, writes?: Writes<z.output<I>>) {
  return {
    returns: <O>(): MethodDef<I, O> => ({
      input,
      ...(access === undefined ? {} : { access }),
      ...(writes === undefined ? {} : { writes }),
    }),
  };
}

/** Marks a method as a write (the third argument of `method`). */
export const WRITES = true as const;

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
export const text = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { message: `Must be at most ${max} characters` });
export const requiredText = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, { message: 'Required' })
    .max(max, { message: `Must be at most ${max} characters` });
export const id = z.number().int().positive();

/** Years a sales record can plausibly carry; keeps date arithmetic (month walks, ranges) bounded. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** True when `y-m-d` is a day that exists in the calendar (2025-02-30 and 2025-13-45 do not) within the supported years. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?Z?)?$/;

/** A calendar day `YYYY-MM-DD` that exists. */
export const isoDate = z
  .string()
  .regex(ISO_DAY, { message: 'Use the date format YYYY-MM-DD' })
  .refine(
    (s) => {
      const m = ISO_DAY.exec(s);
      return !!m && isRealDate(+m[1], +m[2], +m[3]);
    },
    { message: `Enter a real date between ${MIN_YEAR} and ${MAX_YEAR}` },
  );

/** A month `YYYY-MM` within the supported years. */
export const isoMonth = z
  .string()
  .regex(ISO_MONTH, { message: 'Use YYYY-MM' })
  .refine(
    (s) => {
      const m = ISO_MONTH.exec(s);
      return !!m && isRealDate(+m[1], +m[2], 1);
    },
    { message: `Enter a real month between ${MIN_YEAR} and ${MAX_YEAR}` },
  );

/** A day with an optional time (`2026-03-05` or `2026-03-05T14:30[:00[.000]][Z]`) that exists. */
export const isoDateTime = z
  .string()
  .regex(ISO_DATE_TIME, { message: 'Use a date and time like 2026-03-05T14:30' })
  .refine(
    (s) => {
      const m = ISO_DATE_TIME.exec(s);
      if (!m || !isRealDate(+m[1], +m[2], +m[3])) return false;
      return (m[4] === undefined || +m[4] <= 23) && (m[5] === undefined || +m[5] <= 59) && (m[6] === undefined || +m[6] <= 59);
    },
    { message: 'Enter a real date and time, like 2026-03-05T14:30' },
  );

export const RANGE_REVERSED = 'The start date is after the end date';
/**
 * The check every method taking a from/to range applies: a reversed range is a field error on
 * `from` (ISO dates compare as strings). Use as `z.object({...}).refine(...rangeInOrder)`.
 */
export const rangeInOrder: [(v: { from?: string | null; to?: string | null }) => boolean, { message: string; path: PropertyKey[] }] = [
  (v) => !v.from || !v.to || v.from <= v.to,
  { message: RANGE_REVERSED, path: ['from'] },
];
