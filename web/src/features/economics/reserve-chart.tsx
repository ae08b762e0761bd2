import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { ChartTable } from '../../shared/ui/chart-table';
import type { Reserve } from './economics.api';
import { useChart } from './use-chart';
import { useEconomicsFormat } from './use-economics-format';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** What each closed month kept in the reserve (bars) and the total kept so far (line). */
export default function ReserveChart({ reserve, height = 260 }: { reserve: Reserve; height?: number }) {
  const { t } = useTranslation();
  const format = useEconomicsFormat();
  let running = 0;
  const cumulative = reserve.periods.map((item) => {
    running += item.reserveMinor;
    return running;
  });
  const labels = { month: t('economics.reserve.keptInMonth'), total: t('economics.reserve.keptSoFar') };
  const container = useChart({
    animation: false,
    color: ['#f08c00', '#1c7ed6'],
    legend: { top: 0, data: [labels.month, labels.total], textStyle: { fontSize: 12 } },
    grid: { left: 72, right: 16, top: 36, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number; seriesName: string; value: number; marker: string }[]) => {
        const item = reserve.periods[params[0]?.dataIndex ?? -1];
        if (!item) return '';
        return [format.period(item.period), ...params.map((p) => `${p.marker}${p.seriesName}: <b>${format.money(p.value)}</b>`)].join(
          '<br/>',
        );
      },
    },
    xAxis: { type: 'category', data: reserve.periods.map((item) => format.periodShort(item.period)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.moneyShort(value) } },
    series: [
      { type: 'bar', name: labels.month, data: reserve.periods.map((item) => item.reserveMinor), barMaxWidth: 36 },
      { type: 'line', name: labels.total, data: cumulative, symbolSize: 6 },
    ],
  });
  return (
    <>
      <ChartTable
        caption={t('common.chartTable', { chart: labels.month })}
        columns={[t('common.chartMonth'), labels.month, labels.total]}
        rows={reserve.periods.map((item, i) => ({
          key: item.period,
          cells: [format.period(item.period), format.money(item.reserveMinor), format.money(cumulative[i] ?? 0)],
        }))}
        testId="reserve-chart-table"
      />
      <div
        ref={container}
        style={{ width: '100%', height }}
        role="img"
        aria-label={t('economics.reserve.chartLabel', {
          values: reserve.periods.map((item) => `${format.period(item.period)} ${format.money(item.reserveMinor)}`).join('; '),
        })}
        data-testid="reserve-chart"
      />
    </>
  );
}
