/**
 * Promises through the API: a team promises only its own behaviour; publishing checks the
 * backing and names what is missing; revoking a right flags published promises unbacked at once;
 * terms change by versions and each event is judged by the version in force when it happened;
 * ingest is idempotent, refuses out-of-range events one by one, takes CSV; the status endpoint
 * returns the worked example's exact figures from the counters; bad events owe clients redress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, expectApiError as expectError } from './expect-api.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { type Agent, createTestApp, errorOf, type SignedInAgent, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
let member: SignedInAgent;
let token: Agent;
let segmentId: string;
/** A capability of team A and a right granted to it: what a client promise of the team declares it is kept with. */
let backing: { requiredCapabilityIds: string[]; requiredRightIds: string[] };
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const DAY = 24 * 3600 * 1000;
/** An admin is not in the team: acting for it takes a reason (`override`), recorded on the promise. */
const override = { reason: 'The admin publishes for the team, which asked for the waiver' };

const promiseBody = (overrides: Record<string, unknown> = {}) => ({
  title: `Answer within 24 hours ${unique()}`,
  statement: 'The warranty service answers every request within 24 hours',
  kind: 'client',
  promiserTeamId: orgs.a.team.id,
  promiseeSegmentId: segmentId,
  metric: { kind: 'ratio' },
  target: 0.99,
  window: { kind: 'rolling', days: 30 },
  ...backing,
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  token = t.withToken(orgs.a.token.secret);
  segmentId = (await created(await admin.post(`${A()}/segments`, { name: 'House owners', kind: 'customer' }))).id;
  const capability = await created(await member.post(`${A()}/teams/${orgs.a.team.id}/capabilities`, { name: 'Warranty engineers' }));
  const right = await created(await admin.post(`${A()}/rights`, { name: 'Decide warranty repairs', description: '' }));
  await created(await council.post(`${A()}/grants`, { rightId: right.id, holderType: 'team', holderId: orgs.a.team.id }));
  backing = { requiredCapabilityIds: [capability.id], requiredRightIds: [right.id] };
});
afterAll(() => t.close());

describe('making and publishing promises', () => {
  it('lets only the promiser team’s members make its promise; others are asked for a reason', async () => {
    const mine = await created(await member.post(`${A()}/promises`, promiseBody()));
    expect(mine).toMatchObject({
      status: 'draft',
      kind: 'client',
      promiserTeam: { id: orgs.a.team.id },
      terms: { version: 1, target: 0.99 },
    });
    // The council is not in the team: it acts for it only with a reason (promise-intentions.test.ts).
    expectError(await council.post(`${A()}/promises`, promiseBody()), 409, 'team_autonomy', 'override');
    expectError(await council.post(`${A()}/promises/${mine.id}/publish`), 409, 'team_autonomy', 'override');
    expectError(
      await member.post(`${A()}/promises`, promiseBody({ promiseeSegmentId: undefined })),
      422,
      'validation_failed',
      'promiseeSegmentId',
    );
    expectError(await member.post(`${A()}/promises`, promiseBody({ target: 1 })), 422, 'validation_failed', 'target');
  });

  it('refuses to publish without the backing, naming what is missing; publishes once granted; flags it unbacked on revoke', async () => {
    const capability = await created(await member.post(`${A()}/teams/${orgs.a.team.id}/capabilities`, { name: `Engineers ${unique()}` }));
    const right = await created(await admin.post(`${A()}/rights`, { name: `Decide warranty cases ${unique()}`, description: '' }));
    const draft = await created(
      await member.post(`${A()}/promises`, promiseBody({ requiredCapabilityIds: [capability.id], requiredRightIds: [right.id] })),
    );
    const refused = await member.post(`${A()}/promises/${draft.id}/publish`);
    expectError(refused, 422, 'backing_missing', 'requiredRightIds.0');
    expect(errorOf(refused).message).toContain(right.name);
    expect((await member.get(`${A()}/promises/${draft.id}`)).json().status).toBe('draft');

    const grant = await created(await council.post(`${A()}/grants`, { rightId: right.id, holderType: 'team', holderId: orgs.a.team.id }));
    const published = await member.post(`${A()}/promises/${draft.id}/publish`);
    expect(published.statusCode, show(published)).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', unbacked: null });

    await council.post(`${A()}/grants/${grant.id}/revoke`, { reason: 'reorganisation' });
    const flagged = (await member.get(`${A()}/promises/${draft.id}`)).json();
    expect(flagged.unbacked).toMatchObject({ capabilities: [], rights: [{ id: right.id, name: right.name }] });
    expect((await member.get(`${A()}/promises/${draft.id}/status`)).json().unbacked).toBe(true);
    const told = (await member.get(`${A()}/notifications`)).json().items.filter((n: { subjectId: string }) => n.subjectId === draft.id);
    expect(told.map((n: { kind: string }) => n.kind)).toEqual(['promise_unbacked']);
  });

  it('keeps published terms: edits go through versions with a reason, listed in order', async () => {
    const p = await created(await member.post(`${A()}/promises`, promiseBody()));
    await member.post(`${A()}/promises/${p.id}/publish`);
    expectError(await member.patch(`${A()}/promises/${p.id}`, { target: 0.95 }), 409, 'conflict', 'status');
    const v2 = await created(await member.post(`${A()}/promises/${p.id}/versions`, { target: 0.95, reason: 'more calls in winter' }));
    expect(v2).toMatchObject({ version: 2, target: 0.95, reason: 'more calls in winter', statement: p.terms.statement });
    const versions = (await member.get(`${A()}/promises/${p.id}/versions`)).json().items;
    expect(versions.map((v: { version: number; target: number }) => [v.version, v.target])).toEqual([
      [1, 0.99],
      [2, 0.95],
    ]);
    expect((await member.get(`${A()}/promises/${p.id}`)).json().terms.version).toBe(2);
  });
});

