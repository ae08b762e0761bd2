/**
 * The proposal benchmarks ("lists stay fast with thousands of proposals"), in-process
 * against a fresh database — a SQLite file in the run's scratch directory, or, when DATABASE_URL is
 * set, a new PostgreSQL database on that server, dropped afterwards — each figure beside a baseline
 * measured in the same run:
 * 1. listProposals (what GET …/proposals and the portal call) for each sort, the first page of 50 and
 *    the page reached by following BENCH_PROPOSALS_PAGE cursors, vs the bare SQL returning the same page
 *    through the raw driver (better-sqlite3 or pg);
 * 2. supportProposal for distinct clients (one at a time, then 8 at a time) vs a bare insert into
 *    proposal_supports and counter update in one transaction; and 50 concurrent supports by one client,
 *    of which exactly one must count.
 * The organization is seeded by direct inserts shaped as the services write them: BENCH_PROPOSALS
 * proposals (default 10,000) with ~20 supports each on average, skewed (a few with thousands), spread
 * over the last 60 days, from BENCH_CLIENTS clients (default 5,000).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { DAY_MS } from '../src/core/promises/window.js';
import { openDatabase, redact } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { ClientsTable, Db } from '../src/db/schema.js';
import type { Actor, OrgContext } from '../src/modules/context.js';
import { settleOverdueProposals } from '../src/modules/proposals/answer.service.js';
import { pageProposals } from '../src/modules/proposals/proposal.repository.js';
import { PROPOSAL_SORTS, TRENDING_DAYS, ZProposalQuery } from '../src/modules/proposals/proposal.schema.js';
import { createProposal, listProposals, supportProposal } from '../src/modules/proposals/proposal.service.js';
import { table } from './harness.js';
import { ms, percentile } from './promise-status.js';
import { type Seed, seedOrganization } from './proposals-seed.js';

export interface ProposalBenchContext {
  /** A scratch directory removed after the run (the SQLite file goes there). */
  dataDir: string;
}

type Sort = (typeof PROPOSAL_SORTS)[number];

const PAGE_SIZE = 50;
const CONCURRENT_SUPPORTERS = 8;
const RACE = 50;

const out = (line = '') => process.stdout.write(`${line}\n`);

export async function runProposalBenchmarks(c: ProposalBenchContext): Promise<void> {
  const proposals = Number(process.env.BENCH_PROPOSALS ?? 10_000);
  const clients = Number(process.env.BENCH_CLIENTS ?? 5_000);
  const deepPage = Number(process.env.BENCH_PROPOSALS_PAGE ?? 20);
  const calls = Number(process.env.BENCH_PROPOSALS_CALLS ?? 100);
  const supporters = Math.min(clients, Number(process.env.BENCH_SUPPORTS ?? 2_000));

  const store = await openStore(c.dataDir);
  try {
    const built = performance.now();
    const seed = await seedOrganization(store.db, proposals, clients);
    const seedSeconds = (performance.now() - built) / 1000;
    // What the server's minute job does once after the data arrived: records every settled owed answer in the answer promise.
    const settled = performance.now();
    let events = 0;
    for (let n = -1; n !== 0; events += n) n = await settleOverdueProposals(store.db, seed.now, seed.ctx.org.id);
    const settleSeconds = (performance.now() - settled) / 1000;
    if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);
    const raw = await openRaw(store);
    try {
      out(
        `\nProposal benchmarks — ${store.label}, ${new Date().toISOString()}\n` +
          `seeded in ${seedSeconds.toFixed(1)} s: ${proposals.toLocaleString('en')} proposals (${seed.merged} merged, ${seed.hidden} hidden), ` +
          `${seed.supports.toLocaleString('en')} supports (most supported: ${seed.top.map((n) => n.toLocaleString('en')).join(', ')}; ` +
          `${seed.recent.toLocaleString('en')} in the last ${TRENDING_DAYS} days), ${clients.toLocaleString('en')} clients; ` +
          `${seed.owed.toLocaleString('en')} reached the threshold of ${seed.threshold}; the first settle (minute job) recorded ${events.toLocaleString('en')} answer events in ${settleSeconds.toFixed(1)} s`,
      );
      const lists = await benchLists(seed, raw, deepPage, calls);
      out(`\n1. listProposals, ${PAGE_SIZE} a page, vs the bare SQL returning the same page through the raw driver\n`);
      out(lists.table);
      out(`\n${lists.summary}`);
      const supports = await benchSupports(seed, raw, supporters);
      out(`\n2. supportProposal vs a bare insert into proposal_supports + counter update in one transaction\n`);
      out(supports.table);
      out(`\n${supports.summary}`);
    } finally {
      await raw.close();
    }
  } finally {
    await store.close();
  }
}

