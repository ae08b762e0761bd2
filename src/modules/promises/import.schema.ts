import { z } from 'zod';
import { DATE_FORMATS } from '../../core/import/dates.js';
import { IMPORT_ERROR_CODES, MAPPING_FIELDS } from '../../core/import/events.js';
import { isTimeZone } from '../../core/org-rules.js';

/** A file of a few megabytes, base64 (4 characters per 3 bytes). */
export const MAX_IMPORT_FILE_BYTES = 8 * 1024 * 1024;

const ZColumn = z.string().trim().min(1).max(200);

export const ZImportMapping = z
  .object({
    externalId: ZColumn.optional(),
    occurredAt: ZColumn.optional(),
    good: ZColumn.optional(),
    value: ZColumn.optional(),
    clientId: ZColumn.optional(),
  })
  .describe('API field → the file\'s column header, e.g. {"externalId": "Номер заявки", "occurredAt": "Дата", "value": "Часы"}');

export const ZImportInput = z
  .object({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .regex(/\.(csv|tsv|txt|xlsx)$/i, 'must end in .csv, .tsv, .txt or .xlsx')
      .describe('the file’s name: .xlsx is read as a workbook (first worksheet), the others as delimited text')
      .meta({ examples: ['events.csv'] }),
    contentBase64: z
      .string()
      .min(1, 'send the file')
      .max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 4, 'at most 8 MB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
      .describe('the file’s bytes, base64: CSV (, ; or tab; UTF-8 with or without BOM, or Windows-1251) or .xlsx')
      .meta({ examples: ['ZXh0ZXJuYWxJZDtvY2N1cnJlZEF0O2dvb2Q7dmFsdWUKY2FzZS0xOzA4LjExLjIwMjYgMTU6MTU70LTQsDsyLDUK'] }),
    mapping: ZImportMapping.optional().describe('default: the mapping remembered for the promise, else one guessed from the headers'),
    timeZone: z
      .string()
      .trim()
      .max(64)
      .refine(isTimeZone, { message: 'must be an IANA time zone, e.g. Europe/Moscow', params: { code: 'time_zone' } })
      .optional()
      .describe('of times written without an offset; default: the remembered one, else the organization’s'),
    dateFormat: z.enum(DATE_FORMATS).optional().describe('default: the remembered one, else auto (each cell as it reads)'),
  })
  .meta({ id: 'PromiseImport' });
export type TImportInput = z.output<typeof ZImportInput>;

export const ZImportError = z.object({
  row: z.number().int().nullable().describe('the row as the file counts it (header = 1); null: the mapping'),
  column: z.string().nullable(),
  field: z.enum(MAPPING_FIELDS).nullable(),
  code: z.enum(IMPORT_ERROR_CODES),
  value: z.string().describe('the cell as read (for a refusal by the ingest: its reason)'),
  externalId: z.string().describe('the row’s id as read (empty when it has none)'),
});

const ZReadRow = z.object({
  row: z.number().int(),
  cells: z.array(z.string()),
  event: z
    .object({
      externalId: z.string(),
      occurredAt: z.iso.datetime({ offset: true }).describe('the instant as read, ISO 8601 in UTC'),
      good: z.boolean().nullable(),
      value: z.number().nullable(),
      clientId: z.string().nullable(),
      clientName: z.string().nullable(),
    })
    .nullable(),
  errors: z.array(ZImportError),
});

const ZImportSettings = {
  mapping: ZImportMapping,
  timeZone: z.string(),
  dateFormat: z.enum(DATE_FORMATS),
};

export const ZImportPreview = z
  .object({
    fileKind: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    columns: z.array(z.string()),
    metricKind: z.enum(['ratio', 'threshold']),
    suggestedMapping: ZImportMapping,
    remembered: z.object(ZImportSettings).nullable(),
    ...ZImportSettings,
    detectedDateFormat: z.enum(DATE_FORMATS).nullable(),
    totalRows: z.number().int(),
    validRows: z.number().int(),
    rows: z.array(ZReadRow).describe('the first 20 rows as they will be read'),
    errors: z.array(ZImportError).describe('the first 200 errors, by row and column'),
    errorCount: z.number().int(),
  })
  .meta({ id: 'PromiseImportPreview' });

export const ZImportResult = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejectedRows: z.number().int(),
    rejected: z.array(ZImportError).describe('why each refused row was refused (the first 1,000 errors)'),
  })
  .meta({ id: 'PromiseImportResult' });
