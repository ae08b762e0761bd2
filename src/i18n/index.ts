import { en } from './en.js';
import { ru } from './ru.js';

/** The dictionaries shared by the web app (through i18next) and the server-rendered portal. */
export const RESOURCES = { en, ru } as const;
export type Locale = keyof typeof RESOURCES;
export const LOCALES: Locale[] = ['ru', 'en'];

type Tree = { [key: string]: string | Tree };

/** Looks up a dotted key and fills `{{name}}` placeholders; an unknown key returns the key itself. */
export function translate(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = RESOURCES[locale] as unknown as Tree;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars[name] ?? ''));
}

/** Picks a locale from an Accept-Language header, falling back to `fallback`. */
export function pickLocale(acceptLanguage: string | undefined, fallback: Locale): Locale {
  if (!acceptLanguage) return fallback;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'ru' || tag === 'en') return tag;
  }
  return fallback;
}