describe('the backing a client promise needs', () => {
  const none = { requiredCapabilityIds: [], requiredRightIds: [] };

  it('refuses a client promise that declares no capability or no right, naming each empty list', async () => {
    const bare = await created(await member.post(`${A()}/promises`, promiseBody(none)));
    const refused = await member.post(`${A()}/promises/${bare.id}/publish`);
    expectError(refused, 422, 'backing_missing', 'requiredCapabilityIds');
    expect(errorOf(refused).fields.map((f) => f.path)).toEqual(['requiredCapabilityIds', 'requiredRightIds']);
    const onlyCapability = await created(
      await member.post(`${A()}/promises`, promiseBody({ requiredCapabilityIds: backing.requiredCapabilityIds, requiredRightIds: [] })),
    );
    const half = await member.post(`${A()}/promises/${onlyCapability.id}/publish`);
    expect(errorOf(half).fields.map((f) => f.path)).toEqual(['requiredRightIds']);
    expect((await member.get(`${A()}/promises/${bare.id}`)).json()).toMatchObject({ status: 'draft', backingWaiver: null });
    // An internal promise is a team's word to another team: nothing to declare.
    const internal = await created(
      await member.post(
        `${A()}/promises`,
        promiseBody({ ...none, kind: 'internal', promiseeSegmentId: undefined, promiseeTeamId: orgs.a.otherTeam.id }),
      ),
    );
    expect((await member.post(`${A()}/promises/${internal.id}/publish`)).statusCode).toBe(200);
  });

  it('publishes with an admin’s waiver, recorded with the reason, the admin and the time, audited and shown', async () => {
    const bare = await created(await member.post(`${A()}/promises`, promiseBody(none)));
    const reason = 'The hotline is staffed by the whole company; no one team holds it yet';
    expectError(await member.post(`${A()}/promises/${bare.id}/publish`, { backingWaiver: { reason } }), 403, 'forbidden', 'backingWaiver');
    expectError(
      await admin.post(`${A()}/promises/${bare.id}/publish`, { backingWaiver: { reason: '  ' }, override }),
      422,
      'validation_failed',
      'backingWaiver.reason',
    );
    expect((await member.get(`${A()}/promises/${bare.id}`)).json().status).toBe('draft');

    const before = Date.now();
    const published = await admin.post(`${A()}/promises/${bare.id}/publish`, { backingWaiver: { reason }, override });
    expect(published.statusCode, show(published)).toBe(200);
    const waiver = published.json().backingWaiver;
    expect(waiver).toMatchObject({ reason, by: orgs.a.users.admin.name });
    expect(Date.parse(waiver.at)).toBeGreaterThanOrEqual(before);
    expect(waiver.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect((await member.get(`${A()}/promises/${bare.id}`)).json()).toMatchObject({ status: 'published', backingWaiver: waiver });

    const audit = (await admin.get(`${A()}/audit?entityId=${bare.id}&action=promise.published`)).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].after.backingWaiver).toEqual(waiver);

    // The public board says so in words, with the reason.
    const board = (await t.app.inject({ method: 'GET', url: `/api/v1/public/orgs/${orgs.a.slug}/promises` })).json();
    expect(board.items.find((p: { id: string }) => p.id === bare.id).backingWaiver).toEqual({ reason, at: waiver.at });
    const page = await t.app.inject({ method: 'GET', url: `/c/${orgs.a.slug}/promises/${bare.id}?lang=en` });
    expect(page.body).toContain('Backing waived.');
    expect(page.body).toContain(`“${reason}”`);
    const ru = await t.app.inject({ method: 'GET', url: `/c/${orgs.a.slug}/promises/${bare.id}?lang=ru` });
    expect(ru.body).toContain('Обеспечение не указано.');

    // And the table of promises carries the reason.
    const csv = await admin.get(`${A()}/promises/export?format=csv&status=published`);
    expect(csv.statusCode, show(csv)).toBe(200);
    const line = csv.body.split('\n').find((l) => l.includes(bare.title)) ?? '';
    expect(line).toContain(reason);

    // A later version of the terms keeps the waiver.
    await member.post(`${A()}/promises/${bare.id}/versions`, { target: 0.98, reason: 'winter' });
    expect((await member.get(`${A()}/promises/${bare.id}`)).json().backingWaiver).toEqual(waiver);
  });

  it('waives only the minimum: declared backing the team lacks still refuses; nothing to waive is refused', async () => {
    const right = await created(await admin.post(`${A()}/rights`, { name: `Refund fees ${unique()}`, description: '' }));
    const lacking = await created(
      await member.post(`${A()}/promises`, promiseBody({ requiredCapabilityIds: [], requiredRightIds: [right.id] })),
    );
    const waiver = { backingWaiver: { reason: 'pilot for one month' }, override };
    const refused = await admin.post(`${A()}/promises/${lacking.id}/publish`, waiver);
    expectError(refused, 422, 'backing_missing', 'requiredRightIds.0');
    expect(errorOf(refused).fields.map((f) => f.path)).toEqual(['requiredRightIds.0']);

    const declared = await created(await member.post(`${A()}/promises`, promiseBody()));
    expectError(await admin.post(`${A()}/promises/${declared.id}/publish`, waiver), 422, 'validation_failed', 'backingWaiver');
    const internal = await created(
      await member.post(
        `${A()}/promises`,
        promiseBody({ ...none, kind: 'internal', promiseeSegmentId: undefined, promiseeTeamId: orgs.a.otherTeam.id }),
      ),
    );
    expectError(await admin.post(`${A()}/promises/${internal.id}/publish`, waiver), 422, 'validation_failed', 'backingWaiver');
    for (const id of [lacking.id, declared.id, internal.id]) {
      expect((await member.get(`${A()}/promises/${id}`)).json()).toMatchObject({ status: 'draft', backingWaiver: null });
    }
  });
});

