/**
 * A promise's history through the API: what the background evaluator recorded as events broke the
 * promise (its status changing, alert rows firing, then resolving once the burst is behind their
 * short windows), newest first with the figures at the time, paged by cursor; another
 * organization's promise is not found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateDue, MINUTE_MS } from '../src/modules/promises/evaluator.service.js';
import { backTeam, type TeamBacking } from './backing-fixture.js';
import { created, expectApiError } from './expect-api.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { type Agent, createTestApp, type SignedInAgent, show, type TestApp } from './harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A minute edge a little in the past: events may be sent for it, and the evaluator is driven from it. */
const T0 = Math.floor((Date.now() - 10 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
const iso = (ms: number) => new Date(ms).toISOString();

let t: TestApp;
let orgs: TwoOrgs;
let member: SignedInAgent;
let viewer: SignedInAgent;
let otherAdmin: SignedInAgent;
let token: Agent;
/** Team A's capability and the right granted to it by the admin: what its client promise declares, so that it publishes. */
let backing: TeamBacking;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const B = () => `/api/v1/orgs/${orgs.b.slug}`;

interface Entry {
  id: string;
  /** The instant, ISO 8601. */
  at: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  alert: { severity: string; longWindow: string; shortWindow: string; threshold: number } | null;
  figures: { attainment: number | null; target: number; good: number; total: number; budgetRemaining: number; version: number };
}

const evaluate = (at: number) => evaluateDue(t.db, at, { dialect: t.dialect });

/** Entries recorded by one evaluation share their instant and come in no set order among themselves: compare them sorted. */
const sortedWithinInstant = (items: Entry[]) =>
  [...items].sort(
    (x, y) => Date.parse(y.at) - Date.parse(x.at) || `${x.kind}${x.alert?.longWindow}`.localeCompare(`${y.kind}${y.alert?.longWindow}`),
  );

async function sendEvents(promiseId: string, count: number, good: boolean, at: (i: number) => number) {
  const events = Array.from({ length: count }, (_, i) => ({ externalId: `${good ? 'g' : 'b'}-${i}`, occurredAt: iso(at(i)), good }));
  const res = await token.post(`${A()}/promises/${promiseId}/events`, { events });
  expect(res.json(), show(res)).toEqual({ accepted: count, duplicates: 0, rejected: [] });
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  viewer = await t.signIn(orgs.a.users.viewer.email, orgs.a.users.viewer.password);
  otherAdmin = await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password);
  token = t.withToken(orgs.a.token.secret);
  backing = await backTeam(await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password), orgs.a.slug, orgs.a.team.id);
});
afterAll(() => t.close());

