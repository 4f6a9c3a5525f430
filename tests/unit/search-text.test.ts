import { describe, expect, it } from 'vitest';
import { highlight, indexText, parseQuery, snippet } from '../../shared/search/text';
import Database from 'better-sqlite3';
import { createFtsTable, ftsWriter } from '../../main/db/fts';

function index(docs: string[]) {
  const db = new Database(':memory:');
  createFtsTable(db, 'fts', ['body']);
  const w = ftsWriter(db, 'fts', ['body']);
  docs.forEach((d, i) => w.put(i + 1, [d]));
  return (q: string) => {
    const { match } = parseQuery(q);
    if (!match) return [];
    return (db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank').all(match) as { rowid: number }[]).map((r) => r.rowid);
  };
}

describe('search text', () => {
  const docs = [
    'Клиент говорит: «Это слишком ДОРОГО для нас»',
    '我们的价格比竞争对手低，交货时间是两周',
    'Prices include delivery and a two-year warranty',
    'Дорогой клиент, спасибо за звонок',
    '交货期太长了',
  ];
  const search = index(docs);

  it('folds Cyrillic case and matches word forms by stem prefix', () => {
    expect(search('дорого').sort()).toEqual([1, 4]);
    expect(search('ДОРОГ')).toContain(1);
  });
  it('finds 2-character Chinese words inside longer runs', () => {
    expect(search('价格')).toEqual([2]);
    expect(search('交货').sort()).toEqual([2, 5]);
    expect(search('竞争对手')).toEqual([2]);
    expect(search('价')).toEqual([2]);
  });
  it('stems English and matches by prefix', () => {
    expect(search('price')).toEqual([3]);
    expect(search('deliveries')).toEqual([3]);
    expect(search('warr')).toEqual([3]);
  });
  it('requires all terms', () => {
    expect(search('prices warranty')).toEqual([3]);
    expect(search('prices дорого')).toEqual([]);
  });
  it('ignores FTS syntax in user input', () => {
    expect(() => search('"NEAR( AND * -')).not.toThrow();
    expect(parseQuery('  ,,, ').match).toBeNull();
  });
  it('indexes CJK runs as bigrams', () => {
    expect(indexText('价格表 ABC')).toBe('价格 格表 表 abc');
  });
  it('highlights hits in the original text', () => {
    const segs = highlight('Это слишком ДОРОГО', parseQuery('дорого').terms);
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['ДОРОГО']);
    const zh = highlight('我们的价格比', parseQuery('价格').terms);
    expect(zh.filter((s) => s.hit).map((s) => s.text)).toEqual(['价格']);
    const sn = snippet('x '.repeat(200) + 'warranty is two years', parseQuery('warranty').terms, 20);
    expect(sn.some((s) => s.hit && s.text === 'warranty')).toBe(true);
  });
});
