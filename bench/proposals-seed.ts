import { sql } from 'kysely';
import { newId } from '../src/core/ids.js';
import { DAY_MS } from '../src/core/promises/window.js';
import { computeThreshold } from '../src/core/voice/proposals.js';
import type { ClientsTable, Db, ProposalStatus, ProposalSupportsTable, ProposalsTable } from '../src/db/schema.js';
import { type OrgContext, SYSTEM_ACTOR } from '../src/modules/context.js';
import { createSegment } from '../src/modules/discovery/segment.service.js';
import { ensureAnswerPromise } from '../src/modules/proposals/answer.service.js';
import { TRENDING_DAYS } from '../src/modules/proposals/proposal.schema.js';
import { DEFAULT_VOICE_SETTINGS } from '../src/modules/proposals/voice-settings.js';
import { createTeam } from '../src/modules/teams/team.service.js';
import { seedBenchOrganization } from './seed-org.js';

/** The proposals benchmark's data: one organization, skewed supports, from a fixed random seed. */
export const SUPPORTS_PER_PROPOSAL = 20;
export const SUPPORT_DAYS = 60;
export const HOUR_MS = 3_600_000;

/** A small seeded generator (mulberry32), so every run seeds the same shape. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Supports per proposal by rank, Zipf-like (A ÷ rank^0.9), capped at one per client, with A chosen
 * so the mean is SUPPORTS_PER_PROPOSAL: a few proposals hold thousands, most a handful.
 */
function supportCounts(n: number, clients: number): number[] {
  const counts = (a: number) => Array.from({ length: n }, (_, r) => Math.min(clients, Math.floor(a / (r + 1) ** 0.9)));
  const total = (a: number) => counts(a).reduce((s, x) => s + x, 0);
  let lo = 0;
  let hi = SUPPORTS_PER_PROPOSAL * n;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < SUPPORTS_PER_PROPOSAL * n) lo = mid;
    else hi = mid;
  }
  return counts(hi);
}

export interface Seed {
  now: number;
  ctx: OrgContext;
  userId: string;
  clientRows: Pick<ClientsTable, 'id' | 'name'>[];
  threshold: number;
  supports: number;
  recent: number;
  owed: number;
  merged: number;
  hidden: number;
  top: number[];
}

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * The organization, its user, team and segments and the answer promise through the services; the
 * clients, proposals and supports by direct inserts shaped as the services write them: a proposal
 * with 10 supports (the default threshold) has reached it at its 10th support and owes an answer 14
 * days later; 70% of those whose supports stopped in time are answered (accepted or declined) an hour
 * after their last support, the rest are open or under consideration (overdue once the due time passed).
 */