// ——— the database ———

interface Store {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  /** The SQLite file, or the PostgreSQL URL of the fresh database. */
  where: string;
  label: string;
  close(): Promise<void>;
}

/** A fresh, migrated database: a SQLite file in the scratch directory, or a new PostgreSQL database dropped on close. */
async function openStore(dataDir: string): Promise<Store> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const file = path.join(dataDir, 'bench-proposals.sqlite');
    const { db, close } = await openDatabase({ sqlitePath: file });
    await migrateToLatest(db);
    return { db, dialect: 'sqlite', where: file, label: 'SQLite (scratch file)', close };
  }
  const name = `cc_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    const { db, close } = await openDatabase({ databaseUrl: url.toString() });
    await migrateToLatest(db);
    return {
      db,
      dialect: 'postgres',
      where: url.toString(),
      label: `PostgreSQL (fresh database ${name} on ${redact(baseUrl)}, dropped after)`,
      async close() {
        await close();
        await admin(`drop database if exists ${name} with (force)`);
      },
    };
  } catch (error) {
    await admin(`drop database if exists ${name} with (force)`);
    throw error;
  }
}

/** The raw driver on the same database: better-sqlite3 prepared statements, or a pg pool of 8. */
interface Raw {
  /** Runs a query written with `?` placeholders. */
  all(text: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  plan(text: string, params: unknown[]): Promise<string>;
  /** A support the bare way: insert the row, move the counter when it was added, one transaction. */
  support(orgId: string, proposalId: string, clientId: string, at: number): Promise<boolean>;
  close(): Promise<void>;
}

const SUPPORT_INSERT =
  'insert into proposal_supports (proposal_id, client_id, org_id, created_at) values (?, ?, ?, ?) on conflict (proposal_id, client_id) do nothing';
const SUPPORT_COUNT = 'update proposals set supports = supports + 1, updated_at = ? where org_id = ? and id = ?';

async function openRaw(store: Store): Promise<Raw> {
  if (store.dialect === 'sqlite') {
    const raw = new SQLite(store.where);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('busy_timeout = 5000');
    const statements = new Map<string, SQLite.Statement>();
    const prepare = (text: string) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = raw.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    };
    const support = raw.transaction((orgId: string, proposalId: string, clientId: string, at: number) => {
      const added = prepare(SUPPORT_INSERT).run(proposalId, clientId, orgId, at).changes > 0;
      if (added) prepare(SUPPORT_COUNT).run(at, orgId, proposalId);
      return added;
    });
    return {
      all: async (text, params) => prepare(text).all(...params) as Record<string, unknown>[],
      plan: async (text, params) =>
        (raw.prepare(`explain query plan ${text}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; '),
      support: async (...args) => support(...args),
      close: async () => {
        raw.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: store.where, max: CONCURRENT_SUPPORTERS });
  // Dropping the database at the end ends any connection still closing; that must not crash the run.
  pool.on('error', () => {});
  const numbered = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  return {
    all: async (text, params) => (await pool.query(numbered(text), params)).rows,
    plan: async (text, params) =>
      (await pool.query(`explain ${numbered(text)}`, params)).rows
        .map((r) =>
          String(r['QUERY PLAN'])
            .replace(/\s*\(cost=[^)]*\)/, '')
            .replace(/^\s*->\s*/, '')
            .trim(),
        )
        .join('; '),
    async support(orgId, proposalId, clientId, at) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const added = ((await client.query(numbered(SUPPORT_INSERT), [proposalId, clientId, orgId, at])).rowCount ?? 0) > 0;
        if (added) await client.query(numbered(SUPPORT_COUNT), [at, orgId, proposalId]);
        await client.query('commit');
        return added;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

