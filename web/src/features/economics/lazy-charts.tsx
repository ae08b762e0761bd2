import { Center, Group, Loader, Text } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The chart library is large: it loads with the economics charts, not with the rest of the app.
export const PnlChart = lazy(() => import('./pnl-chart'));
export const EfficiencyChart = lazy(() => import('./efficiency-chart'));
export const ReserveChart = lazy(() => import('./reserve-chart'));

/** A chart, with a loader of the same height while its code arrives. */
export function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Center h={height}>
          <Group gap="sm">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              {t('common.loading')}
            </Text>
          </Group>
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}
