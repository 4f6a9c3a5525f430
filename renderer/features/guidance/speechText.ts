/** Speech messages in the UI language: the server sends language codes (en, ru, zh), named here in the UI's language. */
import type { TFunction } from 'i18next';
import type { MessageParams } from '../../../shared/api/contract';
import { errorText } from '../../lib/errors';
import { ApiCallError } from '../../lib/api';
import { dynamicKey } from '../../app/keys';

const names = (t: TFunction, codes: string | number | undefined) =>
  String(codes ?? '')
    .split(',')
    .filter(Boolean)
    .map((c) => (['en', 'ru', 'zh'].includes(c) ? t(dynamicKey(`speech.lang.${c}`)) : c))
    .join(' + ');

export function namedParams(t: TFunction, params: MessageParams = {}): MessageParams {
  const out: MessageParams = { ...params };
  if (params.language !== undefined) out.language = names(t, params.language);
  if (params.model !== undefined) out.model = names(t, params.model);
  return out;
}

/** A speech problem or an API error (its key and values) as text in the UI language. */
export function speechText(t: TFunction, e: unknown): string {
  const err = e instanceof ApiCallError ? e.error : (e as { key?: string; params?: MessageParams; message?: string; code?: string } | null);
  if (err?.key?.startsWith('speech.'))
    return t(dynamicKey(`errors.${err.key}`), { ...namedParams(t, err.params), defaultValue: err.message });
  return errorText(t, e);
}
