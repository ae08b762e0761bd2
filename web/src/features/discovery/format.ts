import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../../src/core/format/figures';
import { intlLocale } from '../../shared/i18n';

/** Numbers, shares and calendar dates in the interface language (Intl). */
export function useDiscoveryFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return {
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
    /** A share 0–1 as a percentage, whole unless told otherwise, half up (src/core/format): 0.7 → "70 %" or "70%". */
    percent: (share: number, maxDigits = 0) => formatPercent(share, locale, maxDigits),
    /** A calendar date `YYYY-MM-DD` as written, with no time zone shift. */
    day: (date: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)),
  };
}

/** Today as `YYYY-MM-DD` in the browser's time zone: the default date of new evidence. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
