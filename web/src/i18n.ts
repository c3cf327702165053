import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { zhHans } from './locales/zh-Hans.ts';
import { zhHant } from './locales/zh-Hant.ts';

// Three languages, switchable at any time and remembered in this browser.
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-Hant', label: '繁體中文' },
  { code: 'zh-Hans', label: '简体中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];
export const STORAGE_KEY = 'assay.lang';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored && LANGUAGES.some((l) => l.code === stored)) return stored as Language;
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  if (/^zh-(TW|HK|MO|Hant)/i.test(nav)) return 'zh-Hant';
  if (/^zh/i.test(nav)) return 'zh-Hans';
  return 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-Hant': { translation: zhHant }, 'zh-Hans': { translation: zhHans } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

const applyLang = (lng: string): void => {
  document.documentElement.lang = lng;
};
applyLang(i18n.language);
i18n.on('languageChanged', (lng) => {
  applyLang(lng);
  localStorage.setItem(STORAGE_KEY, lng);
});

export default i18n;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
