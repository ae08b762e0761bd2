import { Box, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (item: T) => ReactNode;
  /** The card's title on a narrow screen. */
  isPrimary?: boolean;
  /** Buttons: shown without a label at the bottom of a card. */
  isActions?: boolean;
  align?: 'left' | 'right';
  width?: number | string;
}

interface DataListProps<T> {
  items: T[];
  columns: Column<T>[];
  rowKey: (item: T) => string;
  testId?: string;
  /** Below this width the table scrolls sideways on a mid-size screen. */
  minWidth?: number;
  rowProps?: (item: T) => Record<string, unknown>;
  /** Inside another card: no border of its own around the table. */
  isEmbedded?: boolean;
}

/** True on a phone-sized screen, where lists become cards instead of tables. */
export function useIsNarrow(): boolean {
  return useMediaQuery('(max-width: 47.99em)') ?? false;
}

/** A list as a table on wide screens and as cards on a phone, from one set of columns. */
export function DataList<T>({ items, columns, rowKey, testId, minWidth = 640, rowProps, isEmbedded }: DataListProps<T>) {
  const isNarrow = useIsNarrow();
  if (isNarrow) {
    return (
      <Stack gap="sm" data-testid={testId}>
        {items.map((item) => (
          <Paper key={rowKey(item)} withBorder radius="md" p="md" {...rowProps?.(item)}>
            <Stack gap={8}>
              {columns
                .filter((column) => column.isPrimary)
                .map((column) => (
                  <Box key={column.key} fz="sm">
                    {column.render(item)}
                  </Box>
                ))}
              {columns
                .filter((column) => !column.isPrimary && !column.isActions)
                .map((column) => (
                  <Group key={column.key} gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="xs" c="dimmed" w={110} style={{ flexShrink: 0 }} pt={2}>
                      {column.header}
                    </Text>
                    <Box fz="sm" style={{ minWidth: 0, flex: 1, overflowWrap: 'anywhere' }}>
                      {column.render(item)}
                    </Box>
                  </Group>
                ))}
              {columns
                .filter((column) => column.isActions)
                .map((column) => (
                  <Group key={column.key} justify="flex-end">
                    {column.render(item)}
                  </Group>
                ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  const table = (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} ta={column.align} w={column.width}>
                {column.isActions ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={rowKey(item)} {...rowProps?.(item)}>
              {columns.map((column) => (
                <Table.Td key={column.key} ta={column.align}>
                  {column.render(item)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  return isEmbedded ? (
    table
  ) : (
    <Paper withBorder radius="md">
      {table}
    </Paper>
  );
}
