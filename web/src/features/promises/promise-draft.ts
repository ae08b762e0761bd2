import { toMajorUnits, toMinorUnits } from '../../../../src/core/money';
import { tk } from '../../shared/i18n';
import { targetFromPercent, targetToPercent } from './promise-format';
import type { Metric, PromiseVersion, PromiseWindow, Redress, RedressKind, ThresholdOp } from './promises.api';

/** The terms of a promise as a form holds them: numbers as typed, the target in percent, money in major units. */
export interface TermsDraft {
  statement: string;
  metricKind: Metric['kind'];
  op: ThresholdOp;
  threshold: number | string;
  unit: string;
  targetPercent: number | string;
  windowKind: PromiseWindow['kind'];
  days: number | string;
  period: 'month' | 'quarter';
  hasRedress: boolean;
  redressKind: RedressKind;
  /** In major units of the organization's currency, as typed. */
  redressAmount: number | string;
  redressText: string;
}

/** The terms as the API takes them. */
export interface Terms {
  statement: string;
  metric: Metric;
  target: number;
  window: PromiseWindow;
  redress: Redress | null;
}

export const NEW_TERMS: TermsDraft = {
  statement: '',
  metricKind: 'threshold',
  op: '<=',
  threshold: '',
  unit: '',
  targetPercent: 95,
  windowKind: 'rolling',
  days: 30,
  period: 'month',
  hasRedress: false,
  redressKind: 'apology',
  redressAmount: '',
  redressText: '',
};

/** A form's draft of terms in force (to edit a draft or to start a new version from). */
export function draftOf(
  terms: Pick<PromiseVersion, 'statement' | 'metric' | 'target' | 'window' | 'redress'>,
  currency: string,
): TermsDraft {
  return {
    statement: terms.statement,
    metricKind: terms.metric.kind,
    op: terms.metric.kind === 'threshold' ? terms.metric.op : '<=',
    threshold: terms.metric.kind === 'threshold' ? terms.metric.threshold : '',
    unit: terms.metric.kind === 'threshold' ? (terms.metric.unit ?? '') : '',
    targetPercent: targetToPercent(terms.target),
    windowKind: terms.window.kind,
    days: terms.window.kind === 'rolling' ? terms.window.days : 30,
    period: terms.window.kind === 'calendar' ? terms.window.period : 'month',
    hasRedress: terms.redress !== null,
    redressKind: terms.redress?.kind ?? 'apology',
    redressAmount: terms.redress?.amount == null ? '' : toMajorUnits(terms.redress.amount, currency),
    redressText: terms.redress?.text ?? '',
  };
}

function toNumber(value: number | string): number | null {
  if (value === '' || value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(String(value).replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(number) ? number : null;
}

export type DraftErrors = Record<string, string>;

/**
 * The terms of a draft for the API, or the errors (translation keys by field path, the API's paths)
 * the browser can see before asking the server.
 */
export function termsOf(draft: TermsDraft, currency: string): { terms: Terms; errors: null } | { terms: null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (!draft.statement.trim()) errors.statement = tk('promises.errors.statementRequired');
  let metric: Metric = { kind: 'ratio' };
  if (draft.metricKind === 'threshold') {
    const threshold = toNumber(draft.threshold);
    if (threshold === null) errors['metric.threshold'] = tk('validation.number');
    metric = { kind: 'threshold', op: draft.op, threshold: threshold ?? 0, unit: draft.unit.trim() };
  }
  const target = targetFromPercent(draft.targetPercent);
  if (target === null) errors.target = tk('promises.errors.targetRange');
  let window: PromiseWindow = { kind: 'calendar', period: draft.period };
  if (draft.windowKind === 'rolling') {
    const days = toNumber(draft.days);
    if (days === null || !Number.isInteger(days) || days < 1 || days > 366) errors['window.days'] = tk('promises.errors.daysRange');
    window = { kind: 'rolling', days: days ?? 30 };
  }
  let redress: Redress | null = null;
  if (draft.hasRedress) {
    const amount = draft.redressKind === 'compensation' ? toMinorUnits(draft.redressAmount, currency) : null;
    if (draft.redressKind === 'compensation' && (amount === null || amount < 0))
      errors['redress.amount'] = tk('promises.errors.amountRequired');
    if (!draft.redressText.trim()) errors['redress.text'] = tk('promises.errors.redressTextRequired');
    redress = { kind: draft.redressKind, amount, text: draft.redressText.trim() };
  }
  if (Object.keys(errors).length > 0) return { terms: null, errors };
  return { terms: { statement: draft.statement.trim(), metric, target: target as number, window, redress }, errors: null };
}

/** True when two values of the terms are the same (the API's JSON shapes compared by content). */
export function sameTerm(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, canonical(inner)]),
    );
  }
  return value;
}

/** Only the terms that differ from those in force: what a new version changes. */
export function changedTerms(current: Terms, next: Terms): Partial<Terms> {
  const changed: Partial<Terms> = {};
  for (const key of ['statement', 'metric', 'target', 'window', 'redress'] as const) {
    if (!sameTerm(current[key], next[key])) (changed as Record<string, unknown>)[key] = next[key];
  }
  return changed;
}
