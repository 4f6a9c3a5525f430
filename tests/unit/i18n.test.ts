import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages, namespace, namespacesOf, resourcesFor, type Tree } from './locales';

const PLURAL = /_(zero|one|two|few|many|other)$/;
function allKeys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : allKeys(v, `${prefix}${k}.`)));
}
/** Keys with i18next plural suffixes folded to their base (each language has its own plural forms). */
function keys(t: Tree): string[] {
  return [...new Set(allKeys(t).map((k) => k.replace(PLURAL, '')))];
}
const LOCALE = { en: 'en', ru: 'ru', zh: 'zh' } as const;
function placeholders(t: Tree, key: string): string[] {
  const v = key.split('.').reduce<Tree | string | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), t);
  return typeof v === 'string' ? (v.match(/\{\{\w+\}\}/g) ?? []).sort() : [];
}

/** A leaf's text; a subtree (a key that should have been a leaf) as JSON, so it never passes as a string. */
const asText = (v: Tree | string): string => (typeof v === 'string' ? v : JSON.stringify(v));

// One source per namespace: renderer/locales/<lang>/<namespace>.json.
const SOURCES = namespacesOf('en').map((ns) => ({ ns, en: namespace('en', ns), ru: namespace('ru', ns), zh: namespace('zh', ns) }));

describe('translations', () => {
  it('every language has a file for every namespace, and nothing else', () => {
    expect(languages()).toEqual(['en', 'ru', 'zh']);
    for (const lang of languages()) expect(namespacesOf(lang)).toEqual(namespacesOf('en'));
    expect(SOURCES.length).toBeGreaterThan(10);
  });
  SOURCES.forEach((src) => {
    const en = keys(src.en).sort();
    it(`${src.ns}.json has the same keys in en, ru and zh`, () => {
      expect(keys(src.ru).sort()).toEqual(en);
      expect(keys(src.zh).sort()).toEqual(en);
    });
    it(`${src.ns}.json has every plural form its language needs (ru one/few/many/other, zh other)`, () => {
      for (const lang of ['en', 'ru', 'zh'] as const) {
        const forms = new Map<string, string[]>();
        for (const k of allKeys(src[lang])) {
          const m = PLURAL.exec(k);
          if (m) forms.set(k.replace(PLURAL, ''), [...(forms.get(k.replace(PLURAL, '')) ?? []), m[1]]);
        }
        const need = new Intl.PluralRules(LOCALE[lang]).resolvedOptions().pluralCategories.slice().sort();
        for (const [base, f] of forms) expect(f.sort(), `${lang}.${base}`).toEqual(need);
      }
    });
    it(`${src.ns}.json has no empty strings and the same {{placeholders}} in every language`, () => {
      for (const lang of ['en', 'ru', 'zh'] as const) {
        for (const k of allKeys(src[lang])) {
          const v = k.split('.').reduce<Tree | string>((o, p) => (o as Tree)[p], src[lang]);
          expect(asText(v).trim(), `${lang}.${k}`).not.toBe('');
          // a plural form may leave out {{count}} ("one day"); other values must match English's
          const enKey = allKeys(src.en).find((e) => e.replace(PLURAL, '') === k.replace(PLURAL, ''))!;
          const strip = (xs: string[]) => (PLURAL.test(k) ? xs.filter((x) => x !== '{{count}}') : xs);
          expect(strip(placeholders(src[lang], k)), `${lang}.${k}`).toEqual(strip(placeholders(src.en, enKey)));
        }
      }
    });
  });
  it('Russian and Chinese are really translated (not copies of English)', () => {
    for (const src of SOURCES) {
      const en = allKeys(src.en).filter((k) => !PLURAL.test(k));
      const get = (lang: 'en' | 'ru' | 'zh', k: string) => k.split('.').reduce<Tree | string>((o, p) => (o as Tree)[p], src[lang]);
      const same = (lang: 'ru' | 'zh') => en.filter((k) => get(lang, k) === get('en', k) && /[a-z]{4}/i.test(asText(get('en', k))));
      // Product names and a few technical terms may stay in English.
      expect(same('ru').length / en.length).toBeLessThan(0.1);
      expect(same('zh').length / en.length).toBeLessThan(0.1);
    }
  });
});

