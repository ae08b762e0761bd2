/**
 * A strict RFC 4180 CSV reader: quoted fields may hold commas, quotes ("") and line breaks; a
 * semicolon is accepted as the delimiter when the header line has more semicolons than commas
 * (spreadsheets in Russian locales export that way). Returns rows of strings, header included.
 */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(`row ${row}: ${message}`);
  }
}

/** Rows of cells with the line of the file each row starts on (1-based), blank lines left out. */
export function parseCsvWithLines(text: string): { cells: string[]; line: number }[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: { cells: string[]; line: number }[] = [];
  let row: string[] = [];
  let rowLine = 1;
  let field = '';
  let quoted = false;
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = source[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(line, 'text after a closing quote');
        }
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push({ cells: row, line: rowLine });
      row = [];
      field = '';
      i += c === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line += 1;
      rowLine = line;
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new CsvSyntaxError(line, 'a quoted field is not closed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push({ cells: row, line: rowLine });
  }
  return rows.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
}

/** The rows of a CSV text as arrays of strings, header included, blank lines left out. */
export function parseCsv(text: string): string[][] {
  return parseCsvWithLines(text).map((r) => r.cells);
}
