import { describe, expect, it } from 'vitest';
import { compareCapacity, computeDemand, DEMAND_LOOKBACK_MS, WEEK_MS } from './capacity.js';
import { DAY_MS } from './window.js';

const now = Date.UTC(2026, 11, 7, 12);

describe('computeDemand', () => {
  it.each([
    // 172 events in the last 28 days of a promise measured for 60 days: 43 a week.
    ['four weeks of events: measured', { eventsInLookback: 172, firstEventAt: now - 60 * DAY_MS, forecastPerWeek: 10 }, 43, 'measured'],
    [
      'exactly four weeks of history counts as measured',
      { eventsInLookback: 170, firstEventAt: now - DEMAND_LOOKBACK_MS, forecastPerWeek: null },
      42.5,
      'measured',
    ],
    // Less than four weeks: the forecast entered at drafting wins over a short history.
    [
      'two weeks of events with a forecast: forecast',
      { eventsInLookback: 100, firstEventAt: now - 14 * DAY_MS, forecastPerWeek: 30 },
      30,
      'forecast',
    ],
    ['no events with a forecast: forecast', { eventsInLookback: 0, firstEventAt: null, forecastPerWeek: 25 }, 25, 'forecast'],
    // No forecast: events so far over the weeks since the first one.
    [
      'two weeks of events, no forecast: per week elapsed',
      { eventsInLookback: 100, firstEventAt: now - 14 * DAY_MS, forecastPerWeek: null },
      50,
      'measured',
    ],
    [
      'a first day of events counts as one week',
      { eventsInLookback: 12, firstEventAt: now - DAY_MS, forecastPerWeek: null },
      12,
      'measured',
    ],
    ['no events, no forecast: unknown, not zero', { eventsInLookback: 0, firstEventAt: null, forecastPerWeek: null }, null, 'none'],
  ] as const)('%s', (_name, input, perWeek, source) => {
    const demand = computeDemand({ ...input, now });
    expect(demand.perWeek).toBe(perWeek);
    expect(demand.source).toBe(source);
  });

  it('a promise whose events stopped long ago measures the quiet weeks as no demand', () => {
    expect(computeDemand({ eventsInLookback: 0, firstEventAt: now - 90 * DAY_MS, forecastPerWeek: 40, now })).toEqual({
      perWeek: 0,
      source: 'measured',
      events: 0,
      weeks: 4,
    });
  });

  it('reports the weeks a short history is spread over', () => {
    expect(computeDemand({ eventsInLookback: 30, firstEventAt: now - 3 * WEEK_MS, forecastPerWeek: null, now })).toEqual({
      perWeek: 10,
      source: 'measured',
      events: 30,
      weeks: 3,
    });
  });
});

describe('compareCapacity', () => {
  it('43 a week against a capacity of 40 is over by 3, at 107.5%', () => {
    expect(compareCapacity(40, [43])).toEqual({ demandPerWeek: 43, utilisation: 107.5, overBy: 3, isOver: true });
  });

  it('demand equal to capacity is not over', () => {
    expect(compareCapacity(40, [40])).toEqual({ demandPerWeek: 40, utilisation: 100, overBy: 0, isOver: false });
  });

  it('promises sharing a capability add up: 25 + 20 against 40 is over by 5, though each alone fits', () => {
    expect(compareCapacity(40, [25])).toMatchObject({ isOver: false });
    expect(compareCapacity(40, [20])).toMatchObject({ isOver: false });
    expect(compareCapacity(40, [25, 20])).toEqual({ demandPerWeek: 45, utilisation: 112.5, overBy: 5, isOver: true });
  });

  it('unknown demands count for nothing; all unknown compares nothing', () => {
    expect(compareCapacity(40, [30, null])).toEqual({ demandPerWeek: 30, utilisation: 75, overBy: 0, isOver: false });
    expect(compareCapacity(40, [null, null])).toEqual({ demandPerWeek: null, utilisation: null, overBy: 0, isOver: false });
  });
});
