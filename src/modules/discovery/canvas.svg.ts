import { createHash } from 'node:crypto';
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

const cache = new Map<string, string>();
const CACHE_SIZE = 256;

/**
 * Rendering costs milliseconds; the same canvas, labels and size always give the same SVG, so the
 * result is kept (least recently used out) and its hash is the ETag a browser revalidates with.
 */
export function cachedCanvasSvg(
  canvas: CanvasChartInput,
  labels: CanvasChartLabels,
  width: number,
  height: number,
): { etag: string; svg: string } {
  const key = createHash('sha256')
    .update(JSON.stringify([canvas, labels, width, height]))
    .digest('base64url')
    .slice(0, 27);
  const etag = `"${key}"`;
  let svg = cache.get(key);
  if (svg === undefined) {
    svg = renderCanvasSvg(canvas, labels, width, height);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  } else {
    cache.delete(key);
  }
  cache.set(key, svg);
  return { etag, svg };
}
