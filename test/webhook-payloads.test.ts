/**
 * Webhook bodies speak the API's language: every delivery carries `id`,
 * `type`, `createdAt` and `data`, and `data` has the API's own shapes — the promise exactly as
 * `GET …/promises/{promiseId}` answers at the moment, the status as `…/status?at=` answers for the
 * instant evaluated, the versions as `…/versions` lists them. Nothing more, nothing less: each body
 * parses against the documented schema and loses no field in doing so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../src/core/webhooks/webhooks.js';
import { evaluateDue, MINUTE_MS } from '../src/modules/promises/evaluator.service.js';
import { webhookBodySchema } from '../src/modules/promises/promise.webhooks.js';
import { createWebhook } from '../src/modules/webhooks/webhook.service.js';
import { toWire } from '../src/modules/wire.js';
import { created } from './expect-api.js';
import { orgContext, type TwoOrgs } from './fixtures.js';
import { createTestApp, type SignedInAgent, show, type TestApp } from './harness.js';

const DAY = 24 * 3_600_000;
/** A minute edge a little in the past: events are sent before it and the evaluator is driven from it. */
const T0 = Math.floor((Date.now() - 10 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
let hookId: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  const ctx = {
    ...(await orgContext(t.db, orgs.a.slug, { type: 'user', id: orgs.a.users.admin.id, label: 'admin' })),
    role: 'admin' as const,
  };
  hookId = (await createWebhook(ctx, { url: 'https://example.test/all', description: '', eventTypes: [...WEBHOOK_EVENT_TYPES] })).id;
});
afterAll(() => t?.close());

/** The bodies delivered to the endpoint for one promise, of one type, oldest first — each checked against its schema. */
async function bodies(type: WebhookEventType, promiseId: string): Promise<Record<string, unknown>[]> {
  const rows = await t.db
    .selectFrom('webhook_deliveries')
    .select('payload')
    .where('endpoint_id', '=', hookId)
    .where('event_type', '=', type)
    .orderBy('created_at')
    .execute();
  const all = rows.map((r) => JSON.parse(r.payload) as { data: { promise: { id: string } } } & Record<string, unknown>);
  const mine = all.filter((b) => b.data.promise.id === promiseId);
  for (const body of mine) {
    const parsed = webhookBodySchema(type).safeParse(body);
    expect(parsed.success, `${type}: ${parsed.error?.message}`).toBe(true);
    // Parsing strips unknown keys and reads instants into epoch ms; written back on the wire it is the
    // same body: no field the schema does not document, every instant an ISO string.
    expect(toWire(webhookBodySchema(type), parsed.data)).toEqual(body);
    expect(Date.parse(body.createdAt as string)).not.toBeNaN();
  }
  return mine;
}

const apiJson = async (path: string) => {
  const res = await admin.get(`${A()}${path}`);
  expect(res.statusCode, show(res)).toBe(200);
  return res.json();
};

describe('webhook bodies', () => {
  it('carry the promise, its versions and its status exactly as the API answers them', async () => {
    const team = orgs.a.team.id;
    const capability = await created(await admin.post(`${A()}/teams/${team}/capabilities`, { name: 'Engineers on duty' }));
    const right = await created(await admin.post(`${A()}/rights`, { name: 'Decide warranty repairs', description: '' }));
    const grant = await created(await council.post(`${A()}/grants`, { rightId: right.id, holderType: 'team', holderId: team }));
    const segment = await created(await admin.post(`${A()}/segments`, { name: 'House owners', kind: 'customer' }));
    const promise = await created(
      await admin.post(`${A()}/promises`, {
        title: 'Answer within a day',
        statement: 'Every warranty request is answered within a working day',
        kind: 'client',
        promiserTeamId: team,
        override: { reason: 'An admin acts for the team in this test' },
        promiseeSegmentId: segment.id,
        metric: { kind: 'ratio' },
        target: 0.9,
        window: { kind: 'rolling', days: 30 },
        requiredCapabilityIds: [capability.id],
        requiredRightIds: [right.id],
      }),
    );
    const id = promise.id as string;

    // Published: the promise as GET answers right after.
    expect(
      (await admin.post(`${A()}/promises/${id}/publish`, { override: { reason: 'An admin acts for the team in this test' } })).statusCode,
    ).toBe(200);
    const [published] = await bodies('promise.published', id);
    expect((published as { data: unknown }).data).toEqual({ promise: await apiJson(`/promises/${id}`) });

    // A new version: the promise after it, the version made and the one before, as /versions lists them.
    expect(
      (
        await admin.post(`${A()}/promises/${id}/versions`, {
          target: 0.85,
          reason: 'winter storms',
          override: { reason: 'An admin acts for the team in this test' },
        })
      ).statusCode,
    ).toBe(201);
    const [versioned] = await bodies('promise.version_created', id);
    const versions = (await apiJson(`/promises/${id}/versions`)).items.map(({ id: _id, ...v }: { id: string }) => v);
    expect((versioned as { data: unknown }).data).toEqual({
      promise: await apiJson(`/promises/${id}`),
      version: versions[1],
      previous: versions[0],
    });

    // Kept, then 30 bad of 130 break it and fire alerts: the status is /status?at= for the instant evaluated.
    const send = async (count: number, good: boolean, at: (i: number) => number, tag: string) => {
      const events = Array.from({ length: count }, (_, i) => ({ externalId: `${tag}${i}`, occurredAt: iso(at(i)), good }));
      const res = await admin.post(`${A()}/promises/${id}/events`, { events });
      expect(res.json().accepted, show(res)).toBe(count);
    };
    await send(100, true, (i) => T0 - DAY + i * 10 * MINUTE_MS, 'g');
    await evaluateDue(t.db, T0, { dialect: t.dialect });
    await send(30, false, (i) => T0 + 30_000 + i * 1000, 'b');
    const evaluatedAt = T0 + 2 * MINUTE_MS;
    await evaluateDue(t.db, evaluatedAt, { dialect: t.dialect });
    const status = await apiJson(`/promises/${id}/status?at=${iso(evaluatedAt)}`);
    const current = await apiJson(`/promises/${id}`);
    const [changed] = await bodies('promise.status_changed', id);
    expect((changed as { data: unknown }).data).toEqual({ promise: current, from: 'kept', to: 'broken', at: iso(evaluatedAt), status });
    const fired = await bodies('promise.alert_fired', id);
    expect(fired.length).toBeGreaterThan(0);
    for (const body of fired) expect(body.data).toMatchObject({ promise: current, at: iso(evaluatedAt), status });

    // The right revoked: the promise as GET answers it, flagged unbacked, and what it lacks.
    expect((await council.post(`${A()}/grants/${grant.id}/revoke`, { reason: 'reorganisation' })).statusCode).toBe(200);
    const flagged = await apiJson(`/promises/${id}`);
    expect(flagged.unbacked).not.toBeNull();
    const [unbacked] = await bodies('promise.unbacked', id);
    expect((unbacked as { data: unknown }).data).toEqual({
      promise: flagged,
      missing: { capabilities: [], rights: [{ id: right.id, name: right.name }] },
      since: flagged.unbacked.since,
    });
  });
});
