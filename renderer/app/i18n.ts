/**
 * i18next with one resource tree per language, merged from the app's common
 * strings and each feature's own file. tests/unit/i18n.test.ts checks that
 * English, Russian and Chinese have exactly the same keys.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resourcesFor, type Lang } from './strings';
import { loadCjkGlyphs, watchCjk } from './cjkFonts';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ru', label: 'Русский' },
  { code: 'zh', label: '中文' },
] as const;
export type { Lang };
export { resourcesFor };

const LANG_KEY = 'workbench.lang';
export function initialLanguage(): Lang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(LANG_KEY) : null;
  if (saved === 'en' || saved === 'ru' || saved === 'zh') return saved;
  const nav = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
  return nav === 'ru' || nav === 'zh' ? nav : 'en';
}

/** Chinese: the interface's glyphs are fetched first (bounded wait), so nothing shows as boxes. */
export const prepareFonts = async (lang: Lang) => {
  watchCjk(lang === 'zh');
  if (lang === 'zh') await loadCjkGlyphs(JSON.stringify(resourcesFor('zh')));
};

export async function setLanguage(lang: Lang) {
  localStorage.setItem(LANG_KEY, lang);
  await prepareFonts(lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function initI18n() {
  const lng = initialLanguage();
  void i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: Object.fromEntries(LANGUAGES.map((l) => [l.code, { translation: resourcesFor(l.code) }])),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18n;
}

export default i18n;
