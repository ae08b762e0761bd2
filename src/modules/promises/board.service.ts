import { z } from 'zod';
import { HOUR_MS } from '../../core/promises/buckets.js';
import type { Counts } from '../../core/promises/compute.js';
import { DAY_MS, windowAt } from '../../core/promises/window.js';
import type { Db, OrganizationsTable, PromiseVersionsTable } from '../../db/schema.js';
import { ZTime } from '../common.schema.js';
import { SYSTEM_ACTOR } from '../context.js';
import { findOrgBySlug } from '../orgs/org.repository.js';
import { describePromises, listPromiseRows, loadVersionsOf, toVersion } from './promise.repository.js';
import { FULFILLMENT_STATUSES, REDRESS_KINDS, type TPromise, type TWindow, ZMetric, ZWindow } from './promise.schema.js';
import { countRanges, promiseStatus } from './status.service.js';

/** How many windows the sparkline shows: the current one and the seven before it. */
export const SPARKLINE_WINDOWS = 8;
/** A computed board is fresh this long: statuses move with the clock anyway, and clients cache 30 s. */
export const BOARD_TTL_MS = 5000;
/** Past this age (the clients' max-age) a board is not served while a new one is computed: the request waits. */
export const BOARD_MAX_STALE_MS = 30_000;

/** The public promise board: what an organization promises its clients, and how well it keeps it. */
export const ZBoardPromise = z.object({
  id: z.string(),
  title: z.string(),
  statement: z.string().describe('what the client gets, in plain words'),
  metric: ZMetric,
  target: z.number().describe('share of cases the promise must meet, 0–1'),
  window: ZWindow,
  attainment: z.number().nullable().describe('share met over the current window, 0–1; null when nothing happened yet'),
  good: z.number().int(),
  total: z.number().int(),
  budgetRemaining: z.number().describe('share of the allowed misses still left; negative when overspent'),
  status: z.enum(FULFILLMENT_STATUSES),
  alertFiring: z.boolean(),
  alerts: z
    .array(z.object({ longWindow: z.string(), threshold: z.number(), burnRate: z.number() }))
    .describe('the alerts firing now, most urgent first, with the pace misses come at over the long window'),
  unbacked: z.boolean().describe('the team has lost a capability or right this promise needs'),
  overCapacity: z.boolean().describe('promised more than the team can do: a capability it needs is asked for more a week than it can do'),
  backingWaiver: z
    .object({ reason: z.string(), at: ZTime })
    .nullable()
    .describe('the organization published this promise without declaring the capability and right that back it: why, and when'),
  team: z.object({ id: z.string(), name: z.string() }),
  segment: z.object({ id: z.string(), name: z.string() }),
  redress: z
    .object({ kind: z.enum(REDRESS_KINDS), amount: z.number().int().nullable().describe('minor units'), text: z.string() })
    .nullable()
    .describe('what a client gets when the promise is broken for them'),
  version: z.number().int(),
  versions: z
    .array(z.object({ version: z.number().int(), effectiveFrom: ZTime, reason: z.string(), statement: z.string(), target: z.number() }))
    .describe('every version of the terms, oldest first'),
  sparkline: z
    .array(z.number().nullable())
    .describe(`attainment over each of the last ${SPARKLINE_WINDOWS} windows, oldest first; null where nothing happened`),
});
export type TBoardPromise = z.output<typeof ZBoardPromise>;

export const ZBoard = z.object({
  organization: z.object({ slug: z.string(), name: z.string(), locale: z.enum(['ru', 'en']), currency: z.string() }),
  segments: z.array(z.object({ id: z.string(), name: z.string() })).describe('segments with published promises, for the filter'),
  segment: z.string().nullable().describe('the segment filtered on, if any'),
  items: z.array(ZBoardPromise).describe('worst first: broken, at risk, no data, kept; then by title'),
});
export type TBoard = z.output<typeof ZBoard>;

const STATUS_ORDER: Record<TBoardPromise['status'], number> = { broken: 0, at_risk: 1, no_data: 2, kept: 3 };

// Starts of past calendar periods never change: kept by zone, period and the end of the period,
// since finding each costs several time-zone conversions and a board asks for seven per promise.
const periodStarts = new Map<string, number>();

