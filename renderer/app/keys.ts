/**
 * Translation keys are typed from the English JSON (renderer/app/i18next.d.ts): `t('scripts.nope')` does not compile.
 * Keys assembled from data the compiler cannot see (a status the server stores, a tab id from the URL) go through
 * `dynamicKey`: the data's side is checked by tests (tests/unit/i18n.test.ts for server keys, the strings tests for enums).
 */
import type { ParseKeys } from 'i18next';

/** Any key that exists in English (shell keys bare, other namespaces with their prefix). */
export type TKey = ParseKeys;

export const dynamicKey = (key: string): TKey => key as TKey;

/** A translate function for helpers that build keys from data. */
export type LooseT = (key: string, options?: Record<string, unknown>) => string;

// The compiler must reject a key English lacks: `tsc` fails if this line ever compiles without the error.
// @ts-expect-error 'scripts.missing.key' is not in renderer/locales/en/scripts.json
export const UNKNOWN_KEY_IS_A_TYPE_ERROR: TKey = 'scripts.missing.key';
