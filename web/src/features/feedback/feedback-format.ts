import { intlLocale } from '../../shared/i18n';
import type { FeedbackKind } from './feedback.api';

/** A figure as people read it: NPS signed (+14.29), CSAT in percent (57.14%), CES a mean (3.6); null is "—". */
export function formatFigure(kind: FeedbackKind, score: number | null, locale: string): string {
  if (score === null) return '—';
  const number = new Intl.NumberFormat(intlLocale(locale), {
    maximumFractionDigits: 2,
    signDisplay: kind === 'nps' ? 'exceptZero' : 'auto',
  });
  return kind === 'csat' ? `${number.format(score)} %` : number.format(score);
}

/** A trend bucket's label: a month `2026-11` → "Nov 2026", a week's Monday `2026-11-30` → "30 Nov". */
export function bucketLabel(bucket: string, locale: string): string {
  const [year, month, day] = bucket.split('-').map(Number) as [number, number, number | undefined];
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    day === undefined ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(date);
}

/** The value axis of a kind's chart: NPS −100…100, CSAT 0…100, CES 1…7. */
export const AXIS: Record<FeedbackKind, { min: number; max: number }> = {
  nps: { min: -100, max: 100 },
  csat: { min: 0, max: 100 },
  ces: { min: 1, max: 7 },
};

/** A colour per kind, the same on every card and chart; dark enough for text on a light badge (4.5:1, WCAG 2.1 AA). */
export const KIND_COLOR: Record<FeedbackKind, string> = { nps: '#1864ab', csat: '#237032', ces: '#8f4700' };
