import { describe, expect, it } from 'vitest';
import { namespace } from './locales';
import { STAGES, CHANNELS, SEGMENTS, FUNNEL_STAGES } from '../../shared/api/scripts';

type Tree = { [k: string]: string | Tree };
type Scripts = { scripts: { stage: Tree; channel: Tree; segment: Tree; funnel: Tree } & Tree };
const scriptsStrings = Object.fromEntries((['en', 'ru', 'zh'] as const).map((l) => [l, { scripts: namespace(l, 'scripts') }])) as Record<
  'en' | 'ru' | 'zh',
  Scripts
>;
// plural forms differ by language (ru one/few/many/other, zh other): compare the keys without their suffix
const PLURAL = /_(zero|one|two|few|many|other)$/;
const keys = (t: Tree, prefix = ''): string[] => [
  ...new Set(
    Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k.replace(PLURAL, '')}`] : keys(v, `${prefix}${k}.`))),
  ),
];

describe('scripts strings', () => {
  it('English, Russian and Chinese have exactly the same keys, none empty', () => {
    const en = keys(scriptsStrings.en).sort();
    expect(keys(scriptsStrings.ru).sort()).toEqual(en);
    expect(keys(scriptsStrings.zh).sort()).toEqual(en);
    for (const lang of ['en', 'ru', 'zh'] as const) {
      const walk = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : walk(v)));
      expect(walk(scriptsStrings[lang]).every((s) => s.trim().length > 0)).toBe(true);
    }
  });
  it('covers every enum value shown in the UI', () => {
    for (const s of STAGES) expect(scriptsStrings.ru.scripts.stage[s]).toBeTruthy();
    for (const c of CHANNELS) expect(scriptsStrings.zh.scripts.channel[c]).toBeTruthy();
    for (const c of SEGMENTS) expect(scriptsStrings.en.scripts.segment[c]).toBeTruthy();
    for (const c of FUNNEL_STAGES) expect(scriptsStrings.ru.scripts.funnel[c]).toBeTruthy();
  });
});
