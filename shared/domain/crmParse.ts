/**
 * Parsing of CRM export values: dates in the formats real exports use, numbers
 * with either decimal convention, and owner-name keys that match any spelling
 * or word order. Pure functions shared by the import and its tests.
 */
import type { DateFormat, NumberFormat } from '../api/crm';

const pad = (n: number) => String(n).padStart(2, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function validDate(y: number, m: number, d: number) {
  if (y < 1970 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]);
}

/** Digits of s[i..j) as a number, or -1 when any is not a digit. */
function digits(s: string, i: number, j: number): number {
  let n = 0;
  for (; i < j; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The two shapes that make up almost every cell of a large export, read without
 * regular expressions: "DD.MM.YYYY HH:MM:SS" (dmy) and "YYYY-MM-DD[T ]HH:MM:SS" (any format).
 * Anything else (or an impossible date) returns null and takes the general path.
 */
function fastDate(s: string, format: DateFormat): string | null {
  if (s.length !== 19 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return null;
  let y: number, m: number, d: number;
  const c10 = s.charCodeAt(10);
  if (c10 !== 32 && c10 !== 84) return null; // ' ' or 'T'
  if (s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    y = digits(s, 0, 4);
    m = digits(s, 5, 7);
    d = digits(s, 8, 10);
  } else if (format === 'dmy' && c10 === 32 && s.charCodeAt(2) === 46 && s.charCodeAt(5) === 46) {
    d = digits(s, 0, 2);
    m = digits(s, 3, 5);
    y = digits(s, 6, 10);
  } else return null;
  const hh = digits(s, 11, 13);
  const mi = digits(s, 14, 16);
  const ss = digits(s, 17, 19);
  if (y < 0 || m < 0 || d < 0 || hh < 0 || mi < 0 || ss < 0 || hh > 23 || mi > 59 || ss > 59 || !validDate(y, m, d)) return null;
  return s.charCodeAt(4) === 45
    ? c10 === 84
      ? s
      : `${s.slice(0, 10)}T${s.slice(11)}`
    : `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}T${s.slice(11)}`;
}

/**
 * Parses a date (with optional time) into "YYYY-MM-DDTHH:MM:SS" (no zone: CRM
 * exports state local time). Returns an error text for impossible dates such as 31.02.
 */
/** A parse failure: English text, and its translation key (under `rowErrors.`) with values. */
export interface ParseError {
  error: string;
  key: string;
  params?: Record<string, string | number>;
}

export function parseCrmDate(raw: string, format: DateFormat): { value: string } | ParseError {
  const s = raw.trim();
  const fast = fastDate(s, format);
  if (fast !== null) return { value: fast };
  let y: number, m: number, d: number;
  let rest = '';
  let mt: RegExpExecArray | null;
  if ((mt = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](.*))?$/.exec(s))) {
    [y, m, d] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
    rest = mt[4] ?? '';
  } else if ((mt = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:,?\s+(.*))?$/.exec(s))) {
    const a = Number(mt[1]);
    const b = Number(mt[2]);
    y = Number(mt[3]);
    rest = mt[4] ?? '';
    // The mapping's format decides; a slash with format "iso" falls back to M/D, a dot to D.M.
    const dmy = format === 'dmy' || (format === 'iso' && !s.includes('/'));
    [d, m] = dmy ? [a, b] : [b, a];
  } else {
    const expected = format === 'dmy' ? 'DD.MM.YYYY' : format === 'mdy' ? 'M/D/YYYY' : 'YYYY-MM-DD';
    return { error: `not a date (expected ${expected})`, key: 'notDate', params: { expected } };
  }
  if (!validDate(y, m, d)) return { error: `the date ${s} does not exist`, key: 'dateNotExist', params: { value: s } };
  let hh = 0,
    mi = 0,
    ss = 0;
  if (rest) {
    const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(AM|PM|am|pm)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(rest.trim());
    if (!t) return { error: `the time "${rest}" is not readable`, key: 'timeUnreadable', params: { value: rest } };
    hh = Number(t[1]);
    mi = Number(t[2]);
    ss = Number(t[3] ?? 0);
    if (t[4]) hh = (hh % 12) + (/pm/i.test(t[4]) ? 12 : 0);
    if (hh > 23 || mi > 59 || ss > 59) return { error: `the time "${rest}" does not exist`, key: 'timeNotExist', params: { value: rest } };
  }
  return { value: `${y}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mi)}:${pad(ss)}` };
}

/** Thousands grouped in threes, then an optional decimal part: "1.234.567,89" (comma) / "1,234,567.89" (dot). */
const GROUPED = { comma: /^\d{1,3}(\.\d{3})+(,\d+)?$/, dot: /^\d{1,3}(,\d{3})+(\.\d+)?$/ };

