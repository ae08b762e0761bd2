/**
 * Helpers of the portal sweep: an organization's portal content with texts no other tenant has, its
 * client signed in, a form sample per portal form, and requests sent as a browser on the portal would.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.routes.js';
import { created } from './expect-api.js';
import { type OrgFixture, orgContext, unique } from './fixtures.js';
import { type Response, show, type TestApp } from './harness.js';
import { fillReserve } from './reserve-fixture.js';

const DAY = 24 * 3600 * 1000;

export interface PortalSeed {
  /**
   * Values of portal path parameters by the resource a path names (`resourceOf`): a proposal, a poll,
   * a reserve round, a promise, `key` a survey's public key, `invite` an invitation token not used yet.
   */
  params: Record<string, string>;
  /** Ids the portal's forms carry: a segment, a team, a promise, a reserve project. */
  formIds: Record<string, string>;
  /** Texts only this organization has, on its public pages (titles, questions). */
  publicTexts: string[];
  /** Texts only its signed-in client sees: their name, their feedback. */
  privateTexts: string[];
  /** The portal cookie of its client, signed in by invitation. */
  cookie: string;
}

/** The form a browser posts to each portal page, from the ids the page's organization has. */
export const PORTAL_FORMS: Record<string, (ids: Record<string, string>) => Record<string, string | string[]>> = {
  'POST /c/{org}/invite/{token}': () => ({}),
  'POST /c/{org}/logout': () => ({}),
  'POST /c/{org}/sign-in': () => ({ email: `someone.${unique()}@example.test` }),
  'POST /c/{org}/register': () => ({ name: `Registrant ${unique()}`, email: `registrant.${unique()}@example.test` }),
  'POST /c/{org}/confirm-email': () => ({}),
  'POST /c/{org}/s/{key}': () => ({ score: '4', comment: `Answer ${unique()}` }),
  'POST /c/{org}/feedback': (ids) => ({ kind: 'nps', score: '9', comment: `Feedback ${unique()}`, subject: `team:${ids.team}` }),
  'POST /c/{org}/proposals/new': (ids) => ({ title: `Proposal ${unique()}`, body: 'Open on Saturdays', segmentId: ids.segment! }),
  'POST /c/{org}/proposals/{proposalId}/support': () => ({}),
  'POST /c/{org}/proposals/{proposalId}/withdraw': () => ({}),
  'POST /c/{org}/proposals/{proposalId}/report': () => ({ reason: 'spam' }),
  'POST /c/{org}/polls/{pollId}/ballot': () => ({ option: '0' }),
  'POST /c/{org}/decisions/{decisionId}/advice': () => ({ advice: `Advice ${unique()}`, preferredOption: '1' }),
  'POST /c/{org}/participation-rounds/{participationRoundId}/ballot': (ids) => ({ projectIds: [ids.project!] }),
};

/** Query strings of portal pages whose query carries ids (a page reached with other ids in it). */
export const PORTAL_QUERIES: Record<string, (ids: Record<string, string>) => Record<string, string>> = {
  'GET /c/{org}/feedback': (ids) => ({ subject: `promise:${ids.promise}` }),
  'GET /c/{org}/promises': (ids) => ({ segment: ids.segment! }),
};

/** The harness's public URL: the Origin the portal's own forms are posted from. */
const PORTAL_ORIGIN = 'http://localhost:3000';

/** A request as a browser on the portal sends it: its own Origin, a form body, the portal cookie if any. */
export function portalRequest(
  app: FastifyInstance,
  options: { method: 'GET' | 'POST'; url: string; cookie?: string; form?: Record<string, string | string[]>; ip: string },
): Promise<Response> {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(options.form ?? {})) for (const one of [value].flat()) form.append(key, one);
  return app.inject({
    method: options.method,
    url: options.url,
    remoteAddress: options.ip,
    cookies: options.cookie ? { [CLIENT_COOKIE]: options.cookie } : {},
    headers: {
      'accept-language': 'en',
      ...(options.method === 'POST' && { origin: PORTAL_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }),
    },
    ...(options.method === 'POST' && { payload: form.toString() }),
  });
}

/**
 * Fills an organization's portal through the API, each title carrying a tag no other tenant has: a
 * segment with the fixture client in it, a proposal, a poll on a decision, a survey, a published
 * promise, an open reserve round with a project; signs the client in by invitation and gives
 * feedback as them; and keeps a second invitation unused.
 */
