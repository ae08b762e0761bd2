import { describe, expect, it } from 'vitest';
import { importProblemsOf, isKnownColumn } from './import-errors';

describe('CSV import problems', () => {
  it('name the row and the column of each error', () => {
    expect(
      importProblemsOf([
        { path: 'row 4.severity', message: 'must be 1–5' },
        { path: 'row 2', message: 'no data rows' },
        { path: 'csv', message: 'must not be empty' },
      ]),
    ).toEqual([
      { row: 4, column: 'severity', message: 'must be 1–5' },
      { row: 2, column: null, message: 'no data rows' },
      { row: null, column: null, message: 'must not be empty' },
    ]);
  });

  it('know the columns the import reads', () => {
    expect(isKnownColumn('contextWhere')).toBe(true);
    expect(isKnownColumn('row')).toBe(false);
  });
});
