import { Badge, Drawer, Group, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { useIsNarrow } from '../../shared/ui/data-list';
import { ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { useGovernanceFormat } from './format';
import { type Grant, type GrantEvent, governanceApi } from './governance.api';

const KIND_COLORS: Record<GrantEvent['kind'], string> = { granted: 'teal', narrowed: 'orange', revoked: 'red' };

/** A grant's history: granted, narrowed, revoked — who, when, why, with the limits after each step. */
export function GrantHistoryDrawer({ grant, onClose }: { grant: Grant | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isNarrow = useIsNarrow();
  return (
    <Drawer
      opened={grant !== null}
      onClose={onClose}
      position="right"
      size={isNarrow ? '100%' : 'md'}
      title={grant ? t('governance.history.title', { right: grant.rightName, holder: grant.holderName }) : ''}
    >
      {grant ? <HistoryBody key={grant.id} grant={grant} /> : null}
    </Drawer>
  );
}

function HistoryBody({ grant }: { grant: Grant }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useFormat();
  const money = useGovernanceFormat();
  const list = usePagedList((cursor) => governanceApi.history(org.slug, grant.id, cursor), `${org.slug}|${grant.id}`);
  if (list.isLoading) return <LoadingState />;
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('governance.history.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="grant-history">
      <Timeline bulletSize={14} lineWidth={2} active={list.items.length - 1}>
        {list.items.map((event) => (
          <Timeline.Item
            key={event.id}
            color={KIND_COLORS[event.kind]}
            data-testid="grant-event"
            data-kind={event.kind}
            title={
              <Group gap="xs" wrap="wrap">
                <Badge variant="light" color={KIND_COLORS[event.kind]}>
                  {t(`governance.history.kinds.${event.kind}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {format.dateTime(event.at)}
                </Text>
              </Group>
            }
          >
            <Stack gap={2} mt={4}>
              <Text size="sm">{t('governance.history.by', { actor: event.actor.label })}</Text>
              <Text size="sm" c={event.reason ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {event.reason ? t('governance.history.reason', { reason: event.reason }) : t('governance.history.noReason')}
              </Text>
              {event.kind === 'revoked' ? null : (
                <Text size="xs" c="dimmed">
                  {money.cap(event.limits)}
                  {event.limits.scope ? ` · ${event.limits.scope}` : ''}
                </Text>
              )}
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
      <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
