/**
 * Follow-ups to issue 17's delegated authority, team books and promise authorship: acting for a team
 * on its promise counts as an override (the team's list, the quarter's count, one notification);
 * reviewing an autonomous team's agreement from above needs a reason; peer points respect the
 * month's inputs lock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf } from '../src/core/economics/period.js';
import { type EconomicsFixture, economicsFixture, ok, type Person } from './economics-fixture.js';
import { created, expectApiError } from './expect-api.js';
import { unique } from './fixtures.js';
import { type SignedInAgent, show } from './harness.js';

let f: EconomicsFixture;
let admin: SignedInAgent;
let council: SignedInAgent;
let member: SignedInAgent;
let segmentId: string;
let backing: { requiredCapabilityIds: string[]; requiredRightIds: string[] };
const A = () => f.A;
const teamId = () => f.orgs.a.team.id;

beforeAll(async () => {
  f = await economicsFixture();
  admin = f.admin;
  council = await f.t.signIn(f.orgs.a.users.council.email, f.orgs.a.users.council.password);
  member = await f.t.signIn(f.orgs.a.users.member.email, f.orgs.a.users.member.password);
  segmentId = (await created(await admin.post(`${A()}/segments`, { name: `Owners ${unique()}`, kind: 'customer' }))).id;
  const capability = await created(await member.post(`${A()}/teams/${teamId()}/capabilities`, { name: 'Warranty engineers' }));
  const right = await created(await admin.post(`${A()}/rights`, { name: `Decide repairs ${unique()}`, description: '' }));
  // The team holds a delegated right: it is autonomous.
  await created(await council.post(`${A()}/grants`, { rightId: right.id, holderType: 'team', holderId: teamId() }));
  backing = { requiredCapabilityIds: [capability.id], requiredRightIds: [right.id] };
});
afterAll(async () => {
  await f?.t.close();
});

const promiseBody = (extra: Record<string, unknown> = {}) => ({
  title: `Answer within a day ${unique()}`,
  statement: 'Every warranty request is answered within a day',
  kind: 'client',
  promiserTeamId: teamId(),
  promiseeSegmentId: segmentId,
  metric: { kind: 'ratio' },
  target: 0.95,
  window: { kind: 'rolling', days: 30 },
  ...backing,
  ...extra,
});

describe('acting for a team on its promise is an override of its authority', () => {
  it('is listed on the team, counted this quarter, and told to the team once per act', async () => {
    const before = (await ok(await admin.get(`${A()}/overrides/summary`))).count as number;
    const reason = 'The team lead is on leave; the contract starts on Monday';
    const made = await created(await admin.post(`${A()}/promises`, promiseBody({ override: { reason } })));
    const published = await council.post(`${A()}/promises/${made.id}/publish`, { override: { reason: 'Signed off by the board' } });
    expect(published.statusCode, show(published)).toBe(200);
    // The promise page keeps its own record.
    expect(published.json().overrides.map((o: { action: string }) => o.action)).toEqual(['created', 'published']);

    const listed = (await ok(await member.get(`${A()}/teams/${teamId()}/overrides`))).items.filter(
      (o: { subjectId: string }) => o.subjectId === made.id,
    );
    expect(listed).toEqual([
      expect.objectContaining({
        teamId: teamId(),
        action: 'promise_published',
        subjectType: 'promise',
        reason: 'Signed off by the board',
        by: expect.objectContaining({ id: f.orgs.a.users.council.id }),
      }),
      expect.objectContaining({
        action: 'promise_created',
        subjectType: 'promise',
        reason,
        by: expect.objectContaining({ id: f.orgs.a.users.admin.id }),
      }),
    ]);
    expect((await ok(await admin.get(`${A()}/overrides/summary`))).count).toBe(before + 2);

    // One notification per override: the promise's own, not a second generic one.
    const inbox = (await ok(await member.get(`${A()}/notifications`))).items as { kind: string; subjectId: string }[];
    expect(inbox.filter((n) => n.kind === 'promise_acted_for' && n.subjectId === made.id)).toHaveLength(2);
    expect(inbox.filter((n) => n.kind === 'authority_overridden' && n.subjectId === teamId())).toHaveLength(0);
  });

  it('records nothing when the team’s own member makes the promise', async () => {
    const before = (await ok(await admin.get(`${A()}/overrides/summary`))).count as number;
    const own = await created(await member.post(`${A()}/promises`, promiseBody()));
    expect(own.overrides).toEqual([]);
    expect((await ok(await admin.get(`${A()}/overrides/summary`))).count).toBe(before);
  });
});

describe('reviewing an autonomous team’s agreement from above', () => {
  it('needs a reason (409 team_autonomy naming override.reason); with one it is reviewed and recorded; members need none', async () => {
    const reviewDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const nextReviewDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const agreement = await created(
      await member.post(`${A()}/agreements`, {
        title: `Rule ${unique()}`,
        driver: 'why',
        text: 'what',
        ownerType: 'team',
        ownerId: teamId(),
        reviewDate,
      }),
    );
    const url = `${A()}/agreements/${agreement.id}/reviews`;
    expectApiError(await admin.post(url, { outcome: 'keep', nextReviewDate }), 409, 'team_autonomy', 'override.reason');
    expectApiError(await council.post(url, { outcome: 'keep', nextReviewDate }), 409, 'team_autonomy', 'override.reason');
    const reviewed = await admin.post(url, { outcome: 'keep', nextReviewDate, override: { reason: 'The audit is due this week' } });
    expect(reviewed.statusCode, show(reviewed)).toBe(201);
    const listed = (await ok(await admin.get(`${A()}/teams/${teamId()}/overrides`))).items;
    expect(listed[0]).toMatchObject({
      action: 'agreement_reviewed',
      subjectType: 'agreement',
      subjectId: agreement.id,
      reason: 'The audit is due this week',
    });
    const own = await member.post(url, { outcome: 'keep', nextReviewDate });
    expect(own.statusCode, show(own)).toBe(201);
  });
});

describe('peer points and the month’s inputs lock', () => {
  it('refuses a member’s peer points while an admin has locked the month (409 inputs_locked); unlocked, they count', async () => {
    const period = periodOf(Date.now(), 'Europe/Berlin');
    const team = await f.teamOf(2);
    const [a, b] = team.people as [Person, Person];
    const url = `${A()}/periods/${period}/teams/${team.id}/peer-points`;
    await ok(await admin.post(`${A()}/periods/${period}/lock`));
    expectApiError(await a.agent.put(url, { points: { [b.id]: 100 } }), 409, 'inputs_locked', 'period');
    await ok(await admin.post(`${A()}/periods/${period}/unlock`));
    expect(await ok(await a.agent.put(url, { points: { [b.id]: 100 } }))).toMatchObject({ given: { [b.id]: 100 } });
  });
});

describe('promise requests made or declined for a team one is not in are overrides of its authority', () => {
  type Notice = { kind: string; subjectId: string; params: Record<string, unknown> };
  const overridesOf = async (kind: string) =>
    ((await ok(await member.get(`${A()}/notifications`))).items as Notice[]).filter(
      (n) => n.kind === 'authority_overridden' && n.params.action === kind,
    ).length;

  it('asking on a team’s behalf with a reason is listed on it, counted, audited and told to it once', async () => {
    const other = await f.teamOf(1);
    const before = (await ok(await admin.get(`${A()}/overrides/summary`))).count as number;
    const toldBefore = await overridesOf('request_made');
    const reason = 'The team is at the offsite; the supplier needs the ask today';
    const request = await created(
      await admin.post(`${A()}/promise-requests`, {
        fromTeamId: teamId(),
        toTeamId: other.id,
        title: `Spare parts ${unique()}`,
        statement: 'Deliver spare parts within two days',
        override: { reason },
      }),
    );
    const listed = (await ok(await member.get(`${A()}/teams/${teamId()}/overrides`))).items.filter(
      (o: { subjectId: string }) => o.subjectId === request.id,
    );
    expect(listed).toEqual([
      expect.objectContaining({
        teamId: teamId(),
        action: 'request_made',
        subjectType: 'promise_request',
        reason,
        by: expect.objectContaining({ id: f.orgs.a.users.admin.id }),
      }),
    ]);
    expect((await ok(await admin.get(`${A()}/overrides/summary`))).count).toBe(before + 1);
    expect(await overridesOf('request_made')).toBe(toldBefore + 1);
    const audit = (await ok(await admin.get(`${A()}/audit?entityId=${teamId()}&action=team.authority_overridden`))).items as {
      action: string;
      after: { subjectId?: string } | null;
    }[];
    expect(audit.filter((e) => e.action === 'team.authority_overridden' && e.after?.subjectId === request.id)).toHaveLength(1);
  });

  it('declining a request made to a team with a reason is listed on it and counted', async () => {
    const other = await f.teamOf(1);
    const request = await created(
      await other.people[0]!.agent.post(`${A()}/promise-requests`, {
        fromTeamId: other.id,
        toTeamId: teamId(),
        title: `Night shift ${unique()}`,
        statement: 'Cover the night shift',
      }),
    );
    const before = (await ok(await admin.get(`${A()}/overrides/summary`))).count as number;
    const toldBefore = await overridesOf('request_declined');
    const declined = await council.post(`${A()}/promise-requests/${request.id}/decline`, {
      reason: 'Out of scope',
      override: { reason: 'The team cannot staff nights this quarter' },
    });
    expect(declined.statusCode, show(declined)).toBe(200);
    const listed = (await ok(await member.get(`${A()}/teams/${teamId()}/overrides`))).items.filter(
      (o: { subjectId: string }) => o.subjectId === request.id,
    );
    expect(listed).toEqual([
      expect.objectContaining({
        action: 'request_declined',
        subjectType: 'promise_request',
        reason: 'The team cannot staff nights this quarter',
        by: expect.objectContaining({ id: f.orgs.a.users.council.id }),
      }),
    ]);
    expect((await ok(await admin.get(`${A()}/overrides/summary`))).count).toBe(before + 1);
    expect(await overridesOf('request_declined')).toBe(toldBefore + 1);
  });

  it('records nothing when the team’s own member asks', async () => {
    const other = await f.teamOf(1);
    const before = (await ok(await admin.get(`${A()}/overrides/summary`))).count as number;
    await created(
      await member.post(`${A()}/promise-requests`, {
        fromTeamId: teamId(),
        toTeamId: other.id,
        title: `Own ask ${unique()}`,
        statement: 'Review our manuals',
      }),
    );
    expect((await ok(await admin.get(`${A()}/overrides/summary`))).count).toBe(before);
  });
});
