import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../shared/domain/csv';
import { parseCsv } from '../../main/services/import/decode';

describe('CSV cells never start a formula', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+cmd|/C calc!A0', "'+1+cmd|/C calc!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('escapes %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves ordinary text, numbers and empties alone', () => {
    expect(csvCell('Anna Petrova')).toBe('Anna Petrova');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('Иванов, Пётр')).toBe('"Иванов, Пётр"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('a table reads back to the same values, with formulas shown as text', () => {
    const rows = [
      { rep: '=1+1', value: -3, note: 'line1\nline2' },
      { rep: '张伟', value: 0.5, note: '@mention' },
    ];
    const csv = toCsv(rows);
    expect(csv.split('\r\n')[0]).toBe('rep,value,note');
    const parsed = parseCsv(csv);
    expect(parsed.header).toEqual(['rep', 'value', 'note']);
    expect(parsed.rows).toEqual([
      ["'=1+1", '-3', 'line1\nline2'],
      ['张伟', '0.5', "'@mention"],
    ]);
  });
});
