import { VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ChartTableRow {
  /** Unique within the table: the row's heading as text. */
  key: string;
  /** The row's heading (first column), then one cell per remaining column. */
  cells: ReactNode[];
}

interface ChartTableProps {
  caption: string;
  columns: string[];
  rows: ChartTableRow[];
  testId?: string;
}

/**
 * A chart's figures as a table that screen readers read and nobody sees (WCAG 1.1.1): the text alternative beside the
 * chart's `role="img"` summary, so every value, not only the summary, is there for those who cannot see the canvas.
 */
export function ChartTable({ caption, columns, rows, testId = 'chart-table' }: ChartTableProps) {
  return (
    <VisuallyHidden>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, column) =>
                column === 0 ? (
                  <th key={columns[column]} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={columns[column]}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}
