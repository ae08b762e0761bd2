import { useTranslation } from 'react-i18next';
import { intlLocale } from './i18n';
import { useOrg } from './session/org-context';

/** Formats epoch milliseconds in a time zone, e.g. "28 нояб. 2026 г., 22:35". */
export function formatDateTime(ms: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}

export function formatDate(ms: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone }).format(ms);
}

/** Date formatters bound to the interface language and the current organization's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const { org } = useOrg();
  return {
    dateTime: (ms: number) => formatDateTime(ms, i18n.language, org.timeZone),
    date: (ms: number) => formatDate(ms, i18n.language, org.timeZone),
  };
}
