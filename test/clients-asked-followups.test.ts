/**
 * Follow-ups to clients' influence binds (issue 17, part 1): the portal home counts and links the open
 * decisions asking the client's advice that they have not answered; clients of asked segments with a
 * confirmed e-mail get one e-mail per decision through the outbox; the portal poll list marks polls
 * closed without their quorum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, inviteClient } from '../src/modules/clients/client.service.js';
import type { OrgContext } from '../src/modules/context.js';
import { castPollBallot } from '../src/modules/polls/ballot.service.js';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.context.js';
import type { SignedInAgent } from './agent.js';
import { created } from './expect-api.js';
import { orgContext, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let member: SignedInAgent;
let rightId: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const HOUR = 3_600_000;
const twoOptions = [
  { title: 'Open on Saturdays', description: '' },
  { title: 'Open late on Thursdays', description: '' },
];
const tomorrow = () => new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10);

async function adminCtx(): Promise<OrgContext> {
  const person = orgs.a.users.admin;
  return { ...(await orgContext(t.db, orgs.a.slug, { type: 'user', id: person.id, label: person.email })), role: 'admin' };
}

async function newSegment(name: string): Promise<string> {
  return (await created(await admin.post(`${A()}/segments`, { name: `${name} ${unique()}`, kind: 'customer' }))).id;
}

/** A client in these segments; with `email`, an address, confirmed unless `confirmed` is false. */
async function newClient(name: string, segmentIds: string[], opts: { email?: boolean; confirmed?: boolean } = {}) {
  const tag = unique();
  const email = opts.email ? `client-${tag}@example.com`.toLowerCase() : null;
  const client = await createClient(await adminCtx(), { name: `${name} ${tag}`, email });
  if (email && opts.confirmed !== false)
    await t.db.updateTable('clients').set({ email_confirmed_at: Date.now() }).where('id', '=', client.id).execute();
  for (const id of segmentIds)
    await t.db
      .insertInto('client_segments')
      .values({ org_id: orgs.a.id, client_id: client.id, segment_id: id, created_at: Date.now() })
      .execute();
  return { ...client, email };
}

async function signInClient(clientId: string): Promise<string> {
  const invitation = await inviteClient(await adminCtx(), clientId, 14, t.config.publicUrl);
  const res = await t.app.inject({ method: 'POST', url: `/c/${orgs.a.slug}/invite/${invitation.token}` });
  const cookie = res.cookies.find((c) => c.name === CLIENT_COOKIE);
  if (!cookie) throw new Error(`no portal cookie: ${show(res)}`);
  return cookie.value;
}

const visit = (url: string, cookie: string, lang: 'en' | 'ru' = 'en') =>
  t.app.inject({ method: 'GET', url, cookies: { [CLIENT_COOKIE]: cookie, cc_lang: lang } });

async function newDecision(body: Record<string, unknown>) {
  return created(
    await member.post(`${A()}/decisions`, {
      title: `Opening hours ${unique()}`,
      teamId: orgs.a.team.id,
      rightId,
      options: twoOptions,
      ...body,
    }),
  );
}

/** The e-mails about decisions asking advice, to these addresses. */
async function adviceMails(to: (string | null)[]) {
  const addresses = to.filter((a): a is string => a !== null);
  return t.db
    .selectFrom('outbox')
    .selectAll()
    .where('topic', '=', 'decision.advice_asked')
    .where('to_email', 'in', addresses)
    .orderBy('to_email')
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  const council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  rightId = (await created(await council.post(`${A()}/rights`, { name: `Opening hours ${unique()}`, description: '' }))).id;
  await created(
    await council.post(`${A()}/grants`, {
      rightId,
      holderType: 'team',
      holderId: orgs.a.team.id,
      limits: { spendingCap: null },
      reason: 'pilot',
    }),
  );
});
afterAll(() => t?.close());

