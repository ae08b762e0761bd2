import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { ChartTable } from '../../shared/ui/chart-table';
import { useChart } from '../economics/use-chart';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartSeries {
  name: string;
  type: 'line' | 'bar';
  /** One per label; null where a period has no answers (the line breaks there). */
  values: (number | null)[];
  color: string;
}

/**
 * Feedback figures per period: lines for NPS, CSAT or CES (gaps where nobody answered), bars for a
 * promise's attainment; one value axis, its range given (NPS runs −100…100, CES 1…7).
 */
export default function FeedbackChart({
  labels,
  series,
  min,
  max,
  height = 240,
  ariaLabel,
  testId = 'feedback-chart',
}: {
  labels: string[];
  series: ChartSeries[];
  min?: number;
  max?: number;
  height?: number;
  ariaLabel: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const container = useChart({
    animation: false,
    color: series.map((s) => s.color),
    legend: { top: 0, data: series.map((s) => s.name), textStyle: { fontSize: 12 } },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', min, max },
    series: series.map((s) =>
      s.type === 'bar'
        ? { type: 'bar', name: s.name, data: s.values, barMaxWidth: 28, itemStyle: { opacity: 0.35 } }
        : { type: 'line', name: s.name, data: s.values, symbolSize: 7, connectNulls: false },
    ),
  });
  return (
    <>
      <ChartTable
        caption={t('common.chartTable', { chart: ariaLabel })}
        columns={[t('common.chartPeriod'), ...series.map((s) => s.name)]}
        rows={labels.map((label, i) => ({ key: `${i}:${label}`, cells: [label, ...series.map((s) => s.values[i] ?? '—')] }))}
        testId={`${testId}-table`}
      />
      <div ref={container} style={{ width: '100%', height }} role="img" aria-label={ariaLabel} data-testid={testId} />
    </>
  );
}
