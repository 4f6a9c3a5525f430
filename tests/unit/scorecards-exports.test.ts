import { describe, expect, it } from 'vitest';
import { csvCell, csvTable, round } from '../../shared/domain/csv';
import { alphaBand, discussFirst, lowAlphaHighAgreement } from '../../shared/domain/calibrationVerdict';

describe('CSV export', () => {
  it('escapes cells a spreadsheet would run as formulas, quotes separators, keeps numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+7 999')).toBe("'+7 999");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('Иван "Ваня"')).toBe('"Иван ""Ваня"""');
    expect(csvCell(null)).toBe('');
    expect(
      csvTable([
        ['a', 1],
        ['=b', null],
      ]),
    ).toBe("\uFEFFa,1\r\n'=b,\r\n");
    expect(round(0.1234567890123, 2)).toBe(0.12);
  });
});

describe('calibration verdict', () => {
  it("uses Krippendorff's bands at .800 and .667", () => {
    expect([0.95, 0.8, 0.799, 0.667, 0.666, -0.2, null].map(alphaBand)).toEqual([
      'reliable',
      'reliable',
      'tentative',
      'tentative',
      'unreliable',
      'unreliable',
      'unknown',
    ]);
  });
  it('lists the lowest-α criteria first, leaving out reliable ones and those without α', () => {
    const c = (id: number, alpha: number | null) => ({ criterionId: id, label: `c${id}`, alpha: { alpha }, agreement: { percent: 90 } });
    expect(discussFirst([c(1, 0.9), c(2, 0.1), c(3, null), c(4, 0.7), c(5, -0.3), c(6, 0.5)]).map((x) => x.criterionId)).toEqual([5, 2, 6]);
  });
  it('explains α near 0 beside high within-one agreement', () => {
    expect(lowAlphaHighAgreement({ alpha: { alpha: 0 }, agreement: { percent: 100 } })).toBe(true);
    expect(lowAlphaHighAgreement({ alpha: { alpha: 0.5 }, agreement: { percent: 100 } })).toBe(false);
    expect(lowAlphaHighAgreement({ alpha: { alpha: 0 }, agreement: { percent: 50 } })).toBe(false);
  });
});
