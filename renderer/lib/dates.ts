/**
 * Dates in the UI language: dayjs locales for @mantine/dates (calendars, month
 * names, first day of the week) and the display format of date inputs.
 * Values stay ISO (YYYY-MM-DD) everywhere else.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/ru';
import 'dayjs/locale/zh-cn';

dayjs.extend(customParseFormat);

export const DAYJS_LOCALE = { en: 'en-gb', ru: 'ru', zh: 'zh-cn' } as const;
/** en-GB style day first for English (the app formats dates as en-GB), 05.11.2026 for Russian, 2026-11-05 for Chinese. */
export const DATE_FORMAT = { en: 'D MMM YYYY', ru: 'DD.MM.YYYY', zh: 'YYYY-MM-DD' } as const;
export const FIRST_DAY = { en: 1, ru: 1, zh: 1 } as const;

type Lang = keyof typeof DATE_FORMAT;

/** Reads what a person typed: ISO, the language's own format, or common day-first forms. */
export function parseTyped(lang: Lang, text: string): string | null {
  const s = text.trim();
  if (!s) return null;
  for (const f of ['YYYY-MM-DD', DATE_FORMAT[lang], 'DD.MM.YYYY', 'D.M.YYYY', 'DD/MM/YYYY', 'D MMM YYYY', 'YYYY/M/D', 'YYYY年M月D日']) {
    const d = dayjs(s, f, DAYJS_LOCALE[lang], true);
    if (d.isValid()) return d.format('YYYY-MM-DD');
  }
  return null;
}