/**
 * Parses "1 234,50", "1,234.50", "1234.5", "$1,234", "12 345 ₽" according to the decimal convention.
 * A value written in the other convention ("1234.56" under a comma format, "5,5" under a dot
 * format) is an error, never read as 123456 or 55: only separators that group digits in threes
 * are taken as thousands separators.
 */
export function parseCrmNumber(raw: string, format: NumberFormat): { value: number } | ParseError {
  // fast path for plain numbers (most cells of a large export)
  if (/^\d+$/.test(raw)) return { value: Number(raw) };
  if (format === 'dot' ? /^\d+\.\d+$/.test(raw) : /^\d+,\d+$/.test(raw))
    return { value: Number(format === 'dot' ? raw : raw.replace(',', '.')) };
  let s = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  s = s.replace(/^[$€£¥₽]|(?:[$€£¥₽]|руб\.?|RUB|USD|EUR|CNY|元)$/giu, '');
  if (!s) return { error: 'empty', key: 'empty' };
  const neg = s.startsWith('-');
  if (neg) s = s.slice(1);
  const [group, decimal, other] = format === 'comma' ? [GROUPED.comma, ',', '.'] : [GROUPED.dot, '.', ','];
  if (s.includes(other)) {
    if (!group.test(s)) {
      // "1234.56" with a comma format, "5,5" with a dot format: the other decimal style
      if (new RegExp(`^\\d+\\${other}\\d+$`).test(s) || (format === 'comma' ? GROUPED.dot : GROUPED.comma).test(s)) {
        const expected = format === 'comma' ? '1 234,56' : '1,234.56';
        return {
          error: `"${raw.trim()}" uses the other decimal separator (this file's numbers look like ${expected})`,
          key: 'otherDecimal',
          params: { value: raw.trim(), expected },
        };
      }
      return { error: `"${raw.trim()}" is not a number`, key: 'notNumber', params: { value: raw.trim() } };
    }
    s = s.split(other).join('');
  }
  if (decimal === ',') s = s.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return { error: `"${raw.trim()}" is not a number`, key: 'notNumber', params: { value: raw.trim() } };
  return { value: neg ? -Number(s) : Number(s) };
}

/** Which date format a column's sample values are in (null = no dates seen). */
export function detectDateFormat(values: string[]): DateFormat | null {
  return dateEvidence(values).format;
}

/**
 * What the date samples say: the format, and whether it is only a guess because slash dates
 * never have a part above 12 (3/4/2025 is 3 April or 4 March: the user has to say which).
 */
export function dateEvidence(values: string[]): { format: DateFormat | null; ambiguous: boolean } {
  let iso = 0,
    dot = 0,
    slash = 0,
    firstOver12 = 0,
    secondOver12 = 0;
  for (const v of values) {
    const s = v.trim();
    if (/^\d{4}-\d{1,2}-\d{1,2}/.test(s)) iso++;
    const m = /^(\d{1,2})([./-])(\d{1,2})[./-]\d{4}/.exec(s);
    if (m) {
      if (m[2] === '/') slash++;
      else dot++;
      if (Number(m[1]) > 12) firstOver12++;
      if (Number(m[3]) > 12) secondOver12++;
    }
  }
  if (!iso && !dot && !slash) return { format: null, ambiguous: false };
  if (iso >= dot + slash) return { format: 'iso', ambiguous: false };
  if (firstOver12 && !secondOver12) return { format: 'dmy', ambiguous: false };
  if (secondOver12 && !firstOver12) return { format: 'mdy', ambiguous: false };
  if (dot >= slash) return { format: 'dmy', ambiguous: false };
  return { format: 'mdy', ambiguous: !firstOver12 && !secondOver12 };
}

/** Which decimal convention a numeric column uses; null when no value tells (whole numbers only). */
export function detectNumberFormat(values: string[]): NumberFormat | null {
  let comma = 0,
    dot = 0;
  for (const v of values) {
    const s = v.trim();
    if (/,\d{1,2}$/.test(s) || /^\d{1,3}([ .\u00a0]\d{3})+(,\d+)?$/.test(s)) comma++;
    else if (/\.\d{1,2}$/.test(s) || /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) dot++;
  }
  if (!comma && !dot) return null;
  return comma > dot ? 'comma' : 'dot';
}

/** Share of non-empty values that look like dates (any of the three formats), 0 when there are none. */
export function dateShare(values: string[]): number {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (!filled.length) return 0;
  return filled.filter((s) => /^\d{4}-\d{1,2}-\d{1,2}/.test(s) || /^\d{1,2}[./-]\d{1,2}[./-]\d{4}/.test(s)).length / filled.length;
}

/** Case-, accent- and word-order-insensitive key of a person's name ("Petrova Anna" = "anna  PETROVA"; ё = е). */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .sort()
    .join(' ');
}

/** Key of a raw value (stage, channel, type): trimmed and case-folded. */
export const valueKey = (v: string) => v.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
