import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { boundsOf } from './answered-range.js';

describe('the answered range of a feedback filter', () => {
  it.each([
    { name: 'nothing given: no bounds', filter: {}, zone: 'UTC', expected: { from: undefined, to: undefined } },
    {
      name: 'a day in UTC: from its midnight, to the next midnight',
      filter: { from: '2026-03-01', to: '2026-03-31' },
      zone: 'UTC',
      expected: { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) },
    },
    {
      name: 'a day in Moscow (UTC+3) starts at 21:00 UTC the day before',
      filter: { from: '2026-03-01' },
      zone: 'Europe/Moscow',
      expected: { from: Date.UTC(2026, 1, 28, 21), to: undefined },
    },
    {
      name: 'an instant is taken as given',
      filter: { to: '2026-03-01T12:00:00.000Z' },
      zone: 'Europe/Moscow',
      expected: { from: undefined, to: Date.UTC(2026, 2, 1, 12) },
    },
    {
      name: 'one day as both bounds is that whole day',
      filter: { from: '2026-03-01', to: '2026-03-01' },
      zone: 'UTC',
      expected: { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 2) },
    },
  ])('$name', ({ filter, zone, expected }) => {
    expect(boundsOf(filter, zone)).toEqual(expected);
  });

  it('refuses `to` at or before `from`, naming `to`', () => {
    const call = () => boundsOf({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' }, 'UTC');
    expect(call).toThrow(AppError);
    expect(call).toThrow(/to: must come after from/);
  });
});
