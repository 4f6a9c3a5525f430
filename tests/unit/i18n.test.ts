import { describe, expect, it } from 'vitest';
import { STRING_SOURCES } from '../../renderer/app/strings';

type Tree = { [k: string]: string | Tree };
function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}
function placeholders(t: Tree, key: string): string[] {
  const v = key.split('.').reduce<Tree | string | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), t);
  return typeof v === 'string' ? (v.match(/\{\{\w+\}\}/g) ?? []).sort() : [];
}

describe('translations', () => {
  STRING_SOURCES.forEach((src, i) => {
    const en = keys(src.en as Tree).sort();
    it(`source #${i} (${en[0]?.split('.')[0]}) has the same keys in en, ru and zh`, () => {
      expect(keys(src.ru as Tree).sort()).toEqual(en);
      expect(keys(src.zh as Tree).sort()).toEqual(en);
    });
    it(`source #${i} has no empty strings and the same {{placeholders}} in every language`, () => {
      for (const lang of ['en', 'ru', 'zh'] as const) {
        for (const k of en) {
          const v = k.split('.').reduce<Tree | string>((o, p) => (o as Tree)[p], src[lang] as Tree);
          expect(String(v).trim(), `${lang}.${k}`).not.toBe('');
          expect(placeholders(src[lang] as Tree, k), `${lang}.${k}`).toEqual(placeholders(src.en as Tree, k));
        }
      }
    });
  });
  it('Russian and Chinese are really translated (not copies of English)', () => {
    for (const src of STRING_SOURCES) {
      const en = keys(src.en as Tree);
      const get = (lang: 'en' | 'ru' | 'zh', k: string) => k.split('.').reduce<Tree | string>((o, p) => (o as Tree)[p], src[lang] as Tree);
      const same = (lang: 'ru' | 'zh') => en.filter((k) => get(lang, k) === get('en', k) && /[a-z]{4}/i.test(String(get('en', k))));
      // Product names and a few technical terms may stay in English.
      expect(same('ru').length / en.length).toBeLessThan(0.1);
      expect(same('zh').length / en.length).toBeLessThan(0.1);
    }
  });
});
