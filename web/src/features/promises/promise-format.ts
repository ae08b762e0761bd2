import type { TFunction } from 'i18next';
import {
  formatAttainment as formatFigureAttainment,
  formatNumber as formatFigureNumber,
  formatPercent as formatFigurePercent,
  formatTarget as formatFigureTarget,
  PERCENT_DECIMALS,
} from '../../../../src/core/format/figures';
import { tk } from '../../shared/i18n';
import { FULFILLMENTS, type Fulfillment, type Metric, type PromiseStatus, type PromiseWindow } from './promises.api';

/**
 * A share (0.97777) as a percent in the interface language, as the board shows it (src/core/format:
 * half up on the exact decimal, at most 1 decimal): «97,8 %» / "97.8%"; null → "—".
 */
export function formatPercent(share: number | null | undefined, locale: string, maxDigits = PERCENT_DECIMALS): string {
  return formatFigurePercent(share, locale, maxDigits);
}

/** Attainment beside its target: below the target never reads as reaching it (0.9496 of 0.95 → «94,96 %»). */
export function formatAttainment(share: number | null | undefined, target: number | null | undefined, locale: string): string {
  return formatFigureAttainment(share, target, locale);
}

/** A target (a set value) shown exactly: 0.9995 → «99,95 %». */
export function formatTarget(share: number | null | undefined, locale: string): string {
  return formatFigureTarget(share, locale);
}

/** A plain number in the interface language, half up: 14.4 → "14,4". */
export function formatNumber(value: number, locale: string, maxDigits = 2): string {
  return formatFigureNumber(value, locale, maxDigits);
}

/** A target typed in percent (95) as the API's share (0.95); null when it is not strictly between 0 and 100. */
export function targetFromPercent(percent: number | string): number | null {
  const value = typeof percent === 'number' ? percent : Number(String(percent).replace(',', '.'));
  if (!Number.isFinite(value) || value <= 0 || value >= 100) return null;
  // Round away the binary noise of 99.9 / 100 (0.9990000000000001).
  return Math.round(value * 1e6) / 1e8;
}

/** The API's share (0.95) as the percent the form shows (95). */
export function targetToPercent(target: number): number {
  return Math.round(target * 1e8) / 1e6;
}

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** The parts of an ISO 8601 duration the API writes (`PT1H`, `PT30M`, `P1D`, `P1DT2H`); zeros when it does not parse. */
export function parseDuration(iso: string): DurationParts {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  const [, d, h, m, s] = match ?? [];
  return { days: Number(d ?? 0), hours: Number(h ?? 0), minutes: Number(m ?? 0), seconds: Number(s ?? 0) };
}

/** The length of an ISO duration in milliseconds. */
export function durationMs(iso: string): number {
  const p = parseDuration(iso);
  return (((p.days * 24 + p.hours) * 60 + p.minutes) * 60 + p.seconds) * 1000;
}

const UNIT_KEYS = {
  days: tk('promises.units.days'),
  hours: tk('promises.units.hours'),
  minutes: tk('promises.units.minutes'),
  seconds: tk('promises.units.seconds'),
} as const;

/** An ISO duration in short words: `PT1H` → "1 h" / "1 ч", `P1DT2H` → "1 d 2 h". */
export function formatDuration(iso: string, t: TFunction): string {
  const parts = parseDuration(iso);
  const words = (Object.keys(UNIT_KEYS) as (keyof DurationParts)[])
    .filter((unit) => parts[unit] > 0)
    .map((unit) => t(UNIT_KEYS[unit], { n: parts[unit] }));
  return words.length > 0 ? words.join(' ') : iso;
}

/** "Good when the value ≤ 24 hours" or "Each event is good or bad". */
export function describeMetric(metric: Metric, t: TFunction, locale: string): string {
  if (metric.kind === 'ratio') return t('promises.metric.ratioText');
  return t('promises.metric.thresholdText', {
    op: opSymbol(metric.op),
    threshold: formatNumber(metric.threshold, locale, 4),
    unit: metric.unit,
  }).trim();
}

/** The comparison as a reader writes it: `<=` → "≤". */
export function opSymbol(op: string): string {
  return op === '<=' ? '≤' : op === '>=' ? '≥' : op;
}

/** "the last 30 days", "the calendar month", "the calendar quarter" (to follow "95 % over …"). */
export function describeWindow(window: PromiseWindow, t: TFunction): string {
  if (window.kind === 'rolling') return t('promises.window.rollingText', { count: window.days });
  return t(`promises.window.${window.period}Text`);
}

/** The first letter in upper case, for a phrase that starts a line: "the last 30 days" → "The last 30 days". */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The index of a status in the worst-first order: broken 0 … kept 3; unknown last. */
export function severityRank(status: Fulfillment | null | undefined): number {
  const index = status ? FULFILLMENTS.indexOf(status) : -1;
  return index === -1 ? FULFILLMENTS.length : index;
}

/**
 * Promises worst first: broken, at risk, no data, kept (those whose status did not load last); within
 * a status the one furthest below (or least above) its target first, then by title.
 */
export function sortWorstFirst<T extends { title: string }>(
  rows: readonly T[],
  statusOf: (row: T) => PromiseStatus | null | undefined,
): T[] {
  const margin = (status: PromiseStatus | null | undefined) =>
    status && status.attainment !== null ? status.attainment - status.target : Number.POSITIVE_INFINITY;
  return [...rows].sort((a, b) => {
    const sa = statusOf(a);
    const sb = statusOf(b);
    return severityRank(sa?.status) - severityRank(sb?.status) || margin(sa) - margin(sb) || a.title.localeCompare(b.title);
  });
}

/** True when any alert row of the status fires. */
export function isAlertFiring(status: Pick<PromiseStatus, 'alerts'> | null | undefined): boolean {
  return Boolean(status?.alerts.some((alert) => alert.firing));
}

/**
 * The instants the burn-down chart is computed at: `count` evenly spread from just after the window's
 * start to its end (now), the last exactly at the end.
 */
export function chartInstants(from: number, to: number, count = 30): number[] {
  if (!(to > from) || count < 1) return [to];
  const step = (to - from) / count;
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? to : Math.round(from + step * (i + 1))));
}

export interface ChartPoint {
  /** Epoch milliseconds: an instant the browser chose (chartInstants), not one the API wrote. */
  at: number;
  /** Attainment over the window ending at `at`, as a share; null while there are no events. */
  attainment: number | null;
  /** Error budget remaining at `at`, as a share (may be negative); null while there are no events. */
  budgetRemaining: number | null;
  target: number;
}

/** A chart point from the status at an instant: no data → gaps, not 100 %. */
export function chartPoint(at: number, status: PromiseStatus): ChartPoint {
  const hasData = status.total > 0 && status.attainment !== null;
  return {
    at,
    attainment: hasData ? status.attainment : null,
    budgetRemaining: hasData ? status.budgetRemaining : null,
    target: status.target,
  };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
