import { Badge, Button, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { useIsNarrow } from '../../shared/ui/data-list';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { eventKey, type Webhook, type WebhookDelivery, webhooksApi } from './webhooks.api';

const STATE_COLORS = { pending: 'yellow', delivered: 'teal', failed: 'red' } as const;

/** The delivery log of one endpoint, newest first, with every attempt's response code; and "send test". */
export function WebhookDeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isNarrow = useIsNarrow();
  return (
    <Drawer opened={webhook !== null} onClose={onClose} position="right" size={isNarrow ? '100%' : 'lg'} title={t('webhooks.log.title')}>
      {webhook ? <DeliveriesBody key={webhook.id} webhook={webhook} /> : null}
    </Drawer>
  );
}

function DeliveriesBody({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const [isSending, setSending] = useState(false);
  const list = usePagedList((cursor) => webhooksApi.deliveries(org.slug, webhook.id, cursor), `${org.slug}|${webhook.id}`);
  const hasPending = list.items.some((d) => d.state === 'pending');

  // While something waits to be sent (a test just queued), look again every few seconds.
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(() => void list.reload(), 5000);
    return () => clearInterval(timer);
  }, [hasPending, list.reload]);

  const sendTest = async () => {
    setSending(true);
    try {
      const delivery = await webhooksApi.sendTest(org.slug, webhook.id);
      list.setItems((items) => [delivery, ...items]);
      notifySuccess(t('webhooks.testQueued'));
    } catch (error) {
      notifyError(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack gap="md" data-testid="webhook-deliveries">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {webhook.url}
      </Text>
      <Group>
        <Button variant="light" onClick={sendTest} loading={isSending}>
          {t('webhooks.sendTest')}
        </Button>
        <Button variant="default" onClick={() => void list.reload()}>
          {t('webhooks.log.refresh')}
        </Button>
      </Group>
      {list.isLoading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('webhooks.log.empty')} hint={t('webhooks.log.emptyHint')} />
      ) : (
        list.items.map((delivery) => <DeliveryCard key={delivery.id} delivery={delivery} />)
      )}
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}

function DeliveryCard({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" fw={600}>
            {t(eventKey(delivery.eventType))}
          </Text>
          <Badge color={STATE_COLORS[delivery.state]} variant="light">
            {t(`webhooks.log.state.${delivery.state}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {format.dateTime(delivery.createdAt)}
        </Text>
        {delivery.attempts.length > 0 ? (
          <Group gap={4} wrap="wrap" aria-label={t('webhooks.log.codes')}>
            {delivery.attempts.map((attempt) => (
              <Badge
                key={attempt.at}
                size="sm"
                variant="outline"
                color={attempt.statusCode !== null && attempt.statusCode < 300 ? 'teal' : 'red'}
                title={`${format.dateTime(attempt.at)} · ${attempt.durationMs} ms${attempt.error ? ` · ${attempt.error}` : ''}`}
              >
                {attempt.statusCode ?? t('webhooks.log.noAnswer')}
              </Badge>
            ))}
          </Group>
        ) : null}
        {delivery.lastError && delivery.state !== 'delivered' ? (
          <Text size="xs" c="red">
            {delivery.lastError}
          </Text>
        ) : null}
        {delivery.state === 'pending' && delivery.nextAttemptAt !== null ? (
          <Text size="xs" c="dimmed">
            {t('webhooks.log.nextAttempt', { date: format.dateTime(delivery.nextAttemptAt) })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
