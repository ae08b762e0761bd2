import type { Locale } from '../../i18n/index.js';

/** Numbers, money, dates and durations for the server-rendered pages, in the page's language. */

export { formatNumber, formatPercent } from '../../core/format/figures.js';

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