describe('the portal home counts the decisions asking the client’s advice', () => {
  it('counts and links the open ones the client has not answered, in en and ru; none, no card', async () => {
    const segment = await newSegment('Parents');
    const asking = { adviceFromSegmentIds: [segment], adviceDeadline: tomorrow() };
    const first = await newDecision(asking);
    const second = await newDecision(asking);
    const answered = await newDecision(asking);
    const touchingOnly = await newDecision({ touchesSegmentIds: [segment] });
    const withdrawn = await newDecision(asking);
    expect((await member.post(`${A()}/decisions/${withdrawn.id}/withdraw`, { reason: 'merged into another' })).statusCode).toBe(200);
    const client = await newClient('Parent', [segment]);
    const cookie = await signInClient(client.id);
    const advised = await t.app.inject({
      method: 'POST',
      url: `/c/${orgs.a.slug}/decisions/${answered.id}/advice`,
      payload: 'advice=Saturdays+please',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      cookies: { [CLIENT_COOKIE]: cookie, cc_lang: 'en' },
      remoteAddress: '10.9.2.1',
    });
    expect(advised.statusCode, show(advised)).toBe(303);

    const home = await visit(`/c/${orgs.a.slug}`, cookie);
    expect(home.statusCode, show(home)).toBe(200);
    expect(home.body).toContain('2 decisions ask your advice');
    expect(home.body).not.toContain('<script');
    for (const d of [first, second]) expect(home.body).toContain(`href="/c/${orgs.a.slug}/decisions/${d.id}"`);
    for (const d of [answered, touchingOnly, withdrawn]) expect(home.body).not.toContain(`/decisions/${d.id}"`);
    const ru = await visit(`/c/${orgs.a.slug}`, cookie, 'ru');
    expect(ru.body).toContain('2 решения ждут вашего совета');

    const outsider = await signInClient((await newClient('Outsider', [await newSegment('Others')])).id);
    const quiet = await visit(`/c/${orgs.a.slug}`, outsider);
    expect(quiet.statusCode).toBe(200);
    expect(quiet.body).not.toContain('id="decisions-asking"');
  });
});

