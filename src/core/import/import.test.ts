import { describe, expect, it } from 'vitest';
import { detectDateFormat, offsetAt, readInstant } from './dates.js';
import { mappingErrors, readEvents, readNumber, readOutcome, suggestMapping } from './events.js';
import { decodeText, detectDelimiter, readCsvTable } from './table.js';

const iso = (cell: string | number, format: Parameters<typeof readInstant>[1], tz: string) => {
  const t = readInstant(cell, format, tz);
  return t === null ? null : new Date(t).toISOString();
};

describe('times of events', () => {
  it.each([
    ['08.11.2026 15:15', 'auto', 'Europe/Moscow', '2026-11-08T12:15:00.000Z'],
    ['8.11.2026 15:15:30', 'dd.mm.yyyy', 'Europe/Moscow', '2026-11-08T12:15:30.000Z'],
    ['08.11.2026', 'auto', 'Europe/Moscow', '2026-11-07T21:00:00.000Z'],
    ['2026-11-08 15:15', 'auto', 'Europe/Moscow', '2026-11-08T12:15:00.000Z'],
    ['2026-11-08T15:15:00', 'yyyy-mm-dd', 'Europe/London', '2026-11-08T15:15:00.000Z'],
    ['2026-11-01T10:00:00Z', 'auto', 'Europe/Moscow', '2026-11-01T10:00:00.000Z'],
    ['2026-11-01T10:00:00+05:00', 'iso', 'Europe/Moscow', '2026-11-01T05:00:00.000Z'],
    // Excel: 46334 is 2026-11-08; .5 is noon.
    [46334.5, 'auto', 'Europe/Moscow', '2026-11-08T09:00:00.000Z'],
    ['46334,5', 'excel', 'Europe/Moscow', '2026-11-08T09:00:00.000Z'],
    [46334.635416666664, 'dd.mm.yyyy', 'Europe/Moscow', '2026-11-08T12:15:00.000Z'],
    // Berlin: winter +1, summer +2; 29 March 2026 02:00 → 03:00, 25 October 03:00 → 02:00.
    ['15.01.2026 12:00', 'auto', 'Europe/Berlin', '2026-01-15T11:00:00.000Z'],
    ['15.07.2026 12:00', 'auto', 'Europe/Berlin', '2026-07-15T10:00:00.000Z'],
    ['29.03.2026 01:30', 'auto', 'Europe/Berlin', '2026-03-29T00:30:00.000Z'],
    ['29.03.2026 03:30', 'auto', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    // The hour that does not exist moves forward by the gap; the one that happens twice is the earlier.
    ['29.03.2026 02:30', 'auto', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    ['25.10.2026 02:30', 'auto', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['25.10.2026 03:30', 'auto', 'Europe/Berlin', '2026-10-25T02:30:00.000Z'],
    ['2026-03-08 12:00', 'auto', 'America/New_York', '2026-03-08T16:00:00.000Z'],
  ] as const)('%s (%s) in %s is %s', (cell, format, tz, expected) => {
    expect(iso(cell, format, tz)).toBe(expected);
  });

  it.each([
    ['31.02.2026 10:00', 'auto'],
    ['08.11.2026 25:00', 'auto'],
    ['2026-13-01', 'auto'],
    ['yesterday', 'auto'],
    ['08.11.2026 15:15', 'yyyy-mm-dd'],
    ['2026-11-08 15:15', 'dd.mm.yyyy'],
    ['', 'auto'],
  ] as const)('%s (%s) is not a time', (cell, format) => {
    expect(iso(cell, format, 'Europe/Moscow')).toBeNull();
  });

  it('knows the offsets', () => {
    expect(offsetAt(Date.UTC(2026, 10, 8), 'Europe/Moscow')).toBe(3 * 3600_000);
    expect(offsetAt(Date.UTC(2026, 6, 1), 'Europe/Berlin')).toBe(2 * 3600_000);
    expect(offsetAt(Date.UTC(2026, 6, 1), 'America/New_York')).toBe(-4 * 3600_000);
  });

  it('detects the format most cells are in', () => {
    expect(detectDateFormat(['08.11.2026 15:15', '09.11.2026', 'x'])).toBe('dd.mm.yyyy');
    expect(detectDateFormat([46334.5, 46335])).toBe('excel');
    expect(detectDateFormat(['2026-11-08 10:00'])).toBe('yyyy-mm-dd');
    expect(detectDateFormat(['nope'])).toBeNull();
  });
});

describe('cells', () => {
  it.each([
    ['1', true],
    ['0', false],
    ['Да', true],
    ['НЕТ', false],
    ['yes', true],
    ['No', false],
    ['TRUE', true],
    ['false', false],
    ['Успешно', true],
    ['неуспешно', false],
    [1, true],
    [0, false],
    [true, true],
    ['maybe', null],
    [2, null],
  ] as const)('outcome %s is %s', (cell, expected) => {
    expect(readOutcome(cell)).toBe(expected);
  });

  it.each([
    ['17,5', 17.5],
    ['17.5', 17.5],
    [' 1 234,5 ', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['-2', -2],
    [3.25, 3.25],
    ['12 ч', null],
    ['', null],
    ['1,2,3', 123],
  ] as const)('number %s is %s', (cell, expected) => {
    expect(readNumber(cell)).toBe(expected);
  });
});

describe('tables', () => {
  const cp1251 = (text: string) =>
    Uint8Array.from([...text].map((c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));

  it('decodes UTF-8 with and without a byte-order mark, and Windows-1251', () => {
    expect(decodeText(new TextEncoder().encode('\ufeffДата;Часы'))).toBe('Дата;Часы');
    expect(decodeText(new TextEncoder().encode('Дата;Часы'))).toBe('Дата;Часы');
    expect(decodeText(cp1251('Номер заявки;Дата'))).toBe('Номер заявки;Дата');
  });

  it('detects the delimiter outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('reads a Windows-1251 file with ; and quoted fields, rows numbered as the file counts them', () => {
    const table = readCsvTable(cp1251('Номер заявки;Дата;Часы\r\nЗ-1;08.11.2026 15:15;"2,5"\r\n\r\n"З;2";09.11.2026 09:00;3\r\n'));
    expect(table.encoding).toBe('windows-1251');
    expect(table.delimiter).toBe(';');
    expect(table.columns).toEqual(['Номер заявки', 'Дата', 'Часы']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['З-1', '08.11.2026 15:15', '2,5'] },
      { row: 4, cells: ['З;2', '09.11.2026 09:00', '3'] },
    ]);
  });

  it('names blank and repeated headers', () => {
    const table = readCsvTable(new TextEncoder().encode('id,,id\n1,2,3'));
    expect(table.columns).toEqual(['id', 'column 2', 'id (3)']);
  });

  it('refuses a file without rows and an unclosed quote', () => {
    expect(() => readCsvTable(new Uint8Array())).toThrow(/no rows/);
    expect(() => readCsvTable(new TextEncoder().encode('a,b\n"1,2'))).toThrow(/row 2/);
  });
});

describe('mapping and rows', () => {
  it('guesses the mapping from Russian and English headers', () => {
    expect(suggestMapping(['Номер заявки', 'Дата', 'Часы', 'Клиент'], 'threshold')).toEqual({
      externalId: 'Номер заявки',
      occurredAt: 'Дата',
      value: 'Часы',
      clientId: 'Клиент',
    });
    expect(suggestMapping(['externalId', 'occurredAt', 'good', 'clientId'], 'ratio')).toEqual({
      externalId: 'externalId',
      occurredAt: 'occurredAt',
      good: 'good',
      clientId: 'clientId',
    });
    expect(suggestMapping(['Case number', 'Date closed', 'Result', 'Customer e-mail'], 'ratio')).toEqual({
      externalId: 'Case number',
      occurredAt: 'Date closed',
      good: 'Result',
      clientId: 'Customer e-mail',
    });
  });

  it('names what a mapping lacks', () => {
    expect(mappingErrors({ externalId: 'a', occurredAt: 'b' }, ['a', 'b'], 'threshold').map((e) => [e.field, e.code])).toEqual([
      ['value', 'mapping_missing'],
    ]);
    expect(mappingErrors({ externalId: 'a', occurredAt: 'b', good: 'x' }, ['a', 'b'], 'ratio').map((e) => e.code)).toEqual([
      'mapping_unknown_column',
    ]);
  });

  it('reads each row on its own, errors by row and column', () => {
    const table = {
      columns: ['№', 'Дата', 'Успешно', 'Клиент'],
      rows: [
        { row: 2, cells: ['a-1', '08.11.2026 15:15', 'да', 'Иванов'] },
        { row: 3, cells: ['a-2', '31.11.2026 10:00', 'может быть', ''] },
        { row: 4, cells: ['', 46334.5, 0, null] },
        { row: 5, cells: ['a-4', '2026-11-08T10:00:00Z', 'НЕТ', null] },
      ],
    };
    const rows = readEvents(table, {
      mapping: { externalId: '№', occurredAt: 'Дата', good: 'Успешно', clientId: 'Клиент' },
      metricKind: 'ratio',
      timeZone: 'Europe/Moscow',
      dateFormat: 'auto',
    });
    expect(rows[0]).toEqual({
      row: 2,
      event: { externalId: 'a-1', occurredAt: '2026-11-08T12:15:00.000Z', good: true, client: 'Иванов' },
      errors: [],
      client: 'Иванов',
    });
    expect(rows[1]!.event).toBeNull();
    expect(rows[1]!.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [3, 'Дата', 'date_invalid', '31.11.2026 10:00'],
      [3, 'Успешно', 'good_invalid', 'может быть'],
    ]);
    expect(rows[2]!.errors.map((e) => [e.row, e.column, e.code])).toEqual([[4, '№', 'required']]);
    expect(rows[3]!.event).toEqual({ externalId: 'a-4', occurredAt: '2026-11-08T10:00:00.000Z', good: false });
  });
});
