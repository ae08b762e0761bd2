import type { FieldError } from '../../shared/api/client';

/** A CSV import problem located in the file: `row 4.severity` → row 4, column `severity`. */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  /** The server's field error, translated by its code. */
  field: FieldError;
}

const COLUMNS = new Set([
  'type',
  'text',
  'jobKind',
  'importance',
  'severity',
  'frequency',
  'contextWhere',
  'contextWhen',
  'contextWho',
  'contextChannel',
  'status',
]);

/** Reads the import's field paths; a column the interface has no name for stays as the server wrote it. */
export function importProblemsOf(fields: readonly FieldError[]): ImportProblem[] {
  return fields.map((field) => {
    const match = /^row (\d+)(?:\.(.+))?$/.exec(field.path);
    if (!match) return { row: null, column: field.path === 'csv' ? null : field.path, field };
    return { row: Number(match[1]), column: match[2] ?? null, field };
  });
}

/** True when the interface has a translated name for the column. */
export function isKnownColumn(column: string): boolean {
  return COLUMNS.has(column);
}
