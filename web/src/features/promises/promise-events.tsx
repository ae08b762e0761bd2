import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { notifyError, notifySuccess } from '../../shared/api/error-messages';
import { useFormat } from '../../shared/format';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState, LoadingState } from '../../shared/ui/states';
import { formatNumber } from './promise-format';
import { type Metric, type PromiseEvent, promisesApi } from './promises.api';
import { VoidEventModal } from './void-event-modal';

interface EventsState {
  events: PromiseEvent[];
  nextCursor: string | null;
  clients: Map<string, string>;
}

interface PromiseEventsProps {
  promiseId: string;
  metric: Metric;
  refreshKey: number;
  /** After an event is voided: the status and the charts change. */
  onVoided?: () => void;
}

/**
 * The events of the promise, newest first, 50 at a time ("Show more" reads on), each judged good or
 * bad by the version then in force; a voided one is struck through with when, by whom and why. An
 * admin voids an event with a reason.
 */
export function PromiseEvents({ promiseId, metric, refreshKey, onVoided }: PromiseEventsProps) {
  const { t, i18n } = useTranslation();
  const { org, can } = useOrg();
  const format = useFormat();
  const locale = intlLocale(i18n.language);
  const canReadClients = can('clients:read');
  const canVoid = org.role === 'admin';
  const [state, setState] = useState<EventsState | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoadingMore, setLoadingMore] = useState(false);
  const [voiding, setVoiding] = useState<PromiseEvent | null>(null);

  const namesOf = useCallback(
    async (events: PromiseEvent[], known: Map<string, string>) => {
      if (!canReadClients) return known;
      const ids = [...new Set(events.flatMap((e) => (e.clientId && !known.has(e.clientId) ? [e.clientId] : [])))].slice(0, 25);
      const names = await Promise.all(
        ids.map((id) =>
          promisesApi.client(org.slug, id).then(
            (client) => [id, client.name] as const,
            () => null,
          ),
        ),
      );
      return new Map([...known, ...names.filter((entry) => entry !== null)]);
    },
    [canReadClients, org.slug],
  );

  const load = useCallback(async () => {
    setError(null);
    try {
      const page = await promisesApi.events(org.slug, promiseId);
      setState({ events: page.items, nextCursor: page.nextCursor, clients: await namesOf(page.items, new Map()) });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, 'network', String(failure)));
    }
  }, [org.slug, promiseId, namesOf]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey asks for a fresh first page
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const more = async () => {
    if (!state?.nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await promisesApi.events(org.slug, promiseId, state.nextCursor);
      const clients = await namesOf(page.items, state.clients);
      setState({ events: [...state.events, ...page.items], nextCursor: page.nextCursor, clients });
    } catch (failure) {
      notifyError(failure);
    } finally {
      setLoadingMore(false);
    }
  };

  const voidOne = async (event: PromiseEvent, reason: string) => {
    const voided = await promisesApi.voidEvent(org.slug, promiseId, event.externalId, reason);
    setState((current) =>
      current ? { ...current, events: current.events.map((e) => (e.externalId === voided.externalId ? voided : e)) } : current,
    );
    setVoiding(null);
    notifySuccess(t('promises.events.void.done', { id: event.externalId }));
    onVoided?.();
  };

  const resultOf = (event: PromiseEvent) => (event.good ? t('promises.events.good') : t('promises.events.bad'));

  return (
    <Paper withBorder radius="md" p="md" data-testid="promise-events">
      <Stack gap="xs">
        <Title order={3}>{t('promises.events.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('promises.events.hint')}
        </Text>
        {error ? (
          <ErrorState error={error} onRetry={() => void load()} />
        ) : !state ? (
          <LoadingState />
        ) : state.events.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-events">
            {t('promises.events.empty')}
          </Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={680} mah={480} type="native" tabIndex={0}>
              <Table verticalSpacing={6} fz="sm" stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('promises.events.occurredAt')}</Table.Th>
                    <Table.Th>{t('promises.events.result')}</Table.Th>
                    <Table.Th>{t('promises.events.externalId')}</Table.Th>
                    <Table.Th>{t('promises.events.client')}</Table.Th>
                    <Table.Th ta="right">{t('promises.events.version')}</Table.Th>
                    {canVoid ? (
                      <Table.Th>
                        <VisuallyHidden>{t('promises.events.actions')}</VisuallyHidden>
                      </Table.Th>
                    ) : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {state.events.map((event) => (
                    <Table.Tr
                      key={event.externalId}
                      data-testid="event-row"
                      data-good={event.good}
                      data-voided={event.voided !== null}
                      c={event.voided ? 'dimmed' : undefined}
                    >
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(event.occurredAt)}</Table.Td>
                      <Table.Td>
                        {event.voided ? (
                          <Stack gap={2}>
                            <Badge color="gray" variant="light" size="sm">
                              {t('promises.events.voided')}
                            </Badge>
                            <Text size="xs" data-testid="void-reason">
                              {t('promises.events.voidedBy', {
                                result: resultOf(event),
                                by: event.voided.by,
                                at: format.dateTime(event.voided.at),
                                reason: event.voided.reason,
                              })}
                            </Text>
                          </Stack>
                        ) : (
                          <>
                            <Badge color={event.good ? 'teal' : 'red'} variant="light" size="sm">
                              {event.value !== null && metric.kind === 'threshold'
                                ? `${formatNumber(event.value, locale, 3)} ${metric.unit}`.trim()
                                : resultOf(event)}
                            </Badge>
                            {event.value !== null && metric.kind === 'threshold' ? (
                              <Text span size="xs" c="dimmed" ml={6}>
                                {resultOf(event)}
                              </Text>
                            ) : null}
                          </>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace" td={event.voided ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
                          {event.externalId}
                        </Text>
                      </Table.Td>
                      <Table.Td>{event.clientId ? (state.clients.get(event.clientId) ?? t('promises.events.someClient')) : '—'}</Table.Td>
                      <Table.Td ta="right">{event.version}</Table.Td>
                      {canVoid ? (
                        <Table.Td ta="right">
                          {event.voided ? null : (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="red"
                              onClick={() => setVoiding(event)}
                              aria-label={t('promises.events.void.open', { id: event.externalId })}
                              data-testid="void-event"
                            >
                              {t('promises.events.void.button')}
                            </Button>
                          )}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('promises.events.shown', { count: state.events.length })}
              </Text>
              {state.nextCursor ? (
                <Button size="xs" variant="default" onClick={more} loading={isLoadingMore} data-testid="more-events">
                  {t('promises.events.more')}
                </Button>
              ) : null}
            </Group>
          </>
        )}
      </Stack>
      <VoidEventModal event={voiding} onClose={() => setVoiding(null)} onSubmit={voidOne} />
    </Paper>
  );
}
