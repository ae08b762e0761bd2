/**
 * Promises backed by real capacity: how much a promise asks of a capability each week (its demand),
 * and whether the promises that need one capability ask more of it than it can do (its capacity).
 * Pure: the caller counts the events and passes `now`.
 */
import { DAY_MS } from './window.js';

export const WEEK_MS = 7 * DAY_MS;
/** Demand is measured over the last four weeks of events. */
export const DEMAND_WEEKS = 4;
export const DEMAND_LOOKBACK_MS = DEMAND_WEEKS * WEEK_MS;

/** Where a demand figure comes from: the events, the forecast entered at drafting, or nowhere yet. */
export type DemandSource = 'measured' | 'forecast' | 'none';

export interface DemandInput {
  /** Events (not voided) that occurred in [now − 4 weeks, now). */
  eventsInLookback: number;
  /** When the promise's first event occurred (UTC ms); null when it has none. */
  firstEventAt: number | null;
  /** The demand per week forecast at drafting; null when none was entered. */
  forecastPerWeek: number | null;
  now: number;
}

export interface Demand {
  /** Events per week, to one decimal; null when neither events nor a forecast say anything. */
  perWeek: number | null;
  source: DemandSource;
  /** The events counted and the weeks they were spread over (0 for a forecast or none). */
  events: number;
  weeks: number;
}

const oneDecimal = (x: number): number => Math.round(x * 10) / 10;

/**
 * The demand of one promise per week. With four weeks of events or more: the events of the last four
 * weeks ÷ 4 (172 events → 43). With less: the forecast when one was entered; without one, the events
 * so far ÷ the weeks since the first event (at least one week, so a first busy day is not multiplied
 * by seven). No events and no forecast → `none`, null (not 0: nothing is known yet).
 */
export function computeDemand(input: DemandInput): Demand {
  const { eventsInLookback, firstEventAt, forecastPerWeek, now } = input;
  const hasFullHistory = firstEventAt !== null && firstEventAt <= now - DEMAND_LOOKBACK_MS;
  if (hasFullHistory) {
    return { perWeek: oneDecimal(eventsInLookback / DEMAND_WEEKS), source: 'measured', events: eventsInLookback, weeks: DEMAND_WEEKS };
  }
  if (forecastPerWeek !== null) return { perWeek: forecastPerWeek, source: 'forecast', events: 0, weeks: 0 };
  if (firstEventAt === null || eventsInLookback === 0) return { perWeek: null, source: 'none', events: 0, weeks: 0 };
  const weeks = Math.max(1, (now - firstEventAt) / WEEK_MS);
  return { perWeek: oneDecimal(eventsInLookback / weeks), source: 'measured', events: eventsInLookback, weeks: oneDecimal(weeks) };
}

export interface CapacityComparison {
  /** The demands of every promise that needs the capability, added up (null when none is known). */
  demandPerWeek: number | null;
  /** Demand ÷ capacity in percent, to one decimal (43 of 40 → 107.5); null without a demand. */
  utilisation: number | null;
  /** How far demand exceeds capacity (43 of 40 → 3); 0 when it does not. */
  overBy: number;
  isOver: boolean;
}

/**
 * Compares the demands of the promises sharing one capability with its weekly capacity: they add up,
 * because the same people or machines serve them all. Unknown demands (null) count for nothing;
 * when all are unknown nothing is compared. A capacity must be at least 1 per week.
 */
export function compareCapacity(capacityPerWeek: number, demands: readonly (number | null)[]): CapacityComparison {
  const known = demands.filter((d): d is number => d !== null);
  if (known.length === 0) return { demandPerWeek: null, utilisation: null, overBy: 0, isOver: false };
  const total = oneDecimal(known.reduce((sum, d) => sum + d, 0));
  const isOver = total > capacityPerWeek;
  return {
    demandPerWeek: total,
    utilisation: oneDecimal((total / capacityPerWeek) * 100),
    overBy: isOver ? oneDecimal(total - capacityPerWeek) : 0,
    isOver,
  };
}
