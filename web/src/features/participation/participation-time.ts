import { type Instant, instantMs } from '../../shared/time';

/** The round's dates in the form's `datetime-local` inputs, read in the browser's time zone. */

/** An instant (ISO 8601 as the API writes it, or epoch ms) as the value of a `datetime-local` input, in the browser's time zone. */
export function toLocalInput(at: Instant): string {
  const ms = instantMs(at);
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** A `datetime-local` value as epoch ms, or null when empty or not a date. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}
