/**
 * The workspace's reporting currency and monthly exchange rates to it: entered one by one or
 * imported from a CSV (month, currency, rate). Insights converts each won deal's amount with the
 * rate of its close month; deals with no rate are counted and flagged, never added as they are.
 */
import { AppError } from '../../../shared/api/contract';
import type { CrmRowError, CurrencySettings, FxRate, RatesImport } from '../../../shared/api/crm';
import { parseCrmNumber } from '../../../shared/domain/crmParse';
import { isIsoCurrency, normalizeCurrency } from '../../../shared/domain/currency';
import type { DB } from '../../db/open';
import { parseCsv } from '../import/decode';

const REPORTING_KEY = 'crm_reporting_currency';

export function reportingCurrency(db: DB): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(REPORTING_KEY) as string | undefined) ?? null;
}

/** The currency Insights reports in: the chosen one, else the one most deals are in. */
export function effectiveReporting(db: DB): string | null {
  return (
    reportingCurrency(db) ??
    (db
      .prepare("SELECT currency FROM crm_live_deals WHERE currency <> '' GROUP BY currency ORDER BY COUNT(*) DESC LIMIT 1")
      .pluck()
      .get() as string | undefined) ??
    null
  );
}

/** Rates to `quote` as currency -> month (YYYY-MM) -> rate. */
export function ratesTo(db: DB, quote: string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of db.prepare('SELECT currency, month, rate FROM crm_fx_rates WHERE quote = ?').all(quote) as FxRate[]) {
    let m = out.get(r.currency);
    if (!m) out.set(r.currency, (m = new Map<string, number>()));
    m.set(r.month, r.rate);
  }
  return out;
}

export function currencySettings(db: DB): CurrencySettings {
  const reporting = reportingCurrency(db);
  const effective = effectiveReporting(db);
  const used = db.prepare('SELECT currency, COUNT(*) AS deals FROM crm_live_deals GROUP BY currency ORDER BY deals DESC').all() as {
    currency: string;
    deals: number;
  }[];
  const rates = effective
    ? (db
        .prepare('SELECT month, currency, rate FROM crm_fx_rates WHERE quote = ? ORDER BY month DESC, currency')
        .all(effective) as FxRate[])
    : [];
  // months with won deals in another currency and no rate (the months a user has to fill)
  const missing = effective
    ? (db
        .prepare(
          `SELECT d.currency, substr(d.closed_at, 1, 7) AS month, COUNT(*) AS deals FROM crm_live_deals d
           WHERE d.status = 'won' AND d.currency <> ? AND d.currency <> '' AND d.amount > 0 AND d.closed_at IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM crm_fx_rates r WHERE r.currency = d.currency AND r.quote = ? AND r.month = substr(d.closed_at, 1, 7))
           GROUP BY d.currency, month ORDER BY month DESC, d.currency LIMIT 240`,
        )
        .all(effective, effective) as { currency: string; month: string; deals: number }[])
    : [];
  return { reporting, effective, used, rates, missing };
}

export function setReportingCurrency(db: DB, currency: string): CurrencySettings {
  if (!isIsoCurrency(currency))
    throw new AppError('invalid_input', `${currency} is not an ISO 4217 currency code.`, 'currency', {
      key: 'currencyNotIso',
      params: { value: currency },
    });
  db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    REPORTING_KEY,
    currency,
  );
  return currencySettings(db);
}

function needReporting(db: DB): string {
  const q = effectiveReporting(db);
  if (!q) throw new AppError('conflict', 'Choose the reporting currency first.', 'currency', { key: 'reportingFirst' });
  return q;
}

