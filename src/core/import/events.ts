/**
 * Fulfillment events from a table through a column mapping (which column is the external id, the
 * time, the outcome or value, the client): each row is read on its own into an event or into errors
 * naming the row (as the file counts it) and the column, with a code the interfaces translate.
 */
import { type DateFormat, readInstant } from './dates.js';
import type { Cell, Table } from './table.js';

export const MAPPING_FIELDS = ['externalId', 'occurredAt', 'good', 'value', 'clientId'] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];
/** API field → the file's column header. */
export type Mapping = Partial<Record<MappingField, string>>;

export const IMPORT_ERROR_CODES = [
  'mapping_missing',
  'mapping_unknown_column',
  'required',
  'id_too_long',
  'date_invalid',
  'good_invalid',
  'value_invalid',
  'client_unknown',
  'client_ambiguous',
  'occurred_future',
  'occurred_too_old',
  'refused',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export interface ImportError {
  /** The row as the file counts it (header = 1); null for the mapping as a whole. */
  row: number | null;
  /** The file's column header, or null. */
  column: string | null;
  /** The API field the column is mapped to, or null. */
  field: MappingField | null;
  code: ImportErrorCode;
  /** The cell as read (or the refusal's words for `refused`). */
  value: string;
  /** The row's id as read ('' when it has none, or for the mapping). */
  externalId: string;
}

export interface ReadEvent {
  externalId: string;
  occurredAt: string;
  good?: boolean;
  value?: number;
  /** The client's cell as written; resolved to an id by the caller. */
  client?: string;
}

export interface ReadRow {
  row: number;
  event: ReadEvent | null;
  errors: ImportError[];
  /** The client's cell as written, also on a row with errors (so that every error is named at once). */
  client?: string;
}

const GOOD = new Set(['1', 'да', 'yes', 'y', 'true', 'успешно', 'успех', 'ok', 'д', 'истина', '+']);
const BAD = new Set(['0', 'нет', 'no', 'n', 'false', 'неуспешно', 'неуспех', 'н', 'ложь', '-']);

/** An outcome cell: 1/0, да/нет, yes/no, true/false, успешно/неуспешно, any case; null when it is none. */
export function readOutcome(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  const text = String(cell ?? '')
    .trim()
    .toLowerCase();
  if (GOOD.has(text)) return true;
  if (BAD.has(text)) return false;
  return null;
}

/** A number written with a decimal comma or point, spaces or the other mark as thousands separators. */
export function readNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  let text = cell.trim().replace(/[\s\u00a0\u202f']/g, '');
  const comma = text.lastIndexOf(',');
  const point = text.lastIndexOf('.');
  if (comma >= 0 && point >= 0) text = comma > point ? text.replaceAll('.', '').replace(',', '.') : text.replaceAll(',', '');
  else if (comma >= 0) text = (text.match(/,/g)?.length ?? 0) > 1 ? text.replaceAll(',', '') : text.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  return String(cell).trim();
}

const SYNONYMS: Record<MappingField, string[]> = {
  externalId: [
    'externalid',
    'external id',
    'id',
    'номер',
    '№',
    'номер заявки',
    'номер обращения',
    'номер заказа',
    'код',
    'ticket',
    'case',
    'number',
    'no',
  ],
  occurredAt: [
    'occurredat',
    'occurred at',
    'дата',
    'время',
    'дата и время',
    'дата время',
    'date',
    'time',
    'datetime',
    'timestamp',
    'when',
    'когда',
  ],
  good: ['good', 'outcome', 'result', 'success', 'kept', 'ok', 'успешно', 'результат', 'выполнено', 'в срок', 'исход', 'успех'],
  value: [
    'value',
    'hours',
    'minutes',
    'days',
    'duration',
    'часы',
    'часов',
    'минуты',
    'минут',
    'дни',
    'дней',
    'значение',
    'длительность',
    'срок',
  ],
  clientId: ['clientid', 'client id', 'client', 'customer', 'email', 'e-mail', 'клиент', 'заказчик', 'абонент', 'почта', 'фио'],
};

function normalize(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[_.:,()"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A mapping guessed from the header names (Russian and English): an exact synonym first, then a
 * header holding one as a word; each column used once; `good` for a ratio promise, `value` otherwise.
 */
export function suggestMapping(columns: string[], metricKind: 'ratio' | 'threshold'): Mapping {
  const fields: MappingField[] = ['externalId', 'occurredAt', metricKind === 'ratio' ? 'good' : 'value', 'clientId'];
  const used = new Set<string>();
  const mapping: Mapping = {};
  for (const pass of ['exact', 'word'] as const) {
    for (const field of fields) {
      if (mapping[field]) continue;
      const found = columns.find((column) => {
        if (used.has(column)) return false;
        const name = normalize(column);
        return SYNONYMS[field].some((s) => (pass === 'exact' ? name === s : ` ${name} `.includes(` ${s} `)));
      });
      if (found) {
        mapping[field] = found;
        used.add(found);
      }
    }
  }
  return mapping;
}

/** What is wrong with a mapping for this table and promise (nothing: an empty list). */
export function mappingErrors(mapping: Mapping, columns: string[], metricKind: 'ratio' | 'threshold'): ImportError[] {
  const errors: ImportError[] = [];
  const needed: MappingField[] = ['externalId', 'occurredAt', metricKind === 'ratio' ? 'good' : 'value'];
  for (const field of needed)
    if (!mapping[field]) errors.push({ row: null, column: null, field, code: 'mapping_missing', value: '', externalId: '' });
  for (const field of MAPPING_FIELDS) {
    const column = mapping[field];
    if (column && !columns.includes(column))
      errors.push({ row: null, column, field, code: 'mapping_unknown_column', value: column, externalId: '' });
  }
  return errors;
}

export interface ReadOptions {
  mapping: Mapping;
  metricKind: 'ratio' | 'threshold';
  timeZone: string;
  dateFormat: DateFormat;
}

/** Each row of the table read into an event, or the errors that keep it out. The mapping must be valid. */
export function readEvents(table: Table, options: ReadOptions): ReadRow[] {
  const index = (field: MappingField) => {
    const column = options.mapping[field];
    return column ? table.columns.indexOf(column) : -1;
  };
  const at = {
    externalId: index('externalId'),
    occurredAt: index('occurredAt'),
    good: index('good'),
    value: index('value'),
    clientId: index('clientId'),
  };
  const outcomeField: MappingField = options.metricKind === 'ratio' ? 'good' : 'value';
  return table.rows.map(({ row, cells }) => {
    const errors: ImportError[] = [];
    const cellOf = (field: MappingField): Cell => (at[field] >= 0 ? (cells[at[field]] ?? null) : null);
    const externalId = cellText(cellOf('externalId'));
    const fail = (field: MappingField, code: ImportErrorCode) =>
      errors.push({ row, column: options.mapping[field] ?? null, field, code, value: cellText(cellOf(field)), externalId });

    if (externalId === '') fail('externalId', 'required');
    else if (externalId.length > 200) fail('externalId', 'id_too_long');

    const timeCell = cellOf('occurredAt');
    let occurredAt = '';
    if (timeCell === null || cellText(timeCell) === '') fail('occurredAt', 'required');
    else {
      const instant = typeof timeCell === 'boolean' ? null : readInstant(timeCell, options.dateFormat, options.timeZone);
      if (instant === null) fail('occurredAt', 'date_invalid');
      else occurredAt = new Date(instant).toISOString();
    }

    const event: ReadEvent = { externalId, occurredAt };
    const outcome = cellOf(outcomeField);
    if (outcome === null || cellText(outcome) === '') fail(outcomeField, 'required');
    else if (outcomeField === 'good') {
      const good = readOutcome(outcome);
      if (good === null) fail('good', 'good_invalid');
      else event.good = good;
    } else {
      const value = readNumber(outcome);
      if (value === null) fail('value', 'value_invalid');
      else event.value = value;
    }
    const client = cellText(cellOf('clientId'));
    if (client === '') return { row, event: errors.length === 0 ? event : null, errors };
    event.client = client;
    return { row, event: errors.length === 0 ? event : null, errors, client };
  });
}

/** An ingest refusal's words as an error code (the ingest service words them in English). */
export function refusalCode(reason: string): { code: ImportErrorCode; field: MappingField | null } {
  if (/more than a day in the future/.test(reason)) return { code: 'occurred_future', field: 'occurredAt' };
  if (/more than 400 days before/.test(reason)) return { code: 'occurred_too_old', field: 'occurredAt' };
  if (/no such client/.test(reason)) return { code: 'client_unknown', field: 'clientId' };
  if (/^good:/.test(reason)) return { code: 'required', field: 'good' };
  if (/^value:/.test(reason)) return { code: 'required', field: 'value' };
  return { code: 'refused', field: null };
}
