import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence, EvidenceKind } from '../../shared/api/types';
import { useMutationForm } from '../../shared/use-mutation-form';
import type { EvidenceChange } from './discovery.api';
import { EVIDENCE_KINDS } from './discovery-options';
import { todayIso } from './format';

interface EvidenceFormProps {
  evidence?: Evidence;
  onSubmit: (input: Required<EvidenceChange>) => Promise<unknown>;
  onCancel: () => void;
}

/** One piece of evidence: what kind, what it says, where it comes from and when. */
export function EvidenceForm({ evidence, onSubmit, onCancel }: EvidenceFormProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<EvidenceKind>(evidence?.kind ?? 'interview');
  const [text, setText] = useState(evidence?.text ?? '');
  const [source, setSource] = useState(evidence?.source ?? '');
  const [date, setDate] = useState(evidence?.date ?? todayIso());
  const form = useMutationForm(['kind', 'text', 'source', 'date']);

  const submit = form.submitWith(async () => {
    await onSubmit({ kind, text, source, date });
  });

  return (
    <Paper withBorder radius="md" p="md" bg="gray.0">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select
              label={t('evidence.kind')}
              data={EVIDENCE_KINDS.map((value) => ({ value, label: t(`evidence.kinds.${value}`) }))}
              value={kind}
              onChange={(value) => value && setKind(value as EvidenceKind)}
              allowDeselect={false}
              error={form.errorOf('kind')}
            />
            <TextInput
              type="date"
              label={t('evidence.date')}
              value={date}
              onChange={(event) => {
                setDate(event.currentTarget.value);
                form.clear('date');
              }}
              error={form.errorOf('date')}
            />
          </SimpleGrid>
          <Textarea
            label={t('evidence.text')}
            placeholder={t('evidence.textPlaceholder')}
            autosize
            minRows={3}
            maxRows={8}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              form.clear('text');
            }}
            error={form.errorOf('text')}
            data-autofocus
          />
          <TextInput
            label={t('evidence.source')}
            placeholder={t('evidence.sourcePlaceholder')}
            description={t('common.optional')}
            value={source}
            onChange={(event) => {
              setSource(event.currentTarget.value);
              form.clear('source');
            }}
            error={form.errorOf('source')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {evidence ? t('common.save') : t('evidence.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
