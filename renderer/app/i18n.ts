/**
 * i18next with one resource tree per language, merged from the app's common
 * strings and each feature's own file. tests/unit/i18n.test.ts checks that
 * English, Russian and Chinese have exactly the same keys.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resourcesFor, type Lang } from './strings';

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

export function setLanguage(lang: Lang) {
  localStorage.setItem(LANG_KEY, lang);
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
