import { describe, expect, it } from 'vitest';
import { importProblemsOf, isKnownColumn } from './import-errors';

describe('CSV import problems', () => {
  it('name the row and the column of each error', () => {
    const severity = { path: 'row 4.severity', code: 'too_big', params: { maximum: 5 }, message: 'must be 1–5' } as const;
    const noRows = { path: 'row 2', code: 'no_rows', params: {}, message: 'no data rows' } as const;
    const empty = { path: 'csv', code: 'required', params: {}, message: 'must not be empty' } as const;
    expect(importProblemsOf([severity, noRows, empty])).toEqual([
      { row: 4, column: 'severity', field: severity },
      { row: 2, column: null, field: noRows },
      { row: null, column: null, field: empty },
    ]);
  });

  it('know the columns the import reads', () => {
    expect(isKnownColumn('contextWhere')).toBe(true);
    expect(isKnownColumn('row')).toBe(false);
  });
});
