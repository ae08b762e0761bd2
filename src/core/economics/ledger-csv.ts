/**
 * Ledger lines from CSV: columns `team` (id or name; empty for the organization's overhead), `kind`
 * (revenue, expense, labour, overhead — or Russian: выручка, расход, оплата труда, накладные),
 * `amount` in major units (1 500,50 or 1500.50) or `amountMinor`, and `note`. Amounts in major
 * units become minor units exactly (no float rounding). Each problem names its line of the file.
 */
import { parseCsvWithLines } from '../discovery/csv.js';
import type { FieldErrorCode, FieldErrorParams } from '../errors.js';

/** A header the ledger import cannot read, with the field-error code that says why. */
export class LedgerCsvError extends Error {
  constructor(
    message: string,
    readonly code: FieldErrorCode,
    readonly params: FieldErrorParams = {},
  ) {
    super(message);
    this.name = 'LedgerCsvError';
  }
}

export interface LedgerCsvRow {
  line: number;
  team: string;
  kind: string;
  amountMinor: number | null;
  note: string;
}

const HEADERS: Record<string, keyof Omit<LedgerCsvRow, 'line'> | 'amount'> = {
  team: 'team',
  teamid: 'team',
  team_id: 'team',
  команда: 'team',
  kind: 'kind',
  вид: 'kind',
  amount: 'amount',
  сумма: 'amount',
  amountminor: 'amountMinor',
  amount_minor: 'amountMinor',
  note: 'note',
  комментарий: 'note',
};

const KINDS: Record<string, string> = {
  revenue: 'revenue',
  expense: 'expense',
  labour: 'labour',
  labor: 'labour',
  overhead: 'overhead',
  выручка: 'revenue',
  расход: 'expense',
  'оплата труда': 'labour',
  накладные: 'overhead',
};

/**
 * "1 500,50", "1500.50" or "1,500.50" → 150050 minor units; null when not a number with at most 2
 * decimals. With both a comma and a point, the last one is the decimal mark ("1.500,50" too).
 */
export function majorToMinor(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '');
  const decimalMark = compact.lastIndexOf(',') > compact.lastIndexOf('.') ? ',' : '.';
  const grouping = decimalMark === ',' ? '.' : ',';
  const clean =
    compact.includes(',') && compact.includes('.') ? compact.split(grouping).join('').replace(',', '.') : compact.replace(',', '.');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(clean);
  if (!m) return null;
  const minor = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -minor : minor;
}

/** The rows of a ledger CSV; throws on an unknown column or when neither amount column is there. */
export function parseLedgerCsv(text: string): LedgerCsvRow[] {
  const [header, ...rows] = parseCsvWithLines(text);
  if (!header) return [];
  const fields = header.cells.map((h) => {
    const field = HEADERS[h.trim().toLowerCase()];
    if (!field)
      throw new LedgerCsvError(`unknown column "${h.trim()}": use team, kind, amount (or amountMinor), note`, 'unknown_column', {
        column: h.trim(),
      });
    return field;
  });
  if (!fields.includes('amount') && !fields.includes('amountMinor'))
    throw new LedgerCsvError('a column amount (or amountMinor) is required', 'missing_column', { column: 'amount' });
  return rows
    .filter((row) => row.cells.some((c) => c.trim() !== ''))
    .map((row) => {
      const out: LedgerCsvRow = { line: row.line, team: '', kind: '', amountMinor: null, note: '' };
      fields.forEach((field, i) => {
        const cell = (row.cells[i] ?? '').trim();
        if (field === 'amount') out.amountMinor = majorToMinor(cell);
        else if (field === 'amountMinor') out.amountMinor = /^-?\d+$/.test(cell) ? Number(cell) : null;
        else if (field === 'kind') out.kind = KINDS[cell.toLowerCase()] ?? cell;
        else out[field] = cell;
      });
      return out;
    });
}
