/**
 * The worked examples of docs/formulas.md and docs/api.md, run against the core: every fenced block
 * tagged `json check` names a check, its input and the expected answer. An example on those pages
 * that no longer matches the code fails here, so the pages cannot drift silently. The adapters below
 * only turn JSON into the core's argument types (sets, maps, fractions); the figures come from the
 * core. The webhook verifier that docs/api.md gives receivers (the `js verify` block) is run too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
import { classifyFactor, measuredLevel } from '../src/core/discovery/errc.js';
import { computeFit, type FitPain } from '../src/core/discovery/fit.js';
import { painPriority } from '../src/core/discovery/priority.js';
import { budgetedTeamFigures } from '../src/core/economics/budgeted-pool.js';
import { teamFigures } from '../src/core/economics/figures.js';
import { frac, ratePpm } from '../src/core/economics/fraction.js';
import { fulfillmentIndex } from '../src/core/economics/fulfillment.js';
import { allocateOverhead } from '../src/core/economics/overhead.js';
import { type SplitRule, splitPool } from '../src/core/economics/split.js';
import { ERROR_CODES } from '../src/core/errors.js';
import { formatMoney, formatPercent, formatTarget } from '../src/core/format/figures.js';
import { budgetOutlook } from '../src/core/promises/budget.js';
import { alertWindows, evaluatePromise, targetPpm } from '../src/core/promises/compute.js';
import { DAY_MS, isoDuration } from '../src/core/promises/window.js';
import { equalSharesAllocation, greedyAllocation } from '../src/core/voice/allocation.js';
import { summarizeFeedback } from '../src/core/voice/feedback.js';
import { answerDueAt, answerEvent, computeThreshold } from '../src/core/voice/proposals.js';
import { type Ballot, instantRunoff, type PollKind, tallyPoll } from '../src/core/voice/tally.js';
import { signWebhook } from '../src/core/webhooks/webhooks.js';

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
  classifyFactor: (input: [number, number, number[]][]) =>
    input.map(([current, target, competitors]) => classifyFactor(current, target, competitors)),
  measuredLevel: (input: (number | null)[]) => input.map(measuredLevel),
  alertWindows: (input) =>
    alertWindows(input.days * DAY_MS).map((row) => ({
      severity: row.severity,
      long: isoDuration(row.longMs),
      short: isoDuration(row.shortMs),
      threshold: row.threshold,
    })),
  budgetOutlook: (input: [number, number, number][]) =>
    input.map(([remaining, burnRate, days]) => {
      const outlook = budgetOutlook(remaining, burnRate, days * DAY_MS);
      return outlook.kind === 'lasts' ? { kind: outlook.kind, hours: outlook.ms / 3_600_000 } : outlook;
    }),
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
  budgetedTeamFigures: (input) =>
    budgetedTeamFigures(
      input.ledger,
      input.budget,
      rate(input.reserveRate),
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
  // The page writes plain spaces where the product writes non-breaking ones (U+00A0, U+202F).
  formatFigures: (input) => {
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    return {
      percent: input.percent.map(([share, locale]: [number | null, string]) => plain(formatPercent(share, locale))),
      target: input.target.map(([share, locale]: [number, string]) => plain(formatTarget(share, locale))),
      money: input.money.map(([minor, currency, locale, trim]: [number, string, string, boolean]) =>
        plain(formatMoney(minor, currency, locale, trim)),
      ),
    };
  },
  signWebhook: (input) => signWebhook(input.secrets, input.body, input.timestamp),
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

/** The fenced blocks whose info string is exactly `tag` (e.g. `json check`), with the line each starts on. */
function fencedBlocks(markdown: string, tag: string): { line: number; body: string }[] {
  const blocks: { line: number; body: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] as string).trimEnd() !== `\`\`\`${tag}`) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    blocks.push({ line: start + 1, body: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

const read = (page: string) => readFileSync(join(import.meta.dirname, '..', page), 'utf8');
const PAGES = ['docs/formulas.md', 'docs/api.md'];
const examples = PAGES.flatMap((page) => fencedBlocks(read(page), 'json check').map((b) => ({ page, ...b })));

describe('the worked examples of docs/formulas.md and docs/api.md', () => {
  it('cover every kind of figure the pages document, and each page has some', () => {
    const named = new Set(examples.map((b) => JSON.parse(b.body).check));
    expect([...named].sort()).toEqual(Object.keys(CHECKS).sort());
    for (const page of PAGES) expect(examples.filter((b) => b.page === page).length, page).toBeGreaterThan(0);
    expect(examples.length).toBeGreaterThanOrEqual(25);
  });

  it.each(examples.map((b) => [b.page, b.line, b.body] as const))('%s, the example at line %i, matches the code', (_page, _line, body) => {
    const example = JSON.parse(body) as { check: string; input: unknown; expect: unknown };
    const run = CHECKS[example.check];
    expect(run, `unknown check ${example.check}`).toBeDefined();
    expect(mismatch(run?.(example.input), example.expect)).toBeNull();
  });
});

describe('the webhook verifier docs/api.md gives receivers', () => {
  const [block] = fencedBlocks(read('docs/api.md'), 'js verify');
  const verify = new Function('require', `${block?.body}\nreturn verifyClientocracySignature;`)(createRequire(import.meta.url)) as (
    header: unknown,
    rawBody: string | Buffer,
    secret: string,
  ) => boolean;
  const body = '{"id":"d1","type":"promise.status_changed","data":{"status":"at_risk"}}';
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts what the server signs, with the new or the old secret during a rotation', () => {
    expect(verify(signWebhook(['s3cret'], body, now()), body, 's3cret')).toBe(true);
    expect(verify(signWebhook(['s3cret'], body, now()), Buffer.from(body), 's3cret')).toBe(true);
    const rotating = signWebhook(['new-secret', 'old-secret'], body, now());
    expect(verify(rotating, body, 'new-secret')).toBe(true);
    expect(verify(rotating, body, 'old-secret')).toBe(true);
  });

  it('refuses a tampered body, another secret, an old timestamp and garbled headers, without throwing', () => {
    const header = signWebhook(['s3cret'], body, now());
    expect(verify(header, body.replace('at_risk', 'kept'), 's3cret')).toBe(false);
    expect(verify(header, body, 'other')).toBe(false);
    expect(verify(signWebhook(['s3cret'], body, now() - 301), body, 's3cret')).toBe(false);
    expect(verify(signWebhook(['s3cret'], body, now() + 301), body, 's3cret')).toBe(false);
    for (const garbled of [undefined, '', 't=', 'v1=abc', `t=${now()}`, `${header},t=1`, `t=x,${header.split(',')[1]}`, 'x'.repeat(5000)]) {
      expect(verify(garbled, body, 's3cret')).toBe(false);
    }
  });
});

describe('the error codes of docs/api.md', () => {
  it('are every code the API answers, each with its HTTP status', () => {
    const rows = [...read('docs/api.md').matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status])));
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
