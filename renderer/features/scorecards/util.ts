import i18n from 'i18next';
import type { Localized } from '../../../shared/domain/scoring';

/** A template text in the UI language, falling back to whichever language was written. */
export function loc(l: Localized | null | undefined): string {
  if (!l) return '';
  const lang = i18n.language as keyof Localized;
  return l[lang] || l.en || l.ru || l.zh || '';
}

export const scoreColor = (s: number | null | undefined) =>
  s === null || s === undefined ? 'gray' : s < 60 ? 'red' : s < 80 ? 'yellow' : 'green';
export const fmtScore = (s: number | null | undefined) => (s === null || s === undefined ? '—' : `${Math.round(s * 10) / 10}%`);

/** The built-in scorecard's name is stored in English ("Call quality"); shown in the UI language. Names people type stay as written. */
export function templateName(name: string): string {
  return name === 'Call quality' ? i18n.t('scorecards.templates.defaultName') : name;
}

/** "Call quality · v1" in the UI language: "Качество звонка · версия 1", "通话质量 · 第 1 版". */
export const versionLabel = (v: { name: string; version: number }) =>
  i18n.t('scorecards.templates.versionLabel', { name: templateName(v.name), version: v.version });
