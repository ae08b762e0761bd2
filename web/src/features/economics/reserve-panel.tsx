import { Alert, Anchor, Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { EmptyState, ErrorState, LoadingState } from '../../shared/ui/states';
import { economicsApi } from './economics.api';
import { ChartSlot, ReserveChart } from './lazy-charts';
import { useEconomicsFormat } from './use-economics-format';

const HEIGHT = 260;

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="xl" mt={4}>
        {value}
      </Text>
    </Paper>
  );
}

const STATUS_COLOR = { open: 'gray', funded: 'green', declined: 'red' } as const;

/**
 * The reserve fund for new projects: what closed months kept, the teams' requests through decisions,
 * what was allocated and by what (a decision or a participatory round), the balance. Nobody allocates
 * from it directly.
 */
export function ReservePanel({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useEconomicsFormat();
  const dates = useFormat();
  const reserve = useResource(() => economicsApi.reserve(org.slug), `${org.slug}|${refreshKey}`);
  if (reserve.isLoading && !reserve.data) return <LoadingState />;
  if (reserve.error || !reserve.data) return <ErrorState error={reserve.error} onRetry={reserve.reload} />;
  const data = reserve.data;
  return (
    <Stack gap="md" data-testid="reserve" data-balance={data.balanceMinor}>
      <Text size="sm" c="dimmed">
        {t('economics.reserve.description')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Figure testId="reserve-balance" label={t('economics.reserve.balance')} value={format.money(data.balanceMinor)} />
        <Figure testId="reserve-accumulated" label={t('economics.reserve.accumulated')} value={format.money(data.accumulatedMinor)} />
        <Figure testId="reserve-allocated" label={t('economics.reserve.allocatedTotal')} value={format.money(data.allocatedMinor)} />
      </SimpleGrid>
      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="sm">
          {t('economics.reserve.byMonth')}
        </Title>
        {data.periods.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('economics.reserve.noMonths')}
          </Text>
        ) : (
          <ChartSlot height={HEIGHT}>
            <ReserveChart reserve={data} height={HEIGHT} />
          </ChartSlot>
        )}
      </Paper>
      <Alert title={t('economics.reserve.howTitle')} data-testid="reserve-how">
        <Text size="sm">{t('economics.reserve.how')}</Text>
        {data.reserveRightId ? null : (
          <Text size="sm" mt="xs" fw={600}>
            {t('economics.reserve.noRight')}
          </Text>
        )}
      </Alert>
      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="sm">
          {t('economics.reserve.requests')}
        </Title>
        {data.requests.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('economics.reserve.noRequests')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('economics.reserve.decision')}</Table.Th>
                <Table.Th>{t('economics.reserve.purpose')}</Table.Th>
                <Table.Th ta="right">{t('economics.reserve.amountColumn')}</Table.Th>
                <Table.Th>{t('economics.reserve.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.requests.map((request) => (
                <Table.Tr key={request.decisionId} data-testid="reserve-request-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${org.slug}/decisions/${request.decisionId}`} size="sm">
                      {request.decisionTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{request.purpose}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {request.amountMinor === null ? '—' : format.money(request.amountMinor)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[request.status]}>
                      {t(`economics.reserve.statuses.${request.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={4} mb="sm">
          {t('economics.reserve.allocations')}
        </Title>
        {data.allocations.length === 0 ? (
          <EmptyState title={t('economics.reserve.noAllocations')} hint={t('economics.reserve.noAllocationsHint')} />
        ) : (
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('economics.reserve.date')}</Table.Th>
                <Table.Th>{t('economics.reserve.purpose')}</Table.Th>
                <Table.Th ta="right">{t('economics.reserve.amountColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...data.allocations].reverse().map((allocation) => (
                <Table.Tr key={allocation.id} data-testid="allocation-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dates.date(allocation.createdAt)}</Table.Td>
                  <Table.Td>
                    {allocation.purpose}
                    <Text size="xs" c="dimmed">
                      {allocation.decisionId ? t('economics.reserve.byDecision') : t('economics.reserve.byRound')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(allocation.amountMinor)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
