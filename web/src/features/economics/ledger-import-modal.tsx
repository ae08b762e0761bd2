import { Alert, Button, Code, FileButton, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { messageOfError, translateFieldError } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { economicsApi } from './economics.api';
import { localizeEconomicsError } from './economics-errors';
import { type ImportProblem, importProblemsOf } from './economics-model';
import { ledgerImportExample } from './ledger-import-example';
import { useEconomicsFormat } from './use-economics-format';

interface LedgerImportModalProps {
  opened: boolean;
  period: string;
  onClose: () => void;
  onImported: (count: number) => void;
}

/** Ledger lines from CSV, all or nothing: each problem is listed by its line of the file and column. */
export function LedgerImportModal({ opened, period, onClose, onImported }: LedgerImportModalProps) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const [csv, setCsv] = useState('');
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const importing = useMutationForm([]);

  useEffect(() => {
    if (!opened) return;
    setCsv('');
    setProblems([]);
    setFailure(null);
  }, [opened]);

  const load = async (file: File | null) => {
    if (!file) return;
    setCsv(await file.text());
    setProblems([]);
    setFailure(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!csv.trim()) return setFailure(t('economics.errors.noRows'));
    void importing.run(
      async () => {
        const result = await economicsApi.importLedger(org.slug, period, csv);
        onImported(result.imported);
        onClose();
      },
      // Every refusal is shown in the modal itself: row by row, or as one sentence.
      {
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0) {
            setProblems(
              importProblemsOf(
                (localizeEconomicsError(error, format.money) as ApiError).fields.map((field) => ({
                  ...field,
                  message: translateFieldError(field),
                })),
              ),
            );
            setFailure(t('economics.import.failed', { count: error.fields.length }));
          } else {
            setProblems([]);
            setFailure(messageOfError(error));
          }
          return null;
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('economics.import.title', { month: format.monthInSentence(period) })}
      size="xl"
      data-testid="ledger-import"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('economics.import.help')}</Text>
          <Code block>{ledgerImportExample(i18n.getFixedT(org.locale), org.locale)}</Code>
          <Group>
            <FileButton onChange={(file) => void load(file)} accept=".csv,text/csv,text/plain">
              {(props) => (
                <Button variant="default" {...props}>
                  {t('economics.import.chooseFile')}
                </Button>
              )}
            </FileButton>
          </Group>
          <Textarea
            label={t('economics.import.csv')}
            autosize
            minRows={6}
            maxRows={16}
            ff="monospace"
            value={csv}
            onChange={(event) => {
              setCsv(event.currentTarget.value);
              setFailure(null);
            }}
          />
          {failure ? (
            <Alert color="red" title={failure} data-testid="import-failure">
              {problems.length > 0 ? (
                <Table fz="sm" verticalSpacing={4} data-testid="import-problems">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('economics.import.line')}</Table.Th>
                      <Table.Th>{t('economics.import.column')}</Table.Th>
                      <Table.Th>{t('economics.import.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {problems.map((problem) => (
                      <Table.Tr key={`${problem.line}-${problem.column}-${problem.message}`} data-testid="import-problem">
                        <Table.Td>{problem.line ?? '—'}</Table.Td>
                        <Table.Td>
                          {problem.column ? t(`economics.import.columns.${problem.column}`, { defaultValue: problem.column }) : '—'}
                        </Table.Td>
                        <Table.Td>{problem.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
              <Text size="sm" mt="xs">
                {t('economics.import.nothingImported')}
              </Text>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={importing.isBusy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={importing.isBusy}>
              {t('economics.import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
