/**
 * Binding a strategy-canvas factor to a promise (M3): only a client promise of the organization that
 * is still measured may measure a factor; a refused binding names the field and keeps the saved
 * canvas; a binding made before a promise is retired stays. (The worked example attainment 0.85 →
 * level 8.5 is in promises.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backTeam, type TeamBacking } from './backing-fixture.js';
import { created, expectApiError as expectError } from './expect-api.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, errorOf, type SignedInAgent, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let adminB: SignedInAgent;
let segmentId: string;
/** Team A's capability and its granted right: what its client promises declare, so that they publish. */
let backing: TeamBacking;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const B = () => `/api/v1/orgs/${orgs.b.slug}`;

const promiseBody = (overrides: Record<string, unknown> = {}) => ({
  title: `Hand over on time ${unique()}`,
  statement: 'The house is handed over by the date in the contract',
  kind: 'client',
  promiserTeamId: orgs.a.team.id,
  override: { reason: 'An admin acts for the team in this test' },
  promiseeSegmentId: segmentId,
  metric: { kind: 'ratio' },
  target: 0.9,
  window: { kind: 'rolling', days: 30 },
  ...backing,
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  adminB = await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password);
  segmentId = (await created(await admin.post(`${A()}/segments`, { name: `Owners ${unique()}`, kind: 'customer' }))).id;
  backing = await backTeam(admin, orgs.a.slug, orgs.a.team.id);
});
afterAll(() => t.close());

describe('binding a canvas factor to a promise', () => {
  async function canvasWithFactor() {
    const canvas = await created(await admin.post(`${A()}/canvases`, { segmentId, name: `Canvas ${unique()}` }));
    const put = (factor: Record<string, unknown>) =>
      admin.request({
        method: 'PUT',
        url: `${A()}/canvases/${canvas.id}`,
        body: {
          name: canvas.name,
          competitors: [],
          factors: [{ name: 'Handover', current: 4, target: 9, competitorLevels: [], ...factor }],
        },
      });
    const saved = (await put({})).json();
    return { id: canvas.id as string, put, factorId: saved.factors[0].id as string };
  }

  it('refuses an internal promise, a retired one and one of another organization, naming the field and keeping the canvas', async () => {
    const internal = await created(
      await admin.post(`${A()}/promises`, {
        ...promiseBody({ kind: 'internal', promiseeSegmentId: undefined, promiseeTeamId: orgs.a.otherTeam.id }),
      }),
    );
    const retired = await created(await admin.post(`${A()}/promises`, promiseBody()));
    expect(
      (await admin.post(`${A()}/promises/${retired.id}/publish`, { override: { reason: 'An admin acts for the team in this test' } }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await admin.post(`${A()}/promises/${retired.id}/retire`, {
          reason: 'replaced',
          override: { reason: 'An admin acts for the team in this test' },
        })
      ).statusCode,
    ).toBe(200);
    const segmentB = await created(await adminB.post(`${B()}/segments`, { name: `Theirs ${unique()}`, kind: 'customer' }));
    const foreign = await created(
      await adminB.post(`${B()}/promises`, {
        ...promiseBody({ requiredCapabilityIds: [], requiredRightIds: [] }),
        promiserTeamId: orgs.b.team.id,
        override: { reason: 'An admin acts for the team in this test' },
        promiseeSegmentId: segmentB.id,
      }),
    );

    const canvas = await canvasWithFactor();
    const before = (await admin.get(`${A()}/canvases/${canvas.id}`)).json();
    for (const [promise, message] of [
      [internal, 'only a client promise'],
      [retired, 'retired'],
      [foreign, 'no promise with this id'],
    ] as const) {
      const res = await canvas.put({ id: canvas.factorId, promiseId: promise.id });
      expectError(res, 422, 'validation_failed', 'factors.0.promiseId');
      expect(errorOf(res).fields[0]?.message).toContain(message);
    }
    expect((await admin.get(`${A()}/canvases/${canvas.id}`)).json()).toEqual(before);
  });

  it('binds a draft client promise with no data yet: marked measured, the level set by hand stays until events arrive', async () => {
    const draft = await created(await admin.post(`${A()}/promises`, promiseBody()));
    const canvas = await canvasWithFactor();
    const bound = (await canvas.put({ id: canvas.factorId, promiseId: draft.id })).json();
    expect(bound.factors[0]).toMatchObject({
      current: 4,
      manualCurrent: 4,
      promiseId: draft.id,
      measured: { attainment: null, status: 'no_data' },
      action: 'raise',
    });
  });

  it('keeps a binding made before the promise was retired, and unbinds it on null', async () => {
    const promise = await created(await admin.post(`${A()}/promises`, promiseBody()));
    expect(
      (await admin.post(`${A()}/promises/${promise.id}/publish`, { override: { reason: 'An admin acts for the team in this test' } }))
        .statusCode,
    ).toBe(200);
    const canvas = await canvasWithFactor();
    expect((await canvas.put({ id: canvas.factorId, promiseId: promise.id })).statusCode).toBe(200);
    expect(
      (
        await admin.post(`${A()}/promises/${promise.id}/retire`, {
          reason: 'replaced',
          override: { reason: 'An admin acts for the team in this test' },
        })
      ).statusCode,
    ).toBe(200);
    const kept = await canvas.put({ id: canvas.factorId, promiseId: promise.id, current: 5 });
    expect(kept.statusCode).toBe(200);
    expect(kept.json().factors[0]).toMatchObject({ promiseId: promise.id, manualCurrent: 5 });
    const unbound = (await canvas.put({ id: canvas.factorId, promiseId: null, current: 5 })).json();
    expect(unbound.factors[0]).toMatchObject({ current: 5, promiseId: null, measured: null });
  });
});
