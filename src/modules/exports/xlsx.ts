import ExcelJS from 'exceljs';
import { scaledInteger, wallTime } from '../../core/tables/format.js';
import { type Cell, currencyDigits, type Table, type TableFormat } from '../../core/tables/table.js';

const CURRENCY_SYMBOLS: Record<string, string> = { RUB: '₽', USD: '$', EUR: '€', GBP: '£', KZT: '₸', BYN: 'Br', UAH: '₴', JPY: '¥' };

/** Excel's number format of money: grouped, the currency's digits, the symbol after the amount in Russian. */
export function moneyFormat(currency: string, locale: TableFormat['locale']): string {
  const digits = currencyDigits(currency);
  const number = digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
  const symbol = `"${(CURRENCY_SYMBOLS[currency.toUpperCase()] ?? currency).replaceAll('"', '')}"`;
  return locale === 'ru' ? `${number} ${symbol}` : `${symbol}${number}`;
}

function dayFormat(locale: TableFormat['locale']): string {
  return locale === 'ru' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
}

/** Excel stores wall-clock times without a zone: the instant's local time in the zone, written as if UTC. */
function localDate(epochMs: number, timeZone: string): Date {
  const w = wallTime(epochMs, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** A cell's value and number format for ExcelJS: real numbers, money in major units, dates as dates. */
function excelCell(cell: Cell, format: TableFormat): { value: ExcelJS.CellValue; numFmt?: string } {
  if (cell === null) return { value: null };
  switch (cell.type) {
    case 'text':
      return { value: cell.value };
    case 'integer':
      return { value: Math.trunc(cell.value), numFmt: '0' };
    case 'decimal':
      return {
        value: scaledInteger(cell.value, cell.scale) / 10 ** cell.scale,
        numFmt: cell.scale > 0 ? `0.${'0'.repeat(cell.scale)}` : '0',
      };
    case 'percent':
      return {
        // Rounded as the CSV rounds it (half away from zero), so both files show the same figure.
        value: scaledInteger(cell.value, cell.scale + 2) / 10 ** (cell.scale + 2),
        numFmt: cell.scale > 0 ? `0.${'0'.repeat(cell.scale)}%` : '0%',
      };
    case 'money': {
      // minor ÷ 10^digits is the nearest double to the exact decimal: 123456 → 1234.56.
      const value = cell.minor / 10 ** currencyDigits(cell.currency);
      return { value, numFmt: moneyFormat(cell.currency, format.locale) };
    }
    case 'date': {
      return { value: new Date(`${cell.value}T00:00:00Z`), numFmt: dayFormat(format.locale) };
    }
    case 'instant':
      return { value: localDate(cell.value, format.timeZone), numFmt: `${dayFormat(format.locale)} hh:mm` };
  }
}

/** The table as an `.xlsx` workbook: one sheet, bold frozen header, numeric cells with number formats. */
export async function writeXlsx(table: Table, format: TableFormat): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Clientocracy';
  const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(table.columns.map((column) => format.translate(column.header)));
  header.font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow([]);
    table.columns.forEach((_, index) => {
      const { value, numFmt } = excelCell(row[index] ?? null, format);
      const target = added.getCell(index + 1);
      target.value = value;
      if (numFmt) target.numFmt = numFmt;
    });
  }
  table.columns.forEach((column, index) => {
    const width = Math.max(format.translate(column.header).length, 12);
    sheet.getColumn(index + 1).width = Math.min(width + 2, 60);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
