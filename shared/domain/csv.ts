/**
 * CSV for exports people open in a spreadsheet. A cell that starts with = + - @
 * (or a tab / carriage return) would be run as a formula by Excel or LibreOffice
 * ("CSV injection"), so it is prefixed with an apostrophe; quotes, separators and
 * line breaks are quoted. Numbers are written as numbers (negative ones too).
 */
export type CsvValue = string | number | null | undefined;

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with a BOM (so Excel reads UTF-8 Cyrillic and Chinese) and CRLF line ends. */
export function toCsv(rows: CsvValue[][]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A number rounded for reading, not 15 decimals. */
export const round = (v: number | null | undefined, digits = 1): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/**
 * Rounding for exported statistics: rates and correlations (|v| ≤ 1) keep 4
 * decimals (42.31 %, r = 0.4231), larger values (scores, amounts) 2; integers
 * stay as they are.
 */
export function roundForCsv(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  return round(v, Math.abs(v) <= 1 ? 4 : 2)!;
}
