import { CsvSyntaxError, parseCsvWithLines } from '../../core/discovery/csv.js';
import { AppError, type FieldError, fieldError } from '../../core/errors.js';
import { fieldOfIssue } from '../../http/errors.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { type TCreateNeed, type TCreatePain, ZCreateNeed, ZCreatePain } from './discovery.schema.js';
import { insertItem } from './item.service.js';
import { requireSegment } from './segment.service.js';

/** Column names the import understands, with the Russian headers a survey export may carry. */
const COLUMNS: Record<string, string[]> = {
  type: ['type', 'тип'],
  text: ['text', 'текст'],
  jobKind: ['job_kind', 'jobkind', 'вид_работы', 'вид'],
  importance: ['importance', 'важность'],
  severity: ['severity', 'серьёзность', 'серьезность', 'тяжесть'],
  frequency: ['frequency', 'частота'],
  contextWhere: ['where', 'где'],
  contextWhen: ['when', 'когда'],
  contextWho: ['who', 'кто'],
  contextChannel: ['channel', 'канал'],
  status: ['status', 'статус'],
};
const TYPES: Record<string, 'need' | 'pain'> = { need: 'need', потребность: 'need', pain: 'pain', боль: 'pain' };
const JOB_KINDS: Record<string, string> = { функциональная: 'functional', социальная: 'social', эмоциональная: 'emotional' };

/** A job kind in English or Russian; empty means functional; anything else is left for the schema to refuse. */
function jobKindOf(value: string | undefined): string {
  const key = (value ?? '').toLowerCase();
  if (key === '') return 'functional';
  return Object.hasOwn(JOB_KINDS, key) ? (JOB_KINDS[key] as string) : key;
}

export type ImportRow = { kind: 'need'; input: TCreateNeed } | { kind: 'pain'; input: TCreatePain };

/**
 * Turns CSV text into validated needs and pains. Pure: every problem is reported as
 * `{path: "row N.column", message}` — N is the line of the file the row starts on (the header is
 * line 1) and the column is named as in the file's header — and nothing is returned unless every
 * row is valid.
 */
export function readImportRows(csv: string): { rows: ImportRow[]; errors: FieldError[] } {
  let table: { cells: string[]; line: number }[];
  try {
    table = parseCsvWithLines(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: [], errors: [fieldError(`row ${error.row}`, 'csv_format', error.message)] };
    throw error;
  }
  const headerCells = (table[0]?.cells ?? []).map((h) => h.trim());
  const header = headerCells.map((h) => h.toLowerCase());
  const index: Record<string, number> = {};
  for (const [field, names] of Object.entries(COLUMNS)) {
    const at = header.findIndex((h) => names.includes(h));
    if (at >= 0) index[field] = at;
  }
  const errors: FieldError[] = [];
  for (const required of ['type', 'text']) {
    if (index[required] === undefined)
      errors.push(fieldError(`row 1.${required}`, 'missing_column', `the header needs a "${required}" column`, { column: required }));
  }
  if (table.length < 2) errors.push(fieldError('row 2', 'no_rows', 'no data rows'));
  /** The column as the file names it, for error paths; the field name when the file lacks it. */
  const columnOf = (field: string) => (index[field] === undefined ? field : (headerCells[index[field] as number] ?? field));
  if (errors.length) return { rows: [], errors };
  const rows: ImportRow[] = [];
  table.slice(1).forEach(({ cells, line: rowNo }) => {
    const cell = (field: string) => (index[field] === undefined ? undefined : (cells[index[field] as number] ?? '').trim());
    const num = (field: string) => {
      const value = cell(field);
      return value === undefined || value === '' ? undefined : Number(value.replace(',', '.'));
    };
    const typeText = (cell('type') ?? '').toLowerCase();
    // Own keys only: "constructor" or "__proto__" in a file must not pass as a type.
    const kind = Object.hasOwn(TYPES, typeText) ? TYPES[typeText] : undefined;
    if (!kind) {
      errors.push(
        fieldError(`row ${rowNo}.${columnOf('type')}`, 'invalid_option', 'must be need or pain (потребность / боль)', {
          values: ['need', 'pain'],
        }),
      );
      return;
    }
    const raw =
      kind === 'need'
        ? {
            jobKind: jobKindOf(cell('jobKind')),
            text: cell('text'),
            importance: num('importance'),
          }
        : {
            text: cell('text'),
            severity: num('severity'),
            frequency: num('frequency'),
            contextWhere: cell('contextWhere'),
            contextWhen: cell('contextWhen'),
            contextWho: cell('contextWho'),
            contextChannel: cell('contextChannel'),
            status: cell('status') || undefined,
          };
    const parsed = (kind === 'need' ? ZCreateNeed : ZCreatePain).safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(fieldOfIssue(issue, 'row', `row ${rowNo}.${issue.path.length ? columnOf(String(issue.path[0])) : 'row'}`));
      return;
    }
    rows.push({ kind, input: parsed.data } as ImportRow);
  });
  return errors.length ? { rows: [], errors } : { rows, errors };
}

/** Imports needs and pains into a segment, all or nothing; `dryRun` validates without writing. */
export async function importSegmentCsv(ctx: OrgContext, segmentId: string, csv: string, dryRun: boolean) {
  await requireSegment(ctx.db, ctx, segmentId);
  const { rows, errors } = readImportRows(csv);
  if (errors.length) {
    const first = errors[0] as FieldError;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new AppError('validation_failed', `csv: ${first.path}: ${first.message}${more}; nothing was imported`, errors);
  }
  const counts = { needs: rows.filter((r) => r.kind === 'need').length, pains: rows.filter((r) => r.kind === 'pain').length };
  if (dryRun) return { imported: false, ...counts };
  return ctx.db.transaction().execute(async (tx) => {
    await requireSegment(tx, ctx, segmentId);
    for (const row of rows) await insertItem(tx, ctx, row.kind, segmentId, row.input);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'segment.imported',
      entityType: 'segment',
      entityId: segmentId,
      after: counts,
      at: ctx.now,
    });
    return { imported: true, ...counts };
  });
}
