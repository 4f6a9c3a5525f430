/** Turns API errors and zod messages into text in the UI language. */
import type { TFunction } from 'i18next';
import { RANGE_REVERSED, type ApiError } from '../../shared/api/contract';
import { ApiCallError } from './api';

/** Maps the contract's English validation messages to translation keys. */
export function translateValidation(t: TFunction, message: string | undefined): string | undefined {
  if (!message) return message;
  // the dispatcher prefixes the first problem with its field ("from: …"): translate the text after it
  const prefixed = /^[\w.]+: (.+)$/.exec(message);
  if (prefixed) {
    const inner = translateValidation(t, prefixed[1]);
    if (inner !== prefixed[1]) return inner;
  }
  if (message === RANGE_REVERSED) return t('validation.rangeReversed');
  if (message === 'Required') return t('validation.required');
  const max = /^Must be at most (\d+) characters$/.exec(message);
  if (max) return t('validation.tooLong', { max: max[1] });
  if (message === 'Enter a valid e-mail address') return t('validation.email');
  if (message === 'Use the date format YYYY-MM-DD') return t('validation.date');
  if (/^Enter a real (date|month) between/.test(message)) return t('validation.realDate');
  if (message.startsWith('Enter a real date and time') || message === 'Use a date and time like 2026-03-05T14:30')
    return t('validation.realDateTime');
  if (message === 'Use YYYY-MM') return t('validation.month');
  if (message === 'Choose at least one role') return t('validation.roles');
  if (message === 'Use an https:// address') return t('validation.https');
  return message;
}

export function errorText(t: TFunction, e: unknown): string {
  const err: ApiError | null =
    e instanceof ApiCallError ? e.error : (e as { code?: string; message?: string })?.code ? (e as ApiError) : null;
  // a localized server message: its key in the UI language, the English text if the key is unknown
  if (err?.key) return t(`errors.${err.key}`, { ...err.params, defaultValue: err.message });
  if (err?.code === 'unauthorized') return t('errors.unauthorized');
  if (err) return translateValidation(t, err.message) ?? err.message;
  return (e as Error)?.message ?? String(e);
}

/** A row-level import problem in the UI language (English text when it has no key). */
export function rowErrorText(t: TFunction, e: { message: string; key?: string; params?: Record<string, string | number> }): string {
  if (e.key) return t(`rowErrors.${e.key}`, { ...e.params, defaultValue: e.message });
  return translateValidation(t, e.message) ?? e.message;
}