function periodStartBefore(window: TWindow, end: number, timeZone: string): number {
  const key = `${timeZone}|${window.kind === 'calendar' ? window.period : ''}|${end}`;
  let start = periodStarts.get(key);
  if (start === undefined) {
    start = windowAt(window, end - 1, timeZone).from;
    if (periodStarts.size >= 10_000) periodStarts.clear();
    periodStarts.set(key, start);
  }
  return start;
}

/**
 * The spans of the windows before the current one (which starts at `currentFrom`), oldest first:
 * whole calendar periods, or W-long steps back from now. The steps are taken to the whole hour, so
 * each is summed from hour and day counters only — a trend needs no finer edge.
 */
function pastWindows(window: TWindow, now: number, currentFrom: number, timeZone: string, count: number): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  let end = currentFrom;
  for (let k = 1; k < count; k++) {
    const from =
      window.kind === 'rolling'
        ? Math.floor((now - (k + 1) * window.days * DAY_MS) / HOUR_MS) * HOUR_MS
        : periodStartBefore(window, end, timeZone);
    const to = window.kind === 'rolling' ? Math.floor((now - k * window.days * DAY_MS) / HOUR_MS) * HOUR_MS : end;
    spans.unshift({ from, to });
    end = from;
  }
  return spans;
}

const attainmentOf = (c: Counts) => (c.total === 0 ? null : c.good / c.total);

async function boardPromise(
  db: Db,
  org: OrganizationsTable,
  promise: TPromise,
  fineMs: number,
  versions: PromiseVersionsTable[],
  now: number,
) {
  const ctx = { db, org, actor: SYSTEM_ACTOR, now };
  const status = await promiseStatus(ctx, promise.id, now);
  const currentFrom = Date.parse(status.window.from);
  const past = await countRanges(
    db,
    promise.id,
    fineMs,
    pastWindows(promise.terms.window, now, currentFrom, org.time_zone, SPARKLINE_WINDOWS),
  );
  const rates = new Map(status.burnRates.map((b) => [b.window, b.rate]));
  const item: TBoardPromise = {
    id: promise.id,
    title: promise.title,
    statement: promise.terms.statement,
    metric: promise.terms.metric,
    target: status.target,
    window: promise.terms.window,
    attainment: status.attainment,
    good: status.good,
    total: status.total,
    budgetRemaining: status.budgetRemaining,
    status: status.status,
    alertFiring: status.alerts.some((a) => a.firing),
    alerts: status.alerts
      .filter((a) => a.firing)
      .sort((a, b) => b.threshold - a.threshold)
      .map((a) => ({ longWindow: a.longWindow, threshold: a.threshold, burnRate: rates.get(a.longWindow) ?? 0 })),
    unbacked: status.unbacked,
    overCapacity: status.overCapacity,
    backingWaiver: promise.backingWaiver ? { reason: promise.backingWaiver.reason, at: promise.backingWaiver.at } : null,
    // Only published promises reach the board, and an intention (no team) is never published.
    team: promise.promiserTeam ?? { id: '', name: '' },
    segment: promise.promiseeSegment ?? { id: '', name: '' },
    redress: promise.terms.redress,
    version: status.version,
    versions: versions.map(toVersion).map((v) => ({
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      reason: v.reason,
      statement: v.statement,
      target: v.target,
    })),
    sparkline: [...past.map(attainmentOf), status.attainment],
  };
  return item;
}

/** Computes the whole board of an organization now: every published client promise, worst first. */
export async function computeBoard(db: Db, org: OrganizationsTable, now: number): Promise<TBoard> {
  const rows = await listPromiseRows(db, org.id, { kind: 'client', status: 'published' });
  const described = await describePromises(db, org.id, rows);
  const versionsOf = await loadVersionsOf(
    db,
    org.id,
    rows.map((r) => r.id),
  );
  const items: TBoardPromise[] = [];
  // A few at a time: on PostgreSQL their queries overlap on the pool; SQLite runs them in turn anyway.
  for (let i = 0; i < described.length; i += 8) {
    const batch = described.slice(i, i + 8);
    items.push(
      ...(await Promise.all(
        batch.map((p, j) => boardPromise(db, org, p, rows[i + j]?.fine_bucket_ms as number, versionsOf.get(p.id) ?? [], now)),
      )),
    );
  }
  const collator = new Intl.Collator(org.locale);
  items.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || collator.compare(a.title, b.title) || a.id.localeCompare(b.id));
  // A promise to every client (no one segment, such as answering proposals) is in every segment's view, not a filter of its own.
  const segments = new Map(items.filter((p) => p.segment.id !== '').map((p) => [p.segment.id, p.segment]));
  return {
    organization: { slug: org.slug, name: org.name, locale: org.locale, currency: org.currency },
    segments: [...segments.values()].sort((a, b) => collator.compare(a.name, b.name)),
    segment: null,
    items,
  };
}

