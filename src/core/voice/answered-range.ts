import { invalidField } from '../errors.js';
import { zonedMidnight } from '../promises/window.js';

/**
 * A feedback filter's `from`/`to` as UTC instants [from, to): a bare day (YYYY-MM-DD) is read on the
 * organization's calendar, `to` taking that whole day; any other value is an instant as given.
 * Either may be absent; `to` at or before `from` is refused naming `to` (`out_of_order`).
 */
export function boundsOf(filter: { from?: string; to?: string }, timeZone: string): { from?: number; to?: number } {
  const instant = (value: string, end: boolean) => {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!day) return Date.parse(value);
    return zonedMidnight(Number(day[1]), Number(day[2]), Number(day[3]) + (end ? 1 : 0), timeZone);
  };
  const from = filter.from ? instant(filter.from, false) : undefined;
  const to = filter.to ? instant(filter.to, true) : undefined;
  if (from !== undefined && to !== undefined && to <= from)
    throw invalidField('to', 'out_of_order', 'must come after from', { after: 'from' });
  return { from, to };
}
