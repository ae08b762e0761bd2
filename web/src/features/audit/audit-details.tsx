import { Code, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../shared/api/types';
import { useFormat } from '../../shared/format';
import { useIsNarrow } from '../../shared/ui/data-list';
import { diffOf, instantOf } from './audit-diff';

function ValueCell({ field, value }: { field: string; value: unknown }) {
  const format = useFormat();
  if (value === undefined) return <Text c="dimmed">—</Text>;
  // The API writes a snapshot's instants in ISO 8601; a person reads them in the organization's time zone.
  const instant = instantOf(field, value);
  if (instant !== null) return <Text size="sm">{format.dateTime(instant)}</Text>;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return (
    <Text
      size="sm"
      style={{ overflowWrap: 'anywhere', fontFamily: typeof value === 'string' ? undefined : 'var(--mantine-font-family-monospace)' }}
    >
      {text}
    </Text>
  );
}

/** The before/after of one audit entry: a field-by-field comparison and the raw JSON. */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = diffOf(entry.before, entry.after);
  const isNarrow = useIsNarrow();
  return (
    <Tabs defaultValue="changes" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="changes">{t('audit.changes')}</Tabs.Tab>
        <Tabs.Tab value="json">JSON</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="changes" pt="xs">
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('audit.noDetails')}
          </Text>
        ) : isNarrow ? (
          <Stack gap="xs">
            {rows.map((row) => (
              <Paper key={row.field} withBorder p="xs" radius="sm" bg={row.isChanged ? 'var(--mantine-color-yellow-0)' : undefined}>
                <Code>{row.field}</Code>
                <Group gap={6} mt={4} wrap="nowrap" align="flex-start">
                  <Text size="xs" c="dimmed" w={52} style={{ flexShrink: 0 }}>
                    {t('audit.before')}
                  </Text>
                  <ValueCell field={row.field} value={row.before} />
                </Group>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Text size="xs" c="dimmed" w={52} style={{ flexShrink: 0 }}>
                    {t('audit.after')}
                  </Text>
                  <ValueCell field={row.field} value={row.after} />
                </Group>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={520} type="native">
            <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" bg="white">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="20%">{t('audit.field')}</Table.Th>
                  <Table.Th w="40%">{t('audit.before')}</Table.Th>
                  <Table.Th w="40%">{t('audit.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.field} bg={row.isChanged ? 'var(--mantine-color-yellow-0)' : undefined}>
                    <Table.Td>
                      <Code>{row.field}</Code>
                    </Table.Td>
                    <Table.Td>
                      <ValueCell field={row.field} value={row.before} />
                    </Table.Td>
                    <Table.Td>
                      <ValueCell field={row.field} value={row.after} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Tabs.Panel>
      <Tabs.Panel value="json" pt="xs">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <div>
            <Text size="xs" fw={600} mb={4}>
              {t('audit.before')}
            </Text>
            <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {JSON.stringify(entry.before, null, 2)}
            </Code>
          </div>
          <div>
            <Text size="xs" fw={600} mb={4}>
              {t('audit.after')}
            </Text>
            <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {JSON.stringify(entry.after, null, 2)}
            </Code>
          </div>
        </SimpleGrid>
      </Tabs.Panel>
    </Tabs>
  );
}
