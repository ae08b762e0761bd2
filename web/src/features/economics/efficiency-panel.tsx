import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shared/api/use-resource';
import { useOrg } from '../../shared/session/org-context';
import { ErrorState } from '../../shared/ui/states';
import { economicsApi } from './economics.api';
import { ChartSlot, EfficiencyChart } from './lazy-charts';

const HEIGHT = 260;

/** Hourly efficiency over the twelve months up to the chosen one (the amoeba measure: value added per hour). */
export function EfficiencyPanel({ teamId, period, refreshKey }: { teamId: string; period: string; refreshKey: number }) {
  const { t } = useTranslation();
  const { org } = useOrg();
  const history = useResource(() => economicsApi.history(org.slug, teamId, period, 12), `${org.slug}|${teamId}|${period}|${refreshKey}`);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={4}>{t('economics.efficiency.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('economics.efficiency.description')}
      </Text>
      {history.error ? (
        <ErrorState error={history.error} onRetry={history.reload} />
      ) : history.data ? (
        <ChartSlot height={HEIGHT}>
          <EfficiencyChart history={history.data.items} period={period} height={HEIGHT} />
        </ChartSlot>
      ) : (
        <div style={{ height: HEIGHT }} />
      )}
    </Paper>
  );
}
