import { Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shared/api/use-resource';
import { useFormat } from '../../shared/format';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState } from '../../shared/ui/states';
import { type ChartPoint, chartInstants, chartPoint, mapLimited } from './promise-format';
import { type PromiseStatus, promisesApi } from './promises.api';

// The chart library is large: it loads with the promise page's chart, not with the rest of the app.
const PromiseChart = lazy(() => import('./promise-chart'));

const POINTS = 30;

/** The instants of the chart: across the window in force now, from its start to now. */
function spanOf(status: PromiseStatus): { from: number; to: number } {
  return { from: Date.parse(status.window.from), to: Date.parse(status.window.to) };
}

/**
 * Attainment and error budget over the window, each point the status at that instant (GET …/status?at=),
 * so the curve is exactly what the promise showed then.
 */
export function PromiseBurndown({ promiseId, status, refreshKey }: { promiseId: string; status: PromiseStatus; refreshKey: number }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const format = useFormat();
  const span = spanOf(status);
  const points = useResource<ChartPoint[]>(async () => {
    const instants = chartInstants(span.from, span.to, POINTS);
    return mapLimited(instants, 6, async (at) => chartPoint(at, await promisesApi.status(org.slug, promiseId, at)));
  }, `${org.slug}|${promiseId}|${refreshKey}`);

  const loader = (
    <Center h={380}>
      <Group gap="sm">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {t('promises.chart.loading')}
        </Text>
      </Group>
    </Center>
  );
  const hasData = points.data?.some((point) => point.attainment !== null) ?? false;

  return (
    <Paper withBorder radius="md" p="md" data-testid="burndown">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3}>{t('promises.chart.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('promises.chart.span', { from: format.dateTime(span.from), to: format.dateTime(span.to) })}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('promises.chart.hint')}
        </Text>
        {points.error ? (
          <ErrorState error={points.error} onRetry={points.reload} />
        ) : !points.data ? (
          loader
        ) : (
          <>
            <Suspense fallback={loader}>
              <PromiseChart points={points.data} target={status.target} />
            </Suspense>
            {!hasData ? (
              <Text size="sm" c="dimmed" ta="center" data-testid="chart-no-data">
                {t('promises.chart.noData')}
              </Text>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
