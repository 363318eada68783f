import { createI18n } from 'vue-i18n';
import zhCN from './zh-CN.js';
import en from './en.js';
import { setRequestLanguage } from '../api/http.js';

export const LANGUAGES = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
];
const STORAGE_KEY = 'dangjian.lang';

/** The language chosen before (kept in the browser), else Chinese. */
export function initialLanguage(storage = globalThis.localStorage) {
  const stored = storage?.getItem(STORAGE_KEY);
  return LANGUAGES.some((l) => l.code === stored) ? stored : 'zh-CN';
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLanguage(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

setRequestLanguage(i18n.global.locale.value);

/**
 * Switches the whole client (texts, Element Plus, the services' answers, <html lang>; App.vue keeps the page title)
 * and remembers the choice.
 */
export function useLanguage(code) {
  i18n.global.locale.value = code;
  setRequestLanguage(code);
  globalThis.localStorage?.setItem(STORAGE_KEY, code);
  document.documentElement.lang = code;
}
