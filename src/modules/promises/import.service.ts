/**
 * Events from the organization's own spreadsheets: a file (CSV or .xlsx) is read into a table, the
 * columns mapped to the event's fields (given, remembered for the promise, or guessed from the
 * headers), each row read on its own; the preview shows the first rows as they will be read and the
 * errors by row and column; the import sends the good rows through the idempotent ingest and
 * remembers the mapping.
 */
import { AppError, fieldError } from '../../core/errors.js';
import { type DateFormat, detectDateFormat } from '../../core/import/dates.js';
import {
  type ImportError,
  type Mapping,
  mappingErrors,
  type ReadRow,
  readEvents,
  refusalCode,
  suggestMapping,
} from '../../core/import/events.js';
import { readCsvTable, type Table, TableError, tableOf } from '../../core/import/table.js';
import type { OrgContext } from '../context.js';
import { resolveClients } from './import.clients.js';
import { findImportMapping, saveImportMapping } from './import.repository.js';
import type { TImportInput } from './import.schema.js';
import { readXlsxRows } from './import.xlsx.js';
import { ingestEvents } from './ingest.service.js';
import { loadPromise, loadVersions, toVersion } from './promise.repository.js';
import { MAX_EVENTS_PER_REQUEST, type TEventInput } from './promise.schema.js';
import { requireEventSource } from './promise-authority.js';

const PREVIEW_ROWS = 20;
const PREVIEW_ERRORS = 200;
const RESULT_ERRORS = 1000;

function fileError(message: string): AppError {
  return new AppError('validation_failed', `contentBase64: ${message}`, [fieldError('contentBase64', 'csv_format', message)]);
}

/** The file's table: .xlsx as a workbook (first worksheet), anything else as delimited text. */
async function readTable(
  input: TImportInput,
): Promise<{ table: Table; fileKind: 'csv' | 'xlsx'; encoding: string | null; delimiter: string | null }> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  try {
    if (/\.xlsx$/i.test(input.fileName)) {
      let rows: Awaited<ReturnType<typeof readXlsxRows>>;
      try {
        rows = await readXlsxRows(bytes);
      } catch {
        throw fileError('not a readable .xlsx workbook');
      }
      return { table: tableOf(rows), fileKind: 'xlsx', encoding: null, delimiter: null };
    }
    const { columns, rows, encoding, delimiter } = readCsvTable(bytes);
    return { table: { columns, rows }, fileKind: 'csv', encoding, delimiter };
  } catch (error) {
    if (error instanceof TableError) throw fileError(error.message);
    throw error;
  }
}

interface Settings {
  mapping: Mapping;
  timeZone: string;
  dateFormat: DateFormat;
}

async function remembered(ctx: OrgContext, promiseId: string): Promise<Settings | null> {
  const row = await findImportMapping(ctx.db, ctx.org.id, promiseId);
  if (!row) return null;
  return { mapping: JSON.parse(row.mapping) as Mapping, timeZone: row.time_zone, dateFormat: row.date_format as DateFormat };
}

async function remember(ctx: OrgContext, promiseId: string, settings: Settings): Promise<void> {
  const values = {
    mapping: JSON.stringify(settings.mapping),
    time_zone: settings.timeZone,
    date_format: settings.dateFormat,
    updated_at: ctx.now,
  };
  await saveImportMapping(ctx.db, ctx.org.id, promiseId, values);
}

/** Everything both the preview and the import need: the promise, the table, the settings, each row read. */
async function prepare(ctx: OrgContext, promiseId: string, input: TImportInput) {
  const promise = await loadPromise(ctx.db, ctx.org.id, promiseId);
  await requireEventSource(ctx.db, ctx, promise.promiser_team_id);
  const versions = (await loadVersions(ctx.db, ctx.org.id, promiseId)).map(toVersion);
  const metricKind = versions[versions.length - 1]!.metric.kind;
  const file = await readTable(input);
  const memory = await remembered(ctx, promiseId);
  const suggestedMapping = suggestMapping(file.table.columns, metricKind);
  // A remembered mapping counts only when its columns are in this file.
  const memoryFits = memory !== null && Object.values(memory.mapping).every((c) => file.table.columns.includes(c as string));
  const settings: Settings = {
    mapping: input.mapping ?? (memoryFits ? memory.mapping : suggestedMapping),
    timeZone: input.timeZone ?? memory?.timeZone ?? ctx.org.time_zone,
    dateFormat: input.dateFormat ?? memory?.dateFormat ?? 'auto',
  };
  // Only the fields the promise's metric uses: `good` for a ratio, `value` for a threshold.
  const unused = metricKind === 'ratio' ? 'value' : 'good';
  const mapping: Mapping = Object.fromEntries(Object.entries(settings.mapping).filter(([field]) => field !== unused));
  settings.mapping = mapping;
  const problems = mappingErrors(mapping, file.table.columns, metricKind);
  const rows =
    problems.length > 0
      ? []
      : readEvents(file.table, { mapping, metricKind, timeZone: settings.timeZone, dateFormat: settings.dateFormat });
  const clients = await resolveClients(
    ctx,
    rows.flatMap((r) => (r.client ? [r.client] : [])),
  );
  for (const r of rows) {
    const written = r.client;
    if (written === undefined) continue;
    const found = clients.get(written);
    if (found === undefined || found === 'ambiguous') {
      r.errors.push({
        row: r.row,
        column: mapping.clientId ?? null,
        field: 'clientId',
        code: found === 'ambiguous' ? 'client_ambiguous' : 'client_unknown',
        value: written,
        externalId: r.event?.externalId ?? r.errors[0]?.externalId ?? '',
      });
      r.event = null;
    }
  }
  const timeColumn = mapping.occurredAt ? file.table.columns.indexOf(mapping.occurredAt) : -1;
  const timeCells =
    timeColumn < 0
      ? []
      : file.table.rows.map((r) => r.cells[timeColumn]).filter((c): c is string | number => typeof c === 'string' || typeof c === 'number');
  return {
    ...file,
    metricKind,
    memory,
    suggestedMapping,
    settings,
    problems,
    rows,
    clients,
    detectedDateFormat: detectDateFormat(timeCells),
  };
}

