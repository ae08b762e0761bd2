/**
 * The worked examples of docs/formulas.md, run against the core: every fenced block tagged
 * `json check` names a check, its input and the expected answer. An example on that page that no
 * longer matches the code fails here, so the page cannot drift silently. The adapters below only
 * turn JSON into the core's argument types (sets, maps, fractions); the figures come from the core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_POLICY,
  attemptsWithin,
  backoffDelayMs,
  DEVICE_POLICY,
  DEVICES_POLICY,
  PAIR_POLICY,
} from '../src/core/auth/login-backoff.js';
import { computeFit, type FitPain } from '../src/core/discovery/fit.js';
import { painPriority } from '../src/core/discovery/priority.js';
import { teamFigures } from '../src/core/economics/figures.js';
import { frac, ratePpm } from '../src/core/economics/fraction.js';
import { fulfillmentIndex } from '../src/core/economics/fulfillment.js';
import { allocateOverhead } from '../src/core/economics/overhead.js';
import { type SplitRule, splitPool } from '../src/core/economics/split.js';
import { alertWindows, evaluatePromise, targetPpm } from '../src/core/promises/compute.js';
import { DAY_MS, isoDuration } from '../src/core/promises/window.js';
import { equalSharesAllocation, greedyAllocation } from '../src/core/voice/allocation.js';
import { summarizeFeedback } from '../src/core/voice/feedback.js';
import { answerDueAt, answerEvent, computeThreshold } from '../src/core/voice/proposals.js';
import { type Ballot, instantRunoff, type PollKind, tallyPoll } from '../src/core/voice/tally.js';

// biome-ignore lint/suspicious/noExplicitAny: each check reads its own JSON shape from the page
type Json = any;

/** Milliseconds of an ISO 8601 duration as the status answer writes them (`P3D`, `PT1H24M`, `PT1M10S`). */
function durationMs(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) throw new Error(`not a duration: ${iso}`);
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((v) => Number(v ?? 0)) as [number, number, number, number];
  return ((d * 24 + h) * 60 + min) * 60_000 + s * 1000;
}

const rate = (value: number): number => {
  const ppm = ratePpm(value);
  if (ppm === null) throw new Error(`a rate with more than 6 decimals: ${value}`);
  return ppm;
};

const CHECKS: Record<string, (input: Json) => unknown> = {
  painPriority: (input) => painPriority(input),
  computeFit: (input) =>
    computeFit(
      input.pains.map((p: Omit<FitPain, 'createdAt'>, i: number) => ({ ...p, createdAt: i })),
      new Set<string>(input.answered),
    ),
  alertWindows: (input) =>
    alertWindows(input.days * DAY_MS).map((row) => ({
      severity: row.severity,
      long: isoDuration(row.longMs),
      short: isoDuration(row.shortMs),
      threshold: row.threshold,
    })),
  evaluatePromise: (input) =>
    evaluatePromise({
      target: input.target,
      lengthMs: input.days * DAY_MS,
      window: input.window,
      byLookback: new Map(
        Object.entries(input.lookbacks).map(([iso, counts]) => [durationMs(iso), counts as { good: number; total: number }]),
      ),
    }),
  teamFigures: (input) =>
    teamFigures(
      input.ledger,
      { poolRatePpm: rate(input.poolRate), reserveRatePpm: rate(input.reserveRate) },
      frac(input.fulfillment[0], input.fulfillment[1]),
      input.hasMembers,
    ),
  fulfillmentIndex: (input) => {
    const index = fulfillmentIndex(
      input.mode,
      input.promises.map((p: { good: number; total: number; target: number }) => ({
        good: p.good,
        total: p.total,
        targetPpm: targetPpm(p.target),
      })),
    );
    return Number(index.n) / Number(index.d);
  },
  allocateOverhead: (input) => Object.fromEntries(allocateOverhead(input.totalMinor, input.teams, input.rule)),
  splitPool: (input) => {
    const result: Record<string, unknown> = {};
    const fallbacks: Record<string, unknown> = {};
    for (const [name, rule] of Object.entries(input.rules as Record<string, SplitRule>)) {
      const split = splitPool(input.poolMinor, input.members, rule);
      result[name] = Object.fromEntries(split.shares.map((s) => [s.memberId, s.amountMinor]));
      fallbacks[name] = split.equalFallbacks;
    }
    return { ...result, equalFallbacks: fallbacks };
  },
  summarizeFeedback: (input) => summarizeFeedback(input.kind, input.scores),
  computeThreshold: (input: ['count' | 'share', number, number][]) =>
    input.map(([kind, value, clients]) => computeThreshold(kind, value, clients)),
  answerEvent: (input) =>
    input.map((c: { reachedAt: number; responseDays: number; answeredAt: number | null; now: number }) =>
      answerEvent(answerDueAt(c.reachedAt, c.responseDays), c.answeredAt, c.now),
    ),
  tallyPoll: (input) => tallyPoll(input.kind as PollKind, input.options, input.ballots as Ballot[]),
  instantRunoff: (input) => instantRunoff(input.options, input.rankings),
  participatory: (input) => ({
    greedy: greedyAllocation(input.budget, input.projects, input.ballots),
    equalShares: equalSharesAllocation(input.budget, input.projects, input.ballots),
  }),
  signInBound: () => ({
    accountFirstDay: attemptsWithin(ACCOUNT_POLICY, DAY_MS),
    accountNextDay: attemptsWithin(ACCOUNT_POLICY, 2 * DAY_MS) - attemptsWithin(ACCOUNT_POLICY, DAY_MS),
    pairFirstDay: attemptsWithin(PAIR_POLICY, DAY_MS),
    deviceFirstDay: attemptsWithin(DEVICE_POLICY, DAY_MS),
    devicesFirstDay: attemptsWithin(DEVICES_POLICY, DAY_MS),
    accountWaitsMs: Object.fromEntries([19, 20, 21, 29, 30].map((f) => [String(f), backoffDelayMs(f, ACCOUNT_POLICY)])),
  }),
};

