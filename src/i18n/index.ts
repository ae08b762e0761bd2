import { en } from './en.js';
import { ru } from './ru.js';

/** The dictionaries shared by the web app (through i18next) and the server-rendered portal. */
export const RESOURCES = { en, ru } as const;
export type Locale = keyof typeof RESOURCES;
export const LOCALES: Locale[] = ['ru', 'en'];

type Tree = { [key: string]: string | Tree };

function lookUp(locale: Locale, key: string): string | undefined {
  let node: string | Tree | undefined = RESOURCES[locale] as unknown as Tree;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

const PLURAL_RULES = { en: new Intl.PluralRules('en'), ru: new Intl.PluralRules('ru') };
const COUNT_FORMAT = { en: new Intl.NumberFormat('en-GB'), ru: new Intl.NumberFormat('ru-RU') };

/** The plural category of a count in a language (CLDR): ru 1 one, 2 few, 5 many, 21 one, 1.5 other; en 1 one, else other. */
export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  return PLURAL_RULES[locale].select(count);
}

/**
 * Looks up a dotted key and fills `{{name}}` placeholders; an unknown key returns the key itself.
 * A numeric `count` picks the plural form as i18next does (`key_one`, `key_few`, `key_many`,
 * `key_other`, else `key`) and is shown in the language's number format.
 */
export function translate(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  const count = vars.count;
  const plural = typeof count === 'number' ? lookUp(locale, `${key}_${pluralCategory(locale, count)}`) : undefined;
  const text = plural ?? (typeof count === 'number' ? lookUp(locale, `${key}_other`) : undefined) ?? lookUp(locale, key) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) =>
    name === 'count' && typeof count === 'number' ? COUNT_FORMAT[locale].format(count) : String(vars[name] ?? ''),
  );
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