// ——— timing ———

/** Runs `fn` after `warm` warm-up calls, `calls` times or until `budgetMs` has passed (at least 10); the durations in ms. */
async function timed(fn: () => Promise<unknown>, calls: number, warm = 3, budgetMs = 20_000): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn();
  const durations: number[] = [];
  const until = performance.now() + budgetMs;
  for (let i = 0; i < calls && (i < 10 || performance.now() < until); i++) {
    const t = performance.now();
    await fn();
    durations.push(performance.now() - t);
  }
  return durations;
}

const p50 = (d: number[]) => percentile(d, 50);
const p99 = (d: number[]) => percentile(d, 99);
const x = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

// ——— 1. lists ———

const VISIBLE = "p.org_id = ? and p.status <> 'merged' and p.hidden_at is null";

/** The bare query of a page: what pageProposals builds, written by hand; `after` is the decoded cursor. */
function bareQuery(sort: Sort, orgId: string, since: number, after: { t: number; id: string } | null, ownRecent = false) {
  const key = sort === 'supported' ? 'p.supports' : sort === 'newest' ? 'p.created_at' : 'p.recent_supports';
  const keyset = after ? ` and (${key} < ? or (${key} = ? and p.id < ?))` : '';
  const keyParams = after ? [after.t, after.t, after.id] : [];
  const select =
    sort === 'trending'
      ? 'select p.*, p.recent_supports as recent from proposals p'
      : ownRecent
        ? 'select p.*, (select count(*) from proposal_supports s where s.proposal_id = p.id and s.created_at >= ?) as recent from proposals p'
        : 'select p.* from proposals p';
  return {
    text: `${select} where ${VISIBLE}${keyset} order by ${key} desc, p.id desc limit ${PAGE_SIZE + 1}`,
    params: [...(ownRecent && sort !== 'trending' ? [since] : []), orgId, ...keyParams],
  };
}

function decode(cursor: string): { t: number; id: string } {
  const [t, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, string];
  return { t, id };
}

