import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../src/core/format/figures';
import { useFormat } from './format';
import { intlLocale } from './i18n';
import { useOrg } from './session/org-context';

/** Today as `YYYY-MM-DD` in a time zone: the organization's calendar decides what is due. */
export function todayInZone(timeZone: string, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A calendar date `days` later (negative: earlier); dates are plain calendar days, no time zone. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** A calendar date `months` later, clamped by the calendar (31 Jan + 1 month → 3 Mar, as Date does). */
export function addMonths(date: string, months: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCMonth(at.getUTCMonth() + months);
  return at.toISOString().slice(0, 10);
}

/** Calendar dates, money in the organization's currency and instants, in the interface language. */
export function useGovernanceFormat() {
  const { i18n } = useTranslation();
  const { org } = useOrg();
  const base = useFormat();
  const locale = intlLocale(i18n.language);
  return {
    ...base,
    /** A calendar date `YYYY-MM-DD` as written, with no time zone shift. */
    day: (date: string | null | undefined) =>
      date ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)) : '—',
    /** Integer minor units in the organization's currency: 15000000 → "150 000,00 ₽". */
    /** Integer minor units in the organization's currency (src/core/format): whole amounts without ",00". */
    money: (minor: number) => formatMoney(minor, org.currency, locale, true),
    today: () => todayInZone(org.timeZone),
  };
}
