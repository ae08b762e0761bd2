import { createHash } from 'node:crypto';
import type { EChartsOption } from 'echarts';
import { type CanvasChartInput, type CanvasChartLabels, canvasChartOption } from './canvas.chart.js';

// ECharts weighs about 20 MB in memory: it is loaded on the first render, not at start.
let echartsModule: Promise<typeof import('echarts')> | undefined;

/** Renders the canvas chart to a standalone SVG document with ECharts' server-side renderer. */
export async function renderCanvasSvg(canvas: CanvasChartInput, labels: CanvasChartLabels, width: number, height: number): Promise<string> {
  echartsModule ??= import('echarts');
  const echarts = await echartsModule;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(canvasChartOption(canvas, labels, { width }) as EChartsOption);
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
export async function cachedCanvasSvg(
  canvas: CanvasChartInput,
  labels: CanvasChartLabels,
  width: number,
  height: number,
): Promise<{ etag: string; svg: string }> {
  const key = createHash('sha256')
    .update(JSON.stringify([canvas, labels, width, height]))
    .digest('base64url')
    .slice(0, 27);
  const etag = `"${key}"`;
  let svg = cache.get(key);
  if (svg === undefined) {
    svg = await renderCanvasSvg(canvas, labels, width, height);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  } else {
    cache.delete(key);
  }
  cache.set(key, svg);
  return { etag, svg };
}
