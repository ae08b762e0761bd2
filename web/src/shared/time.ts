/** An instant as the API writes it (ISO 8601 string) or as the browser computes it (epoch milliseconds). */
export type Instant = string | number;

/** Epoch milliseconds of an instant: an ISO 8601 string is parsed, a number is taken as it is. */
export const instantMs = (at: Instant): number => (typeof at === 'number' ? at : Date.parse(at));

/** Offset of a time zone from UTC at an instant, in milliseconds (Moscow: +3 h). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (instant - (instant % 1000));
}

/**
 * The instant a calendar day (`YYYY-MM-DD`) starts in a time zone, in UTC epoch milliseconds;
 * null for a malformed date. Correct across daylight-saving changes (offset taken at that instant).
 */
export function startOfDayInZone(date: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const naive = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const first = naive - zoneOffsetMs(naive, timeZone);
  return naive - zoneOffsetMs(first, timeZone);
}

/** The start of the day after `date` in the time zone: an exclusive upper bound for "up to and including". */
export function startOfNextDayInZone(date: string, timeZone: string): number | null {
  const start = startOfDayInZone(date, timeZone);
  if (start === null) return null;
  const next = new Date(start + 36 * 3600_000);
  const nextDate = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(next);
  return startOfDayInZone(nextDate, timeZone);
}
