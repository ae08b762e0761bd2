import * as echarts from 'echarts';
import { type CanvasChartInput, type CanvasChartLabels, canvasChartOption } from './canvas.chart.js';

/** Renders the canvas chart to a standalone SVG document with ECharts' server-side renderer. */
export function renderCanvasSvg(canvas: CanvasChartInput, labels: CanvasChartLabels, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(canvasChartOption(canvas, labels, { width }) as echarts.EChartsOption);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
