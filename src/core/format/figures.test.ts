import { describe, expect, it } from 'vitest';
import { minorToDecimal } from '../money.js';
import { exactPercentDecimals, formatAttainment, formatMoney, formatNumber, formatPercent, formatTarget } from './figures.js';

const NBSP = '\u00a0';

describe('formatPercent: half up on the exact decimal, at most 1 decimal', () => {
  it.each([
    [0.97777, 'ru', `97,8${NBSP}%`],
    [0.97777, 'en', '97.8%'],
    [0.9778, 'ru', `97,8${NBSP}%`],
    [0.9, 'ru', `90${NBSP}%`],
    // 99.945 % at one decimal: the dropped part is 0.045 < 0.05 → 99,9 %, whatever 0.99945 × 100 gives in floats.
    [0.99945, 'ru', `99,9${NBSP}%`],
    // 99.95 % exactly on the boundary rounds up.
    [0.9995, 'en', '100%'],
    [0.99955, 'en', '100%'],
    [0.00049, 'en', '0%'],
    [0.0005, 'en', '0.1%'],
    // A budget overspent by half: half away from zero.
    [-0.5, 'ru', `-50${NBSP}%`],
    [-0.00051, 'en', '-0.1%'],
  ])('%s in %s → %s', (share, locale, expected) => {
    expect(formatPercent(share, locale)).toBe(expected);
  });

  it('two decimals when asked: 0.99945 is exactly 99.945 %, so 99,95 % (floats would say 99,94 %)', () => {
    expect(formatPercent(0.99945, 'ru', 2)).toBe(`99,95${NBSP}%`);
    expect(formatPercent(0.00125, 'en', 2)).toBe('0.13%');
    expect(formatPercent(0.9, 'ru', 1, true)).toBe(`90,0${NBSP}%`);
  });

  it('no figure is a dash, never 0 % or NaN %', () => {
    expect(formatPercent(null, 'ru')).toBe('—');
    expect(formatPercent(undefined, 'en')).toBe('—');
    expect(formatPercent(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatTarget: a set value, shown exactly', () => {
  it.each([
    [0.95, 0, `95${NBSP}%`],
    [0.999, 1, `99,9${NBSP}%`],
    [0.9995, 2, `99,95${NBSP}%`],
    [0.99995, 3, `99,995${NBSP}%`],
  ])('%s → %s decimals, %s', (share, decimals, expected) => {
    expect(exactPercentDecimals(share)).toBe(decimals);
    expect(formatTarget(share, 'ru')).toBe(expected);
  });
});

describe('formatMoney: integer minor units, exact', () => {
  it.each([
    [123456, 'RUB', 'ru', false, `1${NBSP}234,56${NBSP}₽`],
    [123456, 'RUB', 'en', false, `RUB${NBSP}1,234.56`],
    [50000, 'RUB', 'ru', true, `500${NBSP}₽`],
    [50000, 'RUB', 'ru', false, `500,00${NBSP}₽`],
    [-5, 'EUR', 'en', false, '-€0.05'],
    [1234, 'JPY', 'en', false, 'JP¥1,234'],
    // Beyond a double's exact cents when divided by 100 (9007199254740993 is not a double; 2^53 − 1 is).
    [9007199254740991, 'RUB', 'en', false, `RUB${NBSP}90,071,992,547,409.91`],
  ])('%s %s in %s → %s', (minor, currency, locale, trimWhole, expected) => {
    expect(formatMoney(minor, currency, locale, trimWhole)).toBe(expected);
  });

  it('minorToDecimal writes the decimal exactly', () => {
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(-123456, 2)).toBe('-1234.56');
    expect(minorToDecimal(7, 0)).toBe('7');
  });
});

describe('formatNumber', () => {
  it('half up on the exact decimal', () => {
    expect(formatNumber(1.005, 'en')).toBe('1.01');
    expect(formatNumber(14.4, 'ru')).toBe('14,4');
    expect(formatNumber(1280, 'ru')).toBe(`1${NBSP}280`);
  });
});

describe('formatAttainment: below the target never reads as the target', () => {
  it.each([
    [0.9496, 0.95, 'ru', '94,96\u00a0%'],
    [0.9496, 0.95, 'en', '94.96%'],
    [0.94999, 0.95, 'en', '94.999%'],
    [0.97777, 0.95, 'ru', '97,8\u00a0%'],
    [0.95, 0.95, 'en', '95%'],
    [0.94, 0.95, 'en', '94%'],
    [0.99949, 0.9995, 'en', '99.9%'],
    [0.9994, 0.9995, 'en', '99.9%'],
    [null, 0.95, 'en', '—'],
    [0.9496, null, 'en', '95%'],
  ])('%s against %s in %s → %s', (attainment, target, locale, expected) => {
    expect(formatAttainment(attainment, target, locale)).toBe(expected);
  });
});
