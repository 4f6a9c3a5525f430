/**
 * Reading real CRM exports right (hardening items 10-14): detected formats win over a saved
 * mapping, numbers in the other decimal style are row errors, currencies become ISO codes and
 * revenue is converted with monthly rates, ambiguous slash dates are asked about, and a "closed"
 * column of dates is the close date. Worked examples on the files in tests/fixtures/crm/realdata.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDb, type DB } from '../../main/db/open';
import { importRoster } from '../../main/services/roster';
import { dryRun, runImport, sniff } from '../../main/services/crm/importer';
import { currencySettings, importRates, setRate, setReportingCurrency } from '../../main/services/crm/currencies';
import { suggestFields } from '../../main/services/crm/presets';
import { insightsPage, type Filters } from '../../main/services/insights/page';
import { dateEvidence, detectNumberFormat, parseCrmNumber } from '../../shared/domain/crmParse';
import { normalizeCurrency } from '../../shared/domain/currency';
import type { CrmMapping } from '../../shared/api/crm';

const FIX = path.join(__dirname, '..', 'fixtures', 'crm');
let dir: string;
let db: DB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-real-'));
  db = openWorkspaceDb(path.join(dir, 'w.sqlite'), { create: true }).db;
  importRoster(db, fs.readFileSync(path.join(FIX, 'people.csv')), null);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const staged = (file: string) => {
  const p = path.join(dir, `${++n}-${path.basename(file)}`);
  fs.copyFileSync(path.join(FIX, 'realdata', file), p);
  return { id: String(n).padStart(32, '0'), path: p, name: path.basename(file), size: fs.statSync(p).size };
};
const amounts = () =>
  Object.fromEntries(
    (db.prepare('SELECT external_id, amount FROM crm_deals').all() as { external_id: string; amount: number }[]).map((r) => [
      r.external_id,
      r.amount,
    ]),
  );
const F = (f: Partial<Filters> = {}): Filters => ({
  teamId: null,
  from: '2025-01-01',
  to: '2025-12-31',
  channel: null,
  product: null,
  business: 'all',
  lag: false,
  windowDays: 90,
  ...f,
});

describe('10. a saved mapping never overrides the formats detected in a file', () => {
  it('after a comma-decimal file, a dot-decimal file of the same source imports 1234.50 as 1234.5, not 123450, and the dry run warns', async () => {
    const comma = staged('comma_decimals.csv');
    const s1 = await sniff(db, comma);
    expect([s1.source, s1.mapping.dateFormat, s1.mapping.numberFormat]).toEqual(['file', 'dmy', 'comma']);
    expect((await runImport(db, comma, s1.source, s1.mapping, null)).state).toBe('done');
    expect(amounts()).toMatchObject({ C1: 1234.5, C2: 2000, C3: 99.9 });

    const dot = staged('dot_decimals.csv');
    const s2 = await sniff(db, dot);
    expect(s2.savedMapping).toBe(true);
    expect(s2.formats).toMatchObject({
      detectedDate: 'iso',
      detectedNumber: 'dot',
      saved: { dateFormat: 'dmy', numberFormat: 'comma' },
      ambiguousDates: null,
    });
    expect([s2.mapping.dateFormat, s2.mapping.numberFormat]).toEqual(['iso', 'dot']);
    const dr = await dryRun(db, dot, s2.source, s2.mapping);
    expect(dr.errors).toEqual([]);
    expect(dr.formatWarnings).toEqual([
      { kind: 'dateFormat', detected: 'iso', used: 'iso', saved: 'dmy' },
      { kind: 'numberFormat', detected: 'dot', used: 'dot', saved: 'comma' },
    ]);
    await runImport(db, dot, s2.source, s2.mapping, null);
    expect(amounts()).toMatchObject({ D1: 1234.5, D2: 250.75, D3: 10 });
  });

  it('formats the user chose for this file are used; the dry run warns that they differ from the file, and nothing is multiplied', async () => {
    const dot = staged('dot_decimals.csv');
    const s = await sniff(db, dot);
    const chosen: CrmMapping = { ...s.mapping, numberFormat: 'comma' };
    const dr = await dryRun(db, dot, s.source, chosen);
    expect(dr.formatWarnings).toEqual([{ kind: 'numberFormat', detected: 'dot', used: 'comma', saved: null }]);
    // 1234.50 under a decimal comma is not 123450: every such row is refused
    expect(dr.counts).toMatchObject({ valid: 0, invalid: 3 });
    expect(dr.errors.map((e) => [e.row, e.column, e.value, e.key])).toEqual([
      [2, 'Amount', '1234.50', 'otherDecimal'],
      [3, 'Amount', '250.75', 'otherDecimal'],
      [4, 'Amount', '10.00', 'otherDecimal'],
    ]);
  });
});

describe('11. a number in the other decimal style is a row error, never silently changed', () => {
  it('parses both conventions with thousands grouped in threes, and refuses the other style', () => {
    expect(parseCrmNumber('1 234,56', 'comma')).toEqual({ value: 1234.56 });
    expect(parseCrmNumber('1.234.567,89', 'comma')).toEqual({ value: 1234567.89 });
    expect(parseCrmNumber('1.234', 'comma')).toEqual({ value: 1234 });
    expect(parseCrmNumber('1,234,567.89', 'dot')).toEqual({ value: 1234567.89 });
    expect(parseCrmNumber('1,234', 'dot')).toEqual({ value: 1234 });
    expect(parseCrmNumber('$1,234.50', 'dot')).toEqual({ value: 1234.5 });
    // was 123456 and 55
    expect(parseCrmNumber('1234.56', 'comma')).toMatchObject({ key: 'otherDecimal', params: { value: '1234.56', expected: '1 234,56' } });
    expect(parseCrmNumber('5,5', 'dot')).toMatchObject({ key: 'otherDecimal', params: { value: '5,5', expected: '1,234.56' } });
    expect(parseCrmNumber('1,234.50', 'comma')).toMatchObject({ key: 'otherDecimal' });
    expect(parseCrmNumber('1.234,50', 'dot')).toMatchObject({ key: 'otherDecimal' });
    expect(parseCrmNumber('12.34.5', 'comma')).toMatchObject({ key: 'notNumber' });
    expect(detectNumberFormat(['100', '2000'])).toBeNull(); // whole numbers say nothing
  });

  it('"1234.56" in a comma-decimal file and "5,5" in a dot-decimal file are row errors with row, column and value', async () => {
    for (const [file, row, value] of [
      ['comma_with_dot_value.csv', 4, '1234.56'],
      ['dot_with_comma_value.csv', 4, '5,5'],
    ] as const) {
      const f = staged(file);
      const s = await sniff(db, f);
      const dr = await dryRun(db, f, s.source, s.mapping);
      expect(dr.counts, file).toMatchObject({ rows: 3, valid: 2, invalid: 1 });
      expect(dr.errors, file).toEqual([expect.objectContaining({ row, column: 'Amount', value, key: 'otherDecimal' })]);
      await runImport(db, f, s.source, s.mapping, null);
    }
    const a = amounts();
    expect([a.F1, a.F2, a.F3, a.E1, a.E2, a.E3]).toEqual([1234.5, 99.9, undefined, 1234.5, 250.75, undefined]);
  });
});

describe('12. currencies: ISO codes, a reporting currency, monthly rates, no currency added as another', () => {
  it('normalises names, symbols and abbreviations to ISO 4217', () => {
    const cases: [string, string | null][] = [
      ['人民币', 'CNY'],
      ['RMB', 'CNY'],
      ['¥', 'CNY'],
      ['元', 'CNY'],
      ['cny', 'CNY'],
      ['руб.', 'RUB'],
      ['руб', 'RUB'],
      ['₽', 'RUB'],
      ['р.', 'RUB'],
      ['RUR', 'RUB'],
      ['$', 'USD'],
      ['US$', 'USD'],
      ['usd', 'USD'],
      ['€', 'EUR'],
      ['Euro', 'EUR'],
      ['евро', 'EUR'],
      ['£', 'GBP'],
      ['₸', 'KZT'],
      ['XYZ', null],
      ['', null],
      ['dollars please', null],
    ];
    for (const [raw, iso] of cases) expect(normalizeCurrency(raw), raw).toBe(iso);
  });

  it('a file of mixed currency spellings imports as ISO codes; an unknown currency is a row error', async () => {
    const f = staged('currencies.csv');
    const s = await sniff(db, f);
    const dr = await dryRun(db, f, s.source, s.mapping);
    expect(dr.currencies).toEqual([
      { currency: 'CNY', rows: 3 },
      { currency: 'EUR', rows: 2 },
      { currency: 'RUB', rows: 2 },
      { currency: 'USD', rows: 2 },
    ]);
    expect(dr.errors).toEqual([expect.objectContaining({ row: 10, column: 'Currency', value: 'XYZ', key: 'currencyUnknown' })]);
    await runImport(db, f, s.source, s.mapping, null);
    expect(db.prepare('SELECT DISTINCT currency FROM crm_deals ORDER BY 1').pluck().all()).toEqual(['CNY', 'EUR', 'RUB', 'USD']);
  });

  it('revenue is converted at the close month’s rate; deals without a rate are counted and flagged, never added', async () => {
    const f = staged('currencies.csv');
    const s = await sniff(db, f);
    await runImport(db, f, s.source, s.mapping, null);
    // before any rate: only the reporting currency's own deals count (most deals are CNY, so CNY is reported)
    expect(currencySettings(db)).toMatchObject({ reporting: null, effective: 'CNY' });
    setReportingCurrency(db, 'USD');
    let p = insightsPage(db, F());
    expect(p.currency).toBe('USD');
    expect(p.reps.reduce((a, r) => a + r.revenue, 0)).toBe(200); // M1 + M8, not 900 "USD"
    expect(p.unconverted.deals).toBe(7);
    // rates: EUR and CNY for March 2025 (RUB has none; EUR has none for April)
    const imp = importRates(db, fs.readFileSync(path.join(FIX, 'realdata', 'rates.csv'), 'utf8'));
    expect(imp.imported).toBe(2);
    expect(imp.errors.map((e) => [e.row, e.key])).toEqual([
      [4, 'notMonth'],
      [5, 'rateOfReporting'],
      [6, 'currencyUnknown'],
      [7, 'ratePositive'],
    ]);
    expect(imp.settings.rates).toEqual([
      { month: '2025-03', currency: 'CNY', rate: 0.14 },
      { month: '2025-03', currency: 'EUR', rate: 1.1 },
    ]);
    p = insightsPage(db, F());
    const anna = p.reps.find((r) => r.name === 'Anna Petrova')!;
    const ivan = p.reps.find((r) => r.name === 'Ivan Sokolov')!;
    // Anna: 100 USD + 100 EUR x 1.1 + 2 x 100 CNY x 0.14; her April EUR deal has no rate
    expect(anna.revenue).toBeCloseTo(100 + 110 + 28, 9);
    // Ivan: 100 CNY x 0.14 + 100 USD; his two RUB deals have no rate
    expect(ivan.revenue).toBeCloseTo(14 + 100, 9);
    expect(p.unconverted).toEqual({
      deals: 3,
      byCurrency: [
        { currency: 'RUB', deals: 2, months: ['2025-03'] },
        { currency: 'EUR', deals: 1, months: ['2025-04'] },
      ],
    });
    expect(currencySettings(db).missing).toEqual([
      { currency: 'EUR', month: '2025-04', deals: 1 },
      { currency: 'RUB', month: '2025-03', deals: 2 },
    ]);
    // entering the missing rates converts the rest; close counts never change
    setRate(db, '2025-03', 'RUB', 0.011);
    setRate(db, '2025-04', 'EUR', 1.2);
    p = insightsPage(db, F());
    expect(p.unconverted.deals).toBe(0);
    expect(p.reps.reduce((a, r) => a + r.revenue, 0)).toBeCloseTo(200 + 110 + 120 + 42 + 2.2, 9);
    expect(p.reps.reduce((a, r) => a + r.won, 0)).toBe(9);
    // a rate of the reporting currency itself is refused
    expect(() => setRate(db, '2025-03', 'USD', 2)).toThrow(/reporting currency/);
  });

  it('a file without a currency column needs the file’s currency before the dry run', async () => {
    const f = staged('currencies.csv');
    const s = await sniff(db, f);
    const noColumn: CrmMapping = { ...s.mapping, fields: { ...s.mapping.fields } };
    delete noColumn.fields.currency;
    await expect(dryRun(db, f, s.source, noColumn)).rejects.toMatchObject({
      field: 'mapping.fileCurrency',
      localized: { key: 'currencyRequired' },
    });
    const dr = await dryRun(db, f, s.source, { ...noColumn, fileCurrency: 'EUR' });
    expect(dr.currencies).toEqual([{ currency: 'EUR', rows: 10 }]);
    expect(s.mapping.fileCurrency).toBeNull(); // never pre-filled: the wizard asks
  });
});

describe('13. ambiguous slash dates are asked about, with two rows read both ways', () => {
  it('when every part is 12 or less, the sniff shows two sample rows as day/month and month/day', async () => {
    const s = await sniff(db, staged('ambiguous_dates.csv'));
    expect(s.formats.detectedDate).toBeNull();
    expect(s.formats.ambiguousDates).toEqual([
      { row: 2, column: 'Created', value: '03/04/2025', dmy: '2025-04-03', mdy: '2025-03-04' },
      { row: 3, column: 'Created', value: '01/02/2025', dmy: '2025-02-01', mdy: '2025-01-02' },
    ]);
    // the answer decides: day/month
    const f = staged('ambiguous_dates.csv');
    await runImport(db, f, s.source, { ...s.mapping, dateFormat: 'dmy' }, null);
    expect(db.prepare("SELECT created_at FROM crm_deals WHERE external_id = 'A1'").pluck().get()).toBe('2025-04-03T00:00:00');
  });
  it('a part above 12 settles it: no question', async () => {
    const s = await sniff(db, staged('slash_dates_mdy.csv'));
    expect(s.formats).toMatchObject({ detectedDate: 'mdy', ambiguousDates: null });
    expect(dateEvidence(['03/04/2025', '13/04/2025'])).toEqual({ format: 'dmy', ambiguous: false });
    expect(dateEvidence(['03.04.2025'])).toEqual({ format: 'dmy', ambiguous: false }); // dots are day.month
  });
});

describe('14. a "closed" column of dates is the close date, not the closed flag', () => {
  it('maps "Closed" holding dates to closedAt and imports the close dates', async () => {
    const f = staged('closed_dates.csv');
    const s = await sniff(db, f);
    expect(s.mapping.fields.closedAt).toBe('Closed');
    expect(s.mapping.fields.closed).toBeUndefined();
    const dr = await dryRun(db, f, s.source, s.mapping);
    expect(dr.counts).toMatchObject({ valid: 3, won: 1, lost: 1, open: 1 });
    await runImport(db, f, s.source, s.mapping, null);
    expect(db.prepare("SELECT closed_at FROM crm_deals WHERE external_id = 'K1'").pluck().get()).toBe('2025-03-20T00:00:00');
  });
  it('"closed on", "дата закрытия" and "关闭日期" with dates go to the close date; a yes/no "Closed" stays the flag', () => {
    const dates = () => ['2025-03-20', '2025-03-21', '21.03.2025'];
    for (const h of ['closed', 'Closed on', 'дата закрытия', '关闭日期']) {
      const fields = suggestFields(['ID', 'Owner', 'Stage', 'Created', h], 'generic', dates);
      expect(fields.closedAt, h).toBe(h);
      expect(fields.closed, h).toBeUndefined();
    }
    const flags = suggestFields(['ID', 'Owner', 'Stage', 'Created', 'Closed', 'Close Date'], 'generic', (c) =>
      c === 'Closed' ? ['true', 'false', 'true'] : dates(),
    );
    expect([flags.closed, flags.closedAt]).toEqual(['Closed', 'Close Date']);
  });
});
