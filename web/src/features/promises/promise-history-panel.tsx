import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../shared/api/use-paged-list';
import { useFormat } from '../../shared/format';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState, LoadingState, LoadMore } from '../../shared/ui/states';
import { FULFILLMENT_COLORS } from './badges';
import { describeFigures, describeHistoryEntry, groupHistory, type HistoryInstant } from './promise-history';
import { type Fulfillment, promisesApi } from './promises.api';

/** The colour of an instant's bullet: the status it changed to, else red for an alert fired, teal for one resolved. */
function colorOf(instant: HistoryInstant): string {
  const change = instant.entries.find((entry) => entry.kind === 'status_changed');
  if (change?.toStatus) return FULFILLMENT_COLORS[change.toStatus as Fulfillment];
  return instant.entries.some((entry) => entry.kind === 'alert_fired') ? 'red' : 'teal';
}

/** What the evaluator recorded about the promise, newest first: status changes and alerts, with the figures at the time. */
export function PromiseHistoryPanel({ promiseId, refreshKey }: { promiseId: string; refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const format = useFormat();
  const locale = intlLocale(i18n.language);
  const history = usePagedList((cursor) => promisesApi.history(org.slug, promiseId, cursor), `${org.slug}|${promiseId}|${refreshKey}`);
  const instants = groupHistory(history.items);

  return (
    <Paper withBorder radius="md" p="md" data-testid="promise-history">
      <Stack gap="xs">
        <Title order={3}>{t('promises.history.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('promises.history.hint')}
        </Text>
        {history.error ? (
          <ErrorState error={history.error} onRetry={history.reload} />
        ) : history.isLoading && history.items.length === 0 ? (
          <LoadingState />
        ) : instants.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="history-empty">
            {t('promises.history.empty')}
          </Text>
        ) : (
          // Every instant is "active": that is what gives its bullet its colour.
          <Timeline active={instants.length - 1} bulletSize={14} lineWidth={2} mt="xs">
            {instants.map((instant) => (
              <Timeline.Item
                key={instant.at}
                color={colorOf(instant)}
                title={
                  <Text size="xs" c="dimmed">
                    {format.dateTime(instant.at)}
                  </Text>
                }
                data-testid="history-instant"
              >
                <Stack gap={4} mt={2}>
                  {instant.entries.map((entry) => {
                    const words = describeHistoryEntry(entry, t, locale);
                    return (
                      <Stack key={entry.id} gap={0} data-testid="history-entry" data-kind={entry.kind}>
                        <Text size="sm" fw={600}>
                          {words.text}
                        </Text>
                        {words.detail ? (
                          <Text size="sm" c="dimmed">
                            {words.detail}
                          </Text>
                        ) : null}
                      </Stack>
                    );
                  })}
                  {instant.entries[0] ? (
                    <Text size="xs" c="dimmed">
                      {describeFigures(instant.entries[0].figures, t, locale)}
                    </Text>
                  ) : null}
                </Stack>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        <LoadMore hasMore={history.hasMore} isLoading={history.isLoadingMore} onLoadMore={() => void history.loadMore()} />
      </Stack>
    </Paper>
  );
}
