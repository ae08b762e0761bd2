/**
 * Client feedback: NPS, CSAT and CES through the API with their worked examples, filters,
 * validation, token scopes, surveys answered through their public link, triage into evidence, and
 * answers that reach the client's portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.context.js';
import type { SignedInAgent } from './agent.js';
import type { OrgFixture } from './fixtures.js';
import { createTestApp, errorOf, show, type TestApp } from './harness.js';

let t: TestApp;
let a: OrgFixture;
let admin: SignedInAgent;
let api: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ a } = await t.seedTwoOrgs());
  admin = await t.signIn(a.users.admin.email, a.users.admin.password);
  api = `/api/v1/orgs/${a.slug}`;
});

afterAll(async () => {
  await t?.close();
});

async function post(body: Record<string, unknown>, agent = admin as { post: SignedInAgent['post'] }) {
  const res = await agent.post(`${api}/feedback`, body);
  expect(res.statusCode, show(res)).toBe(201);
  return res.json() as { id: string; score: number | null; subjectName: string | null; client: { id: string } | null };
}

async function summary(query: string) {
  const res = await admin.get(`${api}/feedback/summary?${query}`);
  expect(res.statusCode, show(res)).toBe(200);
  return res.json();
}

function form(fields: Record<string, string>) {
  return new URLSearchParams(fields).toString();
}

/** Signs the fixture's client in through its invitation link; returns the portal cookie. */
async function signInClient(slug: string, token: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: `/c/${slug}/invite/${token}` });
  const cookie = res.cookies.find((c) => c.name === CLIENT_COOKIE);
  expect(cookie, show(res)).toBeDefined();
  return cookie!.value;
}

function portal(method: 'GET' | 'POST', url: string, cookie?: string, payload?: string) {
  return t.app.inject({
    method,
    url,
    headers: { 'accept-language': 'en', ...(payload !== undefined && { 'content-type': 'application/x-www-form-urlencoded' }) },
    cookies: cookie ? { [CLIENT_COOKIE]: cookie } : {},
    ...(payload !== undefined && { payload }),
  });
}

