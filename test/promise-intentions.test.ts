/**
 * Who makes promises (issue 17, part 4): only a team's members make, publish and change its
 * promises; an admin, the council or a token not in the team acts for it only with a reason
 * (`override.reason`, else 409 team_autonomy), recorded on the promise and in the audit log and told
 * to the team. Promises may come first: an intention to a segment with no team yet is drafted,
 * refused publication (409 naming promiserTeamId) until a team takes it and holds its backing, and
 * never shown on the board. The answer promise belongs to a team only once it accepted it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetBoardOf } from '../src/modules/promises/board.service.js';
import { created, expectApiError as expectError } from './expect-api.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type SignedInAgent, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
let member: SignedInAgent;
let segmentId: string;
let backing: { requiredCapabilityIds: string[]; requiredRightIds: string[] };
const A = () => `/api/v1/orgs/${orgs.a.slug}`;

const promiseBody = (overrides: Record<string, unknown> = {}) => ({
  title: `Answer within a day ${unique()}`,
  statement: 'Every warranty request is answered within a day',
  kind: 'client',
  promiserTeamId: orgs.a.team.id,
  promiseeSegmentId: segmentId,
  metric: { kind: 'ratio' },
  target: 0.95,
  window: { kind: 'rolling', days: 30 },
  ...backing,
  ...overrides,
});

const boardIds = async () => {
  // The board is cached for a few seconds: read it fresh.
  forgetBoardOf(orgs.a.id);
  return ((await t.app.inject({ method: 'GET', url: `/api/v1/public/orgs/${orgs.a.slug}/promises` })).json().items as { id: string }[]).map(
    (p) => p.id,
  );
};

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  segmentId = (await created(await admin.post(`${A()}/segments`, { name: `Owners ${unique()}`, kind: 'customer' }))).id;
  const capability = await created(await member.post(`${A()}/teams/${orgs.a.team.id}/capabilities`, { name: 'Warranty engineers' }));
  const right = await created(await admin.post(`${A()}/rights`, { name: `Decide repairs ${unique()}`, description: '' }));
  await created(await council.post(`${A()}/grants`, { rightId: right.id, holderType: 'team', holderId: orgs.a.team.id }));
  backing = { requiredCapabilityIds: [capability.id], requiredRightIds: [right.id] };
});
afterAll(() => t.close());

describe('only a team’s members make its promises; others act for it with a reason', () => {
  it('refuses a member-role user of another team with 403 not_member', async () => {
    // The `member` person is in team A only; the other team's one member is the council person.
    const refused = await member.post(`${A()}/promises`, promiseBody({ promiserTeamId: orgs.a.otherTeam.id }));
    expectError(refused, 403, 'forbidden', 'promiserTeamId');
    const own = await created(await member.post(`${A()}/promises`, promiseBody()));
    expect(own.overrides).toEqual([]);
  });

  it('refuses an admin without a reason with 409 team_autonomy; with one, records it and tells the team', async () => {
    expectError(await admin.post(`${A()}/promises`, promiseBody()), 409, 'team_autonomy', 'override');
    expectError(
      await admin.post(`${A()}/promises`, promiseBody({ override: { reason: '  ' } })),
      422,
      'validation_failed',
      'override.reason',
    );
    const reason = 'The team lead is on leave; the client contract starts on Monday';
    const made = await created(await admin.post(`${A()}/promises`, promiseBody({ override: { reason } })));
    expect(made.overrides).toEqual([{ action: 'created', reason, by: orgs.a.users.admin.name, at: expect.any(String) }]);

    // Publishing for the team needs its own reason, recorded after the first.
    expectError(await admin.post(`${A()}/promises/${made.id}/publish`, {}), 409, 'team_autonomy', 'override');
    const published = await admin.post(`${A()}/promises/${made.id}/publish`, { override: { reason: 'Signed off by the board' } });
    expect(published.statusCode, show(published)).toBe(200);
    expect(published.json().status).toBe('published');
    expect(published.json().overrides.map((o: { action: string }) => o.action)).toEqual(['created', 'published']);

    const audit = (await admin.get(`${A()}/audit?entityId=${made.id}&action=promise.acted_for_team`)).json().items;
    expect(audit.map((e: { after: { action: string; reason: string } }) => e.after)).toEqual([
      expect.objectContaining({ action: 'published', reason: 'Signed off by the board', teamId: orgs.a.team.id }),
      expect.objectContaining({ action: 'created', reason, teamId: orgs.a.team.id }),
    ]);
    const inbox = (await member.get(`${A()}/notifications`)).json().items as {
      kind: string;
      subjectId: string;
      params: Record<string, string>;
    }[];
    const told = inbox.filter((n) => n.kind === 'promise_acted_for' && n.subjectId === made.id);
    expect(told.map((n) => n.params.action).sort()).toEqual(['created', 'published']);
    expect(told.find((n) => n.params.action === 'created')?.params.reason).toBe(reason);
  });

  it('asks the council for a reason too, and takes the team’s own member without one', async () => {
    expectError(await council.post(`${A()}/promises`, promiseBody()), 409, 'team_autonomy', 'override');
    const draft = await created(await member.post(`${A()}/promises`, promiseBody()));
    expectError(await council.post(`${A()}/promises/${draft.id}/retire`, { reason: 'duplicate' }), 409, 'team_autonomy', 'override');
    const retired = await council.post(`${A()}/promises/${draft.id}/retire`, {
      reason: 'duplicate',
      override: { reason: 'Made twice by mistake' },
    });
    expect(retired.statusCode, show(retired)).toBe(200);
    expect(retired.json().overrides).toMatchObject([{ action: 'retired', reason: 'Made twice by mistake', by: orgs.a.users.council.name }]);
  });
});

describe('intentions: promises that come first, with no team yet', () => {
  it('drafts an intention with no team, refuses to publish it, and lists it for the team to be formed', async () => {
    expectError(await member.post(`${A()}/promises`, promiseBody({ promiserTeamId: null })), 403, 'forbidden', 'promiserTeamId');
    expectError(
      await admin.post(
        `${A()}/promises`,
        promiseBody({ promiserTeamId: null, kind: 'internal', promiseeSegmentId: undefined, promiseeTeamId: orgs.a.team.id }),
      ),
      422,
      'validation_failed',
      'promiserTeamId',
    );
    const intention = await created(await admin.post(`${A()}/promises`, promiseBody({ promiserTeamId: undefined })));
    expect(intention).toMatchObject({ status: 'draft', promiserTeam: null, isIntention: true, terms: { promiserTeamId: null } });
    const byCouncil = await created(await council.post(`${A()}/promises`, promiseBody({ promiserTeamId: null })));
    expect(byCouncil.isIntention).toBe(true);

    expectError(await admin.post(`${A()}/promises/${intention.id}/publish`, {}), 409, 'conflict', 'promiserTeamId');

    const intentions = (await member.get(`${A()}/promises?intention=true&limit=100`)).json().items as {
      id: string;
      isIntention: boolean;
    }[];
    expect(intentions.map((p) => p.id)).toEqual(expect.arrayContaining([intention.id, byCouncil.id]));
    expect(intentions.every((p) => p.isIntention)).toBe(true);
    const withTeams = (await member.get(`${A()}/promises?intention=false&limit=100`)).json().items as { id: string }[];
    expect(withTeams.map((p) => p.id)).not.toContain(intention.id);
    expect(await boardIds()).not.toContain(intention.id);
  });

  it('is given to a team by its member, then published once the team holds its backing', async () => {
    const intention = await created(await admin.post(`${A()}/promises`, promiseBody({ promiserTeamId: null })));
    // A member of another team cannot take it for team A.
    const outsider = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
    expectError(
      await outsider.patch(`${A()}/promises/${intention.id}`, { promiserTeamId: orgs.a.team.id }),
      409,
      'team_autonomy',
      'override',
    );
    const given = await member.patch(`${A()}/promises/${intention.id}`, { promiserTeamId: orgs.a.team.id });
    expect(given.statusCode, show(given)).toBe(200);
    expect(given.json()).toMatchObject({
      isIntention: false,
      promiserTeam: { id: orgs.a.team.id },
      terms: { promiserTeamId: orgs.a.team.id },
    });
    expect(given.json().overrides).toEqual([]);

    const published = await member.post(`${A()}/promises/${intention.id}/publish`, {});
    expect(published.statusCode, show(published)).toBe(200);
    expect(published.json().status).toBe('published');
    expect(await boardIds()).toContain(intention.id);
  });

  it('keeps an intention without backing a draft after a team takes it: backing_missing names what is lacking', async () => {
    const right = await created(await admin.post(`${A()}/rights`, { name: `Refund fees ${unique()}`, description: '' }));
    const intention = await created(
      await admin.post(`${A()}/promises`, promiseBody({ promiserTeamId: null, requiredRightIds: [right.id] })),
    );
    const given = await admin.patch(`${A()}/promises/${intention.id}`, {
      promiserTeamId: orgs.a.team.id,
      override: { reason: 'Team agreed at the retro' },
    });
    expect(given.statusCode, show(given)).toBe(200);
    expect(given.json().overrides).toMatchObject([{ action: 'team_given', reason: 'Team agreed at the retro' }]);
    expectError(await member.post(`${A()}/promises/${intention.id}/publish`, {}), 422, 'backing_missing', 'requiredRightIds.0');
  });
});
