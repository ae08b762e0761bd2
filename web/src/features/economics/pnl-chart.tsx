import { useMediaQuery } from '@mantine/hooks';
import { CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { ChartTable } from '../../shared/ui/chart-table';
import type { TeamEconomics } from './economics.api';
import { wrapLabel } from './economics-format';
import { type WaterfallStep, waterfallSteps } from './economics-model';
import { useChart } from './use-chart';
import { useEconomicsFormat } from './use-economics-format';

echarts.use([CustomChart, GridComponent, TooltipComponent, CanvasRenderer]);

const COLORS: Record<WaterfallStep['kind'], string> = { increase: '#0ca678', decrease: '#e03131', total: '#1c7ed6', part: '#7048e8' };
const RESERVE = '#f08c00';

const colorOf = (step: WaterfallStep) =>
  step.key === 'reserve' ? RESERVE : step.kind === 'total' && step.amountMinor < 0 ? COLORS.decrease : COLORS[step.kind];

interface RenderApi {
  value: (dimension: number) => number;
  coord: (point: [number, number]) => number[];
  size: (value: [number, number]) => number[];
}

/**
 * The P&L as a waterfall: revenue and internal sales up, internal purchases and costs down, net
 * profit from zero, then the pool and the reserve taken from it. Each bar carries its amount.
 */
export default function PnlChart({ figures, height = 340 }: { figures: TeamEconomics; height?: number }) {
  const { t } = useTranslation();
  const format = useEconomicsFormat();
  // On a phone the nine labels do not fit side by side: they slant, and the bars lose their amounts.
  const isNarrow = useMediaQuery('(max-width: 36em)') ?? false;
  const steps = waterfallSteps(figures);
  const names = steps.map((step) => t(`economics.pnl.${step.key}`));
  const signed = (step: WaterfallStep) =>
    step.kind === 'decrease' ? `−${format.money(step.amountMinor)}` : format.money(step.amountMinor);

  const container = useChart({
    animation: false,
    grid: { left: 72, right: 16, top: 28, bottom: isNarrow ? 110 : 64 },
    tooltip: {
      trigger: 'item',
      formatter: (params: { dataIndex: number }) => {
        const step = steps[params.dataIndex];
        return step ? `${names[params.dataIndex]}: <b>${signed(step)}</b>` : '';
      },
    },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: isNarrow
        ? { interval: 0, fontSize: 10, rotate: 60 }
        : { interval: 0, fontSize: 11, lineHeight: 13, formatter: (value: string) => wrapLabel(value) },
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.moneyShort(value) } },
    series: [
      {
        type: 'custom',
        encode: { x: 0, y: [1, 2] },
        data: steps.map((step, index) => [index, step.low, step.high]),
        renderItem: (params: { dataIndex: number }, api: RenderApi) => {
          const step = steps[params.dataIndex] as WaterfallStep;
          const top = api.coord([api.value(0), api.value(2)]);
          const bottom = api.coord([api.value(0), api.value(1)]);
          const width = (api.size([1, 0])[0] ?? 40) * 0.62;
          const x = (top[0] ?? 0) - width / 2;
          const y = top[1] ?? 0;
          return {
            type: 'rect',
            shape: { x, y, width, height: Math.max((bottom[1] ?? 0) - y, 1) },
            style: { fill: colorOf(step) },
            textContent: isNarrow
              ? undefined
              : {
                  style: {
                    text: format.moneyShort(step.kind === 'decrease' ? -step.amountMinor : step.amountMinor),
                    fontSize: 11,
                    fill: '#495057',
                  },
                },
            textConfig: { position: step.kind === 'total' && step.amountMinor < 0 ? 'bottom' : 'top' },
          };
        },
      },
    ],
  });

  return (
    <>
      <ChartTable
        caption={t('common.chartTable', { chart: t('economics.pnl.title') })}
        columns={[t('common.chartItem'), t('common.chartAmount')]}
        rows={steps.map((step, i) => ({ key: step.key, cells: [names[i], signed(step)] }))}
        testId="pnl-chart-table"
      />
      <div
        ref={container}
        style={{ width: '100%', height }}
        role="img"
        aria-label={t('economics.pnl.chartLabel', { steps: steps.map((step, i) => `${names[i]} ${signed(step)}`).join('; ') })}
        data-testid="pnl-chart"
        data-net-profit={figures.netProfitMinor}
      />
    </>
  );
}