describe('events and status', () => {
  it('computes the worked example exactly: 100,000 events over 30 days, 1,000 bad, at 99%', async () => {
    const p = await created(await member.post(`${A()}/promises`, promiseBody()));
    // On a minute edge, so every look-back covers whole buckets and the figures are exact.
    const at = Math.floor((Date.now() - 60_000) / 60_000) * 60_000;
    const step = (30 * DAY) / 100_000;
    const events = Array.from({ length: 100_000 }, (_, i) => ({
      externalId: `e${i}`,
      occurredAt: new Date(at - 30 * DAY + Math.floor(step * i + step / 2)).toISOString(),
      good: (i + 1) % 100 !== 0,
    }));
    for (let i = 0; i < events.length; i += 10_000) {
      const res = await token.post(`${A()}/promises/${p.id}/events`, { events: events.slice(i, i + 10_000) });
      expect(res.json(), show(res)).toEqual({ accepted: 10_000, duplicates: 0, rejected: [] });
    }
    // A retried batch counts nothing twice.
    expect((await token.post(`${A()}/promises/${p.id}/events`, { events: events.slice(0, 5000) })).json()).toMatchObject({
      accepted: 0,
      duplicates: 5000,
    });
    const status = (await member.get(`${A()}/promises/${p.id}/status?at=${new Date(at).toISOString()}`)).json();
    expect(status).toMatchObject({
      attainment: 0.99,
      good: 99_000,
      total: 100_000,
      target: 0.99,
      budgetConsumed: 1,
      budgetRemaining: 0,
      version: 1,
    });
    expect(
      status.alerts.map(
        (a: { longWindow: string; shortWindow: string; firing: boolean }) => `${a.longWindow}/${a.shortWindow}:${a.firing}`,
      ),
    ).toEqual(['PT1H/PT5M:false', 'PT6H/PT30M:false', 'P1D/PT2H:false', 'P3D/PT6H:false']);
    expect(status.status).toBe('at_risk');
    expect(status.window.to).toBe(new Date(at).toISOString());
  }, 120_000);

  it('refuses out-of-range and unjudgeable events one by one and accepts the rest; takes CSV', async () => {
    const p = await created(
      await member.post(
        `${A()}/promises`,
        promiseBody({ metric: { kind: 'threshold', op: '<=', threshold: 24, unit: 'hours' }, target: 0.95 }),
      ),
    );
    const now = Date.now();
    const res = await token.post(`${A()}/promises/${p.id}/events`, {
      events: [
        { externalId: 'ok-1', occurredAt: new Date(now - DAY).toISOString(), value: 5 },
        { externalId: 'late', occurredAt: new Date(now + 2 * DAY).toISOString(), value: 5 },
        { externalId: 'old', occurredAt: new Date(now - 500 * DAY).toISOString(), value: 5 },
        { externalId: 'no-value', occurredAt: new Date(now - DAY).toISOString(), good: true },
        { externalId: 'stranger', occurredAt: new Date(now - DAY).toISOString(), value: 5, clientId: orgs.b.client.id },
        { externalId: 'ok-1', occurredAt: new Date(now - DAY).toISOString(), value: 5 },
        { externalId: 'slow', occurredAt: new Date(now - DAY).toISOString(), value: 30 },
      ],
    });
    expect(res.statusCode, show(res)).toBe(200);
    expect(res.json().accepted).toBe(2);
    expect(res.json().duplicates).toBe(1);
    expect(res.json().rejected.map((r: { externalId: string; reason: string }) => `${r.externalId}: ${r.reason.split(':')[0]}`)).toEqual([
      'late: occurredAt',
      'old: occurredAt',
      'no-value: value',
      'stranger: clientId',
    ]);
    const csv = `externalId,occurredAt,value\ncsv-1,${new Date(now - 2 * DAY).toISOString()},12\ncsv-2,${new Date(now - 2 * DAY).toISOString()},"17,5"\n`;
    const fromCsv = await token.request({
      method: 'POST',
      url: `${A()}/promises/${p.id}/events`,
      raw: { payload: csv, contentType: 'text/csv' },
    });
    expect(fromCsv.json(), show(fromCsv)).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const badCsv = await token.request({
      method: 'POST',
      url: `${A()}/promises/${p.id}/events`,
      raw: { payload: 'externalId,when\nx,y\n', contentType: 'text/csv' },
    });
    expectError(badCsv, 422, 'validation_failed', 'csv');
    const status = (await member.get(`${A()}/promises/${p.id}/status`)).json();
    // 5, 12 and 17.5 hours are within 24; 30 is not: 3 of 4.
    expect(status).toMatchObject({ good: 3, total: 4, attainment: 0.75, status: 'broken' });
  });

  it('judges an event by the version in force when it happened', async () => {
    const p = await created(
      await member.post(
        `${A()}/promises`,
        promiseBody({ metric: { kind: 'threshold', op: '<=', threshold: 24, unit: 'hours' }, target: 0.9 }),
      ),
    );
    await member.post(`${A()}/promises/${p.id}/publish`);
    const now = Date.now();
    await token.post(`${A()}/promises/${p.id}/events`, {
      events: [{ externalId: 'before', occurredAt: new Date(now - DAY).toISOString(), value: 20 }],
    });
    await created(
      await member.post(`${A()}/promises/${p.id}/versions`, {
        metric: { kind: 'threshold', op: '<=', threshold: 12, unit: 'hours' },
        reason: 'faster',
      }),
    );
    await token.post(`${A()}/promises/${p.id}/events`, {
      events: [
        { externalId: 'old-terms', occurredAt: new Date(now - DAY / 2).toISOString(), value: 20 },
        { externalId: 'new-terms', occurredAt: new Date(now + 60_000).toISOString(), value: 20 },
      ],
    });
    const events = (await member.get(`${A()}/promises/${p.id}/events`)).json().items;
    expect(events.map((e: { externalId: string; good: boolean; version: number }) => [e.externalId, e.good, e.version])).toEqual([
      ['new-terms', false, 2],
      ['old-terms', true, 1],
      ['before', true, 1],
    ]);
  });

  it('owes redress to a client for a bad event, once, and marks it given', async () => {
    const p = await created(
      await member.post(`${A()}/promises`, promiseBody({ redress: { kind: 'compensation', amount: 500_00, text: 'We pay for the wait' } })),
    );
    const bad = { externalId: 'late-visit', occurredAt: new Date(Date.now() - DAY).toISOString(), good: false, clientId: orgs.a.client.id };
    await token.post(`${A()}/promises/${p.id}/events`, { events: [bad, { ...bad, externalId: 'fine', good: true }] });
    await token.post(`${A()}/promises/${p.id}/events`, { events: [bad] });
    const owed = (await member.get(`${A()}/redress?promiseId=${p.id}&state=owed`)).json().items;
    expect(owed).toHaveLength(1);
    expect(owed[0]).toMatchObject({ kind: 'compensation', amount: 500_00, clientId: orgs.a.client.id, clientName: orgs.a.client.name });
    const given = await member.post(`${A()}/redress/${owed[0].id}/give`, { note: 'paid by transfer' });
    expect(given.json()).toMatchObject({ note: 'paid by transfer', givenBy: orgs.a.users.member.name });
    expectError(await member.post(`${A()}/redress/${owed[0].id}/give`, {}), 409, 'conflict');
    expectError(
      await member.post(`${A()}/promises`, promiseBody({ redress: { kind: 'compensation', text: 'x' } })),
      422,
      'validation_failed',
      'redress.amount',
    );
  });
});

