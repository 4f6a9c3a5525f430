import type { Migration } from './types';
import { normalizeCurrency } from '../../../shared/domain/currency';

/**
 * Currencies: monthly exchange rates to the workspace's reporting currency (kept in meta
 * `crm_reporting_currency`), and every stored deal's currency rewritten as its ISO 4217 code
 * (人民币 -> CNY, руб. -> RUB, $ -> USD); a value that is no known currency is left as it was.
 */
export const m012: Migration = {
  version: 12,
  name: 'insights: ISO 4217 deal currencies, monthly exchange rates to the reporting currency',
  up(db) {
    db.exec(`
      CREATE TABLE crm_fx_rates (
        currency TEXT NOT NULL,
        quote TEXT NOT NULL,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        rate REAL NOT NULL CHECK (rate > 0),
        PRIMARY KEY (currency, quote, month)
      ) WITHOUT ROWID;
    `);
    const update = db.prepare('UPDATE crm_deals SET currency = ? WHERE currency = ?');
    for (const v of db.prepare("SELECT DISTINCT currency FROM crm_deals WHERE currency <> ''").pluck().all() as string[]) {
      const iso = normalizeCurrency(v);
      if (iso && iso !== v) update.run(iso, v);
    }
    // the Insights deal columns hold currencies: read them again
    db.prepare("INSERT INTO meta(key, value) VALUES ('crm_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
      `m009-${Date.now()}`,
    );
  },
};