interface CacheEntry {
  at: number;
  board: TBoard;
  /** The board filtered to each segment asked for: the same object while the entry lives. */
  bySegment: Map<string, TBoard>;
}
const cache = new Map<string, CacheEntry>();
const pending = new Map<string, Promise<CacheEntry>>();
const CACHE_SIZE = 500;
let generation = 0;

/** Computes the board once however many ask at the same moment, and keeps it. */
function refresh(db: Db, org: OrganizationsTable, now: number): Promise<CacheEntry> {
  let computing = pending.get(org.id);
  if (!computing) {
    const started = generation;
    computing = computeBoard(db, org, now)
      .then((board) => {
        const entry = { at: now, board, bySegment: new Map<string, TBoard>() };
        if (started === generation) {
          cache.delete(org.id);
          if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
          cache.set(org.id, entry);
        }
        return entry;
      })
      .finally(() => pending.delete(org.id));
    pending.set(org.id, computing);
  }
  return computing;
}

/**
 * The board as the public sees it, optionally of one segment. Computed at most once per
 * BOARD_TTL_MS per organization: after that the last board is still served while a new one is
 * computed (stale while revalidate), so no request waits for the computation unless the board is
 * older than BOARD_MAX_STALE_MS or was never made. A busy board costs one look-up of the
 * organization per request. The same board object is returned while it lives, so callers may keep
 * what they render from it beside it (a WeakMap).
 */
export async function publicBoard(db: Db, org: OrganizationsTable, now: number, segmentId?: string): Promise<TBoard> {
  const cached = cache.get(org.id);
  let entry: CacheEntry;
  if (!cached || now < cached.at || now - cached.at >= BOARD_MAX_STALE_MS) {
    entry = await refresh(db, org, now);
  } else {
    // A failed refresh leaves the last board in place; the next request past the TTL tries again.
    if (now - cached.at >= BOARD_TTL_MS) refresh(db, org, now).catch(() => undefined);
    entry = cached;
  }
  const { board } = entry;
  if (!segmentId) return board;
  let filtered = entry.bySegment.get(segmentId);
  if (!filtered) {
    filtered = { ...board, segment: segmentId, items: board.items.filter((p) => p.segment.id === segmentId || p.segment.id === '') };
    // Only real segments are kept: made-up ids cannot grow the cache.
    if (board.segments.some((s) => s.id === segmentId)) entry.bySegment.set(segmentId, filtered);
  }
  return filtered;
}

const orgs = new Map<string, { at: number; org: OrganizationsTable }>();

/**
 * The organization of a board by its slug, kept as long as a board is fresh: a busy board then
 * answers without touching the database. An unknown slug is looked up each time and never kept.
 */
export async function boardOrg(db: Db, slug: string, now: number): Promise<OrganizationsTable | undefined> {
  const kept = orgs.get(slug);
  if (kept && now >= kept.at && now - kept.at < BOARD_TTL_MS) return kept.org;
  const org = await findOrgBySlug(db, slug);
  orgs.delete(slug);
  if (org) {
    if (orgs.size >= CACHE_SIZE) orgs.delete(orgs.keys().next().value as string);
    orgs.set(slug, { at: now, org });
  }
  return org;
}

/** Forgets computed boards (tests that change data and look again at once). */
export function forgetBoards(): void {
  generation++;
  cache.clear();
  pending.clear();
  orgs.clear();
}

/**
 * Forgets one organization's board when its promises' terms changed, so the public sees the new
 * terms at once rather than after BOARD_TTL_MS (a board being computed meanwhile is not kept).
 */
export function forgetBoardOf(orgId: string): void {
  generation++;
  cache.delete(orgId);
  pending.delete(orgId);
}