describe('the tree of promises', () => {
  it('shows the root at risk because of a broken supporting promise of another team', async () => {
    const crew = await created(await admin.post(`${A()}/teams`, { name: `Crew ${unique()}`, kind: 'autonomous' }));
    await created(await admin.post(`${A()}/teams/${crew.id}/members`, { userId: orgs.a.users.council.id }));
    const root = await created(await member.post(`${A()}/promises`, promiseBody({ target: 0.9 })));
    await member.post(`${A()}/promises/${root.id}/publish`);
    const support = await created(
      await council.post(`${A()}/promises`, {
        ...promiseBody({ target: 0.9, requiredCapabilityIds: [], requiredRightIds: [] }),
        title: 'Visit within two days',
        kind: 'internal',
        promiserTeamId: crew.id,
        promiseeSegmentId: undefined,
        promiseeTeamId: orgs.a.team.id,
        supportsPromiseId: root.id,
      }),
    );
    await council.post(`${A()}/promises/${support.id}/publish`);
    const day = (i: number) => new Date(Date.now() - (i + 1) * 3_600_000).toISOString();
    await token.post(`${A()}/promises/${root.id}/events`, {
      events: Array.from({ length: 10 }, (_, i) => ({ externalId: `r${i}`, occurredAt: day(i), good: true })),
    });
    await token.post(`${A()}/promises/${support.id}/events`, {
      events: Array.from({ length: 10 }, (_, i) => ({ externalId: `s${i}`, occurredAt: day(i), good: i > 4 })),
    });
    const tree = (await member.get(`${A()}/promises/${root.id}/tree`)).json();
    expect(tree).toMatchObject({ status: 'kept', effectiveStatus: 'at_risk', atRiskBecause: [{ id: support.id, status: 'broken' }] });
    expect(tree.supporting.map((n: { id: string; team: { id: string } }) => [n.id, n.team.id])).toEqual([[support.id, crew.id]]);
  });
});

