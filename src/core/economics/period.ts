import { zonedMidnight, zoneOffsetMs } from '../promises/window.js';

/** A period is a calendar month `YYYY-MM` in the organization's time zone. */
export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Year and month (1–12) of a `YYYY-MM` period, or null when malformed or outside 2000–2199. */
export function parsePeriod(period: string): { year: number; month: number } | null {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  return year >= 2000 && year < 2200 ? { year, month: Number(m[2]) } : null;
}

const format = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The period's UTC instants [from, to): local midnight of its first day to that of the next month's. */
export function periodRange(period: string, timeZone: string): { from: number; to: number } {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`not a period: ${period}`);
  return { from: zonedMidnight(p.year, p.month, 1, timeZone), to: zonedMidnight(p.year, p.month + 1, 1, timeZone) };
}

/** The period holding instant `t` on the zone's calendar. */
export function periodOf(t: number, timeZone: string): string {
  const local = new Date(t + zoneOffsetMs(t, timeZone));
  return format(local.getUTCFullYear(), local.getUTCMonth() + 1);
}

/** The period `offset` months after (negative: before) `period`. */
export function shiftPeriod(period: string, offset: number): string {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`not a period: ${period}`);
  const index = p.year * 12 + (p.month - 1) + offset;
  return format(Math.floor(index / 12), (index % 12) + 1);
}

/** The `count` periods ending with `period`, oldest first. */
export function periodsEnding(period: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(period, i - count + 1));
}
