import i18n from 'i18next';
import type { Localized } from '../../../shared/domain/scoring';

/** A template text in the UI language, falling back to whichever language was written. */
export function loc(l: Localized | null | undefined): string {
  if (!l) return '';
  const lang = i18n.language as keyof Localized;
  return l[lang] || l.en || l.ru || l.zh || '';
}

export const scoreColor = (s: number | null | undefined) => (s === null || s === undefined ? 'gray' : s < 60 ? 'red' : s < 80 ? 'yellow' : 'green');
export const fmtScore = (s: number | null | undefined) => (s === null || s === undefined ? '—' : `${Math.round(s * 10) / 10}%`);
