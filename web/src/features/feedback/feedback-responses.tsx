import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { type Feedback, type FeedbackFilter, feedbackApi, SCALE } from './feedback.api';
import { KIND_COLOR } from './feedback-format';
import { ReplyModal } from './reply-modal';
import { TriageModal } from './triage-modal';

function ResponseRow({
  item,
  canWrite,
  onTriage,
  onReply,
}: {
  item: Feedback;
  canWrite: boolean;
  onTriage: () => void;
  onReply: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const score = item.score === null ? t('feedback.list.noScore') : `${item.score} / ${SCALE[item.kind].max}`;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="feedback-row" data-id={item.id}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge color={KIND_COLOR[item.kind]} variant="light">
            {t(`feedback.kinds.${item.kind}`)} · {score}
          </Badge>
          {item.subjectName ? (
            <Text size="sm" fw={500}>
              {item.subjectName}
            </Text>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {item.client?.name ?? t('feedback.list.anonymous')} · {format.dateTime(item.answeredAt)} ·{' '}
          {t(`feedback.list.source.${item.source}`)}
        </Text>
      </Group>
      {item.comment ? (
        <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.comment}
        </Text>
      ) : null}
      {item.pain ? (
        <Badge mt={6} color="grape" variant="outline" style={{ textTransform: 'none', maxWidth: '100%' }} data-testid="pain-tag">
          {t('feedback.list.painTag', { pain: item.pain.text, segment: item.pain.segmentName })}
        </Badge>
      ) : null}
      {item.reply && item.repliedAt !== null ? (
        <Paper bg="blue.0" p="xs" mt={6} radius="sm" data-testid="feedback-reply">
          <Text size="xs" c="dimmed">
            {t('feedback.list.answered', { name: item.repliedBy ?? '', date: format.dateTime(item.repliedAt) })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {item.reply}
          </Text>
        </Paper>
      ) : null}
      {canWrite ? (
        <Group gap="xs" mt="xs">
          <Button size="xs" variant="light" color="grape" onClick={onTriage}>
            {item.pain ? t('feedback.triage.retag') : t('feedback.triage.action')}
          </Button>
          {item.client ? (
            <Button size="xs" variant="light" onClick={onReply}>
              {item.reply ? t('feedback.reply.edit') : t('feedback.reply.action')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Paper>
  );
}

/** The responses over the filter, newest first, with tagging to a pain and answers for staff who may. */
export function FeedbackResponses({ filter, refreshKey }: { filter: FeedbackFilter; refreshKey: string }) {
  const { t } = useTranslation();
  const { org, can } = useOrg();
  const [onlyUntriaged, setOnlyUntriaged] = useState(false);
  const [triaging, setTriaging] = useState<Feedback | null>(null);
  const [replying, setReplying] = useState<Feedback | null>(null);
  const list = usePagedList(
    (cursor) => feedbackApi.list(org.slug, { ...filter, triaged: onlyUntriaged ? 'no' : undefined }, cursor),
    `${org.slug}|${refreshKey}|${onlyUntriaged}`,
  );
  const replace = (next: Feedback) => list.setItems((items) => items.map((item) => (item.id === next.id ? next : item)));
  const canWrite = can('voice:write');
  return (
    <Stack gap="sm" data-testid="feedback-responses">
      <Group justify="space-between" wrap="wrap">
        <Title order={4}>{t('feedback.list.title')}</Title>
        <Checkbox
          label={t('feedback.list.onlyUntriaged')}
          checked={onlyUntriaged}
          onChange={(event) => setOnlyUntriaged(event.currentTarget.checked)}
        />
      </Group>
      {list.isLoading && list.items.length === 0 ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('feedback.list.empty')} hint={t('feedback.list.emptyHint')} />
      ) : (
        list.items.map((item) => (
          <ResponseRow key={item.id} item={item} canWrite={canWrite} onTriage={() => setTriaging(item)} onReply={() => setReplying(item)} />
        ))
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={() => void list.loadMore()} />
      <TriageModal feedback={triaging} onClose={() => setTriaging(null)} onDone={replace} />
      <ReplyModal feedback={replying} onClose={() => setReplying(null)} onDone={replace} />
    </Stack>
  );
}
