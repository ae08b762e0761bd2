import { describe, expect, it } from 'vitest';
import { isCurrencyCode, isTimeZone } from './org-rules.js';

describe('isCurrencyCode', () => {
  it.each([
    ['RUB', true],
    ['EUR', true],
    ['USD', true],
    ['KZT', true],
    ['rub', false],
    ['EURO', false],
    ['EU', false],
    ['ABC', false],
    ['', false],
    ['R B', false],
  ])('%s → %s', (code, valid) => {
    expect(isCurrencyCode(code)).toBe(valid);
  });
});

describe('isTimeZone', () => {
  it.each([
    ['Europe/Moscow', true],
    ['Asia/Yekaterinburg', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['Etc/GMT+3', true],
    ['Mars/Olympus_Mons', false],
    ['Europe/Moscow ', false],
    ['../etc/passwd', false],
    ['', false],
  ])('%j → %s', (name, valid) => {
    expect(isTimeZone(name)).toBe(valid);
  });
});
