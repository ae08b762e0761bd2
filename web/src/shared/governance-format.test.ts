import { describe, expect, it } from 'vitest';
import { minorDigits, toMinorUnits } from '../../../src/core/money';
import { addDays, addMonths, todayInZone } from './governance-format';

describe('money typed in major units', () => {
  it.each([
    [1500.5, 'RUB', 150_050],
    ['1 500,5', 'RUB', 150_050],
    [0.1 + 0.2, 'EUR', 30],
    [1500, 'JPY', 1500],
    ['', 'RUB', null],
    ['abc', 'RUB', null],
  ])('%s %s → %s minor units', (value, currency, minor) => {
    expect(toMinorUnits(value, currency)).toBe(minor);
  });

  it('knows how many minor digits a currency has', () => {
    expect(minorDigits('RUB')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
  });
});

describe('calendar days', () => {
  it('takes today in the organization’s zone, not the browser’s', () => {
    const instant = Date.UTC(2026, 10, 28, 22, 30); // 28 Nov 22:30 UTC = 29 Nov 01:30 in Moscow
    expect(todayInZone('Europe/Moscow', instant)).toBe('2026-11-29');
    expect(todayInZone('UTC', instant)).toBe('2026-11-28');
  });

  it('adds days and months across month and year ends', () => {
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
  });
});