async function benchLists(seed: Seed, raw: Raw, deepPage: number, calls: number) {
  const ctx = seed.ctx;
  const orgId = ctx.org.id;
  const since = seed.now - TRENDING_DAYS * DAY_MS;
  const rows: (string | number)[][] = [['sort', 'page', 'who', 'calls', 'p50 ms', 'p99 ms', 'p50 ratio', 'same rows']];
  const ratios: string[] = [];
  const plans: string[] = [];
  const parts: string[] = [];
  const firstPageBare: Partial<Record<Sort, number[]>> = {};
  const settle = await timed(() => settleOverdueProposals(ctx.db, ctx.now, orgId), calls);
  for (const sort of PROPOSAL_SORTS) {
    // Follow the cursors as a client paging would, checking order and that no row repeats.
    const query = (cursor?: string) => ZProposalQuery.parse({ sort, limit: String(PAGE_SIZE), ...(cursor && { cursor }) });
    const seen = new Set<string>();
    const cursors: (string | undefined)[] = [undefined];
    const pages: string[][] = [];
    for (let page = 1; page <= deepPage; page++) {
      const result = await listProposals(ctx, query(cursors[page - 1]));
      const key = (p: (typeof result.items)[number]) =>
        sort === 'supported' ? p.supports : sort === 'newest' ? p.createdAt : p.recentSupports;
      for (let i = 0; i < result.items.length; i++) {
        const item = result.items[i] as (typeof result.items)[number];
        const prev = result.items[i - 1];
        if (seen.has(item.id)) throw new Error(`${sort}: page ${page} repeats ${item.id}`);
        if (prev && (key(prev) < key(item) || (key(prev) === key(item) && prev.id < item.id)))
          throw new Error(`${sort}: page ${page} out of order`);
        seen.add(item.id);
      }
      pages.push(result.items.map((p) => p.id));
      if (!result.nextCursor) break;
      cursors.push(result.nextCursor);
    }
    const reached = pages.length;
    for (const page of reached > 1 ? [1, reached] : [1]) {
      const label = String(page);
      const cursor = cursors[page - 1];
      const q = query(cursor);
      const product = await timed(() => listProposals(ctx, q), calls);
      const repository = await timed(() => pageProposals(ctx.db, orgId, q), calls);
      const bare = bareQuery(sort, orgId, since, cursor ? decode(cursor) : null);
      const bareRows = await raw.all(bare.text, bare.params);
      const same =
        bareRows
          .slice(0, PAGE_SIZE)
          .map((r) => r.id)
          .join() === (pages[page - 1] ?? []).join();
      const baseline = await timed(() => raw.all(bare.text, bare.params), calls);
      if (page === 1) {
        firstPageBare[sort] = baseline;
        plans.push(`${sort}: ${await raw.plan(bare.text, bare.params)}`);
      }
      rows.push([
        sort,
        label,
        'listProposals (service)',
        product.length,
        ms(p50(product)),
        ms(p99(product)),
        x(p50(product), p50(baseline)),
        same ? 'yes' : 'NO',
      ]);
      rows.push([
        sort,
        label,
        '  pageProposals (its query)',
        repository.length,
        ms(p50(repository)),
        ms(p99(repository)),
        x(p50(repository), p50(baseline)),
        '',
      ]);
      rows.push([sort, label, 'bare SQL, raw driver', baseline.length, ms(p50(baseline)), ms(p99(baseline)), '1.0×', '']);
      if (sort !== 'trending') {
        // The same page with each row's recent supports counted for its rows only, as the response carries them.
        const withRecent = bareQuery(sort, orgId, since, cursor ? decode(cursor) : null, true);
        const own = await timed(() => raw.all(withRecent.text, withRecent.params), calls);
        rows.push([
          sort,
          label,
          '  bare SQL + recent of its own rows',
          own.length,
          ms(p50(own)),
          ms(p99(own)),
          x(p50(own), p50(baseline)),
          '',
        ]);
      }
      ratios.push(`${sort} page ${label}: ${x(p50(product), p50(baseline))}`);
      if (page === 1 && sort === 'trending') {
        const supported = firstPageBare.supported ?? [];
        parts.push(
          `trending page 1 vs the bare most-supported page (an indexed read of a stored counter): ${x(p50(product), p50(supported))} for the service, ` +
            `${x(p50(baseline), p50(supported))} for the bare trending query`,
        );
      }
    }
  }
  const summary =
    `p50 of listProposals as a multiple of the bare query — ${ratios.join('; ')}\n${parts.join('\n')}\n` +
    `the deep page is the last of ${deepPage} reached by following cursors; pageProposals is the repository query alone (without describing the rows); ` +
    `settleOverdueProposals (the server's minute job, not part of a list) with nothing left to settle: p50 ${ms(p50(settle))} ms, p99 ${ms(p99(settle))} ms\n` +
    `bare query plans — ${plans.join('\n  ')}`;
  return { table: table(rows), summary };
}

// ——— 2. supports ———

/** K distinct clients support `proposalId` through `fn`, `concurrency` at a time; durations per call and seconds in all. */
async function supportRun(ids: string[], concurrency: number, fn: (clientId: string) => Promise<boolean>) {
  const durations: number[] = [];
  let next = 0;
  let added = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < ids.length; i = next++) {
        const t = performance.now();
        if (await fn(ids[i] as string)) added++;
        durations.push(performance.now() - t);
      }
    }),
  );
  return { durations, seconds: (performance.now() - started) / 1000, added };
}

async function storedSupports(db: Db, orgId: string, id: string): Promise<{ counter: number; rows: number }> {
  const p = await db.selectFrom('proposals').select('supports').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirstOrThrow();
  const r = await db
    .selectFrom('proposal_supports')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('proposal_id', '=', id)
    .executeTakeFirstOrThrow();
  return { counter: p.supports, rows: Number(r.n) };
}

