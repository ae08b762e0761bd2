/**
 * Calendar dates in an organization's time zone. Review dates are calendar days (`YYYY-MM-DD`)
 * because people agree on "review on 1 March", not on an instant; whether a day has come depends on
 * where the organization is.
 */

/** The calendar day of the instant `now` (epoch ms) in the IANA time zone, as `YYYY-MM-DD`. */
export function dayInZone(now: number, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}

/** True when the review day has come in the organization's time zone: due on the day itself, not after it. */
export function isDue(reviewDate: string, now: number, timeZone: string): boolean {
  return reviewDate <= dayInZone(now, timeZone);
}
