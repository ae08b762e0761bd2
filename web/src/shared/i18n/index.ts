import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types';
import { browserLocale } from './browser-locale';
import { en } from './en';
import { ru } from './ru';

export const LOCALES: readonly Locale[] = ['ru', 'en'];
const STORAGE_KEY = 'clientocracy.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'ru' || value === 'en';
}

/** The language the person chose last in this browser, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the server keeps the choice anyway
  }
}

const CHOSEN_BEFORE_SIGN_IN = 'clientocracy.localeChosenBeforeSignIn';

/** Remembers (for this tab) that the person picked a language on the sign-in page. */
export function markLocaleChosenBeforeSignIn(locale: Locale): void {
  try {
    sessionStorage.setItem(CHOSEN_BEFORE_SIGN_IN, locale);
  } catch {
    // not essential
  }
}

/** The language picked on the sign-in page, once: reading it forgets it. */
export function takeLocaleChosenBeforeSignIn(): Locale | null {
  try {
    const value = sessionStorage.getItem(CHOSEN_BEFORE_SIGN_IN);
    sessionStorage.removeItem(CHOSEN_BEFORE_SIGN_IN);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** Before sign-in: the stored choice, else the browser's language (ru → Russian, anything else → English). */
export function initialLocale(): Locale {
  const stored = storedLocale();
  if (stored) return stored;
  return browserLocale(typeof navigator === 'undefined' ? '' : (navigator.language ?? ''));
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: initialLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the interface language and the document's `lang`. */
export function applyLocale(locale: Locale): void {
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/** The BCP 47 tag Intl should use for a locale. */
export function intlLocale(locale: string): string {
  return locale === 'ru' ? 'ru-RU' : 'en-GB';
}

/** Marks a string as a translation key used later through `t(key)`, so the key test can find it. */
export function tk<K extends string>(key: K): K {
  return key;
}
