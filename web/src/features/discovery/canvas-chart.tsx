import { Box, Center, Stack, Text } from '@mantine/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CanvasChartInput, canvasChartOption } from '../../../../src/modules/discovery/canvas.chart';
import { ChartTable } from '../../shared/ui/chart-table';

echarts.use([LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartInstance = echarts.ECharts;

interface CanvasChartProps {
  canvas: CanvasChartInput;
  height?: number;
  /** Receives the live ECharts instance, e.g. to export it as PNG. */
  chartRef?: RefObject<ChartInstance | null>;
  /** Shown with the hint while there are no factors, e.g. the button that adds the first one. */
  emptyAction?: ReactNode;
}

/**
 * The strategy canvas drawn with the option the server renders to SVG, so what is edited is what
 * is exported. Redrawn on every change of `canvas`, resized with its container.
 */
export function CanvasChart({ canvas, height = 420, chartRef, emptyAction }: CanvasChartProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    if (chartRef) chartRef.current = instance;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => {
      instance.resize();
      setWidth(element.clientWidth);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      if (chartRef) chartRef.current = null;
    };
  }, [chartRef]);

  const labels = { current: t('canvas.chart.current'), target: t('canvas.chart.target'), level: t('canvas.chart.level') };
  const option = canvasChartOption(canvas, labels, { width: width || undefined });
  const optionText = JSON.stringify(option);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `optionText` stands for `option`
  useEffect(() => {
    // notMerge: a removed competitor must take its curve with it.
    chart.current?.setOption(option, { notMerge: true });
  }, [optionText]);

  // Below about 80 px per factor the labels collide: the chart keeps that room and scrolls sideways.
  const minWidth = 140 + canvas.factors.length * 80;
  return (
    <Box pos="relative" style={{ overflowX: 'auto' }}>
      <ChartTable
        caption={t('common.chartTable', { chart: t('canvas.chart.aria', { name: canvas.name }) })}
        columns={[
          t('common.chartFactor'),
          canvas.currentLabel || labels.current,
          canvas.targetLabel || labels.target,
          ...canvas.competitors.map((c) => c.name),
        ]}
        rows={canvas.factors.map((factor, i) => ({
          key: `${i}:${factor.name}`,
          cells: [factor.name, factor.current, factor.target, ...canvas.competitors.map((_, j) => factor.competitorLevels[j] ?? '—')],
        }))}
        testId="canvas-chart-table"
      />
      <div
        ref={container}
        style={{ width: '100%', minWidth, height }}
        data-testid="canvas-chart"
        role="img"
        aria-label={t('canvas.chart.aria', { name: canvas.name })}
      />
      {canvas.factors.length === 0 ? (
        <Center pos="absolute" inset={0} style={{ pointerEvents: 'none' }}>
          <Stack align="center" gap="sm" bg="white" p="sm" style={{ pointerEvents: 'auto' }}>
            <Text c="dimmed" size="sm">
              {t('canvas.chart.empty')}
            </Text>
            {emptyAction}
          </Stack>
        </Center>
      ) : null}
    </Box>
  );
}
