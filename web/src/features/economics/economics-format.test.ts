import { describe, expect, it } from 'vitest';
import {
  currentPeriod,
  formatHours,
  formatMoney,
  formatShare,
  isPeriod,
  monthOptions,
  periodInSentence,
  periodLabel,
  wrapLabel,
} from './economics-format';

/** Intl separates thousands with a narrow no-break space in Russian: compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money in the organization’s currency', () => {
  it('shows kopecks as 1 234,56 ₽ in Russian and £/€-style in English, always with every minor digit', () => {
    expect(plain(formatMoney(123456, 'RUB', 'ru'))).toBe('1 234,56 ₽');
    expect(plain(formatMoney(10_000_000, 'RUB', 'ru'))).toBe('100 000,00 ₽');
    expect(plain(formatMoney(-5000, 'RUB', 'ru'))).toBe('-50,00 ₽');
    expect(formatMoney(312500, 'EUR', 'en')).toBe('€3,125.00');
    expect(formatMoney(1500, 'JPY', 'en')).toBe('JP¥1,500');
  });

  it('hours keep at most two decimals, shares one', () => {
    expect(plain(formatHours(1280, 'ru'))).toBe('1 280');
    expect(formatHours(7.5, 'ru')).toBe('7,5');
    expect(plain(formatShare(0.875, 'ru'))).toBe('87,5 %');
    expect(formatShare(1, 'en')).toBe('100%');
  });
});

describe('months', () => {
  it('are written out for headings and inside sentences', () => {
    expect(periodLabel('2026-11', 'ru')).toBe('Ноябрь 2026 г.');
    expect(periodInSentence('2026-11', 'ru')).toBe('ноябрь 2026 г.');
    expect(periodLabel('2026-01', 'en')).toBe('January 2026');
  });

  it('the current month follows the organization’s calendar, not UTC', () => {
    const lateOnOctober31Utc = Date.UTC(2026, 9, 31, 22, 30);
    expect(currentPeriod('Europe/Moscow', lateOnOctober31Utc)).toBe('2026-11');
    expect(currentPeriod('UTC', lateOnOctober31Utc)).toBe('2026-10');
  });

  it('only well-formed months in 2000–2199 are accepted from the address bar', () => {
    expect(isPeriod('2026-10')).toBe(true);
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('1999-12')).toBe(false);
    expect(isPeriod('2026-1')).toBe(false);
    expect(isPeriod(null)).toBe(false);
  });

  it('the picker offers recent months newest first, marks closed ones and keeps older months with figures', () => {
    const known = [
      { period: '2026-10', closed: true, closedAt: '2026-11-02T09:00:00.000Z' },
      { period: '2024-02', closed: true, closedAt: '2024-03-04T09:00:00.000Z' },
    ];
    const options = monthOptions('2026-11', known, '2026-11', 3);
    expect(options).toEqual([
      { period: '2026-11', isClosed: false },
      { period: '2026-10', isClosed: true },
      { period: '2026-09', isClosed: false },
      { period: '2024-02', isClosed: true },
    ]);
    expect(monthOptions('2026-11', [], '2020-05', 2).map((o) => o.period)).toEqual(['2026-11', '2026-10', '2020-05']);
  });
});

describe('chart labels', () => {
  it('wrap at spaces into lines of about twelve characters; a long word stays whole', () => {
    expect(wrapLabel('Расходы без оплаты труда')).toBe('Расходы без\nоплаты труда');
    expect(wrapLabel('Выручка')).toBe('Выручка');
    expect(wrapLabel('Non-labour costs')).toBe('Non-labour\ncosts');
    expect(wrapLabel('Премиальный фонд')).toBe('Премиальный\nфонд');
  });
});
