/**
 * Fulfillment events from CSV (the same columns as the JSON body): `externalId`, `occurredAt`,
 * `good` (true/false/1/0/yes/no) or `value`, optional `clientId`; snake_case headers work too.
 * Cells are turned into JSON values; the schema then names any bad field as `events.<i>.<field>`.
 */
import { parseCsvWithLines } from '../discovery/csv.js';

const HEADERS: Record<string, string> = {
  externalid: 'externalId',
  external_id: 'externalId',
  occurredat: 'occurredAt',
  occurred_at: 'occurredAt',
  good: 'good',
  value: 'value',
  clientid: 'clientId',
  client_id: 'clientId',
};

function cell(field: string, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  if (field === 'good') {
    const lower = text.toLowerCase();
    if (['true', '1', 'yes'].includes(lower)) return true;
    if (['false', '0', 'no'].includes(lower)) return false;
    return text;
  }
  if (field === 'value') {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

/**
 * The rows of a CSV export as event objects, with the row of the file each came from (header = row
 * 1, as a spreadsheet counts; blank rows are skipped but still counted). Throws on a syntax error or
 * an unknown header; a bad cell is left for the ingest to refuse, row by row.
 */
export function csvToEvents(text: string): { events: Record<string, unknown>[]; rows: number[] } {
  const [header, ...lines] = parseCsvWithLines(text);
  if (!header) return { events: [], rows: [] };
  const fields = header.cells.map((h) => {
    const field = HEADERS[h.trim().toLowerCase()];
    if (!field) throw new Error(`unknown column "${h.trim()}": use externalId, occurredAt, good or value, clientId`);
    return field;
  });
  const read = lines.filter((row) => row.cells.some((c) => c.trim() !== ''));
  return {
    events: read.map((row) => {
      const event: Record<string, unknown> = {};
      fields.forEach((field, i) => {
        const value = cell(field, row.cells[i] ?? '');
        if (value !== undefined) event[field] = value;
      });
      return event;
    }),
    rows: read.map((row) => row.line),
  };
}
