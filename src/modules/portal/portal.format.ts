import type { Locale } from '../../i18n/index.js';

/** Numbers, money, dates and durations for the server-rendered pages, in the page's language. */

/** How many minor units a currency's major unit has, as a power of ten: RUB 2, JPY 0. */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as money, e.g. 50000 RUB → "500 ₽" (kopecks shown only when there are any). */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const digits = minorDigits(currency);
  const major = minor / 10 ** digits;
  const isWhole = minor % 10 ** digits === 0;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: isWhole ? 0 : digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major} ${currency}`;
  }
}

/** Decimals a share needs to show in percent exactly, up to 3: 0.95 → 0, 0.999 → 1. */
export function percentDecimals(share: number): number {
  for (let d = 0; d < 3; d++) if (Math.abs(Math.round(share * 100 * 10 ** d) - share * 100 * 10 ** d) < 1e-6) return d;
  return 3;
}

/**
 * A share in [0, 1] as a percentage with `decimals` places, rounded down when `floor` is set — so
 * an attainment just under the target never shows as equal to it.
 */
export function formatPercent(share: number, locale: Locale, decimals = percentDecimals(share), floor = false): string {
  const scale = 10 ** (decimals + 2);
  const value = floor ? Math.floor(share * scale + 1e-9) / scale : share;
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: decimals }).format(value);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A day in the organization's time zone: "29 нояб. 2026 г." / "Nov 29, 2026". */
export function formatDate(t: number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(t));
}

/** A count of days, hours or minutes in words: "30 дней", "6 hours". */
export function formatUnits(value: number, unit: 'day' | 'hour' | 'minute', locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** Milliseconds of an ISO-8601 duration of days, hours, minutes and seconds (`P3D`, `PT1H30M`); NaN otherwise. */
export function isoDurationMs(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) return Number.NaN;
  const [, d, h, min, s] = m.map((part) => Number(part ?? 0));
  return (((d as number) * 24 + (h as number)) * 60 + (min as number)) * 60_000 + (s as number) * 1000;
}

/** A duration rounded to its largest sensible unit: at least 2 days → days, 2 hours → hours, else minutes. */
export function roundDuration(ms: number): { value: number; unit: 'day' | 'hour' | 'minute' } {
  const day = 24 * 3600 * 1000;
  const hour = 3600 * 1000;
  if (ms >= 2 * day || ms % day === 0) return { value: Math.max(1, Math.round(ms / day)), unit: 'day' };
  if (ms >= 2 * hour || ms % hour === 0) return { value: Math.max(1, Math.round(ms / hour)), unit: 'hour' };
  return { value: Math.max(1, Math.round(ms / 60_000)), unit: 'minute' };
}
