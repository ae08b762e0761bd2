import { Group, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../shared/api/client';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useGovernanceFormat } from '../../shared/governance-format';
import { ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { OutcomeBadge } from './badges';
import type { Review } from './decisions.api';

interface ReviewHistoryProps {
  load: (cursor: string | undefined) => Promise<Page<Review>>;
  /** Reads the history again when it changes (after a new review). */
  reloadKey: string;
}

/** The reviews of an agreement or a decision, newest first. */
export function ReviewHistory({ load, reloadKey }: ReviewHistoryProps) {
  const { t } = useTranslation();
  const format = useGovernanceFormat();
  const list = usePagedList(load, reloadKey);
  if (list.isLoading && list.items.length === 0) return <LoadingState />;
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('reviews.noHistory')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Timeline bulletSize={14} lineWidth={2} data-testid="review-history">
        {list.items.map((review) => (
          <Timeline.Item key={review.id}>
            <Group gap="xs" wrap="wrap">
              <OutcomeBadge outcome={review.outcome} />
              <Text size="sm" fw={500}>
                {format.day(review.reviewedDate)}
              </Text>
              <Text size="xs" c="dimmed">
                {review.actor.label}
              </Text>
            </Group>
            {review.note ? (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {review.note}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt={2}>
              {review.nextReviewDate ? t('reviews.nextOn', { date: format.day(review.nextReviewDate) }) : t('reviews.noNext')}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={() => void list.loadMore()} />
    </Stack>
  );
}
