import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './participation-time';

describe('datetime-local values', () => {
  it('round-trips epoch ms to the minute', () => {
    const ms = Date.UTC(2026, 11, 1, 9, 30);
    expect(fromLocalInput(toLocalInput(ms))).toBe(ms);
    expect(toLocalInput(ms)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });

  it('shows an instant the API wrote (ISO 8601) as the same minute as its epoch ms', () => {
    const ms = Date.UTC(2026, 11, 1, 9, 30);
    expect(toLocalInput('2026-12-01T09:30:00.000Z')).toBe(toLocalInput(ms));
  });

  it('an empty or broken value is null', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBeNull();
  });
});