describe('the history of a promise', () => {
  it('lists the status change and the alerts as a burst of bad events breaks the promise, then the alerts resolving, newest first', async () => {
    const segment = await created(await member.post(`${A()}/segments`, { name: `House owners ${unique()}`, kind: 'customer' }));
    const promise = await created(
      await member.post(`${A()}/promises`, {
        title: 'Answer within a day',
        statement: 'Every request is answered within a working day',
        kind: 'client',
        promiserTeamId: orgs.a.team.id,
        promiseeSegmentId: segment.id,
        metric: { kind: 'ratio' },
        target: 0.9,
        window: { kind: 'rolling', days: 30 },
        ...backing,
      }),
    );
    expect((await member.post(`${A()}/promises/${promise.id}/publish`)).statusCode).toBe(200);
    const url = `${A()}/promises/${promise.id}/history`;

    // 100 good events, one every 10 minutes of the day before T0: the last one 7.5 hours before T0.
    await sendEvents(promise.id, 100, true, (i) => T0 - DAY + i * 10 * MINUTE_MS);
    // The first evaluation is the baseline (kept): nothing to tell.
    await evaluate(T0);
    expect((await viewer.get(url)).json()).toEqual({ items: [], nextCursor: null });

    // 30 bad events in the next half minute: 100 of 130 is 76.9 % < 90 %, broken. Over the last 5 minutes
    // to 6 hours every event is bad: burn rate 1 / 0.1 = 10, above 6 (page, 6 h / 30 min) and 1 (ticket,
    // 3 d / 6 h) but not 14.4 (page, 1 h / 5 min); over a day 30 of 130 bad burn 2.3, under 3 (ticket, 1 d / 2 h).
    await sendEvents(promise.id, 30, false, (i) => T0 + 30_000 + i * 1000);
    const broke = T0 + 2 * MINUTE_MS;
    expect(await evaluate(broke)).toMatchObject({ statusChanges: 1, alertsFired: 2, failures: [] });
    // Seven hours later neither short window holds the burst: both alerts resolve; 76.9 % stays broken.
    const calmed = broke + 7 * HOUR;
    expect(await evaluate(calmed)).toMatchObject({ statusChanges: 0, alertsResolved: 2, failures: [] });

    const res = await viewer.get(url);
    expect(res.statusCode, show(res)).toBe(200);
    const { items, nextCursor } = res.json() as { items: Entry[]; nextCursor: string | null };
    expect(nextCursor).toBeNull();
    expect(items.map((entry) => entry.at)).toEqual([calmed, calmed, broke, broke, broke].map(iso));
    const atBreak = { attainment: expect.closeTo(100 / 130, 12), target: 0.9, good: 100, total: 130, version: 1 };
    const pageAlert = { severity: 'page', longWindow: 'PT6H', shortWindow: 'PT30M', threshold: 6 };
    const ticketAlert = { severity: 'ticket', longWindow: 'P3D', shortWindow: 'PT6H', threshold: 1 };
    expect(sortedWithinInstant(items)).toEqual([
      {
        id: expect.any(String),
        at: iso(calmed),
        kind: 'alert_resolved',
        fromStatus: null,
        toStatus: null,
        alert: ticketAlert,
        figures: expect.objectContaining(atBreak),
      },
      {
        id: expect.any(String),
        at: iso(calmed),
        kind: 'alert_resolved',
        fromStatus: null,
        toStatus: null,
        alert: pageAlert,
        figures: expect.objectContaining(atBreak),
      },
      {
        id: expect.any(String),
        at: iso(broke),
        kind: 'alert_fired',
        fromStatus: null,
        toStatus: null,
        alert: ticketAlert,
        figures: expect.objectContaining(atBreak),
      },
      {
        id: expect.any(String),
        at: iso(broke),
        kind: 'alert_fired',
        fromStatus: null,
        toStatus: null,
        alert: pageAlert,
        figures: expect.objectContaining(atBreak),
      },
      {
        id: expect.any(String),
        at: iso(broke),
        kind: 'status_changed',
        fromStatus: 'kept',
        toStatus: 'broken',
        alert: null,
        figures: expect.objectContaining(atBreak),
      },
    ]);
    // budgetRemaining = 1 − (30 / 130) / 0.1: the budget is overspent 2.3 times.
    expect(items[0]!.figures.budgetRemaining).toBeCloseTo(1 - 30 / 130 / 0.1, 9);

    // Two at a time: the same five entries, in the same order, none repeated.
    const first = (await viewer.get(`${url}?limit=2`)).json();
    expect(first.items).toEqual(items.slice(0, 2));
    const second = (await viewer.get(`${url}?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toEqual(items.slice(2, 4));
    const third = (await viewer.get(`${url}?limit=2&cursor=${second.nextCursor}`)).json();
    expect(third).toEqual({ items: items.slice(4), nextCursor: null });
    expectApiError(await viewer.get(`${url}?cursor=not-a-cursor`), 422, 'validation_failed', 'cursor');
  });

  it('does not show another organization’s promise, nor one that does not exist', async () => {
    const segment = await created(await member.post(`${A()}/segments`, { name: `Tenants ${unique()}`, kind: 'customer' }));
    const promise = await created(
      await member.post(`${A()}/promises`, {
        title: 'Repairs within a week',
        statement: 'A reported fault is repaired within seven days',
        kind: 'client',
        promiserTeamId: orgs.a.team.id,
        promiseeSegmentId: segment.id,
        metric: { kind: 'ratio' },
        target: 0.95,
        window: { kind: 'rolling', days: 30 },
      }),
    );
    expect((await member.get(`${A()}/promises/${promise.id}/history`)).json()).toEqual({ items: [], nextCursor: null });
    expectApiError(await otherAdmin.get(`${B()}/promises/${promise.id}/history`), 404, 'not_found');
    // Nor through org A's address to someone who is not in it.
    expectApiError(await otherAdmin.get(`${A()}/promises/${promise.id}/history`), 404, 'not_found');
    expectApiError(await t.withToken(orgs.b.token.secret).get(`${B()}/promises/${promise.id}/history`), 404, 'not_found');
    expectApiError(await member.get(`${A()}/promises/no-such-promise/history`), 404, 'not_found');
  });
});
