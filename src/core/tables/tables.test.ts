import { describe, expect, it } from 'vitest';
import { BOM, quoteField, writeCsv } from './csv.js';
import { dayIn, formatDecimal, formatInstant, formatMinor, formatPercentText } from './format.js';
import { integer, money, percent, type Table, text } from './table.js';

describe('exact numbers', () => {
  it.each([
    [10000001, 2, ',', '100000,01'],
    [123456, 2, '.', '1234.56'],
    [-5, 2, '.', '-0.05'],
    [0, 2, ',', '0,00'],
    [9007199254740991, 2, '.', '90071992547409.91'],
    [1500, 0, '.', '1500'],
  ])('minor %d with %d digits → %s', (minor, digits, separator, expected) => {
    expect(formatMinor(minor, digits, separator)).toBe(expected);
  });

  it.each([
    [0.97777, 2, ',', '97,78%'],
    [0.97775, 2, '.', '97.78%'],
    [0.9, 1, '.', '90.0%'],
    [-0.5, 0, ',', '-50%'],
    [1, 2, '.', '100.00%'],
  ])('fraction %d with %d digits → %s', (fraction, scale, separator, expected) => {
    expect(formatPercentText(fraction, scale, separator)).toBe(expected);
  });

  it('rounds decimals half away from zero', () => {
    expect(formatDecimal(2.345, 2, ',')).toBe('2,35');
    expect(formatDecimal(-2.345, 2, '.')).toBe('-2.35');
    expect(formatDecimal(1.005, 2, '.')).toBe('1.01');
  });
});

describe('dates in the organization’s zone', () => {
  const instant = Date.UTC(2026, 11, 6, 22, 30); // 01:30 on 7 December in Moscow (UTC+3)
  it('writes the day and time as the zone sees them', () => {
    expect(dayIn(instant, 'Europe/Moscow')).toBe('2026-12-07');
    expect(dayIn(instant, 'Europe/London')).toBe('2026-12-06');
    expect(formatInstant(instant, 'Europe/Moscow', 'ru')).toBe('07.12.2026 01:30');
    expect(formatInstant(instant, 'Europe/London', 'en')).toBe('2026-12-06 22:30');
  });
});

describe('CSV', () => {
  const table: Table = {
    name: 'promises',
    columns: [{ header: 'h.title' }, { header: 'h.attainment' }, { header: 'h.events' }, { header: 'h.money' }],
    rows: [
      [text('Ответ; «за 24 часа»'), percent(0.97777), integer(100000), money(10000001, 'RUB')],
      [text('=HYPERLINK("x")'), null, integer(0), money(-5, 'RUB')],
    ],
  };
  const headers: Record<string, string> = {
    'h.title': 'Обещание',
    'h.attainment': 'Выполнение',
    'h.events': 'События',
    'h.money': 'Сумма',
  };
  const translate = (key: string) => headers[key] ?? key;

  it('in Russian: BOM, `;`, decimal commas, quoted separators, CRLF', () => {
    const csv = writeCsv(table, { locale: 'ru', timeZone: 'Europe/Moscow', translate });
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe(
      'Обещание;Выполнение;События;Сумма (RUB)\r\n"Ответ; «за 24 часа»";97,78%;100000;100000,01\r\n"\'=HYPERLINK(""x"")";;0;-0,05\r\n',
    );
  });

  it('in English: `,` and points', () => {
    const csv = writeCsv(table, { locale: 'en', timeZone: 'Europe/London', translate: (key) => key });
    expect(csv.slice(1).split('\r\n')[1]).toBe('Ответ; «за 24 часа»,97.78%,100000,100000.01');
  });

  it('quotes quotes and line breaks', () => {
    expect(quoteField('a "b"', ',')).toBe('"a ""b"""');
    expect(quoteField('a\nb', ';')).toBe('"a\nb"');
    expect(quoteField('plain', ';')).toBe('plain');
  });
});
