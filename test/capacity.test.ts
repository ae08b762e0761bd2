/**
 * Promises backed by real capacity: a capability states how much it can do a week; a promise's demand
 * (events a week over the last four weeks, or the forecast entered at drafting) is set against it,
 * with every published promise needing the same capability added up. Demand above capacity is a
 * warning at publish (published all the same), a figure on GET …/capacity and a flag the evaluator
 * keeps on the promise — cleared once the capacity is raised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateDue, MINUTE_MS } from '../src/modules/promises/evaluator.service.js';
import { PROMISES_TABLES } from '../src/modules/promises/promises.transfer.js';
import { created, expectApiError as expectError } from './expect-api.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type SignedInAgent, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
let member: SignedInAgent;
let segmentId: string;
let rightId: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const DAY = 24 * 3600 * 1000;

const capability = async (perWeek: number, unit = 'visits') =>
  created(
    await member.post(`${A()}/teams/${orgs.a.team.id}/capabilities`, {
      name: `Home visits ${unique()}`,
      capacity: { value: perWeek, unit, per: 'week' },
    }),
  );

const draft = async (capabilityIds: string[], demandForecastPerWeek?: number) =>
  created(
    await member.post(`${A()}/promises`, {
      title: `A visit within two days ${unique()}`,
      statement: 'A nurse visits within two days of the call',
      kind: 'client',
      promiserTeamId: orgs.a.team.id,
      promiseeSegmentId: segmentId,
      metric: { kind: 'ratio' },
      target: 0.9,
      window: { kind: 'rolling', days: 30 },
      requiredCapabilityIds: capabilityIds,
      requiredRightIds: [rightId],
      ...(demandForecastPerWeek !== undefined && { demandForecastPerWeek }),
    }),
  );

/** `count` good events spread over [now − days, now − 1 minute), as an integration would send them. */
async function sendEvents(promiseId: string, count: number, days: number, oldestExtra = false) {
  const now = Date.now();
  const events = Array.from({ length: count }, (_, i) => ({
    externalId: `v-${unique()}-${i}`,
    occurredAt: new Date(now - MINUTE_MS - Math.floor((i * (days * DAY - 2 * MINUTE_MS)) / count)).toISOString(),
    good: true,
  }));
  // One old visit: the promise has been measured for more than four weeks.
  if (oldestExtra) events.push({ externalId: `old-${unique()}`, occurredAt: new Date(now - 40 * DAY).toISOString(), good: true });
  const res = await member.post(`${A()}/promises/${promiseId}/events`, { events });
  expect(res.statusCode, show(res)).toBe(200);
  expect(res.json().rejected).toEqual([]);
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  segmentId = (await created(await admin.post(`${A()}/segments`, { name: 'Patients at home', kind: 'customer' }))).id;
  const right = await created(await admin.post(`${A()}/rights`, { name: `Decide visit rounds ${unique()}`, description: '' }));
  await created(await council.post(`${A()}/grants`, { rightId: right.id, holderType: 'team', holderId: orgs.a.team.id }));
  rightId = right.id;
});
afterAll(() => t.close());

describe('a capability’s capacity per week', () => {
  it('is a whole number of at least 1, and is given back with its unit', async () => {
    const base = `${A()}/teams/${orgs.a.team.id}/capabilities`;
    expectError(
      await member.post(base, { name: `Visits ${unique()}`, capacity: { value: 2.5, unit: 'visits', per: 'week' } }),
      422,
      'validation_failed',
      'capacity.value',
    );
    expectError(
      await member.post(base, { name: `Visits ${unique()}`, capacity: { value: 0, unit: 'visits', per: 'week' } }),
      422,
      'validation_failed',
      'capacity.value',
    );
    const made = await capability(40);
    expect(made.capacity).toEqual({ value: 40, unit: 'visits', per: 'week' });
    // An amount that is no rate stays as it was: not compared with any demand.
    const people = await created(await member.post(base, { name: `Nurses ${unique()}`, capacity: { value: 2.5, unit: 'nurses' } }));
    expect(people.capacity).toEqual({ value: 2.5, unit: 'nurses', per: null });
  });
});