export function setRate(db: DB, month: string, currency: string, rate: number | null): CurrencySettings {
  if (!isIsoCurrency(currency))
    throw new AppError('invalid_input', `${currency} is not an ISO 4217 currency code.`, 'currency', {
      key: 'currencyNotIso',
      params: { value: currency },
    });
  const quote = needReporting(db);
  if (currency === quote)
    throw new AppError('invalid_input', `${currency} is the reporting currency: its rate is always 1.`, 'currency', {
      key: 'rateOfReporting',
      params: { value: currency },
    });
  if (rate === null) db.prepare('DELETE FROM crm_fx_rates WHERE currency = ? AND quote = ? AND month = ?').run(currency, quote, month);
  else
    db.prepare(
      'INSERT INTO crm_fx_rates(currency, quote, month, rate) VALUES (?, ?, ?, ?) ON CONFLICT(currency, quote, month) DO UPDATE SET rate = excluded.rate',
    ).run(currency, quote, month, rate);
  return currencySettings(db);
}

const HEADERS = {
  month: ['month', 'месяц', '月份', 'date', 'дата', '日期'],
  currency: ['currency', 'валюта', '币种', '货币'],
  rate: ['rate', 'курс', '汇率'],
};

/**
 * Rates from CSV text: a header naming month, currency and rate (en/ru/zh), one rate per row.
 * Month is YYYY-MM (a full date's month is taken); the rate may use a decimal comma. Rows with
 * problems are reported with their row number; the good rows are saved in one transaction.
 */
export function importRates(db: DB, csv: string): RatesImport {
  const quote = needReporting(db);
  const parsed = parseCsv(csv.replace(/^\uFEFF/, ''));
  if (!parsed.header.length) throw new AppError('bad_file', 'The rates file is empty.', 'csv', { key: 'ratesEmpty' });
  const header = parsed.header.map((h) => h.toLowerCase());
  const col = (k: keyof typeof HEADERS) => header.findIndex((h) => HEADERS[k].includes(h));
  const [mi, ci, ri] = [col('month'), col('currency'), col('rate')];
  if (mi < 0 || ci < 0 || ri < 0)
    throw new AppError('invalid_input', 'The rates file needs the columns month, currency and rate.', 'csv', { key: 'ratesColumns' });
  const errors: CrmRowError[] = [];
  const good: FxRate[] = [];
  parsed.rows.forEach((r, k) => {
    const row = k + 2;
    const err = (column: string, value: string, message: string, key: string, params?: Record<string, string | number>) =>
      errors.push({ row, column, value, message, key, ...(params ? { params } : {}) });
    const monthRaw = (r[mi] ?? '').trim();
    const m = /^(\d{4})-(0[1-9]|1[0-2])(?:-\d{2})?$/.exec(monthRaw) ?? /^(?:\d{1,2}\.)?(0[1-9]|1[0-2])\.(\d{4})$/.exec(monthRaw);
    const month = m ? (m[1].length === 4 ? `${m[1]}-${m[2]}` : `${m[2]}-${m[1]}`) : null;
    if (!month) err(header[mi], monthRaw, 'not a month (use YYYY-MM)', 'notMonth');
    const curRaw = (r[ci] ?? '').trim();
    const currency = normalizeCurrency(curRaw);
    if (!currency)
      err(
        header[ci],
        curRaw,
        `"${curRaw}" is not a currency this app knows: use an ISO 4217 code such as USD, EUR, RUB or CNY`,
        'currencyUnknown',
        { value: curRaw },
      );
    else if (currency === quote)
      err(header[ci], curRaw, `${currency} is the reporting currency: its rate is always 1`, 'rateOfReporting', { value: currency });
    const rateRaw = (r[ri] ?? '').trim();
    const rate = parseCrmNumber(rateRaw, /^\d+,\d+$/.test(rateRaw) ? 'comma' : 'dot');
    if ('error' in rate || rate.value <= 0) err(header[ri], rateRaw, 'the rate must be a number above 0', 'ratePositive');
    if (month && currency && currency !== quote && !('error' in rate) && rate.value > 0) good.push({ month, currency, rate: rate.value });
  });
  const put = db.prepare(
    'INSERT INTO crm_fx_rates(currency, quote, month, rate) VALUES (?, ?, ?, ?) ON CONFLICT(currency, quote, month) DO UPDATE SET rate = excluded.rate',
  );
  db.transaction(() => {
    for (const g of good) put.run(g.currency, quote, g.month, g.rate);
  })();
  return { imported: good.length, errors: errors.slice(0, 200), settings: currencySettings(db) };
}
