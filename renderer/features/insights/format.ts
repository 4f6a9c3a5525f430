/** Shared by the Insights page, its charts and the rep profile panel. */
import type { InsightsFilters } from '../../../shared/api/insights';
import { fmtNumber, fmtPercent } from '../../lib/format';

/** The page's filters before the user changes any: the 12 months up to the latest deal, everyone. */
export const DEFAULT_FILTERS: InsightsFilters = {
  teamId: null,
  from: null,
  to: null,
  channel: null,
  product: null,
  business: 'all',
  lag: false,
  windowDays: 90,
};

const missing = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || Number.isNaN(v);
export const pct = (v: number | null | undefined, d = 0) => (missing(v) ? '—' : fmtPercent(v, d));
export const num2 = (v: number | null | undefined) => (missing(v) ? '—' : fmtNumber(v, 2));

/** "USD — US Dollar" in the UI language (Intl's currency names), for currency pickers. */
export function currencyLabel(code: string, lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'currency' }).of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}
