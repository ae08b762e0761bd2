import { Alert, Badge, List, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../shared/i18n';
import { describeImportError, type ImportError, type ImportPreview } from './events-import.api';
import { formatNumber } from './promise-format';

const SHOWN_ERRORS = 30;

/** A list of import errors by row and column, in the interface language. */
export function ImportErrorList({ errors, total, testId }: { errors: ImportError[]; total: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2} data-testid={testId}>
      {errors.slice(0, SHOWN_ERRORS).map((error) => (
        <List.Item key={`${error.row}-${error.column}-${error.code}-${error.field}`}>{describeImportError(error)}</List.Item>
      ))}
      {total > SHOWN_ERRORS ? <List.Item>{t('promises.import.moreErrors', { count: total - SHOWN_ERRORS })}</List.Item> : null}
    </List>
  );
}

/** The first rows as the import will read them (each row's number as the file counts it), and the errors. */
export function EventsImportPreview({ preview }: { preview: ImportPreview }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: preview.timeZone });
  const ratio = preview.metricKind === 'ratio';
  const hasMappingErrors = preview.errors.some((e) => e.row === null);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('promises.import.previewTitle')}
      </Title>
      <Text size="sm" c="dimmed" data-testid="import-file-info">
        {t('promises.import.fileInfo', {
          kind: preview.fileKind === 'xlsx' ? 'Excel .xlsx' : 'CSV',
          rows: t('promises.import.rows', { count: preview.totalRows }),
          valid: preview.validRows,
        })}
        {preview.encoding && preview.delimiter
          ? ` · ${t('promises.import.encoding', { encoding: preview.encoding, delimiter: preview.delimiter === '\t' ? 'Tab' : preview.delimiter })}`
          : ''}
      </Text>
      {hasMappingErrors ? null : (
        <ScrollArea.Autosize mah={320} type="auto">
          <Table striped withTableBorder fz="sm" verticalSpacing={4} data-testid="import-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('promises.import.columns.row')}</Table.Th>
                <Table.Th>{t('promises.import.columns.externalId')}</Table.Th>
                <Table.Th>{t('promises.import.columns.occurredAt')}</Table.Th>
                <Table.Th>{ratio ? t('promises.import.columns.outcome') : t('promises.import.columns.value')}</Table.Th>
                <Table.Th>{t('promises.import.columns.client')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => (
                <Table.Tr key={row.row} data-testid="import-preview-row" data-row={row.row}>
                  <Table.Td>{row.row}</Table.Td>
                  {row.event ? (
                    <>
                      <Table.Td>{row.event.externalId}</Table.Td>
                      <Table.Td>{time.format(new Date(row.event.occurredAt))}</Table.Td>
                      <Table.Td>
                        {ratio
                          ? row.event.good
                            ? t('promises.import.good')
                            : t('promises.import.bad')
                          : row.event.value !== null
                            ? formatNumber(row.event.value, i18n.language, 4)
                            : ''}
                      </Table.Td>
                      <Table.Td>{row.event.clientName ?? ''}</Table.Td>
                    </>
                  ) : (
                    <Table.Td colSpan={4}>
                      <Badge color="red" variant="light" size="sm" mr="xs">
                        {t('promises.import.unreadable')}
                      </Badge>
                      <Text span size="sm">
                        {row.cells.join(' · ')}
                      </Text>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {preview.errorCount > 0 ? (
        <Alert color="red" variant="light" title={t('promises.import.errorsTitle', { count: preview.errorCount })}>
          <ImportErrorList errors={preview.errors} total={preview.errorCount} testId="import-errors" />
        </Alert>
      ) : null}
    </Stack>
  );
}
