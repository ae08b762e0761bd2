import { Button, Checkbox, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { useMutationForm } from '../../shared/use-mutation-form';
import { discoveryApi } from '../discovery/discovery.api';
import { fromLocalInput, POLL_KINDS, type Poll, type PollKind, pollsApi, toLocalInput } from './polls.api';

const DAY = 86_400_000;
const FIELDS = ['kind', 'question', 'segmentIds', 'opensAt', 'closesAt', 'quorum'] as const;

/** Opens a client poll on a decision: how clients vote, the question, the segments, the dates, a quorum. */
export function PollFormModal({
  decisionId,
  question: initialQuestion,
  onClose,
  onOpened,
}: {
  decisionId: string;
  question: string;
  onClose: () => void;
  onOpened: (poll: Poll) => void;
}) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const segments = useResource(() => discoveryApi.segments(org.slug), org.slug);
  const now = Date.now();
  const [kind, setKind] = useState<PollKind>('single');
  const [question, setQuestion] = useState(initialQuestion);
  const [segmentIds, setSegmentIds] = useState<string[]>([]);
  const [opensAt, setOpensAt] = useState(toLocalInput(now));
  const [closesAt, setClosesAt] = useState(toLocalInput(now + 7 * DAY));
  const [quorum, setQuorum] = useState<number | string>('');
  const [hideResults, setHideResults] = useState(false);
  const form = useMutationForm(FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const opens = fromLocalInput(opensAt);
    const closes = fromLocalInput(closesAt);
    const local: { path: string; message: string }[] = [];
    if (!question.trim()) local.push({ path: 'question', message: t('polls.errors.required') });
    if (segmentIds.length === 0) local.push({ path: 'segmentIds', message: t('polls.errors.required') });
    if (closes === null) local.push({ path: 'closesAt', message: t('polls.errors.required') });
    else if (opens !== null && closes <= opens) local.push({ path: 'closesAt', message: t('polls.errors.closesAfterOpens') });
    if (local.length > 0) return form.handle(new ApiError(422, 'validation_failed', '', local));
    void form.run(async () => {
      const poll = await pollsApi.open(org.slug, decisionId, {
        kind,
        question: question.trim(),
        segmentIds,
        ...(opens !== null && { opensAt: new Date(opens).toISOString() }),
        closesAt: new Date(closes as number).toISOString(),
        quorum: quorum === '' ? null : Number(quorum),
        hideResults,
      });
      onOpened(poll);
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('polls.openTitle')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="poll-form">
        <Stack gap="sm">
          <Select
            label={t('polls.fields.kind')}
            data={POLL_KINDS.map((k) => ({ value: k, label: t(`polls.kind.${k}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as PollKind)}
            allowDeselect={false}
            description={t(`polls.kindHint.${kind}`)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            error={form.errorOf('kind')}
          />
          <TextInput
            label={t('polls.fields.question')}
            required
            maxLength={500}
            value={question}
            onChange={(e) => {
              setQuestion(e.currentTarget.value);
              form.clear('question');
            }}
            error={form.errorOf('question')}
            data-autofocus
          />
          <MultiSelect
            label={t('polls.fields.segments')}
            description={t('polls.fields.segmentsHint')}
            required
            data={(segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={segmentIds}
            onChange={(value) => {
              setSegmentIds(value);
              form.clear('segmentIds');
            }}
            searchable
            clearable
            error={form.errorOf('segmentIds')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="datetime-local"
              label={t('polls.fields.opensAt')}
              value={opensAt}
              onChange={(e) => setOpensAt(e.currentTarget.value)}
              error={form.errorOf('opensAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('polls.fields.closesAt')}
              required
              value={closesAt}
              onChange={(e) => {
                setClosesAt(e.currentTarget.value);
                form.clear('closesAt');
              }}
              error={form.errorOf('closesAt')}
            />
          </SimpleGrid>
          <NumberInput
            label={t('polls.fields.quorum')}
            description={t('polls.fields.quorumHint')}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            value={quorum}
            onChange={setQuorum}
            error={form.errorOf('quorum')}
            maw={260}
          />
          <Checkbox label={t('polls.fields.hideResults')} checked={hideResults} onChange={(e) => setHideResults(e.currentTarget.checked)} />
          <Text size="xs" c="dimmed">
            {t('polls.optionsFrozen')}
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={form.isBusy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.isBusy}>
              {t('polls.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
