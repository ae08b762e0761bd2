/**
 * The strategy canvas as an ECharts option: value curves (offering level 0–10) over the factors,
 * one curve for the current offer, one for the target and one per competitor. Pure: the server
 * renders it to SVG and the web app draws the same option live while the canvas is edited.
 */
import { charsThatFit, wrapWords } from '../../core/text/wrap.js';

export interface CanvasChartInput {
  name: string;
  currentLabel: string;
  targetLabel: string;
  competitors: { name: string }[];
  factors: { name: string; current: number; target: number; competitorLevels: number[] }[];
}

export interface CanvasChartLabels {
  current: string;
  target: string;
  level: string;
}

const PALETTE = ['#1c7ed6', '#e8590c', '#868e96', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c940d', '#364fc7'];

/** `width` is the chart's width in pixels: factor labels wrap to the space each factor gets. */
export function canvasChartOption(
  canvas: CanvasChartInput,
  labels: CanvasChartLabels,
  options: { animation?: boolean; width?: number } = {},
) {
  const labelWidth = Math.max(60, Math.floor(((options.width ?? 900) - 120) / Math.max(1, canvas.factors.length)) - 10);
  const currentName = canvas.currentLabel || labels.current;
  const targetName = canvas.targetLabel || labels.target;
  const series = [
    {
      name: currentName,
      type: 'line',
      data: canvas.factors.map((f) => f.current),
      lineStyle: { width: 3 },
      symbolSize: 8,
      color: PALETTE[0],
    },
    {
      name: targetName,
      type: 'line',
      data: canvas.factors.map((f) => f.target),
      lineStyle: { width: 3, type: 'dashed' },
      symbol: 'diamond',
      symbolSize: 10,
      color: PALETTE[1],
    },
    ...canvas.competitors.map((c, j) => ({
      name: c.name,
      type: 'line',
      data: canvas.factors.map((f) => f.competitorLevels[j] ?? 0),
      lineStyle: { width: 2 },
      symbolSize: 6,
      color: PALETTE[(j + 2) % PALETTE.length],
    })),
  ];
  return {
    animation: options.animation ?? false,
    backgroundColor: '#ffffff',
    title: { text: canvas.name, left: 'center', top: 8, textStyle: { fontSize: 16, fontWeight: 600 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 8, type: 'plain', itemGap: 16 },
    grid: { left: 56, right: 32, top: 56, bottom: canvas.competitors.length > 2 ? 96 : 72, containLabel: true },
    xAxis: {
      type: 'category',
      data: canvas.factors.map((f) => f.name),
      boundaryGap: true,
      // Wrapped here between words: ECharts' own 'break' cuts Cyrillic words anywhere («Согласова|ние»).
      axisLabel: {
        interval: 0,
        fontSize: 11,
        lineHeight: 14,
        formatter: (name: string) => wrapWords(name, charsThatFit(labelWidth, 11)).join('\n'),
      },
    },
    yAxis: { type: 'value', min: 0, max: 10, interval: 2, name: labels.level, nameLocation: 'middle', nameGap: 32 },
    series,
  };
}
