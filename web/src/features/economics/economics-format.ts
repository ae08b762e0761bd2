import { periodOf, shiftPeriod } from '../../../../src/core/economics/period';
import { formatMoney as formatFigureMoney, formatPercent } from '../../../../src/core/format/figures';
import { toMajorUnits } from '../../../../src/core/money';
import { intlLocale } from '../../shared/i18n';
import type { PeriodListItem } from './economics.api';

/** Integer minor units with every minor digit, in the interface language: 123456 RUB → "1 234,56 ₽" (src/core/format). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return formatFigureMoney(minor, currency, intlLocale(locale));
}

/** A short amount for chart axes: 123456700 RUB → "1,2 млн ₽" / "RUB 1.2M"; whole units below a thousand. */
export function formatMoneyShort(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(toMajorUnits(minor, currency));
}

/** Hours with at most two decimals: 1280 → "1 280", 7.5 → "7,5". */
export function formatHours(hours: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(hours);
}

/** A share in [0, 1] as a percentage, half up to at most one decimal, as everywhere (src/core/format): 0.875 → "87,5 %". */
export function formatShare(ratio: number, locale: string): string {
  return formatPercent(ratio, intlLocale(locale));
}

/** A plain decimal in the interface language: 0.25 → "0,25". */
export function formatDecimal(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 6 }).format(value);
}

const monthStart = (period: string) => Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1);

/** A month `YYYY-MM` in words as it reads inside a sentence: "ноябрь 2026 г." / "November 2026". */
export function periodInSentence(period: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(monthStart(period));
}

/** A month `YYYY-MM` in words, capitalised, for a heading or a picker: "Ноябрь 2026 г." / "November 2026". */
export function periodLabel(period: string, locale: string): string {
  const text = periodInSentence(period, locale);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A month for a chart axis: "нояб. 26" / "Nov 26". */
export function periodShortLabel(period: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(monthStart(period));
}

/** The month now on the organization's calendar. */
export function currentPeriod(timeZone: string, now = Date.now()): string {
  return periodOf(now, timeZone);
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed month `YYYY-MM` in 2000–2199 (what the API accepts). */
export function isPeriod(value: string | null | undefined): value is string {
  const match = value ? PERIOD.exec(value) : null;
  return match !== null && Number(match[1]) >= 2000 && Number(match[1]) < 2200;
}

export interface MonthOption {
  period: string;
  /** Closed (frozen) months are marked in the picker; a month not in the list is open. */
  isClosed: boolean;
}

/**
 * The months a picker offers, newest first: the `count` months up to the current one, any month the
 * organization has figures for outside that range, and the chosen month itself.
 */
export function monthOptions(current: string, known: readonly PeriodListItem[], chosen: string, count = 24): MonthOption[] {
  const closed = new Map(known.map((item) => [item.period, item.closed]));
  const periods = new Set<string>(Array.from({ length: count }, (_, i) => shiftPeriod(current, -i)));
  for (const item of known) periods.add(item.period);
  if (isPeriod(chosen)) periods.add(chosen);
  return [...periods].sort((a, b) => (a < b ? 1 : -1)).map((period) => ({ period, isClosed: closed.get(period) === true }));
}

export { shiftPeriod };

/** Breaks a label into lines of about `width` characters at spaces, for chart axes: "Расходы без оплаты труда" → "Расходы без\nоплаты труда". */
export function wrapLabel(text: string, width = 12): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}
