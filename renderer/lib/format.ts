/** Locale-aware formatting with Intl, following the UI language. */
import i18n from 'i18next';

const locale = () => ({ en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' })[i18n.language as 'en' | 'ru' | 'zh'] ?? 'en-GB';

export const fmtDate = (iso: string | null | undefined) =>
  iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(iso)) : '—';
/** A date inside an uppercase chip (badge): numeric, so Russian never reads "5 НОЯБ. 2026 Г." (05.11.2026, 05/11/2026, 2026/11/5). */
export const fmtChipDate = (iso: string | null | undefined) =>
  iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'short' }).format(new Date(iso)) : '—';
export const fmtDateTime = (iso: string | null | undefined) =>
  iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';
export const fmtNumber = (n: number, digits = 0) =>
  new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
export const fmtPercent = (fraction: number, digits = 0) =>
  new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(fraction);
export const fmtBytes = (n: number) => {
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${fmtNumber(n, i ? 1 : 0)} ${units[i]}`;
};
/** Collator for sorting names in the UI language (Cyrillic and Chinese sort correctly). */
export const collator = () => new Intl.Collator(locale(), { sensitivity: 'base', numeric: true });
/** A person's name in the UI language when the roster has that spelling (`names` by locale), else their main name. */
export function personName(p: { name: string; names?: Record<string, string> } | null | undefined): string {
  if (!p) return '—';
  return p.names?.[i18n.language] || p.name;
}
/** A competency's or job role's name in the UI language, else its main (English) name: the same rule as people's. */
export const localName = (c: { name: string; names?: Record<string, string> } | null | undefined): string => (c ? personName(c) : '');
