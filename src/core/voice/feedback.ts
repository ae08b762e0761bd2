/**
 * Client feedback figures (M7): NPS, CSAT and CES over answered responses, and their trend by week
 * or month on the organization's calendar. Pure: no clock, no I/O.
 */
import { zonedMidnight, zoneOffsetMs } from '../promises/window.js';

export const FEEDBACK_KINDS = ['nps', 'csat', 'ces'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** The scale of each kind, both ends included: NPS 0–10, CSAT 1–5, CES 1–7. */
export const SCORE_RANGE: Record<FeedbackKind, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

/** True when `score` is a whole number on the kind's scale. */
export function isScoreInRange(kind: FeedbackKind, score: number): boolean {
  const range = SCORE_RANGE[kind];
  return Number.isInteger(score) && score >= range.min && score <= range.max;
}

export interface NpsSummary {
  kind: 'nps';
  n: number;
  score: number | null;
  promoters: number;
  passives: number;
  detractors: number;
}
export interface ScaleSummary {
  kind: 'csat' | 'ces';
  n: number;
  score: number | null;
}
export type FeedbackSummary = NpsSummary | ScaleSummary;

/** Rounds half away from zero to 2 decimals, as people round by hand (14.285… → 14.29). */
export function round2(value: number): number {
  const sign = value < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(value) * 100 + 1e-9)) / 100;
}

/**
 * The figure of a kind over responses. n counts answered responses only (null scores are skipped).
 * NPS = (promoters 9–10 − detractors 0–6) ÷ n × 100; CSAT = share of 4 and 5 × 100; CES = mean;
 * all rounded to 2 decimals; score is null when n = 0.
 */
export function summarizeFeedback(kind: 'nps', scores: readonly (number | null)[]): NpsSummary;
export function summarizeFeedback(kind: 'csat' | 'ces', scores: readonly (number | null)[]): ScaleSummary;
export function summarizeFeedback(kind: FeedbackKind, scores: readonly (number | null)[]): FeedbackSummary;
export function summarizeFeedback(kind: FeedbackKind, scores: readonly (number | null)[]): FeedbackSummary {
  const counts = new Map<number, number>();
  for (const s of scores) if (s !== null) counts.set(s, (counts.get(s) ?? 0) + 1);
  return summarizeScoreCounts(
    kind,
    [...counts].map(([score, count]) => ({ score, count })),
  );
}

/**
 * The same figure from how many responses gave each score (what a `group by score` returns, so a
 * million responses need not be loaded); rows with a null score are skipped.
 */
export function summarizeScoreCounts(kind: FeedbackKind, counts: readonly { score: number | null; count: number }[]): FeedbackSummary {
  let n = 0;
  let high = 0;
  let low = 0;
  let sum = 0;
  for (const { score, count } of counts) {
    if (score === null) continue;
    n += count;
    sum += score * count;
    if (kind === 'nps' ? score >= 9 : score >= 4) high += count;
    if (score <= 6) low += count;
  }
  if (kind === 'nps') {
    return {
      kind,
      n,
      score: n === 0 ? null : round2(((high - low) / n) * 100),
      promoters: high,
      passives: n - high - low,
      detractors: low,
    };
  }
  if (n === 0) return { kind, n, score: null };
  return { kind, n, score: round2(kind === 'csat' ? (high / n) * 100 : sum / n) };
}

export type TrendBucket = 'week' | 'month';

/** The calendar day of `t` in the zone as UTC-based year, month (1–12), day and weekday (Monday 0). */
function localDay(t: number, timeZone: string) {
  const local = new Date(t + zoneOffsetMs(t, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: (local.getUTCDay() + 6) % 7,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The bucket holding `t` on the zone's calendar: a week starts on Monday at local midnight (key its
 * first day `YYYY-MM-DD`), a month on its first day (key `YYYY-MM`); `from`/`to` are UTC instants [from, to).
 */
export function bucketOf(t: number, bucket: TrendBucket, timeZone: string): { key: string; from: number; to: number } {
  const d = localDay(t, timeZone);
  if (bucket === 'month') {
    return {
      key: `${d.year}-${pad(d.month)}`,
      from: zonedMidnight(d.year, d.month, 1, timeZone),
      to: zonedMidnight(d.year, d.month + 1, 1, timeZone),
    };
  }
  const from = zonedMidnight(d.year, d.month, d.day - d.weekday, timeZone);
  const first = new Date(Date.UTC(d.year, d.month - 1, d.day - d.weekday));
  return {
    key: `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(first.getUTCDate())}`,
    from,
    to: zonedMidnight(d.year, d.month, d.day - d.weekday + 7, timeZone),
  };
}

/** At most this many buckets in one trend (about eight years of weeks). */
export const MAX_TREND_BUCKETS = 400;

export type TrendPoint = FeedbackSummary & { bucket: string; from: number; to: number };

/**
 * The figure per week or month, oldest first. With a range, every bucket from the one holding
 * `range.from` to the one holding `range.to − 1` is listed, empty ones with n 0 and score null (at
 * most MAX_TREND_BUCKETS, the latest kept); without one, only buckets that have responses.
 */
export function feedbackTrend(
  kind: FeedbackKind,
  responses: readonly { score: number | null; answeredAt: number }[],
  bucket: TrendBucket,
  timeZone: string,
  range?: { from: number; to: number },
): TrendPoint[] {
  const groups = new Map<string, { from: number; to: number; scores: (number | null)[] }>();
  if (range && range.to > range.from) {
    const spans: { key: string; from: number; to: number }[] = [];
    let span = bucketOf(range.to - 1, bucket, timeZone);
    while (span.to > range.from && spans.length < MAX_TREND_BUCKETS) {
      spans.push(span);
      span = bucketOf(span.from - 1, bucket, timeZone);
    }
    for (const s of spans.reverse()) groups.set(s.key, { from: s.from, to: s.to, scores: [] });
  }
  for (const r of responses) {
    const span = bucketOf(r.answeredAt, bucket, timeZone);
    const group = groups.get(span.key);
    if (group) group.scores.push(r.score);
    else if (!range) groups.set(span.key, { from: span.from, to: span.to, scores: [r.score] });
  }
  return [...groups.entries()]
    .sort((a, b) => a[1].from - b[1].from)
    .map(([key, g]) => ({ ...summarizeFeedback(kind, g.scores), bucket: key, from: g.from, to: g.to }));
}
