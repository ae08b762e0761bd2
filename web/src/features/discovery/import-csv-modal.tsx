import { Alert, Button, FileInput, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { notifyError, notifySuccess, translateFieldError } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { useIsNarrow } from '../../shared/ui/data-list';
import { discoveryApi, type ImportResult } from './discovery.api';
import { ImportColumnsHelp } from './import-columns-help';
import { type ImportProblem, importProblemsOf, isKnownColumn } from './import-errors';

interface ImportCsvModalProps {
  opened: boolean;
  segmentId: string;
  onClose: () => void;
  onImported: () => void;
}

/** Needs and pains from a survey export: check first, then import all rows or none. */
export function ImportCsvModal({ opened, segmentId, onClose, onImported }: ImportCsvModalProps) {
  const { t } = useTranslation();
  // «3 потребности и 5 болей»: each count agrees with its own noun.
  const counted = (n: { needs: number; pains: number }) => ({
    needs: t('importCsv.needs', { count: n.needs }),
    pains: t('importCsv.pains', { count: n.pains }),
  });
  const { org } = useOrg();
  const isNarrow = useIsNarrow();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const result = useRef<HTMLDivElement>(null);

  // The answer of a check is below the help and the text: bring it into view.
  useEffect(() => {
    if (checked || problems.length > 0) result.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [checked, problems]);

  useEffect(() => {
    if (!opened) return;
    setCsv('');
    setFile(null);
    setChecked(null);
    setProblems([]);
  }, [opened]);

  const edit = (text: string) => {
    setCsv(text);
    setChecked(null);
    setProblems([]);
  };
  const pick = async (picked: File | null) => {
    setFile(picked);
    if (picked) edit(await picked.text());
  };

  const send = async (dryRun: boolean) => {
    setBusy(dryRun ? 'check' : 'import');
    try {
      const result = await discoveryApi.importCsv(org.slug, segmentId, csv, dryRun);
      setProblems([]);
      if (dryRun) return setChecked(result);
      notifySuccess(t('importCsv.imported', counted(result)));
      onImported();
      onClose();
    } catch (error) {
      setChecked(null);
      if (error instanceof ApiError && error.code === 'validation_failed' && error.fields.length > 0)
        setProblems(importProblemsOf(error.fields));
      else notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  const describe = (problem: ImportProblem) => {
    const column = problem.column ? (isKnownColumn(problem.column) ? t(`importCsv.columns.${problem.column}`) : problem.column) : null;
    const place =
      problem.row === null
        ? column
        : column
          ? t('importCsv.rowColumn', { row: problem.row, column })
          : t('importCsv.row', { row: problem.row });
    const message = translateFieldError(problem.field);
    // After "Row 4, severity:" the message reads on in lower case.
    return place ? `${place}: ${message.charAt(0).toLocaleLowerCase()}${message.slice(1)}` : message;
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('importCsv.title')} size="xl" fullScreen={isNarrow}>
      <Stack gap="sm">
        <Text size="sm">{t('importCsv.description')}</Text>
        <ImportColumnsHelp />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label={t('importCsv.file')}
            placeholder={t('importCsv.filePlaceholder')}
            accept=".csv,text/csv,text/plain"
            value={file}
            onChange={(picked) => void pick(picked)}
            clearable
            style={{ flex: '1 1 240px' }}
          />
          <Button variant="subtle" onClick={() => edit(t('importCsv.example'))}>
            {t('importCsv.insertExample')}
          </Button>
        </Group>
        <Textarea
          label={t('importCsv.paste')}
          value={csv}
          onChange={(event) => edit(event.currentTarget.value)}
          autosize
          minRows={5}
          maxRows={12}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          data-testid="import-text"
        />
        <div ref={result}>
          {checked ? (
            <Alert color="teal" title={t('importCsv.checkedTitle')} data-testid="import-checked">
              {t('importCsv.checked', counted(checked))}
            </Alert>
          ) : null}
          {problems.length > 0 ? (
            <Alert color="red" title={t('importCsv.problemsTitle', { count: problems.length })} data-testid="import-problems">
              <List size="sm" spacing={2}>
                {problems.map((problem, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the server's list has no ids and does not change order
                  <List.Item key={i}>{describe(problem)}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
        </div>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="light" onClick={() => void send(true)} loading={busy === 'check'} disabled={!csv.trim() || busy !== null}>
            {t('importCsv.check')}
          </Button>
          <Button onClick={() => void send(false)} loading={busy === 'import'} disabled={!csv.trim() || busy !== null}>
            {t('importCsv.import')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
