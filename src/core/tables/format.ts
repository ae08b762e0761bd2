import { wallTime } from '../time-zone.js';
import { type Cell, currencyDigits, type TableLocale } from './table.js';

/** The decimal separator of CSV numbers: a comma in Russian, a point in English. */
export function decimalSeparator(locale: TableLocale): string {
  return locale === 'ru' ? ',' : '.';
}

/** The CSV field separator: `;` in Russian (the comma is the decimal mark there), `,` in English. */
export function fieldSeparator(locale: TableLocale): string {
  return locale === 'ru' ? ';' : ',';
}

/**
 * Minor units as a decimal in major units, by integer arithmetic (no float drift):
 * `formatMinor(10000001, 2, ',')` = `100000,01`; `formatMinor(-5, 2, '.')` = `-0.05`.
 */
export function formatMinor(minor: number, digits: number, separator: string): string {
  const value = BigInt(Math.trunc(minor));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const unit = 10n ** BigInt(digits);
  const whole = (abs / unit).toString();
  const fraction = digits > 0 ? `${separator}${(abs % unit).toString().padStart(digits, '0')}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Rounds `value` to `scale` digits, half away from zero, as an integer count of 10^-scale units.
 * Rounds through 12 significant digits first so 0.97775 (stored as 0.977749999…) rounds up.
 */
export function scaledInteger(value: number, scale: number): number {
  const scaled = Number((Math.abs(value) * 10 ** scale).toPrecision(12));
  const rounded = Math.round(scaled);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** A number with exactly `scale` decimals, half away from zero: `formatDecimal(2.345, 2, ',')` = `2,35`. */
export function formatDecimal(value: number, scale: number, separator: string): string {
  return formatMinor(scaledInteger(value, scale), scale, separator);
}

/** A fraction as a percentage with `scale` decimals: `formatPercentText(0.97777, 2, ',')` = `97,78%`. */
export function formatPercentText(fraction: number, scale: number, separator: string): string {
  return `${formatMinor(scaledInteger(fraction, scale + 2), scale, separator)}%`;
}

// Re-exported for the xlsx writer.
export { wallTime };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar day of an instant in a time zone, `yyyy-mm-dd`. */
export function dayIn(epochMs: number, timeZone: string): string {
  const w = wallTime(epochMs, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** A `yyyy-mm-dd` day as the locale writes it: `07.12.2026` in Russian, `2026-12-07` in English. */
export function formatDay(day: string, locale: TableLocale): string {
  if (locale === 'en') return day;
  const [year, month, dayOfMonth] = day.split('-');
  return `${dayOfMonth}.${month}.${year}`;
}

/** An instant in the zone: `07.12.2026 15:15` in Russian, `2026-12-07 15:15` in English. */
export function formatInstant(epochMs: number, timeZone: string, locale: TableLocale): string {
  const w = wallTime(epochMs, timeZone);
  return `${formatDay(`${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, locale)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** One cell as CSV text (before quoting): numbers with the locale's decimal mark, no grouping. */
export function cellText(cell: Cell, locale: TableLocale, timeZone: string): string {
  if (cell === null) return '';
  const separator = decimalSeparator(locale);
  switch (cell.type) {
    case 'text':
      return cell.value;
    case 'integer':
      return String(Math.trunc(cell.value));
    case 'decimal':
      return formatDecimal(cell.value, cell.scale, separator);
    case 'percent':
      return formatPercentText(cell.value, cell.scale, separator);
    case 'money':
      return formatMinor(cell.minor, currencyDigits(cell.currency), separator);
    case 'date':
      return formatDay(cell.value, locale);
    case 'instant':
      return formatInstant(cell.value, timeZone, locale);
  }
}
