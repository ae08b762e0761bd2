import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { discoveryApi } from '../discovery/discovery.api';
import { type Feedback, feedbackApi } from './feedback.api';

/** Tags a response to a pain: choose the segment, then its pain; or remove the tag. */
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
  const { org } = useOrg();
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [painId, setPainId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const segments = useResource(() => discoveryApi.segments(org.slug), `${org.slug}|segments`);
  const chosenSegment = segmentId ?? feedback?.pain?.segmentId ?? null;
  const workspace = useResource(
    () => (chosenSegment ? discoveryApi.workspace(org.slug, chosenSegment) : Promise.resolve(null)),
    `${org.slug}|${chosenSegment ?? ''}`,
  );
  const pains = workspace.data?.pains ?? [];
  const chosenPain = painId ?? (segmentId === null ? (feedback?.pain?.id ?? null) : null);

  const close = () => {
    setSegmentId(null);
    setPainId(null);
    onClose();
  };
  const save = async (next: string | null) => {
    if (!feedback) return;
    setBusy(true);
    try {
      const saved = await feedbackApi.triage(org.slug, feedback.id, next);
      notifySuccess(next ? t('feedback.triage.tagged') : t('feedback.triage.untagged'));
      onDone(saved);
      close();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
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
        {chosenSegment && workspace.data && pains.length === 0 ? (
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
            <Button variant="subtle" color="red" onClick={() => void save(null)} loading={busy}>
              {t('feedback.triage.untag')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void save(chosenPain)} disabled={!chosenPain} loading={busy}>
              {t('feedback.triage.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
