import { Alert, Button, Code, FileInput, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { csvToEvents } from '../../../../src/core/promises/csv';
import { ApiError } from '../../shared/api/client';
import { messageOfError } from '../../shared/api/error-messages';
import { i18n, tk } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { type EventInput, type IngestResult, promisesApi } from './promises.api';

const BATCH = 10_000;

/** The ingest API's words for a refused event or a bad cell, in the interface language; others as sent. */
const REASONS: [RegExp, string][] = [
  [/more than a day in the future/i, tk('promises.import.reasons.future')],
  [/more than 400 days before/i, tk('promises.import.reasons.tooOld')],
  [/no such client/i, tk('promises.import.reasons.noClient')],
  [/good: required|expected boolean/i, tk('promises.import.reasons.goodRequired')],
  [/value: required|expected number/i, tk('promises.import.reasons.valueRequired')],
  [/ISO-8601 date-time/i, tk('promises.import.reasons.date')],
  [/received undefined|too small: expected string/i, tk('validation.required')],
];

export function translateIngestReason(message: string): string {
  for (const [pattern, key] of REASONS) if (pattern.test(message)) return i18n.t(key);
  return message;
}

interface EventsImportModalProps {
  opened: boolean;
  promiseId: string;
  metricKind: 'ratio' | 'threshold';
  onClose: () => void;
  /** Events were accepted: the page reads its figures again. */
  onImported: () => void;
}

/** Fulfillment events from a CSV export (the API's columns), sent in batches; a resent file never counts twice. */
export function EventsImportModal({ opened, promiseId, metricKind, onClose, onImported }: EventsImportModalProps) {
  const { t } = useTranslation();
  const org = useOrg().org.slug;
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string[] | null>(null);
  const [result, setResult] = useState<IngestResult | null>(null);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setText('');
    setFile(null);
    setProblem(null);
    setResult(null);
  }, [opened]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setResult(null);
    const source = file ? await file.text() : text;
    let events: EventInput[];
    try {
      events = csvToEvents(source).events as unknown as EventInput[];
    } catch (error) {
      setProblem([error instanceof Error ? error.message : String(error)]);
      return;
    }
    if (events.length === 0) return setProblem([t('promises.import.empty')]);
    setBusy(true);
    const total: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
    try {
      for (let start = 0; start < events.length; start += BATCH) {
        const answer = await promisesApi.sendEvents(org, promiseId, events.slice(start, start + BATCH));
        total.accepted += answer.accepted;
        total.duplicates += answer.duplicates;
        total.rejected.push(...answer.rejected.map((r) => ({ ...r, index: r.index + start })));
      }
      setResult(total);
      if (total.accepted > 0) onImported();
    } catch (error) {
      // Lines are the header's line plus one per event: `events.4.occurredAt` is on line 6.
      const lines =
        error instanceof ApiError && error.fields.length > 0
          ? error.fields.slice(0, 10).map((field) => {
              const match = /^events\.(\d+)\.?(.*)$/.exec(field.path);
              return match
                ? t('promises.import.lineError', {
                    line: Number(match[1]) + 2,
                    field: match[2],
                    message: translateIngestReason(field.message),
                  })
                : field.message;
            })
          : [messageOfError(error)];
      setProblem(lines);
      if (total.accepted > 0) {
        setResult(total);
        onImported();
      }
    } finally {
      setBusy(false);
    }
  };

  const columns = metricKind === 'ratio' ? 'externalId,occurredAt,good,clientId' : 'externalId,occurredAt,value,clientId';
  return (
    <Modal opened={opened} onClose={onClose} title={t('promises.import.title')} size="lg" data-testid="events-import">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('promises.import.intro')}</Text>
          <Code block>
            {columns}
            {'\n'}
            {metricKind === 'ratio' ? 'case-101,2026-11-01T10:00:00Z,true,' : 'case-101,2026-11-01T10:00:00Z,17.5,'}
          </Code>
          <FileInput
            label={t('promises.import.file')}
            placeholder={t('promises.import.filePlaceholder')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            clearable
          />
          <Textarea
            label={t('promises.import.paste')}
            autosize
            minRows={3}
            maxRows={10}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            disabled={file !== null}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          />
          {problem ? (
            <Alert color="red" variant="light" title={t('promises.import.refused')} data-testid="import-problem">
              <List size="sm">
                {problem.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          {result ? (
            <Alert color={result.rejected.length > 0 ? 'yellow' : 'teal'} variant="light" data-testid="import-result">
              <Text size="sm">
                {t('promises.import.result', {
                  accepted: result.accepted,
                  duplicates: result.duplicates,
                  rejected: result.rejected.length,
                })}
              </Text>
              {result.rejected.length > 0 ? (
                <List size="sm" mt={4}>
                  {result.rejected.slice(0, 10).map((r) => (
                    <List.Item key={`${r.index}-${r.externalId}`}>
                      {t('promises.import.lineError', { line: r.index + 2, field: r.externalId, message: translateIngestReason(r.reason) })}
                    </List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {result ? t('promises.import.done') : t('common.cancel')}
            </Button>
            <Button type="submit" loading={isBusy} disabled={!file && !text.trim()}>
              {t('promises.import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
