import { Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { notifySuccess, translateFieldError } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { discoveryApi } from '../discovery/discovery.api';
import { type Feedback, feedbackApi } from './feedback.api';

const SCORES = ['1', '2', '3', '4', '5'];

/** A score from 1 to 5, labelled for screen readers. */
function ScoreField({ label, value, onChange, testId }: { label: string; value: string; onChange: (v: string) => void; testId: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={`${testId}-label`}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={`${testId}-label`} data={SCORES} value={value} onChange={onChange} data-testid={testId} />
    </Stack>
  );
}

/** Tags a response to a pain: choose the segment, then its pain, or create a new pain there; or remove the tag. */
export function TriageModal({
  feedback,
  onClose,
  onDone,
}: {
  feedback: Feedback | null;
  onClose: () => void;
  onDone: (next: Feedback) => void;
}) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [painId, setPainId] = useState<string | null>(null);
  const [isNew, setNew] = useState(false);
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState('3');
  const [frequency, setFrequency] = useState('3');
  const [textError, setTextError] = useState<string | null>(null);
  const saving = useMutationForm([]);
  const segments = useResource(() => discoveryApi.segments(org.slug), `${org.slug}|segments`);
  const chosenSegment = segmentId ?? feedback?.pain?.segmentId ?? null;
  const workspace = useResource(
    () => (chosenSegment ? discoveryApi.workspace(org.slug, chosenSegment) : Promise.resolve(null)),
    `${org.slug}|${chosenSegment ?? ''}`,
  );
  const pains = workspace.data?.pains ?? [];
  const chosenPain = painId ?? (segmentId === null ? (feedback?.pain?.id ?? null) : null);
  const mayCreate = can('discovery:write');

  const close = () => {
    setSegmentId(null);
    setPainId(null);
    setNew(false);
    setText('');
    setSeverity('3');
    setFrequency('3');
    setTextError(null);
    onClose();
  };
  // Nothing here is a field the server names: a refusal is a notification.
  const save = (next: string | null) => {
    if (!feedback) return;
    void saving.run(async () => {
      const saved = await feedbackApi.triage(org.slug, feedback.id, next);
      notifySuccess(next ? t('feedback.triage.tagged') : t('feedback.triage.untagged'));
      onDone(saved);
      close();
    });
  };
  const create = () => {
    if (!feedback || !chosenSegment) return;
    if (!text.trim()) return setTextError(t('errors.required'));
    void saving.run(
      async () => {
        const saved = await feedbackApi.triageNew(org.slug, feedback.id, {
          segmentId: chosenSegment,
          text: text.trim(),
          severity: Number(severity),
          frequency: Number(frequency),
        });
        notifySuccess(t('feedback.triage.created'));
        onDone(saved);
        close();
      },
      {
        // The new pain's text is the one field shown here, under its own name.
        onError: (error) => {
          const field = error instanceof ApiError ? error.fields.find((f) => f.path === 'newPain.text') : undefined;
          if (!field) return error;
          setTextError(translateFieldError(field));
          return null;
        },
      },
    );
  };

  return (
    <Modal opened={feedback !== null} onClose={close} title={t('feedback.triage.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('feedback.triage.hint')}
        </Text>
        {feedback?.comment ? <Text size="sm">«{feedback.comment}»</Text> : null}
        <Select
          label={t('feedback.triage.segment')}
          data={(segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={chosenSegment}
          onChange={(next) => {
            setSegmentId(next);
            setPainId(null);
          }}
          searchable
          data-autofocus
        />
        {mayCreate ? (
          <Checkbox
            label={t('feedback.triage.createNew')}
            checked={isNew}
            disabled={!chosenSegment}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setNew(checked);
              if (checked && !text) setText(feedback?.comment ?? '');
            }}
            data-testid="triage-create-new"
          />
        ) : null}
        {isNew ? (
          <>
            <Textarea
              label={t('feedback.triage.newText')}
              autosize
              minRows={2}
              maxRows={6}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setTextError(null);
              }}
              error={textError}
              required
            />
            <Group grow align="flex-start">
              <ScoreField label={t('feedback.triage.severity')} value={severity} onChange={setSeverity} testId="triage-severity" />
              <ScoreField label={t('feedback.triage.frequency')} value={frequency} onChange={setFrequency} testId="triage-frequency" />
            </Group>
          </>
        ) : chosenSegment && workspace.data && pains.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('feedback.triage.noPains')}
          </Text>
        ) : (
          <Select
            label={t('feedback.triage.pain')}
            data={pains.map((p) => ({ value: p.id, label: p.text }))}
            value={chosenPain}
            onChange={setPainId}
            disabled={!chosenSegment}
            searchable
          />
        )}
        <Group justify="space-between" mt="sm">
          {feedback?.pain ? (
            <Button variant="subtle" color="red" onClick={() => void save(null)} loading={saving.isBusy}>
              {t('feedback.triage.untag')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            {isNew ? (
              <Button onClick={() => void create()} disabled={!chosenSegment} loading={saving.isBusy}>
                {t('feedback.triage.createAndTag')}
              </Button>
            ) : (
              <Button onClick={() => void save(chosenPain)} disabled={!chosenPain} loading={saving.isBusy}>
                {t('feedback.triage.save')}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
