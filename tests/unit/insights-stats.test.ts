import { describe, expect, it } from 'vitest';
import { closeRate, correlate, didMeans, didProportions, fisherCi, npsScore, strength } from '../../shared/domain/stats';
import { detectDateFormat, detectNumberFormat, nameKey, parseCrmDate, parseCrmNumber } from '../../shared/domain/crmParse';

describe('statistics against published worked examples', () => {
  it("Pearson r and the least-squares line: Anscombe's quartet, set I (r = 0.816, y = 3.00 + 0.500x)", () => {
    const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
    const s = correlate(x, y);
    expect(s.pearson).toBeCloseTo(0.8164, 3);
    expect(s.intercept).toBeCloseTo(3.0, 2);
    expect(s.slope).toBeCloseTo(0.5, 3);
    expect(s.n).toBe(11);
  });

  it('Spearman rho: IQ vs hours of TV (Wikipedia example, rho = -29/165)', () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(correlate(iq, tv).spearman).toBeCloseTo(-29 / 165, 6);
  });

  it('Fisher-z 95% CI: r = .50, n = 50 -> [.257, .683]; r = .30, n = 30 -> [-.068, .596]', () => {
    const a = fisherCi(0.5, 50)!;
    expect(a[0]).toBeCloseTo(0.2575, 3);
    expect(a[1]).toBeCloseTo(0.6833, 3);
    const b = fisherCi(0.3, 30)!;
    expect(b[0]).toBeCloseTo(-0.0676, 3);
    expect(b[1]).toBeCloseTo(0.5959, 3);
    expect(fisherCi(0.5, 3)).toBeNull();
    expect(fisherCi(1, 30)).toBeNull();
  });

  it('difference-in-differences: Card & Krueger (1994) FTE employment, NJ vs PA = +2.75', () => {
    expect(didMeans(20.44, 21.03, 23.33, 21.17)).toBeCloseTo(2.75, 2);
  });

  it('DiD of close rates with a normal-approximation interval', () => {
    const r = didProportions(
      { successes: 30, trials: 100 },
      { successes: 45, trials: 100 },
      { successes: 300, trials: 1000 },
      { successes: 310, trials: 1000 },
    );
    expect(r.estimate).toBeCloseTo(0.15 - 0.01, 10);
    const se = Math.sqrt((0.3 * 0.7) / 100 + (0.45 * 0.55) / 100 + (0.3 * 0.7) / 1000 + (0.31 * 0.69) / 1000);
    expect(r.ci![0]).toBeCloseTo(0.14 - 1.96 * se, 3);
    expect(r.ci![1]).toBeCloseTo(0.14 + 1.96 * se, 3);
    expect(
      didProportions({ successes: 0, trials: 0 }, { successes: 1, trials: 2 }, { successes: 1, trials: 2 }, { successes: 1, trials: 2 })
        .estimate,
    ).toBeNull();
  });

  it('metric definitions: close rate, NPS, strength bands', () => {
    expect(closeRate(3, 1)).toBe(0.75);
    expect(closeRate(0, 0)).toBeNull();
    expect(npsScore([10, 9, 8, 7, 6, 0])).toBeCloseTo(0, 10);
    expect(npsScore([10, 10, 9, 3])).toBeCloseTo(50, 10);
    expect([strength(0.05), strength(-0.2), strength(0.4), strength(-0.8)]).toEqual(['none', 'weak', 'moderate', 'strong']);
    expect(correlate([1, 1, 1], [1, 2, 3]).pearson).toBeNull();
  });
});

