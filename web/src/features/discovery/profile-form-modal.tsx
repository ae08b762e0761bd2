import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Gain, JobKind, Need, Pain, PainStatus } from '../../shared/api/types';
import { useIsNarrow } from '../../shared/ui/data-list';
import { useMutationForm } from '../../shared/use-mutation-form';
import type { GainInput, NeedInput, PainInput, ProfileKind } from './discovery.api';
import { JOB_KINDS, PAIN_STATUSES } from './discovery-options';
import { ScoreInput } from './score-input';

export type ProfileFormTarget = { kind: 'need'; item?: Need } | { kind: 'pain'; item?: Pain } | { kind: 'gain'; item?: Gain };
export type ProfileFormInput = NeedInput | PainInput | GainInput;

interface ProfileFormModalProps {
  target: ProfileFormTarget | null;
  onClose: () => void;
  onSubmit: (kind: ProfileKind, input: ProfileFormInput) => Promise<unknown>;
}

interface Values {
  text: string;
  jobKind: JobKind;
  importance: number;
  severity: number;
  frequency: number;
  relevance: number;
  status: PainStatus;
  contextWhere: string;
  contextWhen: string;
  contextWho: string;
  contextChannel: string;
}

const CONTEXT = ['contextWhere', 'contextWhen', 'contextWho', 'contextChannel'] as const;
const FIELDS = ['text', 'jobKind', 'importance', 'severity', 'frequency', 'relevance', 'status', ...CONTEXT];

function valuesOf(target: ProfileFormTarget): Values {
  const empty: Values = {
    text: '',
    jobKind: 'functional',
    importance: 3,
    severity: 3,
    frequency: 3,
    relevance: 3,
    status: 'open',
    contextWhere: '',
    contextWhen: '',
    contextWho: '',
    contextChannel: '',
  };
  return target.item ? { ...empty, ...target.item } : empty;
}

function inputOf(kind: ProfileKind, v: Values): ProfileFormInput {
  if (kind === 'need') return { jobKind: v.jobKind, text: v.text, importance: v.importance };
  if (kind === 'gain') return { text: v.text, relevance: v.relevance };
  const { text, severity, frequency, status, contextWhere, contextWhen, contextWho, contextChannel } = v;
  return { text, severity, frequency, status, contextWhere, contextWhen, contextWho, contextChannel };
}

/** Add or edit a job, a pain or a gain of the segment. */
export function ProfileFormModal({ target, onClose, onSubmit }: ProfileFormModalProps) {
  const { t } = useTranslation();
  const isNarrow = useIsNarrow();
  const [values, setValues] = useState<Values>(() => valuesOf({ kind: 'need' }));
  const form = useMutationForm(FIELDS);
  const kind = target?.kind ?? 'need';

  useEffect(() => {
    if (!target) return;
    setValues(valuesOf(target));
    form.clear();
  }, [target, form.clear]);

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    form.clear(field);
  };
  const text = (field: keyof Values) => ({
    value: values[field] as string,
    error: form.errorOf(field),
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value as never),
  });

  const submit = form.submitWith(async () => {
    await onSubmit(kind, inputOf(kind, values));
    onClose();
  });

  const score = (field: 'importance' | 'severity' | 'frequency' | 'relevance') => (
    <ScoreInput
      label={t(`workspace.${field}`)}
      description={t(`workspace.${field}Hint`)}
      value={values[field]}
      onChange={(value) => set(field, value)}
      error={form.errorOf(field)}
    />
  );

  const title = target?.item ? t(`workspace.editTitles.${kind}`) : t(`workspace.createTitles.${kind}`);
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="lg" fullScreen={isNarrow}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
            label={t(`workspace.textLabels.${kind}`)}
            placeholder={t(`workspace.textPlaceholders.${kind}`)}
            autosize
            minRows={2}
            maxRows={6}
            data-autofocus
            {...text('text')}
          />
          {kind === 'need' ? (
            <>
              <Select
                label={t('workspace.jobKind')}
                data={JOB_KINDS.map((value) => ({ value, label: t(`workspace.jobKinds.${value}`) }))}
                value={values.jobKind}
                onChange={(value) => value && set('jobKind', value as JobKind)}
                allowDeselect={false}
                error={form.errorOf('jobKind')}
              />
              {score('importance')}
            </>
          ) : null}
          {kind === 'pain' ? (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {score('severity')}
                {score('frequency')}
              </SimpleGrid>
              <Text size="sm" c="dimmed" data-testid="priority-preview">
                {t('workspace.priorityFormula', {
                  severity: values.severity,
                  frequency: values.frequency,
                  priority: values.severity * values.frequency,
                })}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {CONTEXT.map((field) => (
                  <TextInput
                    key={field}
                    label={t(`workspace.contextLabels.${field}`)}
                    placeholder={t(`workspace.contextPlaceholders.${field}`)}
                    {...text(field)}
                  />
                ))}
              </SimpleGrid>
              <Select
                label={t('workspace.status')}
                description={t('workspace.statusHint')}
                data={PAIN_STATUSES.map((value) => ({ value, label: t(`workspace.painStatuses.${value}`) }))}
                value={values.status}
                onChange={(value) => value && set('status', value as PainStatus)}
                allowDeselect={false}
                error={form.errorOf('status')}
                maw={320}
              />
            </>
          ) : null}
          {kind === 'gain' ? score('relevance') : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {target?.item ? t('common.save') : t('workspace.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
