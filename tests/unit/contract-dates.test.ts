import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { isoDate, isoDateTime, isoMonth, isRealDate } from '../../shared/api/contract';

describe('contract date schemas refuse days that do not exist', () => {
  it.each([
    '9999-99-99',
    '2025-13-45',
    '2025-02-30',
    '2025-04-31',
    '2023-02-29',
    '2025-00-10',
    '2025-01-00',
    '0000-01-01',
    '1899-12-31',
    '2201-01-01',
    '2025-1-05',
    '20250105',
    '',
  ])('isoDate refuses %j', (s) => expect(isoDate.safeParse(s).success).toBe(false));

  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '2025-12-31', '1900-01-01', '2200-12-31'])('isoDate accepts %j', (s) => {
    expect(isoDate.parse(s)).toBe(s);
  });

  it('gives a readable message for an impossible day', () => {
    const r = isoDate.safeParse('2025-02-30');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/real date/);
  });

  it('leap years follow the Gregorian rule', () => {
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2025, 2, 29)).toBe(false);
  });

  it('isoMonth and isoDateTime check the calendar and the clock', () => {
    expect(isoMonth.safeParse('2025-13').success).toBe(false);
    expect(isoMonth.safeParse('9999-99').success).toBe(false);
    expect(isoMonth.parse('2025-12')).toBe('2025-12');
    expect(isoDateTime.safeParse('2025-02-30T10:00').success).toBe(false);
    expect(isoDateTime.safeParse('2025-02-10T25:00').success).toBe(false);
    expect(isoDateTime.safeParse('2025-02-10T10:60').success).toBe(false);
    expect(isoDateTime.parse('2025-02-10T10:30:05.123Z')).toBe('2025-02-10T10:30:05.123Z');
    expect(isoDateTime.parse('2025-02-10')).toBe('2025-02-10');
  });

  it('methods taking a date refuse an impossible one and accept the same payload with a real one', () => {
    type Schema = { safeParse: (v: unknown) => { success: boolean } };
    const cases: [keyof typeof contract, (d: string, m: string) => Record<string, unknown>][] = [
      ['people.create', (d) => ({ name: 'A', email: 'a@b.co', roles: ['rep'], hiredAt: d })],
      ['library.analytics', (d) => ({ from: d, to: '2025-03-01' })],
      ['scorecards.queue', (_d, m) => ({ month: m })],
      ['training.competence.explain', (d) => ({ personId: 1, competencyId: 1, asOf: d })],
    ];
    for (const [name, make] of cases) {
      const schema = contract[name].input as unknown as Schema;
      expect(schema.safeParse(make('2025-02-28', '2025-02')).success, `${name} valid`).toBe(true);
      expect(schema.safeParse(make('2025-02-30', '2025-13')).success, `${name} invalid`).toBe(false);
    }
  });
});
