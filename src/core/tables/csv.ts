import { cellText, fieldSeparator } from './format.js';
import type { Cell, Table, TableFormat } from './table.js';

/** The byte order mark: without it Excel reads UTF-8 CSV as the system code page and garbles Cyrillic. */
export const BOM = '\uFEFF';

/** Characters that make a spreadsheet read a text cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes a field per RFC 4180 when it holds the separator, a quote or a line break. */
export function quoteField(value: string, separator: string): string {
  if (value.includes(separator) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/** The currency of a money column, when every money cell in it has the same one (shown in the header). */
function columnCurrency(rows: Cell[][], index: number): string | null {
  const currencies = new Set<string>();
  for (const row of rows) {
    const cell = row[index];
    if (cell?.type === 'money') currencies.add(cell.currency);
  }
  return currencies.size === 1 ? ([...currencies][0] ?? null) : null;
}

/**
 * The table as CSV text (RFC 4180, CRLF lines, BOM first): `;` and decimal commas in Russian, `,`
 * and points in English; money in major units without grouping (the currency in the header);
 * instants in `format.timeZone`. Text that would start a formula is prefixed with `'`.
 */
export function writeCsv(table: Table, format: TableFormat): string {
  const separator = fieldSeparator(format.locale);
  const headers = table.columns.map((column, index) => {
    const header = format.translate(column.header);
    const currency = columnCurrency(table.rows, index);
    return currency ? `${header} (${currency})` : header;
  });
  const lines = [headers.map((header) => quoteField(header, separator)).join(separator)];
  for (const row of table.rows) {
    const fields = table.columns.map((_, index) => {
      const cell = row[index] ?? null;
      let value = cellText(cell, format.locale, format.timeZone);
      if (cell?.type === 'text' && FORMULA_START.test(value)) value = `'${value}`;
      return quoteField(value, separator);
    });
    lines.push(fields.join(separator));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