describe('figures through the API', () => {
  it('NPS of 10, 9, 9, 8, 7, 6, 0 and two responses without a score is (3 − 2) ÷ 7 = 14.29 with n 7', async () => {
    const subject = { subjectType: 'touchpoint', subjectId: 'NPS worked example' };
    for (const score of [10, 9, 9, 8, 7, 6, 0]) await post({ kind: 'nps', score, ...subject });
    await post({ kind: 'nps', comment: 'Skipped the score', ...subject });
    await post({ kind: 'nps', score: null, ...subject });
    expect(await summary('kind=nps&subjectType=touchpoint&subjectId=NPS%20worked%20example')).toEqual({
      kind: 'nps',
      n: 7,
      score: 14.29,
      promoters: 3,
      passives: 2,
      detractors: 2,
    });
    const list = await admin.get(`${api}/feedback?subjectType=touchpoint&subjectId=NPS%20worked%20example`);
    expect(list.json().items).toHaveLength(9);
  });

  it('CSAT of 5, 4, 4, 3, 2, 1, 5 and a skip is 4 of 7 = 57.14; CES of 2, 3, 5, 7, 1 and a skip is 18 ÷ 5 = 3.6', async () => {
    const csat = { subjectType: 'touchpoint', subjectId: 'CSAT example' };
    for (const score of [5, 4, 4, 3, 2, 1, 5, null]) await post({ kind: 'csat', score, ...csat });
    expect(await summary('kind=csat&subjectType=touchpoint&subjectId=CSAT%20example')).toEqual({ kind: 'csat', n: 7, score: 57.14 });
    const ces = { subjectType: 'touchpoint', subjectId: 'CES example' };
    for (const score of [2, 3, 5, 7, 1, null]) await post({ kind: 'ces', score, ...ces });
    expect(await summary('kind=ces&subjectType=touchpoint&subjectId=CES%20example')).toEqual({ kind: 'ces', n: 5, score: 3.6 });
    // Other kinds about the same subject do not mix in; nothing answered is null, not 0.
    expect(await summary('kind=nps&subjectType=touchpoint&subjectId=CES%20example')).toMatchObject({ n: 0, score: null });
  });

  it('filters by subject and by days on the organization’s calendar (Berlin), to-day inclusive', async () => {
    const team = { subjectType: 'team', subjectId: a.otherTeam.id };
    // 30 Sept 23:30 UTC is 1 October in Berlin.
    await post({ kind: 'csat', score: 5, answeredAt: '2026-09-30T23:30:00Z', ...team });
    await post({ kind: 'csat', score: 2, answeredAt: '2026-10-15T10:00:00Z', ...team });
    await post({ kind: 'csat', score: 1, answeredAt: '2026-10-31T23:30:00Z', ...team }); // 1 November in Berlin (winter time, UTC+1)
    await post({ kind: 'csat', score: 1, answeredAt: '2026-09-20T10:00:00Z', ...team });
    const q = `kind=csat&subjectType=team&subjectId=${a.otherTeam.id}`;
    expect(await summary(q)).toEqual({ kind: 'csat', n: 4, score: 25 });
    expect(await summary(`${q}&from=2026-10-01&to=2026-10-31`)).toEqual({ kind: 'csat', n: 2, score: 50 });
    expect(await summary(`${q}&from=2026-10-01T00:00:00Z`)).toEqual({ kind: 'csat', n: 2, score: 0 });
    expect(await summary(`${q}&to=2026-09-30`)).toEqual({ kind: 'csat', n: 1, score: 0 });
    const subject = (await admin.get(`${api}/feedback?subjectType=team&subjectId=${a.otherTeam.id}&from=2026-10-01&to=2026-10-31`)).json();
    expect(subject.items.map((f: { score: number }) => f.score)).toEqual([2, 5]);
    expect(subject.items[0].subjectName).toBe(a.otherTeam.name);

    const trend = await admin.get(`${api}/feedback/trend?${q}&from=2026-09-01&to=2026-11-30&bucket=month`);
    expect(trend.statusCode, show(trend)).toBe(200);
    expect(trend.json().points.map((p: { bucket: string; n: number; score: number | null }) => [p.bucket, p.n, p.score])).toEqual([
      ['2026-09', 1, 0],
      ['2026-10', 2, 50],
      ['2026-11', 1, 0],
    ]);
    const bad = await admin.get(`${api}/feedback/summary?${q}&from=2026-10-05&to=2026-10-01`);
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).fields[0]?.path).toBe('to');
    const notADay = await admin.get(`${api}/feedback/summary?${q}&from=2026-02-31`);
    expect(notADay.statusCode).toBe(422);
    expect(errorOf(notADay).fields[0]?.path).toBe('from');
  });

  it('pages the list by cursor, newest answer first, without repeats', async () => {
    const subject = { subjectType: 'touchpoint', subjectId: 'Paging' };
    for (let i = 0; i < 5; i++) await post({ kind: 'nps', score: i, answeredAt: `2026-01-0${i + 1}T10:00:00Z`, ...subject });
    const seen: number[] = [];
    let url = `${api}/feedback?subjectType=touchpoint&subjectId=Paging&limit=2`;
    for (let pages = 0; pages < 5; pages++) {
      const page = (await admin.get(url)).json() as { items: { score: number }[]; nextCursor: string | null };
      seen.push(...page.items.map((f) => f.score));
      if (!page.nextCursor) break;
      url = `${api}/feedback?subjectType=touchpoint&subjectId=Paging&limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual([4, 3, 2, 1, 0]);
  });
});

describe('validation names the field', () => {
  it.each([
    ['an NPS score of 11', 'score', { kind: 'nps', score: 11 }],
    ['a CSAT score of 0', 'score', { kind: 'csat', score: 0 }],
    ['a CES score of 8', 'score', { kind: 'ces', score: 8 }],
    ['a fractional score', 'score', { kind: 'nps', score: 7.5 }],
    ['an unknown kind', 'kind', { kind: 'stars', score: 3 }],
    ['a promise that is not there', 'subjectId', { kind: 'nps', score: 9, subjectType: 'promise', subjectId: 'no-such-promise' }],
    ['a team that is not there', 'subjectId', { kind: 'nps', score: 9, subjectType: 'team', subjectId: 'no-such-team' }],
    ['a subject type without its id', 'subjectId', { kind: 'nps', score: 9, subjectType: 'team' }],
    ['a client that is not there', 'clientId', { kind: 'nps', score: 9, clientId: 'no-such-client' }],
    ['an answer dated tomorrow', 'answeredAt', { kind: 'nps', score: 9, answeredAt: new Date(Date.now() + 86_400_000).toISOString() }],
    ['an answer dated in words', 'answeredAt', { kind: 'nps', score: 9, answeredAt: 'yesterday' }],
  ])('%s is 422 naming %s', async (_name, field, body) => {
    const res = await admin.post(`${api}/feedback`, body);
    expect(res.statusCode, show(res)).toBe(422);
    expect(errorOf(res).fields.map((f) => f.path)).toContain(field);
  });

  it('another organization’s team or client is not a subject here', async () => {
    const { b } = await t.seedTwoOrgs();
    for (const [body, field] of [
      [{ kind: 'nps', score: 9, subjectType: 'team', subjectId: b.team.id }, 'subjectId'],
      [{ kind: 'nps', score: 9, clientId: b.client.id }, 'clientId'],
    ] as const) {
      const res = await admin.post(`${api}/feedback`, body);
      expect(res.statusCode).toBe(422);
      expect(errorOf(res).fields[0]?.path).toBe(field);
    }
  });
});

describe('tokens', () => {
  it('a token with only feedback:write imports responses but cannot read figures; with voice:read it can', async () => {
    const make = async (scopes: string[]) => {
      const res = await admin.post(`${api}/tokens`, { name: `Importer ${scopes.join(' ')}`, scopes });
      expect(res.statusCode, show(res)).toBe(201);
      return t.withToken(res.json().token as string);
    };
    const importer = await make(['feedback:write']);
    const created = await post(
      { kind: 'nps', score: 10, subjectType: 'touchpoint', subjectId: 'Imported', comment: 'From the call centre' },
      importer,
    );
    expect(created.score).toBe(10);
    const denied = await importer.get(`${api}/feedback/summary?kind=nps`);
    expect(denied.statusCode).toBe(403);
    expect(errorOf(denied).code).toBe('forbidden');
    const reader = await make(['feedback:write', 'voice:read']);
    const res = await reader.get(`${api}/feedback/summary?kind=nps&subjectType=touchpoint&subjectId=Imported`);
    expect(res.json()).toMatchObject({ n: 1, score: 100 });
    const readOnly = await make(['voice:read']);
    expect((await readOnly.post(`${api}/feedback`, { kind: 'nps', score: 1 })).statusCode).toBe(403);
  });
});

describe('surveys', () => {
  it('one person answers a public link at most three times a day (429 with Retry-After after that)', async () => {
    const survey = (await admin.post(`${api}/surveys`, { kind: 'csat', question: 'Was the visit on time?' })).json() as {
      publicKey: string;
    };
    const link = `/c/${a.slug}/s/${survey.publicKey}`;
    for (let i = 0; i < 3; i++) expect((await portal('POST', link, undefined, form({ score: '5' }))).statusCode).toBe(200);
    const fourth = await portal('POST', link, undefined, form({ score: '1' }));
    expect(fourth.statusCode).toBe(429);
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a survey’s public link takes answers without sign-in; they count in the figures; a deactivated link is 404', async () => {
    const created = await admin.post(`${api}/surveys`, {
      kind: 'nps',
      question: 'How likely are you to recommend the repair crew?',
      subjectType: 'team',
      subjectId: a.team.id,
    });
    expect(created.statusCode, show(created)).toBe(201);
    const survey = created.json() as { id: string; publicKey: string; url: string; active: boolean };
    expect(survey.url).toBe(`http://localhost:3000/c/${a.slug}/s/${survey.publicKey}`);
    expect(survey.publicKey.length).toBeGreaterThanOrEqual(32);
    const link = `/c/${a.slug}/s/${survey.publicKey}`;

    const page = await portal('GET', link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('How likely are you to recommend the repair crew?');
    for (let s = 0; s <= 10; s++) expect(page.body).toContain(`type="radio" name="score" value="${s}"`);
    expect(page.body).toContain('Not at all likely');
    expect(page.body).toContain(a.team.name);

    const answered = await portal('POST', link, undefined, form({ score: '9', comment: 'Quick and tidy' }));
    expect(answered.statusCode, answered.body.slice(0, 500)).toBe(200);
    expect(answered.body).toContain('Thank you!');
    expect((await portal('POST', link, undefined, form({ score: '6', comment: '' }))).statusCode).toBe(200);
    const outOfRange = await portal('POST', link, undefined, form({ score: '11', comment: 'Too much' }));
    expect(outOfRange.statusCode).toBe(422);
    expect(outOfRange.body).toContain('Too much');
    expect((await portal('POST', link, undefined, form({ comment: '' }))).statusCode).toBe(422);

    expect(await summary(`kind=nps&subjectType=team&subjectId=${a.team.id}`)).toMatchObject({
      n: 2,
      score: 0,
      promoters: 1,
      detractors: 1,
    });
    const list = (await admin.get(`${api}/surveys`)).json();
    expect(list.items.find((s: { id: string }) => s.id === survey.id)).toMatchObject({ responses: 2, active: true });
    const responses = (await admin.get(`${api}/feedback?subjectType=team&subjectId=${a.team.id}`)).json();
    expect(responses.items.every((f: { source: string; surveyId: string }) => f.source === 'link' && f.surveyId === survey.id)).toBe(true);

    const off = await admin.patch(`${api}/surveys/${survey.id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false });
    expect((await portal('GET', link)).statusCode).toBe(404);
    expect((await portal('POST', link, undefined, form({ score: '10' }))).statusCode).toBe(404);
    expect((await portal('GET', `/c/${a.slug}/s/not-a-key`)).statusCode).toBe(404);
  });

  it('a member may not create surveys (voice:manage)', async () => {
    const member = await t.signIn(a.users.member.email, a.users.member.password);
    const res = await member.post(`${api}/surveys`, { kind: 'csat', question: 'Happy?' });
    expect(res.statusCode).toBe(403);
  });
});

describe('triage and answers', () => {
  it('tagging a response to a pain records it as evidence there; untagging removes it', async () => {
    const segment = (await admin.post(`${api}/segments`, { name: 'Home owners', kind: 'customer' })).json() as { id: string };
    const pain = await admin.post(`${api}/segments/${segment.id}/pains`, {
      text: 'Cracks appear after the first winter',
      severity: 4,
      frequency: 3,
    });
    expect(pain.statusCode, show(pain)).toBe(201);
    const painId = pain.json().id as string;
    const response = await post({ kind: 'csat', score: 2, comment: 'The wall cracked again', answeredAt: '2026-11-02T09:00:00Z' });

    const tagged = await admin.post(`${api}/feedback/${response.id}/triage`, { painId });
    expect(tagged.statusCode, show(tagged)).toBe(200);
    expect(tagged.json().pain).toMatchObject({ id: painId, segmentId: segment.id, segmentName: 'Home owners' });
    const evidence = (await admin.get(`${api}/evidence?subjectType=pain&subjectId=${painId}`)).json();
    expect(evidence.items).toHaveLength(1);
    expect(evidence.items[0]).toMatchObject({
      kind: 'feedback',
      text: 'CSAT 2/5: The wall cracked again',
      source: `feedback:${response.id}`,
    });
    const count = (await admin.get(`${api}/segments/${segment.id}/pains`)).json().items[0].evidenceCount;
    expect(count).toBe(1);
    expect((await admin.get(`${api}/feedback?triaged=yes`)).json().items.map((f: { id: string }) => f.id)).toContain(response.id);

    const bad = await admin.post(`${api}/feedback/${response.id}/triage`, { painId: 'no-such-pain' });
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).fields[0]?.path).toBe('painId');

    const untagged = await admin.post(`${api}/feedback/${response.id}/triage`, { painId: null });
    expect(untagged.json().pain).toBeNull();
    expect((await admin.get(`${api}/evidence?subjectType=pain&subjectId=${painId}`)).json().items).toHaveLength(0);
  });

  it('a client’s portal feedback gets a staff answer that shows in their portal and goes to the outbox', async () => {
    const cookie = await signInClient(a.slug, a.invitation.token);
    const empty = await portal('GET', `/c/${a.slug}/feedback`, cookie);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain(`value="team:${a.team.id}"`);
    expect(empty.body).toContain('You have not given feedback yet.');

    const sent = await portal(
      'POST',
      `/c/${a.slug}/feedback`,
      cookie,
      form({ kind: 'csat', subject: `team:${a.team.id}`, touchpoint: '', score: '3', comment: 'The crew came late' }),
    );
    expect(sent.statusCode, sent.body.slice(0, 500)).toBe(303);
    expect(sent.headers.location).toBe(`/c/${a.slug}/feedback?kind=csat&sent=1`);
    const mine = (await admin.get(`${api}/feedback?clientId=${a.client.id}`)).json().items as {
      id: string;
      source: string;
      comment: string;
    }[];
    expect(mine[0]).toMatchObject({ source: 'portal', comment: 'The crew came late' });

    const reply = await admin.post(`${api}/feedback/${mine[0]!.id}/reply`, { text: 'Sorry — we now call an hour before we come.' });
    expect(reply.statusCode, show(reply)).toBe(200);
    expect(reply.json()).toMatchObject({ reply: 'Sorry — we now call an hour before we come.' });

    const page = await portal('GET', `/c/${a.slug}/feedback`, cookie);
    expect(page.body).toContain('The crew came late');
    expect(page.body).toContain('Sorry — we now call an hour before we come.');
    expect(page.body).toContain(`Answer from ${a.name}`);

    const mail = await t.db.selectFrom('outbox').selectAll().where('org_id', '=', a.id).where('topic', '=', 'feedback.reply').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to_email: a.client.email, subject: `${a.name} answered your feedback`, status: 'pending' });
    expect(mail[0]!.body).toContain('Sorry — we now call an hour before we come.');
  });

  it('the portal form names a touchpoint, refuses a promise that is not public, and asks anonymous visitors to sign in', async () => {
    const anonymous = await portal('GET', `/c/${a.slug}/feedback`);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('Sign in to rate our promises');
    expect((await portal('POST', `/c/${a.slug}/feedback`, undefined, form({ kind: 'nps', score: '9' }))).statusCode).toBe(401);

    const { b } = await t.seedTwoOrgs();
    const cookie = await signInClient(b.slug, b.invitation.token);
    const ok = await portal(
      'POST',
      `/c/${b.slug}/feedback`,
      cookie,
      form({ kind: 'ces', subject: 'touchpoint', touchpoint: 'Phone line', score: '6' }),
    );
    expect(ok.statusCode).toBe(303);
    const hidden = await portal('POST', `/c/${b.slug}/feedback`, cookie, form({ kind: 'nps', subject: 'promise:no-such', score: '9' }));
    expect(hidden.statusCode).toBe(422);
    const unnamed = await portal(
      'POST',
      `/c/${b.slug}/feedback`,
      cookie,
      form({ kind: 'nps', subject: 'touchpoint', touchpoint: '', score: '9' }),
    );
    expect(unnamed.statusCode).toBe(422);
    const page = await portal('GET', `/c/${b.slug}/feedback?lang=ru`, cookie);
    expect(page.body).toContain('Phone line');
    expect(page.body).toContain('Ваши прежние отзывы');
  });

  it('an anonymous response cannot be answered: 409 naming id', async () => {
    const response = await post({ kind: 'nps', score: 3 });
    const res = await admin.post(`${api}/feedback/${response.id}/reply`, { text: 'Hello?' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).fields[0]?.path).toBe('id');
  });
});
