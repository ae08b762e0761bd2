import type { Locale } from '../api/types';

/** The interface language for a browser's language tag: Russian for `ru…`, English for anything else. */
export function browserLocale(tag: string): Locale {
  return tag.slice(0, 2).toLowerCase() === 'ru' ? 'ru' : 'en';
}