describe('server messages the UI translates', () => {
  const root = path.join(__dirname, '..', '..');
  const sourceFiles = (dir: string): string[] =>
    fs
      .readdirSync(path.join(root, dir), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const files = [...sourceFiles('main'), 'shared/domain/crmParse.ts'];
  const lookup = (tree: Tree, key: string) =>
    key.split('.').reduce<Tree | string | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), tree);
  // every `key: '…'` a service sends, with the values it sends beside it
  // (only where it belongs to an error: an AppError or a row error's message just before it)
  const sent = files.flatMap((f) => {
    const text = fs.readFileSync(path.join(root, f), 'utf8');
    return [...text.matchAll(/key: '([\w.]+)'(?:,\s*params: \{ ([^}]*) \})?/g)]
      .filter((m) => /AppError\(|message[:,]/.test(text.slice(Math.max(0, m.index - 400), m.index)))
      .map((m) => ({
        file: f,
        key: m[1],
        params: (m[2] ?? '')
          .replace(/'[^']*'/g, "''")
          .split(',')
          .map((p) => p.trim().split(':')[0].trim())
          .filter(Boolean)
          .sort(),
      }));
  });

  it('finds the keys the services send', () => {
    expect(sent.length).toBeGreaterThan(35);
  });

  it.each(['en', 'ru', 'zh'] as const)('every key has a %s text under errors or rowErrors, with the same {{values}}', (lang) => {
    const tree = resourcesFor(lang);
    for (const s of sent) {
      // a counted message may be plural forms only (key_one, key_other…): every form must take the same values
      const forms = ['', '_zero', '_one', '_two', '_few', '_many', '_other']
        .map((suffix) => lookup(tree, `errors.${s.key}${suffix}`) ?? lookup(tree, `rowErrors.${s.key}${suffix}`))
        .filter((v): v is string => typeof v === 'string');
      expect(forms.length, `${s.file}: ${s.key}`).toBeGreaterThan(0);
      for (const text of forms) {
        const used = new Set((text.match(/\{\{(\w+)\}\}/g) ?? []).map((p) => p.slice(2, -2)));
        // a plural form may leave out {{count}} ("one member"), never another value
        if (forms.length > 1 && !used.has('count')) used.add('count');
        expect([...used].sort(), `${s.file}: ${s.key}`).toEqual([...new Set(s.params)]);
      }
    }
  });
});

describe('counted server messages', () => {
  const root = path.join(__dirname, '..', '..');
  const sourceFiles = (dir: string): string[] =>
    fs
      .readdirSync(path.join(root, dir), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

  it('no error message in main/ or shared/ says "(s)" instead of a real plural', () => {
    const offenders = [...sourceFiles('main'), ...sourceFiles('shared')].flatMap((f) =>
      fs
        .readFileSync(path.join(root, f), 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
        // the string literals of a line that throws or sets a message
        .filter(
          ({ line }) =>
            /AppError\(|message:/.test(line) && (line.match(/'[^']*'|`[^`]*`|"[^"]*"/g) ?? []).some((lit) => /\p{L}\(s\)/u.test(lit)),
        ),
    );
    expect(offenders.map((o) => o.where)).toEqual([]);
    for (const lang of ['en', 'ru', 'zh'] as const) expect(JSON.stringify(resourcesFor(lang).errors)).not.toMatch(/\w\(s\)/);
  });

  it('no UI string says "(s)" either: counts use plural forms', () => {
    for (const lang of ['en', 'ru', 'zh'] as const) expect(JSON.stringify(resourcesFor(lang))).not.toMatch(/\w\(s\)/);
  });

  it.each([
    ['people.teamHasMembers', { team: 'North' }],
    ['scripts.objectionInUse', { objection: 'Too expensive' }],
  ] as const)('%s reads right for 1, 3, 5 and 21 in every language', async (key, params) => {
    const { createInstance } = await import('i18next');
    const expected: Record<'en' | 'ru' | 'zh', RegExp[]> = {
      en: [/\b1 (member|script)\b/, /\b3 (members|scripts)\b/, /\b5 (members|scripts)\b/, /\b21 (members|scripts)\b/],
      ru: [
        / 1 (сотрудник|скрипте)(?!\p{L})/u,
        / 3 (сотрудника|скриптах)(?!\p{L})/u,
        / 5 (сотрудников|скриптах)(?!\p{L})/u,
        / 21 (сотрудник|скрипте)(?!\p{L})/u,
      ],
      zh: [/1 (名成员|个话术)/, /3 (名成员|个话术)/, /5 (名成员|个话术)/, /21 (名成员|个话术)/],
    };
    for (const lang of ['en', 'ru', 'zh'] as const) {
      const i18n = createInstance();
      await i18n.init({ lng: lang, resources: { [lang]: { translation: resourcesFor(lang) } }, interpolation: { escapeValue: false } });
      [1, 3, 5, 21].forEach((count, i) => {
        const text = i18n.t(`errors.${key}`, { ...params, count });
        expect(text, `${lang} ${count}`).toMatch(expected[lang][i]);
        expect(text).not.toContain('errors.');
      });
    }
  });
});
