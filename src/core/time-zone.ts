/**
 * Wall-clock time in an IANA time zone, through Intl — the one place the core asks it, so promise
 * windows, periods, spreadsheet dates and exported tables read a zone the same way (whether a name is
 * a zone at all is `isTimeZone` in org-rules.ts).
 */

/** A wall-clock reading: month 1–12, hour 0–23. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building a formatter costs far more than using one (and exports read one per cell): one per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time of an instant (UTC ms) in a time zone. */
export function wallTime(t: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  // `% 24`: some engines write midnight as 24 even with h23.
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Milliseconds the zone's wall clock is ahead of UTC at `t` (Moscow: +3 h); whole seconds. */
export function zoneOffsetMs(t: number, timeZone: string): number {
  const w = wallTime(t, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(t / 1000) * 1000;
}
