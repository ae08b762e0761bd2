import { describe, expect, it } from 'vitest';
import { instantMs, startOfDayInZone, startOfNextDayInZone, zoneOffsetMs } from './time';

describe('time zone days', () => {
  it.each([
    ['2026-11-28', 'Europe/Moscow', Date.UTC(2026, 10, 27, 21)],
    ['2026-11-28', 'UTC', Date.UTC(2026, 10, 28)],
    ['2026-03-29', 'Europe/Amsterdam', Date.UTC(2026, 2, 28, 23)],
    ['2026-03-30', 'Europe/Amsterdam', Date.UTC(2026, 2, 29, 22)],
    ['2026-01-01', 'America/New_York', Date.UTC(2026, 0, 1, 5)],
  ])('%s starts in %s at the right instant', (date, zone, expected) => {
    expect(startOfDayInZone(date, zone)).toBe(expected);
  });

  it('a day across the spring-forward change is 23 hours long', () => {
    const start = startOfDayInZone('2026-03-29', 'Europe/Amsterdam')!;
    expect(startOfNextDayInZone('2026-03-29', 'Europe/Amsterdam')! - start).toBe(23 * 3600_000);
  });

  it('rejects a malformed date', () => {
    expect(startOfDayInZone('28.11.2026', 'UTC')).toBeNull();
  });

  it('knows Moscow is UTC+3', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 5, 1), 'Europe/Moscow')).toBe(3 * 3600_000);
  });
});

describe('instants', () => {
  it('reads the ISO 8601 string the API writes and the epoch milliseconds the browser computes alike', () => {
    expect(instantMs('2026-11-01T10:00:00.000Z')).toBe(Date.UTC(2026, 10, 1, 10));
    expect(instantMs(Date.UTC(2026, 10, 1, 10))).toBe(Date.UTC(2026, 10, 1, 10));
  });
});
