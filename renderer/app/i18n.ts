/**
 * i18next over the JSON translations in renderer/locales/<lang>/<namespace>.json. English is bundled (the fallback); another language's files are separate chunks,
 * fetched when that language is chosen, and the app renders only once they are in (no key ever flashes).
 * The namespace is the key's first segment: `t('scripts.editor.title')` reads `editor.title` of scripts.json;
 * a key whose first segment is no namespace (`actions.save`) is read from the shell namespace.
 * tests/unit/i18n.test.ts checks that every language has English's keys.
 */
import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { EN, LANGS, NAMESPACES, SHELL_NS } from '../locales';
import { loadCjkGlyphs, watchCjk } from './cjkFonts';

export type Lang = (typeof LANGS)[number];
export const LANGUAGES: readonly { code: Lang; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
  { code: 'zh', label: '中文' },
];
const isLang = (s: string | null): s is Lang => (LANGS as readonly string[]).includes(s ?? '');

const LANG_KEY = 'workbench.lang';
export function initialLanguage(): Lang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(LANG_KEY) : null;
  if (isLang(saved)) return saved;
  const nav = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
  return isLang(nav) ? nav : 'en';
}

// One lazy chunk per file (Vite splits each JSON imported this way); English is in EN already.
const files = import.meta.glob<ResourceKey>(['../locales/*/*.json', '!../locales/en/*.json'], { import: 'default' });
const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(lng, ns, done) {
    const load = files[`../locales/${lng}/${ns}.json`];
    if (!load) return done(lng === 'en' ? null : new Error(`no translation file ${lng}/${ns}.json`), lng === 'en' ? {} : false);
    load().then(
      (data) => done(null, data),
      (e: Error) => done(e, false),
    );
  },
};

/** Chinese: the interface's glyphs are fetched first (bounded wait), so nothing shows as boxes. */
export const prepareFonts = async (lang: Lang) => {
  watchCjk(lang === 'zh');
  if (lang === 'zh') await loadCjkGlyphs(JSON.stringify(i18n.getDataByLanguage('zh') ?? {}));
};

export async function setLanguage(lang: Lang) {
  localStorage.setItem(LANG_KEY, lang);
  await i18n.loadLanguages(lang); // the language's files first, then its glyphs, then switch: no key or box shows
  await prepareFonts(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

/** Resolves once the chosen language's namespaces are loaded (render the app after it). */
export async function initI18n(): Promise<typeof i18n> {
  const lng = initialLanguage();
  await i18n
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: 'en',
      supportedLngs: [...LANGS],
      ns: [...NAMESPACES],
      defaultNS: SHELL_NS,
      nsSeparator: '.',
      resources: { en: EN },
      partialBundledLanguages: true, // English is bundled; the backend still loads the others
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  document.documentElement.lang = lng;
  return i18n;
}

export default i18n;
