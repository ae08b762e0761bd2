import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { formatNumber } from './promise-format';
import { type Metric, type PromiseEvent, promisesApi } from './promises.api';

interface EventsData {
  events: PromiseEvent[];
  clients: Map<string, string>;
}

/** The events most recently sent for the promise, newest first, judged good or bad by the version then in force. */
export function PromiseEvents({ promiseId, metric, refreshKey }: { promiseId: string; metric: Metric; refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const { org, can } = useOrg();
  const format = useFormat();
  const locale = intlLocale(i18n.language);
  const canReadClients = can('clients:read');
  const data = useResource<EventsData>(async () => {
    const { items } = await promisesApi.events(org.slug, promiseId, 50);
    const ids = [...new Set(items.flatMap((event) => (event.clientId ? [event.clientId] : [])))].slice(0, 25);
    const names = canReadClients
      ? await Promise.all(
          ids.map((id) =>
            promisesApi.client(org.slug, id).then(
              (client) => [id, client.name] as const,
              () => null,
            ),
          ),
        )
      : [];
    return { events: items, clients: new Map(names.filter((entry) => entry !== null)) };
  }, `${org.slug}|${promiseId}|${refreshKey}`);

  return (
    <Paper withBorder radius="md" p="md" data-testid="promise-events">
      <Stack gap="xs">
        <Title order={3}>{t('promises.events.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('promises.events.hint')}
        </Text>
        {data.error ? (
          <ErrorState error={data.error} onRetry={data.reload} />
        ) : !data.data ? (
          <LoadingState />
        ) : data.data.events.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-events">
            {t('promises.events.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={620} mah={420} type="native" tabIndex={0}>
            <Table verticalSpacing={6} fz="sm" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('promises.events.occurredAt')}</Table.Th>
                  <Table.Th>{t('promises.events.result')}</Table.Th>
                  <Table.Th>{t('promises.events.externalId')}</Table.Th>
                  <Table.Th>{t('promises.events.client')}</Table.Th>
                  <Table.Th ta="right">{t('promises.events.version')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.data.events.map((event) => (
                  <Table.Tr key={event.externalId} data-testid="event-row" data-good={event.good}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(event.occurredAt)}</Table.Td>
                    <Table.Td>
                      <Badge color={event.good ? 'teal' : 'red'} variant="light" size="sm">
                        {event.value !== null && metric.kind === 'threshold'
                          ? `${formatNumber(event.value, locale, 3)} ${metric.unit}`.trim()
                          : event.good
                            ? t('promises.events.good')
                            : t('promises.events.bad')}
                      </Badge>
                      {event.value !== null && metric.kind === 'threshold' ? (
                        <Text span size="xs" c="dimmed" ml={6}>
                          {event.good ? t('promises.events.good') : t('promises.events.bad')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {event.externalId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {event.clientId ? (data.data?.clients.get(event.clientId) ?? t('promises.events.someClient')) : '—'}
                    </Table.Td>
                    <Table.Td ta="right">{event.version}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