describe('CRM value parsing', () => {
  it('dates in ISO, DD.MM.YYYY HH:MM:SS and M/D/YYYY; impossible dates refused', () => {
    expect(parseCrmDate('2025-03-15 17:00', 'iso')).toEqual({ value: '2025-03-15T17:00:00' });
    expect(parseCrmDate('15.03.2025 17:00:00', 'dmy')).toEqual({ value: '2025-03-15T17:00:00' });
    expect(parseCrmDate('3/15/2025', 'mdy')).toEqual({ value: '2025-03-15T00:00:00' });
    expect(parseCrmDate('1/2/2025', 'mdy')).toEqual({ value: '2025-01-02T00:00:00' });
    expect(parseCrmDate('1/2/2025 3:05 PM', 'mdy')).toEqual({ value: '2025-01-02T15:05:00' });
    expect(parseCrmDate('31.02.2025', 'dmy')).toEqual({
      error: 'the date 31.02.2025 does not exist',
      key: 'dateNotExist',
      params: { value: '31.02.2025' },
    });
    expect(parseCrmDate('29.02.2024', 'dmy')).toEqual({ value: '2024-02-29T00:00:00' });
    expect('error' in parseCrmDate('yesterday', 'iso')).toBe(true);
    expect('error' in parseCrmDate('2025-01-01 25:00', 'iso')).toBe(true);
  });

  it('full date-times (the fast path of large exports) match the general parser and refuse what does not exist', () => {
    expect(parseCrmDate('29.02.2024 23:59:59', 'dmy')).toEqual({ value: '2024-02-29T23:59:59' });
    expect(parseCrmDate('2024-02-29 08:05:09', 'iso')).toEqual({ value: '2024-02-29T08:05:09' });
    expect(parseCrmDate('2024-02-29T08:05:09', 'dmy')).toEqual({ value: '2024-02-29T08:05:09' });
    expect(parseCrmDate('29.02.2025 10:00:00', 'dmy')).toEqual({
      error: 'the date 29.02.2025 10:00:00 does not exist',
      key: 'dateNotExist',
      params: { value: '29.02.2025 10:00:00' },
    });
    expect(parseCrmDate('29.02.1900 10:00:00', 'dmy')).toEqual({
      error: 'the date 29.02.1900 10:00:00 does not exist',
      key: 'dateNotExist',
      params: { value: '29.02.1900 10:00:00' },
    });
    expect(parseCrmDate('31.04.2025 10:00:00', 'dmy')).toEqual({
      error: 'the date 31.04.2025 10:00:00 does not exist',
      key: 'dateNotExist',
      params: { value: '31.04.2025 10:00:00' },
    });
    expect('error' in parseCrmDate('15.03.2025 24:00:00', 'dmy')).toBe(true);
    expect('error' in parseCrmDate('15.03.2025 10:60:00', 'dmy')).toBe(true);
    expect('error' in parseCrmDate('1a.03.2025 10:00:00', 'dmy')).toBe(true);
    // a dotted date read as M.D when the mapping says so (not the D.M fast path)
    expect(parseCrmDate('03.15.2025 10:00:00', 'mdy')).toEqual({ value: '2025-03-15T10:00:00' });
    // every day of a leap and a common year, against Date's own calendar
    for (const y of [2024, 2025]) {
      for (let t = Date.UTC(y, 0, 1); t < Date.UTC(y + 1, 0, 1); t += 86_400_000) {
        const iso = new Date(t).toISOString().slice(0, 10);
        const dmy = `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} 12:34:56`;
        expect(parseCrmDate(dmy, 'dmy')).toEqual({ value: `${iso}T12:34:56` });
      }
    }
  });

  it('numbers in both conventions; letters refused', () => {
    expect(parseCrmNumber('1 234,50', 'comma')).toEqual({ value: 1234.5 });
    expect(parseCrmNumber('1\u00a0234,50', 'comma')).toEqual({ value: 1234.5 });
    expect(parseCrmNumber('1,234.50', 'dot')).toEqual({ value: 1234.5 });
    expect(parseCrmNumber('$1,234', 'dot')).toEqual({ value: 1234 });
    expect(parseCrmNumber('14678,53', 'comma')).toEqual({ value: 14678.53 });
    expect(parseCrmNumber('12k', 'dot')).toEqual({ error: '"12k" is not a number', key: 'notNumber', params: { value: '12k' } });
  });

  it('detects formats from samples', () => {
    expect(detectDateFormat(['02.01.2025 11:39:02', '15.03.2025 17:00:00'])).toBe('dmy');
    expect(detectDateFormat(['1/2/2025', '3/15/2025'])).toBe('mdy');
    expect(detectDateFormat(['2025-01-02 11:39'])).toBe('iso');
    expect(detectNumberFormat(['14678,53', '59227,05'])).toBe('comma');
    expect(detectNumberFormat(['1 234,50'])).toBe('comma');
    expect(detectNumberFormat(['1,234.50', '14678.53'])).toBe('dot');
  });

  it('owner name keys ignore case, word order, ё/е and punctuation', () => {
    expect(nameKey('Petrova Anna')).toBe(nameKey('anna  PETROVA'));
    expect(nameKey('Фёдоров Алексей')).toBe(nameKey('Алексей Федоров'));
    expect(nameKey('张敏')).toBe('张敏');
    expect(nameKey('Zhang Min')).not.toBe(nameKey('Zhang Wei'));
  });
});
