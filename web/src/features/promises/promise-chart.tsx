import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../shared/i18n';
import { useOrg } from '../../shared/session/org-context';
import { ChartTable } from '../../shared/ui/chart-table';
import { type ChartPoint, formatPercent, formatTarget } from './promise-format';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, MarkAreaComponent, TooltipComponent, CanvasRenderer]);

interface PromiseChartProps {
  points: ChartPoint[];
  target: number;
  height?: number;
}

const TEAL = '#0ca678';
const BLUE = '#1c7ed6';
const RED = '#e03131';
const GRAY = '#868e96';

/** A tidy attainment axis ending at 100 %: its step and a start below the lowest point that is a multiple of it. */
export function attainmentAxis(lowest: number): { min: number; interval: number } {
  const range = 100 - Math.max(0, lowest - 0.5);
  const interval = range <= 5 ? 1 : range <= 10 ? 2 : range <= 25 ? 5 : range <= 50 ? 10 : 20;
  return { min: Math.max(0, Math.floor((lowest - 0.5) / interval) * interval), interval };
}

/** The budget axis: 0–100 % at least, wider when the budget is overspent, in about four tidy steps. */
export function budgetAxisOf(budgets: readonly number[]): { min: number; max: number; interval: number } {
  const low = Math.min(0, ...budgets);
  const high = Math.max(100, ...budgets);
  const interval = [25, 50, 100, 200, 250, 500, 1000, 2000, 5000].find((step) => (high - low) / step <= 5) ?? 10_000;
  return { min: Math.floor(low / interval) * interval, max: Math.ceil(high / interval) * interval, interval };
}

/**
 * The burn-down over the window: attainment against the target above, the error budget remaining
 * below (100 % at the start of a clean window, 0 % when it is spent, below 0 once the promise is broken).
 */
export function PromiseChart({ points, target, height = 380 }: PromiseChartProps) {
  const { t, i18n } = useTranslation();
  const { org } = useOrg();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const locale = intlLocale(i18n.language);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  const attainment = points.map((p) => [p.at, p.attainment === null ? null : round(p.attainment * 100)]);
  const budget = points.map((p) => [p.at, p.budgetRemaining === null ? null : round(p.budgetRemaining * 100)]);
  const attained = points.flatMap((p) => (p.attainment === null ? [] : [p.attainment * 100]));
  const budgets = points.flatMap((p) => (p.budgetRemaining === null ? [] : [p.budgetRemaining * 100]));
  const targetPercent = round(target * 100);
  const axis = attainmentAxis(Math.min(targetPercent, ...attained));
  const budgetAxis = budgetAxisOf(budgets);
  const labels = {
    attainment: t('promises.chart.attainment'),
    target: t('promises.chart.target'),
    budget: t('promises.chart.budget'),
    atRisk: t('promises.chart.atRiskLine'),
  };
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: org.timeZone });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: org.timeZone });
  const percent = (value: number) => formatPercent(value / 100, locale, 2);

  const option = {
    animation: false,
    color: [TEAL, BLUE],
    legend: { top: 0, data: [labels.attainment, labels.budget], textStyle: { fontSize: 12 } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'line' },
      formatter: (params: { seriesName: string; value: [number, number | null]; marker: string }[]) => {
        const first = params[0];
        if (!first) return '';
        const lines = params.map((p) => `${p.marker}${p.seriesName}: <b>${p.value[1] === null ? '—' : percent(p.value[1])}</b>`);
        return [dateTime.format(first.value[0]), ...lines].join('<br/>');
      },
    },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [
      { left: 56, right: 24, top: 40, height: '36%' },
      { left: 56, right: 24, top: '58%', bottom: 32 },
    ],
    xAxis: [
      { type: 'time', gridIndex: 0, axisLabel: { show: false }, axisTick: { show: false } },
      { type: 'time', gridIndex: 1, axisLabel: { formatter: (value: number) => day.format(value), hideOverlap: true } },
    ],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        min: axis.min,
        max: 100,
        interval: axis.interval,
        axisLabel: { formatter: (value: number) => `${value} %` },
      },
      {
        type: 'value',
        gridIndex: 1,
        min: budgetAxis.min,
        max: budgetAxis.max,
        interval: budgetAxis.interval,
        axisLabel: { formatter: (value: number) => `${value} %` },
      },
    ],
    series: [
      {
        name: labels.attainment,
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: attainment,
        showSymbol: points.length <= 40,
        symbolSize: 5,
        connectNulls: false,
        lineStyle: { width: 2 },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: RED, type: 'dashed' },
          label: { formatter: `${labels.target} ${percent(targetPercent)}`, position: 'insideEndTop', color: RED },
          data: [{ yAxis: targetPercent }],
        },
      },
      {
        name: labels.budget,
        type: 'line',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: budget,
        showSymbol: points.length <= 40,
        symbolSize: 5,
        connectNulls: false,
        areaStyle: { opacity: 0.15 },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            { yAxis: 0, lineStyle: { color: RED, type: 'solid' }, label: { show: false } },
            {
              yAxis: 25,
              lineStyle: { color: GRAY, type: 'dashed' },
              label: { formatter: labels.atRisk, position: 'insideEndTop', color: GRAY },
            },
          ],
        },
      },
    ],
  };
  const optionText = JSON.stringify(option);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `optionText` stands for `option` (its formatters follow the language)
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [optionText, i18n.language]);

  const last = points[points.length - 1];
  const shown = (share: number | null) => (share === null ? '—' : formatPercent(share, locale, 2));
  return (
    <>
      <ChartTable
        caption={t('common.chartTable', { chart: t('promises.chart.attainment') })}
        columns={[t('common.chartTime'), labels.attainment, labels.budget]}
        rows={points.map((p) => ({ key: String(p.at), cells: [dateTime.format(p.at), shown(p.attainment), shown(p.budgetRemaining)] }))}
        testId="promise-chart-table"
      />
      <div
        ref={container}
        style={{ width: '100%', height }}
        data-testid="promise-chart"
        data-points={points.length}
        data-last-attainment={last?.attainment ?? ''}
        role="img"
        aria-label={t('promises.chart.aria', {
          attainment: formatPercent(last?.attainment ?? null, locale),
          budget: formatPercent(last?.budgetRemaining ?? null, locale),
          target: formatTarget(target, locale),
        })}
      />
    </>
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export default PromiseChart;
