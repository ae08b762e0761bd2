import { Alert, Button, FileInput, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOfError } from '../../shared/api/error-messages';
import { useOrg } from '../../shared/session/org-context';
import { type ImportInput, type ImportPreview, type ImportResult, importApi, toBase64 } from './events-import.api';
import { EventsImportPreview, ImportErrorList } from './events-import-preview';
import { EventsImportSettings } from './events-import-settings';

interface EventsImportModalProps {
  opened: boolean;
  promiseId: string;
  metricKind: 'ratio' | 'threshold';
  onClose: () => void;
  /** Events were accepted: the page reads its figures again. */
  onImported: () => void;
}

type FileSource = Pick<ImportInput, 'fileName' | 'contentBase64'>;

/**
 * Fulfillment events from the organization's own spreadsheet (CSV or .xlsx): the file is read by the
 * server, the columns are mapped (the mapping remembered for the promise, or guessed, preselected),
 * the first 20 rows shown as they will be read with the errors by row and column, then imported;
 * a row sent again never counts twice.
 */
export function EventsImportModal({ opened, promiseId, onClose, onImported }: EventsImportModalProps) {
  const { t } = useTranslation();
  const org = useOrg().org.slug;
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [source, setSource] = useState<FileSource | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [isReading, setReading] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const request = useRef(0);

  useEffect(() => {
    if (!opened) return;
    setFile(null);
    setText('');
    setSource(null);
    setPreview(null);
    setProblem(null);
    setResult(null);
  }, [opened]);

  const read = async (next: FileSource, settings: Pick<ImportInput, 'mapping' | 'timeZone' | 'dateFormat'> = {}) => {
    const mine = ++request.current;
    setSource(next);
    setProblem(null);
    setResult(null);
    setReading(true);
    try {
      const answer = await importApi.preview(org, promiseId, { ...next, ...settings });
      if (mine === request.current) setPreview(answer);
    } catch (error) {
      if (mine === request.current) {
        setPreview(null);
        setProblem(messageOfError(error));
      }
    } finally {
      if (mine === request.current) setReading(false);
    }
  };

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    if (!chosen) return setSource(null);
    await read({ fileName: chosen.name, contentBase64: toBase64(new Uint8Array(await chosen.arrayBuffer())) });
  };

  const readPasted = () => read({ fileName: 'pasted.csv', contentBase64: toBase64(new TextEncoder().encode(text)) });

  const submit = async () => {
    if (!source || !preview) return;
    setImporting(true);
    setProblem(null);
    try {
      const answer = await importApi.import(org, promiseId, {
        ...source,
        mapping: preview.mapping,
        timeZone: preview.timeZone,
        dateFormat: preview.dateFormat,
      });
      setResult(answer);
      if (answer.accepted > 0) onImported();
    } catch (error) {
      setProblem(messageOfError(error));
    } finally {
      setImporting(false);
    }
  };

  const canImport = preview !== null && preview.validRows > 0 && !preview.errors.some((e) => e.row === null) && !isReading;
  return (
    <Modal opened={opened} onClose={onClose} title={t('promises.import.title')} size="xl" data-testid="events-import">
      <Stack>
        <Text size="sm">{t('promises.import.intro')}</Text>
        <FileInput
          label={t('promises.import.file')}
          placeholder={t('promises.import.filePlaceholder')}
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={chooseFile}
          clearable
          data-testid="import-file"
        />
        {file ? null : (
          <Group align="flex-end">
            <Textarea
              label={t('promises.import.paste')}
              autosize
              minRows={2}
              maxRows={8}
              style={{ flex: 1 }}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
            />
            <Button variant="default" onClick={readPasted} disabled={!text.trim()}>
              {t('promises.import.read')}
            </Button>
          </Group>
        )}
        {isReading && !preview ? (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('promises.import.reading')}</Text>
          </Group>
        ) : null}
        {preview && source ? (
          <>
            <EventsImportSettings preview={preview} disabled={isReading || isImporting} onChange={(settings) => read(source, settings)} />
            <EventsImportPreview preview={preview} />
          </>
        ) : null}
        {problem ? (
          <Alert color="red" variant="light" title={t('promises.import.refused')} data-testid="import-problem">
            {problem}
          </Alert>
        ) : null}
        {result ? (
          <Alert color={result.rejectedRows > 0 ? 'yellow' : 'teal'} variant="light" data-testid="import-result">
            <Text size="sm">
              {t('promises.import.result', { accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejectedRows })}
            </Text>
            {result.rejected.length > 0 ? (
              <ImportErrorList errors={result.rejected} total={result.rejected.length} testId="import-rejected" />
            ) : null}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {result ? t('promises.import.done') : t('common.cancel')}
          </Button>
          {result ? null : (
            <Button onClick={submit} loading={isImporting} disabled={!canImport} data-testid="import-submit">
              {preview ? t('promises.import.importRows', { count: preview.validRows }) : t('promises.import.submit')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
