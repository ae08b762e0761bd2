import ExcelJS from 'exceljs';
import type { Cell, TableRow } from '../../core/import/table.js';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A workbook cell as the core reads it: a date cell becomes its Excel serial again (ExcelJS gives the
 * wall-clock time as a UTC Date), a formula its result, rich text and links their text.
 */
function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('result' in value) return value.result === undefined ? null : cellOf(value.result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return null;
}

/** The rows of the first worksheet, numbered as the spreadsheet numbers them; throws on a file that is no workbook. */
export async function readXlsxRows(bytes: Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: Cell[] = [];
    // row.values is 1-based: index 0 is always empty.
    for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}