describe('requests between teams', () => {
  it('turns an accepted request into the asked team’s internal promise; a decline keeps its reason', async () => {
    const ask = {
      fromTeamId: orgs.a.team.id,
      toTeamId: orgs.a.otherTeam.id,
      title: 'Visit within two days',
      statement: 'Please visit within two days',
    };
    expectError(await member.post(`${A()}/promise-requests`, { ...ask, toTeamId: orgs.a.team.id }), 422, 'validation_failed', 'toTeamId');
    const request = await created(await member.post(`${A()}/promise-requests`, ask));
    expect(request).toMatchObject({ status: 'open', fromTeam: { id: orgs.a.team.id }, toTeam: { id: orgs.a.otherTeam.id } });
    const terms = { metric: { kind: 'ratio' }, target: 0.9, window: { kind: 'rolling', days: 30 } };
    // Only the asked team promises its own behaviour.
    expectError(await member.post(`${A()}/promise-requests/${request.id}/accept`, terms), 403, 'forbidden');
    const accepted = await council.post(`${A()}/promise-requests/${request.id}/accept`, terms);
    expect(accepted.json(), show(accepted)).toMatchObject({ status: 'accepted' });
    const promise = (await member.get(`${A()}/promises/${accepted.json().promiseId}`)).json();
    expect(promise).toMatchObject({
      kind: 'internal',
      status: 'draft',
      promiserTeam: { id: orgs.a.otherTeam.id },
      promiseeTeam: { id: orgs.a.team.id },
    });
    expectError(await council.post(`${A()}/promise-requests/${request.id}/decline`, { reason: 'late' }), 409, 'conflict');

    const second = await created(await member.post(`${A()}/promise-requests`, { ...ask, title: 'Weekend visits' }));
    const declined = await council.post(`${A()}/promise-requests/${second.id}/decline`, { reason: 'no weekend crew' });
    expect(declined.json()).toMatchObject({ status: 'declined', answer: 'no weekend crew', promiseId: null });
    const told = (await member.get(`${A()}/notifications`))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'promise_request_answered');
    expect(told.map((n: { params: { status: string } }) => n.params.status)).toEqual(['declined', 'accepted']);
  });
});

