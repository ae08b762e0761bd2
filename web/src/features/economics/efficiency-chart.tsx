import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { ChartTable } from '../../shared/ui/chart-table';
import type { TeamEconomics } from './economics.api';
import { useChart } from './use-chart';
import { useEconomicsFormat } from './use-economics-format';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Hourly efficiency month by month (a gap where no hours were recorded); the chosen month stands out. */
export default function EfficiencyChart({ history, period, height = 260 }: { history: TeamEconomics[]; period: string; height?: number }) {
  const { t } = useTranslation();
  const format = useEconomicsFormat();
  const labels = history.map((item) => format.periodShort(item.period));
  const perHour = (minor: number) => t('economics.perHour', { amount: format.money(minor) });
  const container = useChart({
    animation: false,
    color: ['#1c7ed6'],
    grid: { left: 72, right: 16, top: 16, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const item = history[params[0]?.dataIndex ?? -1];
        if (!item) return '';
        const value = item.hourlyEfficiencyMinor === null ? t('economics.noHours') : perHour(item.hourlyEfficiencyMinor);
        return `${format.period(item.period)}<br/><b>${value}</b>`;
      },
    },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.moneyShort(value) } },
    series: [
      {
        type: 'line',
        connectNulls: false,
        symbolSize: 7,
        data: history.map((item) => ({
          value: item.hourlyEfficiencyMinor,
          symbolSize: item.period === period ? 12 : 7,
        })),
      },
    ],
  });
  const known = history.filter((item) => item.hourlyEfficiencyMinor !== null);
  return (
    <>
      <ChartTable
        caption={t('common.chartTable', { chart: t('economics.efficiency.title') })}
        columns={[t('common.chartMonth'), t('economics.efficiency.title')]}
        rows={history.map((item) => ({
          key: item.period,
          cells: [
            format.period(item.period),
            item.hourlyEfficiencyMinor === null ? t('economics.noHours') : perHour(item.hourlyEfficiencyMinor),
          ],
        }))}
        testId="efficiency-chart-table"
      />
      <div
        ref={container}
        style={{ width: '100%', height }}
        role="img"
        aria-label={t('economics.efficiency.chartLabel', {
          values: known.map((item) => `${format.period(item.period)} ${perHour(item.hourlyEfficiencyMinor ?? 0)}`).join('; '),
        })}
        data-testid="efficiency-chart"
        data-points={known.length}
      />
    </>
  );
}
