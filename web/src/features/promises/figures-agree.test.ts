/**
 * The staff app's side of test/figures-agree.test.ts: the same figures the board, the portal and
 * the CLI write there — 44 of 45 as «97,8 %», 123456 kopecks as «1 234,56 ₽» — written by the
 * formatters the promise and economics pages call.
 */
import { describe, expect, it } from 'vitest';
import { formatMoney, formatShare } from '../economics/economics-format';
import { formatMoney as formatGovernanceMoney } from '../governance/format';
import { formatPercent, formatTarget } from './promise-format';

const NBSP = '\u00a0';

describe('the staff app writes figures as the board does', () => {
  it('44 of 45 → «97,8 %» / "97.8%"; the target 95 % exactly', () => {
    expect(formatPercent(44 / 45, 'ru-RU')).toBe(`97,8${NBSP}%`);
    expect(formatPercent(44 / 45, 'en-GB')).toBe('97.8%');
    expect(formatShare(44 / 45, 'ru')).toBe(`97,8${NBSP}%`);
    expect(formatTarget(0.95, 'ru-RU')).toBe(`95${NBSP}%`);
    expect(formatTarget(0.9995, 'en-GB')).toBe('99.95%');
  });

  it('half up on the exact decimal: 0.99945 → 99,9 % at one decimal, 99,95 % at two', () => {
    expect(formatPercent(0.99945, 'ru-RU')).toBe(`99,9${NBSP}%`);
    expect(formatPercent(0.99945, 'ru-RU', 2)).toBe(`99,95${NBSP}%`);
  });

  it('123456 kopecks → «1 234,56 ₽» on the economics page; whole amounts without kopecks in governance', () => {
    expect(formatMoney(123_456, 'RUB', 'ru')).toBe(`1${NBSP}234,56${NBSP}₽`);
    expect(formatGovernanceMoney(5_000_000, 'RUB', 'ru')).toBe(`50${NBSP}000${NBSP}₽`);
  });
});