describe('a canvas factor measured by a promise', () => {
  it('takes attainment × 10 as the current level while bound; keeps the level set by hand underneath', async () => {
    const p = await created(await member.post(`${A()}/promises`, promiseBody({ target: 0.9 })));
    await token.post(`${A()}/promises/${p.id}/events`, {
      events: Array.from({ length: 20 }, (_, i) => ({
        externalId: `c${i}`,
        occurredAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
        good: i !== 0 && i !== 1 && i !== 2,
      })),
    });
    const canvas = await created(await admin.post(`${A()}/canvases`, { segmentId, name: `Canvas ${unique()}` }));
    const put = (factor: Record<string, unknown>) =>
      admin.request({
        method: 'PUT',
        url: `${A()}/canvases/${canvas.id}`,
        body: {
          name: canvas.name,
          competitors: [],
          factors: [{ name: 'Response time', current: 4, target: 9, competitorLevels: [], ...factor }],
        },
      });
    expectError(await put({ promiseId: 'no-such-promise' }), 422, 'validation_failed', 'factors.0.promiseId');
    const bound = (await put({ promiseId: p.id })).json();
    // 17 good of 20: attainment 0.85 → level 8.5, measured; the hand-set 4 waits underneath.
    expect(bound.factors[0]).toMatchObject({ current: 8.5, manualCurrent: 4, promiseId: p.id, measured: { attainment: 0.85 } });
    const kept = (await put({ id: bound.factors[0].id, current: 5 })).json();
    expect(kept.factors[0]).toMatchObject({ current: 8.5, manualCurrent: 5, promiseId: p.id });
    const unbound = (await put({ id: bound.factors[0].id, promiseId: null })).json();
    expect(unbound.factors[0]).toMatchObject({ current: 4, promiseId: null, measured: null });
  });
});

describe('a full batch', () => {
  it('takes 10,000 events with client ids and long external ids in one request (over the default body limit)', async () => {
    const p = await created(await member.post(`${A()}/promises`, promiseBody()));
    const events = Array.from({ length: 10_000 }, (_, i) => ({
      externalId: `crm-ticket-${String(i).padStart(8, '0')}-${'x'.repeat(40)}`,
      occurredAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
      good: i % 50 !== 0,
      clientId: orgs.a.client.id,
    }));
    const body = JSON.stringify({ events });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const res = await token.post(`${A()}/promises/${p.id}/events`, { events });
    expect(res.statusCode, show(res)).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 10_000, duplicates: 0 });
  }, 60_000);
});