describe('demand against capacity', () => {
  it('172 visits in the last 28 days is 43 a week against 40: published with an over_capacity warning, over by 3', async () => {
    const visits = await capability(40);
    const promise = await draft([visits.id], 10);
    await sendEvents(promise.id, 172, 28, true);

    const check = await member.get(`${A()}/promises/${promise.id}/capacity`);
    expect(check.statusCode, show(check)).toBe(200);
    // Four weeks of events exist: the forecast of 10 gives way to what was measured.
    expect(check.json()).toMatchObject({
      promiseId: promise.id,
      demand: { perWeek: 43, source: 'measured', events: 172, weeks: 4 },
      capabilities: [
        { capabilityId: visits.id, capacityPerWeek: 40, unit: 'visits', demandPerWeek: 43, utilisation: 107.5, overBy: 3, isOver: true },
      ],
      isOver: true,
    });

    const published = await member.post(`${A()}/promises/${promise.id}/publish`);
    expect(published.statusCode, show(published)).toBe(200);
    expect(published.json().status).toBe('published');
    expect(published.json().warnings).toEqual([
      expect.objectContaining({
        code: 'over_capacity',
        capabilityId: visits.id,
        capacityPerWeek: 40,
        demandPerWeek: 43,
        overBy: 3,
        utilisation: 107.5,
        promiseIds: [promise.id],
      }),
    ]);
  });

  it('demand within capacity publishes with no warning; the forecast stands in before four weeks of events', async () => {
    const visits = await capability(40);
    const promise = await draft([visits.id], 30);
    // Two weeks of events only (60 of them): the forecast of 30 is what counts.
    await sendEvents(promise.id, 60, 14);
    const published = await member.post(`${A()}/promises/${promise.id}/publish`);
    expect(published.statusCode, show(published)).toBe(200);
    expect(published.json().warnings).toEqual([]);
    const check = (await member.get(`${A()}/promises/${promise.id}/capacity`)).json();
    expect(check.demand).toMatchObject({ perWeek: 30, source: 'forecast' });
    expect(check.capabilities[0]).toMatchObject({ demandPerWeek: 30, utilisation: 75, overBy: 0, isOver: false });
  });

  it('two promises needing one capability add up: 25 + 20 a week against 40 is over by 5, though each alone fits', async () => {
    const visits = await capability(40);
    const first = await draft([visits.id], 25);
    expect((await member.post(`${A()}/promises/${first.id}/publish`)).json().warnings).toEqual([]);
    const second = await draft([visits.id], 20);
    const published = await member.post(`${A()}/promises/${second.id}/publish`);
    expect(published.statusCode, show(published)).toBe(200);
    expect(published.json().warnings).toEqual([
      expect.objectContaining({ code: 'over_capacity', demandPerWeek: 45, overBy: 5, promiseIds: [second.id, first.id] }),
    ]);
    expect(published.json().warnings[0].message).toContain('by 2 promises together');
    // The first promise's page sees the same total, with both promises' shares.
    const check = (await member.get(`${A()}/promises/${first.id}/capacity`)).json();
    expect(check.capabilities[0]).toMatchObject({ demandPerWeek: 45, isOver: true });
    expect(
      check.capabilities[0].promises.map((p: { promiseId: string; perWeek: number; source: string }) => [p.promiseId, p.perWeek, p.source]),
    ).toEqual([
      [first.id, 25, 'forecast'],
      [second.id, 20, 'forecast'],
    ]);
  });
});

describe('the evaluator flags a promise over capacity, like unbacked', () => {
  it('sets overCapacity with the figures and tells the team; clears it when the capacity is raised', async () => {
    const visits = await capability(40);
    const promise = await draft([visits.id], 43);
    expect((await member.post(`${A()}/promises/${promise.id}/publish`)).statusCode).toBe(200);

    const now = Date.now();
    await evaluateDue(t.db, now, { dialect: t.dialect });
    const flagged = (await member.get(`${A()}/promises/${promise.id}`)).json();
    expect(flagged.overCapacity).toMatchObject({
      capabilities: [{ capabilityId: visits.id, capacityPerWeek: 40, demandPerWeek: 43, overBy: 3, promiseIds: [promise.id] }],
    });
    expect((await member.get(`${A()}/promises/${promise.id}/status`)).json().overCapacity).toBe(true);
    // The flag travels in an organization's export as stored, and is read back on import.
    const stored = await t.db.selectFrom('promises').selectAll().where('id', '=', promise.id).execute();
    expect(PROMISES_TABLES.exported.promises.file.parse(stored)[0]?.over_capacity).toBe(stored[0]?.over_capacity);
    const told = await t.db
      .selectFrom('notifications')
      .select(['kind', 'user_id'])
      .where('org_id', '=', orgs.a.id)
      .where('subject_id', '=', promise.id)
      .execute();
    expect(told.map((n) => n.kind)).toContain('promise_over_capacity');
    expect(told.map((n) => n.user_id)).toContain(orgs.a.users.member.id);
    // Shown to clients like "unbacked": on the public board's JSON and its page.
    const board = await t.anonymous().get(`/api/v1/public/orgs/${orgs.a.slug}/promises`);
    expect(board.json().items.find((p: { id: string }) => p.id === promise.id)).toMatchObject({ overCapacity: true });
    const page = await t.anonymous().request({ method: 'GET', url: `/c/${orgs.a.slug}/promises/${promise.id}?lang=en` });
    expect(page.body).toContain('notice over-capacity');
    expect(page.body).toContain('promised more than the team can do');

    const raised = await member.patch(`${A()}/capabilities/${visits.id}`, { capacity: { value: 50, unit: 'visits', per: 'week' } });
    expect(raised.statusCode, show(raised)).toBe(200);
    await evaluateDue(t.db, now + MINUTE_MS, { dialect: t.dialect });
    expect((await member.get(`${A()}/promises/${promise.id}`)).json().overCapacity).toBeNull();
    expect((await member.get(`${A()}/promises/${promise.id}/status`)).json().overCapacity).toBe(false);
  });
});
