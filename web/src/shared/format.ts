import { useTranslation } from 'react-i18next';
import { intlLocale } from './i18n';
import { useOrg } from './session/org-context';
import { type Instant, instantMs } from './time';

/** Formats an instant in a time zone, e.g. "28 нояб. 2026 г., 22:35". */
export function formatDateTime(at: Instant, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(instantMs(at));
}

export function formatDate(at: Instant, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone }).format(instantMs(at));
}

/** Date formatters bound to the interface language and the current organization's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const { org } = useOrg();
  return {
    dateTime: (at: Instant) => formatDateTime(at, i18n.language, org.timeZone),
    date: (at: Instant) => formatDate(at, i18n.language, org.timeZone),
  };
}
