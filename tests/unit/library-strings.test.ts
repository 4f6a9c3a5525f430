import { describe, expect, it } from 'vitest';
import { namespace } from './locales';

const libraryStrings = {
  en: { library: namespace('en', 'library') },
  ru: { library: namespace('ru', 'library') },
  zh: { library: namespace('zh', 'library') },
};

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t)
    .flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)))
    .sort();

describe('library strings', () => {
  it('English, Russian and Chinese have the same keys and no empty text', () => {
    const en = keys(libraryStrings.en);
    expect(keys(libraryStrings.ru)).toEqual(en);
    expect(keys(libraryStrings.zh)).toEqual(en);
    for (const lang of ['en', 'ru', 'zh'] as const) {
      const walk = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : walk(v)));
      expect(walk(libraryStrings[lang]).every((s) => s.trim().length > 0)).toBe(true);
    }
  });
});