function cellText(cell: unknown): string {
  return cell === null || cell === undefined ? '' : String(cell);
}

/** The detected columns, the mapping used (and the guessed and remembered ones), the first 20 rows as read, the errors. */
export async function previewImport(ctx: OrgContext, promiseId: string, input: TImportInput) {
  const p = await prepare(ctx, promiseId, input);
  const errors = [...p.problems, ...p.rows.flatMap((r) => r.errors)];
  const byRow = new Map(p.table.rows.map((r) => [r.row, r.cells]));
  const readRows: ReadRow[] = p.rows.length > 0 ? p.rows : p.table.rows.map((r) => ({ row: r.row, event: null, errors: [] }));
  return {
    fileKind: p.fileKind,
    encoding: p.encoding,
    delimiter: p.delimiter,
    columns: p.table.columns,
    metricKind: p.metricKind,
    suggestedMapping: p.suggestedMapping,
    remembered: p.memory,
    ...p.settings,
    detectedDateFormat: p.detectedDateFormat,
    totalRows: p.table.rows.length,
    validRows: p.rows.filter((r) => r.event !== null).length,
    rows: readRows.slice(0, PREVIEW_ROWS).map((r) => {
      const client = r.event?.client ? p.clients.get(r.event.client) : undefined;
      const known = client !== undefined && client !== 'ambiguous' ? client : null;
      return {
        row: r.row,
        cells: p.table.columns.map((_, i) => cellText(byRow.get(r.row)?.[i])),
        event: r.event
          ? {
              externalId: r.event.externalId,
              occurredAt: r.event.occurredAt,
              good: r.event.good ?? null,
              value: r.event.value ?? null,
              clientId: known?.id ?? null,
              clientName: known?.name ?? null,
            }
          : null,
        errors: r.errors,
      };
    }),
    errors: errors.slice(0, PREVIEW_ERRORS),
    errorCount: errors.length,
  };
}

/**
 * Imports the rows that read well through the idempotent ingest (a rerun counts nothing twice);
 * each other row is refused with its errors. The mapping, time zone and date format are remembered.
 */
export async function importEvents(ctx: OrgContext, promiseId: string, input: TImportInput) {
  const p = await prepare(ctx, promiseId, input);
  if (p.problems.length > 0) {
    const fields = p.problems.map((e) =>
      e.code === 'mapping_missing'
        ? fieldError(`mapping.${e.field}`, 'required', 'required: which column holds it')
        : fieldError(`mapping.${e.field}`, 'missing_column', `no column "${e.value}" in the file`, { column: e.value }),
    );
    throw new AppError('validation_failed', `mapping: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`, fields);
  }
  const rejected: ImportError[] = p.rows.flatMap((r) => r.errors);
  const refusedRows = new Set(p.rows.filter((r) => r.event === null).map((r) => r.row));
  const good = p.rows.filter((r) => r.event !== null);
  let accepted = 0;
  let duplicates = 0;
  for (let i = 0; i < good.length; i += MAX_EVENTS_PER_REQUEST) {
    const batch = good.slice(i, i + MAX_EVENTS_PER_REQUEST);
    const events: TEventInput[] = batch.map(({ event }) => {
      const client = event!.client ? p.clients.get(event!.client) : undefined;
      return {
        externalId: event!.externalId,
        occurredAt: event!.occurredAt,
        good: event!.good,
        value: event!.value,
        clientId: client && client !== 'ambiguous' ? client.id : undefined,
      };
    });
    const result = await ingestEvents(ctx, promiseId, events);
    accepted += result.accepted;
    duplicates += result.duplicates;
    for (const refusal of result.rejected) {
      const row = batch[refusal.index]!.row;
      const { code, field } = refusalCode(refusal.reason);
      refusedRows.add(row);
      rejected.push({
        row,
        column: field ? (p.settings.mapping[field] ?? null) : null,
        field,
        code,
        value: refusal.reason,
        externalId: refusal.externalId ?? '',
      });
    }
  }
  await remember(ctx, promiseId, p.settings);
  rejected.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { accepted, duplicates, rejectedRows: refusedRows.size, rejected: rejected.slice(0, RESULT_ERRORS) };
}
