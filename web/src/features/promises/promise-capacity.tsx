import { Alert, Badge, List, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shared/api/use-resource';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState } from '../../shared/ui/states';
import { formatNumber } from './promise-format';
import { type PromiseCapacity, type PromiseItem, type PromiseWarning, promisesApi } from './promises.api';

type Load = PromiseCapacity['capabilities'][number];
type Demand = PromiseCapacity['demand'];

/** The evaluator found the promise asks more of a capability a week than it can do (like "unbacked"). */
export function OverCapacityBadge({ isOver }: { isOver: boolean }) {
  const { t } = useTranslation();
  if (!isOver) return null;
  return (
    <Tooltip label={t('promises.capacity.badgeHint')} multiline w={260} withArrow>
      <Badge color="orange" variant="light" data-testid="over-capacity-badge">
        {t('promises.capacity.badge')}
      </Badge>
    </Tooltip>
  );
}

/** One line per capability asked for more than it can do: "Home visits: 43 visits a week of 40 (107.5%), over by 3". */
function OverLines({
  items,
}: {
  items: { name: string; unit: string; demand: number; capacity: number; overBy: number; utilisation: number; promises: number }[];
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return (
    <List size="sm" spacing={2}>
      {items.map((item) => (
        <List.Item key={item.name}>
          {t('promises.capacity.overLine', {
            name: item.name,
            unit: item.unit,
            demand: formatNumber(item.demand, locale, 1),
            capacity: formatNumber(item.capacity, locale, 1),
            overBy: formatNumber(item.overBy, locale, 1),
            utilisation: formatNumber(item.utilisation, locale, 1),
          })}
          {item.promises > 1 ? ` ${t('promises.capacity.together', { count: item.promises })}` : ''}
        </List.Item>
      ))}
    </List>
  );
}

/** What a publish answered besides the promise: it was published, but promised more than the team can do. */
export function PublishWarnings({ warnings }: { warnings: PromiseWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title={t('promises.capacity.publishedOverTitle')} data-testid="publish-warnings" role="status">
      <Stack gap={4}>
        <Text size="sm">{t('promises.capacity.publishedOverText')}</Text>
        <OverLines
          items={warnings.map((w) => ({
            name: w.name,
            unit: w.unit,
            demand: w.demandPerWeek,
            capacity: w.capacityPerWeek,
            overBy: w.overBy,
            utilisation: w.utilisation,
            promises: w.promiseIds.length,
          }))}
        />
      </Stack>
    </Alert>
  );
}

function describeDemand(demand: Demand, t: (key: string, options?: Record<string, unknown>) => string, locale: string): string {
  if (demand.perWeek === null) return t('promises.capacity.demandNone');
  const perWeek = formatNumber(demand.perWeek, locale, 1);
  return demand.source === 'forecast'
    ? t('promises.capacity.demandForecast', { perWeek })
    : t('promises.capacity.demandMeasured', {
        perWeek,
        events: formatNumber(demand.events, locale, 0),
        weeks: formatNumber(demand.weeks, locale, 1),
      });
}

/**
 * Demand against capacity on the promise page: the promise's own demand a week (measured from its
 * events, or the forecast), and for each capability it needs the capacity a week against the demands
 * of every promise needing it, added up — with "promised more than the team can do" when one is over.
 * Shown before publishing (a draft) as after.
 */
export function PromiseCapacityPanel({ promise, refreshKey }: { promise: PromiseItem; refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const locale = intlLocale(i18n.language);
  const hasCapabilities = promise.requiredCapabilityIds.length > 0;
  const check = useResource(
    async () => (hasCapabilities ? promisesApi.capacity(org.slug, promise.id) : null),
    `${org.slug}|${promise.id}|${promise.requiredCapabilityIds.join(',')}|${promise.demandForecastPerWeek}|${refreshKey}`,
  );
  if (!hasCapabilities) return null;
  if (check.error) return <ErrorState error={check.error} onRetry={check.reload} />;
  const data = check.data;
  if (!data) return null;
  const over = data.capabilities.filter((c) => c.isOver);
  const figure = (value: number | null, digits = 1) => (value === null ? '—' : formatNumber(value, locale, digits));
  return (
    <Paper withBorder radius="md" p="md" data-testid="capacity-panel" data-over={data.isOver ? 'true' : 'false'}>
      <Stack gap="sm">
        <Title order={4}>{t('promises.capacity.title')}</Title>
        {over.length > 0 ? (
          <Alert color="orange" variant="light" title={t('promises.capacity.overTitle')} data-testid="over-capacity-notice" role="alert">
            <Stack gap={4}>
              <Text size="sm">{promise.status === 'draft' ? t('promises.capacity.overDraft') : t('promises.capacity.overPublished')}</Text>
              <OverLines
                items={over.map((c) => ({
                  name: c.name,
                  unit: c.unit,
                  demand: c.demandPerWeek ?? 0,
                  capacity: c.capacityPerWeek ?? 0,
                  overBy: c.overBy,
                  utilisation: c.utilisation ?? 0,
                  promises: c.promises.length,
                }))}
              />
            </Stack>
          </Alert>
        ) : null}
        <Text size="sm" data-testid="own-demand">
          {t('promises.capacity.ownDemand', { demand: describeDemand(data.demand, t, locale) })}
        </Text>
        <Table withTableBorder striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('promises.capacity.capability')}</Table.Th>
              <Table.Th>{t('promises.capacity.capacity')}</Table.Th>
              <Table.Th>{t('promises.capacity.demand')}</Table.Th>
              <Table.Th>{t('promises.capacity.utilisation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.capabilities.map((c: Load) => (
              <Table.Tr key={c.capabilityId} data-over={c.isOver ? 'true' : 'false'}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {c.name}
                  </Text>
                  {c.promises.length > 1 ? (
                    <Text size="xs" c="dimmed">
                      {t('promises.capacity.sharedBy', { titles: c.promises.map((p) => p.title).join(', ') })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {c.capacityPerWeek === null
                    ? t('promises.capacity.notStated')
                    : t('promises.capacity.perWeek', { value: figure(c.capacityPerWeek), unit: c.unit })}
                </Table.Td>
                <Table.Td>
                  {c.demandPerWeek === null ? '—' : t('promises.capacity.perWeek', { value: figure(c.demandPerWeek), unit: c.unit })}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={c.isOver ? 'red.7' : undefined} fw={c.isOver ? 600 : undefined}>
                    {c.utilisation === null ? '—' : `${figure(c.utilisation)}%`}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('promises.capacity.hint')}
        </Text>
      </Stack>
    </Paper>
  );
}
