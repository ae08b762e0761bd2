/**
 * A promise's window (M4): rolling N days, or the current calendar month or quarter in the
 * organization's time zone. Instants are UTC epoch milliseconds.
 */
import { zoneOffsetMs } from '../time-zone.js';

export type PromiseWindow = { kind: 'rolling'; days: number } | { kind: 'calendar'; period: 'month' | 'quarter' };

export interface WindowSpan {
  /** First instant of the window. */
  from: number;
  /** The evaluation instant: the window ends here. */
  to: number;
  /** W: the window's length — for a calendar window the whole current period's, not just the part elapsed. */
  lengthMs: number;
}

export const DAY_MS = 24 * 3600 * 1000;

// Re-exported: periods and feedback read the offset from here.
export { zoneOffsetMs };

/** The UTC instant of local midnight starting the given calendar day in the zone (month is 1–12, may overflow). */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  // The offset at the answer is what counts; two passes settle it even across a DST change.
  let t = wall - zoneOffsetMs(wall, timeZone);
  t = wall - zoneOffsetMs(t, timeZone);
  return t;
}

/** Year and month (1–12) of the instant on the zone's calendar. */
function localYearMonth(t: number, timeZone: string): { year: number; month: number } {
  const local = new Date(t + zoneOffsetMs(t, timeZone));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/**
 * The window in force at `at`: a rolling window is the `days` before `at`; a calendar window runs
 * from the start of the current month or quarter in the organization's zone to `at`.
 */
export function windowAt(window: PromiseWindow, at: number, timeZone: string): WindowSpan {
  if (window.kind === 'rolling') return { from: at - window.days * DAY_MS, to: at, lengthMs: window.days * DAY_MS };
  const { year, month } = localYearMonth(at, timeZone);
  const months = window.period === 'month' ? 1 : 3;
  const firstMonth = window.period === 'month' ? month : month - ((month - 1) % 3);
  const start = zonedMidnight(year, firstMonth, 1, timeZone);
  const end = zonedMidnight(year, firstMonth + months, 1, timeZone);
  return { from: start, to: at, lengthMs: end - start };
}

/** A duration as ISO 8601 (`PT1H`, `PT5M`, `P1D`, `PT1H2M`), whole seconds. */
export function isoDuration(ms: number): string {
  let seconds = Math.round(ms / 1000);
  if (seconds > 0 && seconds % 86_400 === 0) return `P${seconds / 86_400}D`;
  const days = Math.floor(seconds / 86_400);
  seconds -= days * 86_400;
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : days ? '' : 'T0S'}`;
}