describe('clients asked for advice get one e-mail', () => {
  it('on create: each client of the asked segments with a confirmed e-mail, once, with the portal link', async () => {
    const parents = await newSegment('Parents');
    const drivers = await newSegment('Drivers');
    const confirmed = await newClient('Confirmed', [parents], { email: true });
    const inBoth = await newClient('In both', [parents, drivers], { email: true });
    const unconfirmed = await newClient('Unconfirmed', [parents], { email: true, confirmed: false });
    await newClient('No address', [parents]);
    const driver = await newClient('Driver', [drivers], { email: true });
    const everyone = [confirmed.email, inBoth.email, unconfirmed.email, driver.email];

    const decision = await newDecision({ adviceFromSegmentIds: [parents, drivers], adviceDeadline: tomorrow() });
    const mails = await adviceMails(everyone);
    expect(mails.map((m) => m.to_email).sort()).toEqual([confirmed.email, driver.email, inBoth.email].sort());
    const mail = mails.find((m) => m.to_email === confirmed.email);
    expect(mail?.subject).toContain(decision.title);
    expect(mail?.body).toContain(`${t.config.publicUrl}/c/${orgs.a.slug}/decisions/${decision.id}`);
    expect(mail?.body).toContain(`Hello, ${confirmed.name}!`);
    expect(mail?.status).toBe('pending');

    // A decision that only touches them, without asking, sends nothing.
    await newDecision({ touchesSegmentIds: [parents, drivers] });
    expect(await adviceMails(everyone)).toHaveLength(3);
  });

  it('on PATCH: only newly asked clients, never twice (a segment removed and added back sends nothing)', async () => {
    const parents = await newSegment('Parents');
    const drivers = await newSegment('Drivers');
    const parent = await newClient('Parent', [parents], { email: true });
    const inBoth = await newClient('In both', [parents, drivers], { email: true });
    const driver = await newClient('Driver', [drivers], { email: true });
    const everyone = [parent.email, inBoth.email, driver.email];
    const decision = await newDecision({ touchesSegmentIds: [parents] });
    expect(await adviceMails(everyone)).toHaveLength(0);

    const patch = (body: Record<string, unknown>) => member.patch(`${A()}/decisions/${decision.id}`, body);
    expect((await patch({ adviceFromSegmentIds: [parents], adviceDeadline: tomorrow() })).statusCode).toBe(200);
    expect((await adviceMails(everyone)).map((m) => m.to_email).sort()).toEqual([parent.email, inBoth.email].sort());

    expect((await patch({ adviceFromSegmentIds: [parents, drivers] })).statusCode).toBe(200);
    expect((await adviceMails(everyone)).map((m) => m.to_email).sort()).toEqual([parent.email, inBoth.email, driver.email].sort());

    expect((await patch({ adviceFromSegmentIds: [drivers] })).statusCode).toBe(200);
    expect((await patch({ adviceFromSegmentIds: [parents, drivers] })).statusCode).toBe(200);
    expect((await patch({ title: 'Opening hours, revised' })).statusCode).toBe(200);
    expect(await adviceMails(everyone)).toHaveLength(3);
  });

  it('goes with the decision’s write: a refused change sends nothing; the text is in the organization’s language', async () => {
    const segment = await newSegment('Retirees');
    const client = await newClient('Retiree', [segment], { email: true });
    // No advice deadline: 422, and no e-mail either.
    expect(
      (
        await member.post(`${A()}/decisions`, {
          title: 'x',
          teamId: orgs.a.team.id,
          rightId,
          options: twoOptions,
          adviceFromSegmentIds: [segment],
        })
      ).statusCode,
    ).toBe(422);
    expect(await adviceMails([client.email])).toHaveLength(0);

    await t.db.updateTable('organizations').set({ locale: 'ru' }).where('id', '=', orgs.a.id).execute();
    try {
      await newDecision({ adviceFromSegmentIds: [segment], adviceDeadline: tomorrow() });
    } finally {
      await t.db.updateTable('organizations').set({ locale: 'en' }).where('id', '=', orgs.a.id).execute();
    }
    const [mail] = await adviceMails([client.email]);
    expect(mail?.subject).toContain('просит вашего совета');
    expect(mail?.body).toContain(`Здравствуйте, ${client.name}!`);
  });
});

describe('the portal poll list', () => {
  it('marks a poll closed without its quorum, and not one closed with it', async () => {
    const segment = await newSegment('Voters');
    const decision = await newDecision({});
    const newPoll = async (question: string, quorum: number) =>
      created(
        await member.post(`${A()}/decisions/${decision.id}/polls`, {
          kind: 'single',
          question,
          segmentIds: [segment],
          closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
          quorum,
        }),
      );
    const short = await newPoll(`Short of quorum ${unique()}`, 3);
    const met = await newPoll(`Quorum met ${unique()}`, 1);
    const voter = await newClient('Voter', [segment]);
    await castPollBallot(await adminCtx(), short.id, voter.id, { option: 0 });
    await castPollBallot(await adminCtx(), met.id, voter.id, { option: 0 });
    await t.db
      .updateTable('polls')
      .set({ closes_at: Date.now() - 1 })
      .where('id', 'in', [short.id, met.id])
      .execute();

    const list = await visit(`/c/${orgs.a.slug}/polls`, await signInClient(voter.id));
    expect(list.statusCode, show(list)).toBe(200);
    const item = (question: string) => list.body.split('<li>').find((li) => li.includes(question)) ?? '';
    expect(item(short.question)).toContain('Closed without its quorum: the result does not count.');
    expect(item(met.question)).not.toContain('Closed without its quorum');
  });
});