async function benchSupports(seed: Seed, raw: Raw, k: number) {
  const ctx = seed.ctx;
  const orgId = ctx.org.id;
  const fresh = async (title: string) => (await createProposal(ctx, { title, body: 'Please open on Saturday mornings, from 9 to 13.' })).id;
  const clientsOf = (offset: number) => seed.clientRows.slice(offset, offset + k);
  const asClient = (client: Pick<ClientsTable, 'id' | 'name'>): OrgContext => ({
    ...ctx,
    actor: { type: 'client', id: client.id, label: client.name } satisfies Actor,
  });
  const rows: (string | number)[][] = [['scenario', 'who', 'supports', 'seconds', 'supports/s', 'p50 ms', 'p99 ms', 'counter = rows']];
  const ratios: string[] = [];
  for (const concurrency of [1, CONCURRENT_SUPPORTERS]) {
    const scenario = concurrency === 1 ? `${k} distinct clients, one at a time` : `${k} distinct clients, ${concurrency} at a time`;
    const clients = clientsOf(0);
    const byName = new Map(clients.map((cl) => [cl.id, cl]));
    const serviceId = await fresh(`Bench support service ×${concurrency}`);
    const service = await supportRun(
      clients.map((cl) => cl.id),
      concurrency,
      async (clientId) => (await supportProposal(asClient(byName.get(clientId) as ClientsTable), clientId, serviceId)).added,
    );
    const bareId = await fresh(`Bench support bare ×${concurrency}`);
    const bare = await supportRun(
      clients.map((cl) => cl.id),
      concurrency,
      (clientId) => raw.support(orgId, bareId, clientId, ctx.now),
    );
    for (const [who, r, id] of [
      ['supportProposal (service)', service, serviceId],
      ['bare insert + update, raw driver', bare, bareId],
    ] as const) {
      const stored = await storedSupports(ctx.db, orgId, id);
      rows.push([
        scenario,
        who,
        r.added,
        r.seconds.toFixed(2),
        (r.added / r.seconds).toFixed(0),
        ms(p50(r.durations)),
        ms(p99(r.durations)),
        stored.counter === stored.rows && stored.rows === k ? `yes (${stored.rows})` : `NO (${stored.counter} vs ${stored.rows})`,
      ]);
    }
    ratios.push(`${scenario}: ${((k / service.seconds / (k / bare.seconds)) * 100).toFixed(1)}% of the bare throughput`);
  }

  // One client, 50 supports at once: the primary key keeps one row, the counter moves once.
  const raceId = await fresh('Bench support race');
  const racer = seed.clientRows[0] as ClientsTable;
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: RACE }, () => supportProposal(asClient(racer), racer.id, raceId)));
  const raceSeconds = (performance.now() - started) / 1000;
  const added = results.filter((r) => r.added).length;
  const stored = await storedSupports(ctx.db, orgId, raceId);
  const once = added === 1 && stored.counter === 1 && stored.rows === 1;
  rows.push([
    `${RACE} concurrent supports by one client`,
    'supportProposal (service)',
    added,
    raceSeconds.toFixed(2),
    '',
    '',
    '',
    once ? 'yes (1)' : `NO (${stored.counter} vs ${stored.rows})`,
  ]);
  const summary =
    `supportProposal throughput — ${ratios.join('; ')}\n` +
    `${RACE} concurrent supports by one client: ${added} added, counter ${stored.counter}, ${stored.rows} support row(s) — ` +
    `${once ? 'exactly one counted' : 'NOT exactly one counted'}\n` +
    `each service support locks the proposal, checks the client, inserts the row, moves the counter, rereads the proposal and appends an audit entry; ` +
    `the ${seed.threshold}th support crosses the threshold once (owes the answer, notifies the team)`;
  if (!once) throw new Error(`${RACE} concurrent supports by one client: ${added} added, counter ${stored.counter}, ${stored.rows} rows`);
  return { table: table(rows), summary };
}
