/**
 * Every list answers `{items, nextCursor}` and takes `cursor`/`limit`,
 * including the lists that answered everything at once before: months, a month's ledger and trades,
 * a team's economics history, a decision's polls and the reserve's rounds. Walked one item at a time
 * over the demo, each gives back exactly the whole list, in the same order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf, shiftPeriod } from '../src/core/economics/period.js';
import { buildServer, type ClientocracyServer } from '../src/http/server.js';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../src/modules/demo/demo.data.js';
import { seedDemo } from '../src/modules/demo-seed.js';
import { type SignedInAgent, signInAgent } from './agent.js';
import { createTestDatabase, type TestDatabase, testConfig } from './harness.js';

let database: TestDatabase;
let app: ClientocracyServer;
let admin: SignedInAgent;
const now = Date.now();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, now);
  app = await buildServer({ db: database.db, dialect: database.dialect, config: testConfig() });
  admin = await signInAgent(app, DEMO_EMAIL, DEMO_PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

type Page = { items: unknown[]; nextCursor: string | null };

async function page(url: string, query: Record<string, string>): Promise<Page> {
  const separator = url.includes('?') ? '&' : '?';
  const res = await admin.get(`${url}${separator}${new URLSearchParams(query)}`);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  const body = res.json() as Page;
  expect(Object.keys(body)).toContain('nextCursor');
  return body;
}

/** The whole list at once, and the same list walked `limit` items at a time. */
async function walk(url: string, limit: number): Promise<{ whole: unknown[]; walked: unknown[]; pages: number }> {
  const whole = await page(url, { limit: '200' });
  expect(whole.nextCursor).toBeNull();
  const walked: unknown[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const next: Page = await page(url, { limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(next.items.length).toBeLessThanOrEqual(limit);
    walked.push(...next.items);
    cursor = next.nextCursor;
    pages++;
  } while (cursor && pages < 500);
  return { whole: whole.items, walked, pages };
}

const id = async (sql: () => Promise<{ id: string } | undefined>) => ((await sql()) as { id: string }).id;

describe('lists that answered everything at once', () => {
  it('page by cursor and give back the whole list, in order', async () => {
    const db = database.db;
    const org = await id(() => db.selectFrom('organizations').select('id').where('slug', '=', 'stroydom').executeTakeFirst());
    const base = '/api/v1/orgs/stroydom';
    const closed = shiftPeriod(periodOf(now, 'Europe/Moscow'), -2);
    const team = await id(() =>
      db.selectFrom('teams').select('id').where('org_id', '=', org).where('name', '=', 'Гарантийный сервис').executeTakeFirst(),
    );
    const lists: [string, number][] = [
      [`${base}/periods`, 7],
      [`${base}/periods/${closed}/ledger`, 3],
      [`${base}/teams/${team}/economics/history?count=6`, 6],
    ];
    const trades = await db.selectFrom('internal_trades').select('period').where('org_id', '=', org).execute();
    const busiest = [...new Set(trades.map((t) => t.period))].sort(
      (a, b) => trades.filter((t) => t.period === b).length - trades.filter((t) => t.period === a).length,
    )[0];
    lists.push([`${base}/periods/${busiest}/trades`, 2]);
    const polled = await db
      .selectFrom('polls')
      .innerJoin('organizations', 'organizations.id', 'polls.org_id')
      .select(['polls.decision_id as id', 'organizations.slug as slug'])
      .executeTakeFirst();
    if (polled) lists.push([`/api/v1/orgs/${polled.slug}/decisions/${polled.id}/polls`, 1]);
    const rounds = await db
      .selectFrom('pb_rounds')
      .innerJoin('organizations', 'organizations.id', 'pb_rounds.org_id')
      .select('organizations.slug as slug')
      .executeTakeFirst();
    if (rounds) lists.push([`/api/v1/orgs/${rounds.slug}/reserve-rounds`, 1]);
    expect(lists.length, 'the demo has polls and reserve rounds to page through').toBe(6);

    for (const [url, atLeast] of lists) {
      const { whole, walked, pages } = await walk(url, 1);
      expect(whole.length, url).toBeGreaterThanOrEqual(atLeast);
      expect(walked, url).toEqual(whole);
      expect(pages, url).toBe(whole.length);
    }
  });

  it('read back every event of a promise, newest first, a page at a time', async () => {
    const db = database.db;
    const promise = (await db
      .selectFrom('promises')
      .innerJoin('organizations', 'organizations.id', 'promises.org_id')
      .select(['promises.id as id', 'organizations.slug as slug'])
      .where('promises.title', '=', 'Дом сдаётся в срок, указанный в договоре')
      .executeTakeFirst()) as { id: string; slug: string };
    const stored = await db
      .selectFrom('promise_events')
      .select(['external_id', 'occurred_at'])
      .where('promise_id', '=', promise.id)
      .orderBy('occurred_at', 'desc')
      .orderBy('external_id', 'desc')
      .execute();
    expect(stored.length).toBeGreaterThan(20);
    const url = `/api/v1/orgs/${promise.slug}/promises/${promise.id}/events`;
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const next: Page = await page(url, { limit: '7', ...(cursor ? { cursor } : {}) });
      walked.push(...(next.items as { externalId: string }[]).map((e) => e.externalId));
      cursor = next.nextCursor;
    } while (cursor);
    expect(walked).toEqual(stored.map((e) => e.external_id));
  });

  it('refuse a cursor they did not make, naming the field', async () => {
    const res = await admin.get('/api/v1/orgs/stroydom/periods?cursor=not-a-cursor');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('cursor');
  });
});
