import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIsNarrow } from '../../shared/ui/data-list';

/** The columns the import reads: English header, the Russian one also accepted, and what goes in. */
const ROWS = [
  ['type', 'тип', 'type'],
  ['text', 'текст', 'text'],
  ['job_kind', 'вид', 'jobKind'],
  ['importance', 'важность', 'importance'],
  ['severity', 'серьёзность', 'severity'],
  ['frequency', 'частота', 'frequency'],
  ['where, when, who, channel', 'где, когда, кто, канал', 'context'],
  ['status', 'статус', 'status'],
] as const;

export function ImportColumnsHelp() {
  const { t } = useTranslation();
  const isNarrow = useIsNarrow();
  const delimiter = (
    <Text size="xs" c="dimmed">
      {t('importCsv.delimiter')}
    </Text>
  );
  if (isNarrow) {
    return (
      <Stack gap={6} data-testid="import-columns">
        {ROWS.map(([name, russian, key]) => (
          <Text key={name} size="xs">
            <Code>{name}</Code> · <Code>{russian}</Code> — {t(`importCsv.help.${key}`)}
          </Text>
        ))}
        {delimiter}
      </Stack>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={460} type="native">
        <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4} data-testid="import-columns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('importCsv.columnHeader')}</Table.Th>
              <Table.Th>{t('importCsv.columnMeaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ROWS.map(([name, russian, key]) => (
              <Table.Tr key={name}>
                <Table.Td>
                  <Code>{name}</Code>{' '}
                  <Text span size="xs" c="dimmed">
                    · <Code>{russian}</Code>
                  </Text>
                </Table.Td>
                <Table.Td>{t(`importCsv.help.${key}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {delimiter}
    </>
  );
}
