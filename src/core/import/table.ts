/**
 * A spreadsheet as a table: a header row and rows of cells, each row with its number as the file
 * counts it (the header is row 1). Text files are decoded as UTF-8 (a byte-order mark dropped) when
 * they are valid UTF-8, else as Windows-1251; the delimiter (`,` `;` or tab) is the one the header
 * line holds most of outside quotes; fields may be quoted (RFC 4180).
 */

/** A cell as read: text from a CSV; text, a number (also a date, as an Excel serial) or a boolean from a workbook. */
export type Cell = string | number | boolean | null;

export interface TableRow {
  /** The row's number in the file, the header being row 1. */
  row: number;
  cells: Cell[];
}

export interface Table {
  /** The header's names; a blank header reads "column N". */
  columns: string[];
  rows: TableRow[];
}

export class TableError extends Error {
  constructor(
    readonly code: 'file_empty' | 'csv_quote' | 'file_type' | 'file_unreadable',
    readonly row: number | null,
    message: string,
  ) {
    super(message);
  }
}

/** UTF-8 when the bytes are valid UTF-8 (without its byte-order mark), else Windows-1251. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1251').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The delimiter the first line holds most of, outside quotes (a comma when it holds none). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** Rows of a delimited text with the line each starts on; blank lines are left out but counted. */
export function parseDelimited(text: string, delimiter: string): TableRow[] {
  const rows: TableRow[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const end = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '')) rows.push({ row: rowLine, cells: row });
    row = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      end();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new TableError('csv_quote', rowLine, `row ${rowLine}: a quoted field is not closed`);
  if (field !== '' || row.length > 0) end();
  return rows;
}

/** Names for the header's cells: trimmed, a blank one "column N", a repeated one "name (N)". */
export function columnNames(header: Cell[]): string[] {
  const seen = new Set<string>();
  return header.map((cell, i) => {
    let name = cell === null ? '' : String(cell).trim();
    if (name === '') name = `column ${i + 1}`;
    if (seen.has(name)) name = `${name} (${i + 1})`;
    seen.add(name);
    return name;
  });
}

/** A table from rows (the first non-empty one is the header); rows with no value are left out. */
export function tableOf(rows: TableRow[]): Table {
  const filled = rows.filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
  const [header, ...body] = filled;
  if (!header) throw new TableError('file_empty', null, 'the file holds no rows');
  return { columns: columnNames(header.cells), rows: body };
}

/** A CSV file's table: decoded, delimiter detected. */
export function readCsvTable(bytes: Uint8Array): Table & { delimiter: string; encoding: 'utf-8' | 'windows-1251' } {
  let encoding: 'utf-8' | 'windows-1251' = 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    encoding = 'windows-1251';
  }
  const text = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  return { ...tableOf(parseDelimited(text, delimiter)), delimiter, encoding };
}
