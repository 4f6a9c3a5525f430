import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, looksLikeZip, parseCsv } from '../../main/services/import/decode';

const csvRu = 'Менеджер;Сумма;Статус\nИванова Анна;125000;Успешно\nПетров Олег;99000;Провал\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvRu, 'utf8')]);
    expect(decodeText(bom)).toEqual({ text: csvRu, encoding: 'UTF-8 (BOM)' });
    expect(decodeText(Buffer.from(csvRu, 'utf8'))).toEqual({ text: csvRu, encoding: 'UTF-8' });
  });

  it('reads UTF-16 in both byte orders by their BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('价格 цена', 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: '价格 цена', encoding: 'UTF-16LE' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('价格 цена', 'utf16be')]);
    expect(decodeText(be)).toEqual({ text: '价格 цена', encoding: 'UTF-16BE' });
  });

  it('recognises a Windows-1251 export (Bitrix24, 1C) and decodes the Cyrillic', () => {
    const d = decodeText(iconv.encode(csvRu.repeat(20), 'windows-1251'));
    expect(d.encoding).toBe('Windows-1251');
    expect(d.text.startsWith('Менеджер;Сумма;Статус')).toBe(true);
    expect(d.text).not.toMatch(/\uFFFD/);
  });

  it('recognises a GBK export and decodes the Chinese', () => {
    const zh = '销售经理,金额,状态\n王芳,125000,成交\n李伟,99000,失败\n'.repeat(20);
    const d = decodeText(iconv.encode(zh, 'gbk'));
    expect(d.encoding).toBe('GBK');
    expect(d.text).toBe(zh);
  });
});

describe('looksLikeZip', () => {
  it('tells an xlsx/zip by its magic bytes, and not a short or text file', () => {
    expect(looksLikeZip(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe(true);
    expect(looksLikeZip(Buffer.from('PK'))).toBe(false);
    expect(looksLikeZip(Buffer.from('a,b,c\n1,2,3\n'))).toBe(false);
  });
});

describe('parseCsv', () => {
  it('detects the semicolon, trims the header and skips blank lines and mixed line endings', () => {
    const p = parseCsv(' Менеджер ;Сумма;Статус\r\nИванова Анна;125000;Успешно\n\n;;\r\nПетров Олег;99000;Провал\r\n');
    expect(p.delimiter).toBe(';');
    expect(p.header).toEqual(['Менеджер', 'Сумма', 'Статус']);
    expect(p.rows).toEqual([
      ['Иванова Анна', '125000', 'Успешно'],
      ['Петров Олег', '99000', 'Провал'],
    ]);
  });

  it('detects tabs and keeps quoted delimiters inside a cell', () => {
    const p = parseCsv('owner\tnote\n"Wang, Fang"\t"said ""yes"""\n');
    expect(p.delimiter).toBe('\t');
    expect(p.rows).toEqual([['Wang, Fang', 'said "yes"']]);
  });

  it('gives an empty header for a file with no rows', () => {
    expect(parseCsv('\n\n')).toMatchObject({ header: [], rows: [] });
  });
});
