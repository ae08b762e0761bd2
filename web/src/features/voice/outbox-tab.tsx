import { Accordion, Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { type OutboxMessage, voiceApi } from './voice.api';

const STATUS_COLOR: Record<OutboxMessage['status'], string> = { pending: 'yellow', sent: 'green', failed: 'red' };

/** The e-mail the organization sent or would send: without SMTP every message (and its links) waits here. */
export function OutboxTab() {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useFormat();
  const settings = useResource(() => voiceApi.settings(org.slug), org.slug);
  const list = usePagedList((cursor) => voiceApi.outbox(org.slug, cursor), org.slug);
  if (list.isLoading && list.items.length === 0) return <LoadingState />;
  if (list.error && list.items.length === 0) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Stack gap="md" data-testid="outbox">
      {settings.data && !settings.data.smtpConfigured ? (
        <Alert color="blue" variant="light" title={t('voice.outbox.noSmtpTitle')}>
          {t('voice.outbox.noSmtp')}
        </Alert>
      ) : null}
      {list.items.length === 0 ? (
        <EmptyState title={t('voice.outbox.empty')} hint={t('voice.outbox.emptyHint')} />
      ) : (
        <Accordion variant="separated" chevronPosition="left">
          {list.items.map((m) => (
            <Accordion.Item key={m.id} value={m.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {m.subject}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('voice.outbox.to', { email: m.to })} · {format.dateTime(m.createdAt)} ·{' '}
                      {t(`voice.outbox.topics.${m.topic.replace('.', '_')}`, { defaultValue: m.topic })}
                    </Text>
                  </Stack>
                  <Badge color={STATUS_COLOR[m.status]} variant="light">
                    {t(`voice.outbox.status.${m.status}`)}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="outbox-body">
                  {m.body}
                </Text>
                {m.lastError ? (
                  <Text size="xs" c="red" mt="xs">
                    {t('voice.outbox.lastError', { error: m.lastError, attempts: m.attempts })}
                  </Text>
                ) : null}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      {list.hasMore ? (
        <Button variant="default" onClick={list.loadMore} loading={list.isLoadingMore} w="fit-content">
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
