/**
 * Writing CSV the app hands to people: quoting, plus a defence against formula
 * injection — a text cell that starts with = + - @ (or a tab / carriage return)
 * would run as a formula in Excel, LibreOffice or Sheets, so it gets a leading
 * apostrophe, which spreadsheets show as plain text. Numbers stay numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\n\r;\t]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One cell: numbers and booleans as they are, text neutralised and quoted when needed. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  let s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole table of records: a header row from `columns` (the first row's keys by default), CRLF line ends. */
export function toCsv(rows: Record<string, unknown>[], columns: string[] = rows.length ? Object.keys(rows[0]) : []): string {
  return [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n');
}

/** Rows of cells (a report with sections) to CSV text, with a BOM so Excel reads UTF-8 Cyrillic and Chinese. */
export function csvTable(rows: CsvValue[][], bom = true): string {
  return (bom ? '\uFEFF' : '') + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A number rounded for reading, not 15 decimals. */
export const round = (v: number | null | undefined, digits = 1): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Rounding for exported statistics: rates and correlations (|v| ≤ 1) keep 4
 * decimals (42.31 %, r = 0.4231), larger values (scores, amounts) 2; integers
 * stay as they are.
 */
export function roundForCsv(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  return round(v, Math.abs(v) <= 1 ? 4 : 2)!;
}