export async function seedOrganization(db: Db, n: number, clientCount: number): Promise<Seed> {
  const rng = random(7);
  const now = Date.now();
  const made = now - 100 * DAY_MS;
  const { userId, org } = await seedBenchOrganization(db, made, { slug: 'bench-proposals', name: 'Bench proposals', timeZone: 'UTC' });
  const seedCtx: OrgContext = { db, org, actor: SYSTEM_ACTOR, now: made };
  await createTeam(seedCtx, { name: 'Client council', kind: 'council', purpose: '' });
  const segments: string[] = [];
  for (const name of ['House owners', 'Tenants', 'Builders']) {
    segments.push((await createSegment(seedCtx, { name, description: '', sizeEstimate: null, kind: 'customer' })).id);
  }
  await db.transaction().execute((tx) => ensureAnswerPromise(tx, org, made));

  const clientRows: ClientsTable[] = Array.from({ length: clientCount }, (_, i) => ({
    id: newId(),
    org_id: org.id,
    name: `Client ${i + 1}`,
    email: `client${i + 1}@example.test`,
    external_id: null,
    created_at: made,
    updated_at: made,
    email_confirmed_at: made,
    origin: 'staff',
  }));
  // Each client in one of the three segments; a proposal to a segment is supported by its clients only.
  const pools: ClientsTable[][] = segments.map((_, s) => clientRows.filter((_, i) => i % segments.length === s));
  const smallest = Math.min(...pools.map((pool) => pool.length));
  await db.transaction().execute(async (tx) => {
    await insertChunks(clientRows, 1000, (chunk) => tx.insertInto('clients').values(chunk).execute());
    const memberships = clientRows.map((cl, i) => ({
      org_id: org.id,
      client_id: cl.id,
      segment_id: segments[i % segments.length] as string,
      created_at: made,
    }));
    await insertChunks(memberships, 1000, (chunk) => tx.insertInto('client_segments').values(chunk).execute());
  });

  const threshold = computeThreshold(DEFAULT_VOICE_SETTINGS.thresholdKind, DEFAULT_VOICE_SETTINGS.thresholdValue, clientCount);
  const byRank = supportCounts(n, clientCount);
  // Ranks shuffled, so neither ids nor creation times follow the supports.
  const ranks = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [ranks[i], ranks[j]] = [ranks[j] as number, ranks[i] as number];
  }
  const ids = Array.from({ length: n }, () => newId());
  const proposalRows: ProposalsTable[] = [];
  const supportRows: ProposalSupportsTable[] = [];
  const stats = { recent: 0, owed: 0, merged: 0, hidden: 0 };
  const windowStart = now - TRENDING_DAYS * DAY_MS;
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    const created = Math.floor(now - 90 * DAY_MS + rng() * (90 * DAY_MS - HOUR_MS));
    // 1% merged into another proposal (their supports moved there), among the least supported.
    const merged = (ranks[i] as number) > n / 2 && rng() < 0.02;
    const k = merged ? 0 : (byRank[ranks[i] as number] as number);
    const from = Math.max(created, now - SUPPORT_DAYS * DAY_MS);
    const times = Array.from({ length: k }, () => Math.floor(from + rng() * (now - 1000 - from))).sort((a, b) => a - b);
    // Every fourth proposal, and any with more supports than a segment has clients, is to all clients.
    const segment = i % 4 === 3 || k > smallest ? null : i % 4;
    const pool = segment === null ? clientRows : (pools[segment] as ClientsTable[]);
    let step = 1 + 2 * Math.floor(rng() * 1000);
    while (gcd(step, pool.length) !== 1) step += 1;
    const start = Math.floor(rng() * pool.length);
    for (let j = 0; j < k; j++) {
      const at = times[j] as number;
      if (at >= windowStart) stats.recent++;
      supportRows.push({
        proposal_id: id,
        client_id: (pool[(start + j * step) % pool.length] as ClientsTable).id,
        org_id: org.id,
        created_at: at,
      });
    }
    const last = times[k - 1] ?? created;
    const reached = k >= threshold ? (times[threshold - 1] as number) : null;
    const due = reached === null ? null : reached + DEFAULT_VOICE_SETTINGS.responseDays * DAY_MS;
    let status: ProposalStatus = rng() < 0.8 ? 'open' : 'under_consideration';
    let answeredAt: number | null = null;
    if (merged) {
      status = 'merged';
      stats.merged++;
    } else if (due !== null) {
      stats.owed++;
      if (last + HOUR_MS <= Math.min(due, now) && rng() < 0.7) answeredAt = last + HOUR_MS;
    } else if (last + HOUR_MS <= now && rng() < 0.05) answeredAt = last + HOUR_MS;
    if (answeredAt !== null) status = rng() < 0.5 ? 'accepted' : 'declined';
    const hidden = !merged && rng() < 0.005;
    if (hidden) stats.hidden++;
    const byClient = rng() < 0.5 ? (pool[Math.floor(rng() * pool.length)] as ClientsTable) : null;
    proposalRows.push({
      id,
      org_id: org.id,
      title: `Proposal ${i + 1}: open on Saturdays in district ${(i % 40) + 1}`,
      body: 'Many of us work on weekdays: please open on Saturday mornings, from 9 to 13, at least twice a month.',
      segment_id: segment === null ? null : (segments[segment] as string),
      author_client_id: byClient?.id ?? null,
      author_user_id: byClient ? null : userId,
      author_label: byClient?.name ?? 'Bench',
      status,
      supports: k,
      recent_supports: 0,
      recent_oldest_at: null,
      threshold,
      threshold_reached_at: reached,
      answer_due_at: due,
      answer: answeredAt === null ? null : 'Thank you: we looked at the schedule and the staff it needs.',
      answered_at: answeredAt,
      answered_by: answeredAt === null ? null : 'Bench',
      implemented_type: null,
      implemented_id: null,
      merged_into_id: merged ? (ids[(i + 1) % n] as string) : null,
      reports: hidden ? 3 : 0,
      hidden_at: hidden ? last + HOUR_MS : null,
      created_at: created,
      updated_at: Math.max(last, answeredAt ?? 0),
    });
  }
  await db.transaction().execute(async (tx) => {
    await insertChunks(proposalRows, 500, (chunk) => tx.insertInto('proposals').values(chunk).execute());
    await insertChunks(supportRows, 2000, (chunk) => tx.insertInto('proposal_supports').values(chunk).execute());
    // The stored trending counts, as recountRecent keeps them, in one statement.
    const since = now - TRENDING_DAYS * DAY_MS;
    await tx
      .updateTable('proposals')
      .set({
        recent_supports: sql<number>`(select count(*) from proposal_supports s where s.proposal_id = proposals.id and s.created_at >= ${since})`,
        recent_oldest_at: sql<
          number | null
        >`(select min(created_at) from proposal_supports s where s.proposal_id = proposals.id and s.created_at >= ${since})`,
      })
      .where('org_id', '=', org.id)
      .execute();
  });
  const top = [...byRank].slice(0, 5);
  return {
    now,
    ctx: { db, org, actor: { type: 'user', id: userId, label: 'bench@example.test' }, now },
    userId,
    clientRows,
    threshold,
    supports: supportRows.length,
    top,
    ...stats,
  };
}
