import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../shared/api/error-messages';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { type ModerationItem, proposalsApi } from './proposals.api';

/** The moderation queue: what clients reported, grouped by what they reported, with keep or remove. */
export function ModerationTab() {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useFormat();
  const list = usePagedList((cursor) => proposalsApi.moderation(org.slug, cursor), org.slug);
  const [busy, setBusy] = useState<string | null>(null);

  const resolve = async (item: ModerationItem, resolution: 'kept' | 'removed') => {
    setBusy(item.id);
    try {
      await proposalsApi.resolve(org.slug, item.id, resolution);
      notifySuccess(t(`proposals.moderation.${resolution}`));
      list.setItems((items) => items.filter((i) => i.id !== item.id));
    } finally {
      setBusy(null);
    }
  };

  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (list.isLoading && list.items.length === 0) return <LoadingState />;
  if (list.items.length === 0) return <EmptyState title={t('proposals.moderation.empty')} hint={t('proposals.moderation.emptyHint')} />;
  return (
    <Stack gap="sm" data-testid="moderation-tab">
      {list.items.map((item) => (
        <Card key={item.id} withBorder radius="md" data-testid="moderation-item">
          <Stack gap="xs">
            <Group gap="xs" wrap="wrap">
              <Badge variant="light">{t(`proposals.moderation.subject.${item.subjectType}`)}</Badge>
              <Badge color={item.hiddenAt !== null ? 'orange' : 'gray'} variant="light">
                {t(item.hiddenAt !== null ? 'proposals.moderation.hidden' : 'proposals.moderation.visible')}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('proposals.moderation.reports', { count: item.reports })} ·{' '}
                {t('proposals.moderation.firstReported', { date: format.date(item.firstReportedAt) })}
              </Text>
            </Group>
            <Text fw={600}>{item.title}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} lineClamp={6}>
              {item.text}
            </Text>
            <Stack gap={2}>
              {item.reasons.map((r) => (
                <Text key={r.id} size="xs" c="dimmed">
                  {format.date(r.createdAt)}: {r.reason || t('proposals.moderation.noReason')}
                </Text>
              ))}
            </Stack>
            <Group gap="xs">
              <Button size="xs" variant="default" loading={busy === item.id} onClick={() => void resolve(item, 'kept')}>
                {t('proposals.moderation.keep')}
              </Button>
              <Button size="xs" color="red" variant="light" loading={busy === item.id} onClick={() => void resolve(item, 'removed')}>
                {t('proposals.moderation.remove')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={() => void list.loadMore()} />
    </Stack>
  );
}