/**
 * Where `actual` differs from `expected`, or null: every key `expected` names must match (others
 * are ignored), arrays match element by element and in length, numbers within 1e-9.
 */
function mismatch(actual: unknown, expected: unknown, path = '$'): string | null {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) ? null : `${path}: ${actual} ≠ ${expected}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: not a list`;
    if (actual.length !== expected.length) return `${path}: ${actual.length} items, the page says ${expected.length}`;
    for (const [i, item] of expected.entries()) {
      const problem = mismatch(actual[i], item, `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path}: not an object`;
    for (const [key, value] of Object.entries(expected)) {
      const problem = mismatch((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`;
}

/** The `json check` blocks of a Markdown text, with the line each starts on. */
function checkBlocks(markdown: string): { line: number; body: string }[] {
  const blocks: { line: number; body: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```json check\s*$/.test(lines[i] as string)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    blocks.push({ line: start, body: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

const PAGE = 'docs/formulas.md';
const blocks = checkBlocks(readFileSync(join(import.meta.dirname, '..', PAGE), 'utf8'));

describe(`the worked examples of ${PAGE}`, () => {
  it('covers every kind of figure the page documents', () => {
    const named = new Set(blocks.map((b) => JSON.parse(b.body).check));
    expect([...named].sort()).toEqual(Object.keys(CHECKS).sort());
  });

  it.each(blocks.map((b) => [b.line, b.body] as const))('the example at line %i matches the code', (_line, body) => {
    const example = JSON.parse(body) as { check: string; input: unknown; expect: unknown };
    const run = CHECKS[example.check];
    expect(run, `unknown check ${example.check}`).toBeDefined();
    expect(mismatch(run?.(example.input), example.expect)).toBeNull();
  });
});

describe('the comparison the examples rely on', () => {
  it('fails on a wrong number, a missing item or a wrong key, and tolerates float noise', () => {
    expect(mismatch({ a: 1.2, b: 3 }, { a: 1.2 })).toBeNull();
    expect(mismatch(-0.19999999999999996, -0.2)).toBeNull();
    expect(mismatch({ a: 1 }, { a: 2 })).toBe('$.a: 1 ≠ 2');
    expect(mismatch([1, 2], [1])).toContain('2 items');
    expect(mismatch({ a: null }, { a: 0 })).not.toBeNull();
    expect(mismatch({ s: 'at_risk' }, { s: 'kept' })).not.toBeNull();
  });
});
