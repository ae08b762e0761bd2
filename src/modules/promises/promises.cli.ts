/**
 * `clientocracy events import --org SLUG --promise ID FILE [--map …] [--tz ZONE] [--date-format F]`:
 * a CSV or .xlsx file (by its extension) read through a column mapping, rows judged one by one,
 * errors named by row as the file counts them (header = row 1); a rerun counts nothing twice.
 */
import { AppError, fieldError } from '../../core/errors.js';
import { type ImportErrorCode, MAPPING_FIELDS, type MappingField } from '../../core/import/events.js';
import { zodToAppError } from '../../http/errors.js';
import { orgContext, unknownCommand } from '../cli-kit.js';
import type { OrgContext } from '../context.js';
import type { CliCommand } from '../module.js';
import { ZImportInput } from './import.schema.js';
import { importEvents, previewImport } from './import.service.js';

/** What each error code means, in the CLI's words (English, like its other messages). */
const WORDS: Record<ImportErrorCode, string> = {
  mapping_missing: 'no column chosen',
  mapping_unknown_column: 'no such column in the file',
  required: 'empty',
  id_too_long: 'longer than 200 characters',
  date_invalid: 'not a date and time (ISO, dd.mm.yyyy HH:MM, yyyy-mm-dd HH:MM or an Excel serial)',
  good_invalid: 'not an outcome (1/0, да/нет, yes/no, true/false, успешно/неуспешно)',
  value_invalid: 'not a number',
  client_unknown: 'no such client (by id, external code, e-mail or name)',
  client_ambiguous: 'two or more clients have this name: use the e-mail or external code',
  occurred_future: 'more than a day in the future',
  occurred_too_old: 'more than 400 days before the promise was made',
  refused: 'refused',
};

/** `externalId=Номер заявки,occurredAt=Дата,value=Часы` → the mapping (API field = the file's column header). */
export function parseMapOption(text: string): Partial<Record<MappingField, string>> {
  const mapping: Partial<Record<MappingField, string>> = {};
  for (const pair of text.split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    const field = (at < 0 ? pair : pair.slice(0, at)).trim();
    const column = at < 0 ? '' : pair.slice(at + 1).trim();
    if (!(MAPPING_FIELDS as readonly string[]).includes(field) || column === '') {
      const message = `"${pair.trim()}": write FIELD=COLUMN with FIELD one of ${MAPPING_FIELDS.join(', ')}`;
      throw new AppError('validation_failed', `--map: ${message}`, [
        fieldError('map', 'invalid_format', message, { format: 'FIELD=COLUMN' }),
      ]);
    }
    mapping[field as MappingField] = column;
  }
  return mapping;
}

export interface EventsImportInput {
  promise?: string;
  fileName: string;
  bytes: Uint8Array;
  map?: string;
  tz?: string;
  dateFormat?: string;
}

export async function runEventsImport(
  ctx: OrgContext,
  input: EventsImportInput,
): Promise<{ stdout: string; stderr: string[]; exitCode: number }> {
  if (!input.promise)
    throw new AppError('validation_failed', '--promise: required (the promise id)', [fieldError('promise', 'required', 'required')]);
  const parsed = ZImportInput.safeParse({
    fileName: input.fileName,
    contentBase64: Buffer.from(input.bytes).toString('base64'),
    mapping: input.map === undefined ? undefined : parseMapOption(input.map),
    timeZone: input.tz,
    dateFormat: input.dateFormat === 'auto' || input.dateFormat === undefined ? input.dateFormat : input.dateFormat.toLowerCase(),
  });
  if (!parsed.success) {
    const error = zodToAppError(parsed.error, 'input');
    // The options' names, not the API's fields.
    const option = (path: string) =>
      ({ timeZone: '--tz', dateFormat: '--date-format', fileName: 'FILE', contentBase64: 'FILE' })[path.split('.')[0] as string] ?? path;
    throw new AppError(
      error.code,
      error.fields.map((f) => `${option(f.path)}: ${f.message}`).join('; ') || error.message,
      error.fields.map((f) => ({ ...f, path: option(f.path) })),
    );
  }
  let result: Awaited<ReturnType<typeof importEvents>>;
  try {
    result = await importEvents(ctx, input.promise, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.fields.some((f) => f.path.startsWith('mapping.'))) {
      const preview = await previewImport(ctx, input.promise, parsed.data);
      const missing = error.fields.map((f) => `${f.path.slice('mapping.'.length)}: ${f.message}`).join('; ');
      throw new AppError(
        'validation_failed',
        `--map: ${missing}. The file's columns: ${preview.columns.map((c) => `"${c}"`).join(', ')}; e.g. --map "externalId=${preview.columns[0]},occurredAt=…,${preview.metricKind === 'ratio' ? 'good' : 'value'}=…"`,
        error.fields,
      );
    }
    throw error;
  }
  const stderr = result.rejected.map((e) => {
    const id = e.externalId ? ` (${e.externalId})` : '';
    const where = e.field ? `${e.field}${e.column && e.column !== e.field ? ` (column "${e.column}")` : ''}: ` : '';
    const what =
      e.code === 'refused'
        ? e.value
        : `${WORDS[e.code]}${e.value && e.code !== 'occurred_future' && e.code !== 'occurred_too_old' ? `: "${e.value}"` : ''}`;
    return `row ${e.row}${id}: ${where}${what}`;
  });
  return {
    stderr,
    stdout: `accepted ${result.accepted}, duplicates ${result.duplicates}, rejected ${result.rejectedRows}`,
    exitCode: result.rejectedRows > 0 ? 1 : 0,
  };
}

export const PROMISES_COMMANDS: CliCommand[] = [
  {
    name: 'events',
    scope: 'organization',
    input: 'bytes',
    help: `  events import --org SLUG --promise ID FILE.csv|FILE.xlsx [--map "FIELD=COLUMN,…"] [--tz ZONE]
                [--date-format auto|iso|dd.mm.yyyy|yyyy-mm-dd|excel]
                            Send fulfillment events from a spreadsheet: CSV (, ; or tab; UTF-8 or
                            Windows-1251) or .xlsx (first sheet), by the extension; stdin is CSV.
                            --map names the column of each field: externalId, occurredAt, good (1/0,
                            да/нет, yes/no, true/false, успешно/неуспешно) or value (decimal comma
                            allowed), clientId (a client's id, external code, e-mail or name), e.g.
                            --map "externalId=Номер заявки,occurredAt=Дата,value=Часы" (default: the
                            mapping last used for the promise, else guessed from the headers). Times
                            without an offset are in --tz (default: the organization's time zone).
                            Refused rows are named by row as the file counts them (header = row 1),
                            exit 1; a rerun counts nothing twice.`,
    options: { promise: { type: 'string' }, map: { type: 'string' }, tz: { type: 'string' }, 'date-format': { type: 'string' } },
    async run(db, input) {
      if (input.sub !== 'import') throw unknownCommand(input);
      const { values } = input;
      const ctx = await orgContext(db, values.org, input.now);
      return runEventsImport(ctx, {
        promise: values.promise,
        fileName: input.inputName ?? 'stdin.csv',
        bytes: input.readInputBytes ? input.readInputBytes() : Buffer.from(input.readInput()),
        map: values.map,
        tz: values.tz,
        dateFormat: values['date-format'],
      });
    },
  },
];