export async function seedPortal(t: TestApp, org: OrgFixture): Promise<PortalSeed> {
  const admin = await t.signIn(org.users.admin.email, org.users.admin.password);
  const base = `/api/v1/orgs/${org.slug}`;
  const tag = unique();
  const mark = (what: string) => `${what} ${tag}`;
  const now = Date.now();
  const team = org.team.id;
  const segment = await created(await admin.post(`${base}/segments`, { name: mark('Segment'), kind: 'customer' }));
  expect((await admin.patch(`${base}/clients/${org.client.id}`, { segmentIds: [segment.id] })).statusCode).toBe(200);
  const settings = await admin.put(`${base}/voice-settings`, {
    allowRegistration: true,
    requireConfirmedEmail: false,
    thresholdKind: 'count',
    thresholdValue: 10,
    responseDays: 14,
    answerTeamId: team,
    hideAfterReports: 3,
  });
  expect(settings.statusCode, show(settings)).toBe(200);
  const right = await created(await admin.post(`${base}/rights`, { name: mark('Right'), description: '' }));
  await created(await admin.post(`${base}/grants`, { rightId: right.id, holderType: 'team', holderId: team, limits: {} }));
  // The team's capability: with the right granted above, what its client promise declares so that it publishes.
  const capability = await created(
    await admin.post(`${base}/teams/${team}/capabilities`, { name: mark('Capability'), override: { reason: 'the sweep backs the team' } }),
  );
  const options = [
    { title: mark('Option yes'), description: '' },
    { title: mark('Option no'), description: '' },
  ];
  const decision = await created(
    // It asks the client's segment for advice on the portal (issue 17), as well as polling it.
    await admin.post(`${base}/decisions`, {
      title: mark('Decision'),
      teamId: team,
      rightId: right.id,
      options,
      adviceFromSegmentIds: [segment.id],
      adviceDeadline: new Date(now + 7 * DAY).toISOString().slice(0, 10),
    }),
  );
  const poll = await created(
    await admin.post(`${base}/decisions/${decision.id}/polls`, {
      kind: 'single',
      question: mark('Poll question'),
      segmentIds: [segment.id],
      closesAt: new Date(now + 7 * DAY).toISOString(),
    }),
  );
  const proposal = await created(await admin.post(`${base}/proposals`, { title: mark('Proposal'), body: mark('Proposal body') }));
  const survey = await created(
    await admin.post(`${base}/surveys`, { kind: 'csat', question: mark('Survey question'), subjectType: 'team', subjectId: team }),
  );
  const promise = await created(
    await admin.post(`${base}/promises`, {
      title: mark('Promise'),
      statement: mark('Promise statement'),
      kind: 'client',
      promiserTeamId: team,
      promiseeSegmentId: segment.id,
      metric: { kind: 'ratio' },
      target: 0.95,
      window: { kind: 'rolling', days: 30 },
      requiredCapabilityIds: [capability.id],
      requiredRightIds: [right.id],
      override: { reason: 'the sweep promises for the team' },
    }),
  );
  const publishing = await admin.post(`${base}/promises/${promise.id}/publish`, {
    override: { reason: 'the sweep publishes for the team' },
  });
  expect(publishing.statusCode, show(publishing)).toBe(200);
  const ctx = await orgContext(t.db, org.slug, { type: 'user', id: org.users.admin.id, label: org.users.admin.email });
  await fillReserve({ ...ctx, role: 'admin' }, '2000-12', 1_000_000);
  const round = await created(
    await admin.post(`${base}/reserve-rounds`, {
      title: mark('Round'),
      description: mark('Round description'),
      budgetMinor: 1_000,
      method: 'mes',
      segmentIds: [],
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + 7 * DAY).toISOString(),
    }),
  );
  const project = await created(
    await admin.post(`${base}/reserve-rounds/${round.id}/projects`, { title: mark('Project'), costMinor: 500 }),
  );
  const opened = await admin.post(`${base}/reserve-rounds/${round.id}/open`);
  expect(opened.statusCode, show(opened)).toBe(200);
  const spare = await created(await admin.post(`${base}/clients/${org.client.id}/invitations`, { expiresInDays: 14 }));

  const signIn = await portalRequest(t.app, { method: 'POST', url: `/c/${org.slug}/invite/${org.invitation.token}`, ip: '192.0.2.1' });
  const cookie = signIn.cookies.find((c) => c.name === CLIENT_COOKIE)?.value;
  expect(cookie, show(signIn)).toBeTruthy();
  const comment = mark('Feedback comment');
  const feedback = await portalRequest(t.app, {
    method: 'POST',
    url: `/c/${org.slug}/feedback`,
    cookie,
    ip: '192.0.2.1',
    form: { kind: 'nps', score: '9', comment, subject: `team:${team}` },
  });
  expect(feedback.statusCode, show(feedback)).toBe(303);
  return {
    params: {
      proposal: proposal.id,
      poll: poll.id,
      decision: decision.id,
      'participation-round': round.id,
      promise: promise.id,
      key: survey.publicKey,
      invite: spare.token,
    },
    formIds: { segment: segment.id, team, promise: promise.id, project: project.id },
    publicTexts: [
      segment.name,
      decision.title,
      poll.question,
      proposal.title,
      proposal.body,
      survey.question,
      promise.title,
      round.title,
      project.title,
      ...options.map((o) => o.title),
    ],
    privateTexts: [org.client.name, comment],
    cookie: cookie as string,
  };
}
