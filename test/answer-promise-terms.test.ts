/**
 * The answer promise states the voice settings: changing the days to answer makes a new version of
 * its terms at once, with the reason — on the staff API, in the promise's history and on the public
 * board. The team that answers changes only when a proposed team accepts (a new version then). A
 * setting it does not state (the threshold) changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/modules/clients/client.service.js';
import type { OrgContext } from '../src/modules/context.js';
import { createProposal, supportProposal } from '../src/modules/proposals/proposal.service.js';
import type { SignedInAgent } from './agent.js';
import { type OrgFixture, orgContext, unique } from './fixtures.js';
import { createTestApp, type TestApp } from './harness.js';

let t: TestApp;
let a: OrgFixture;
let admin: SignedInAgent;

async function at(now: number): Promise<OrgContext> {
  return { ...(await orgContext(t.db, a.slug, { type: 'user', id: a.users.admin.id, label: a.users.admin.email }, now)), role: 'admin' };
}

beforeAll(async () => {
  t = await createTestApp();
  ({ a } = await t.seedTwoOrgs());
  admin = await t.signIn(a.users.admin.email, a.users.admin.password);
  await t.db.updateTable('organizations').set({ locale: 'ru' }).where('id', '=', a.id).execute();
  const settings = (await admin.get(`/api/v1/orgs/${a.slug}/voice-settings`)).json();
  const { answerPromiseId: _p, updatedAt: _u, smtpConfigured: _s, ...input } = settings;
  const put = await admin.put(`/api/v1/orgs/${a.slug}/voice-settings`, {
    ...input,
    thresholdKind: 'count',
    thresholdValue: 2,
    responseDays: 10,
    answerTeamId: a.team.id,
  });
  expect(put.statusCode).toBe(200);
  // The proposed team accepts the promise (its member): from now it is its own.
  const member = await t.signIn(a.users.member.email, a.users.member.password);
  const accepted = await member.post(`/api/v1/orgs/${a.slug}/voice-settings/answer-team/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  const ctx = await at(Date.now());
  const proposal = await createProposal(ctx, { title: `Proposal ${unique()}`, body: 'Please do it' });
  for (let i = 0; i < 2; i++) {
    const client = await createClient(ctx, { name: `Client ${i} ${unique()}` });
    await supportProposal(await at(Date.now()), client.id, proposal.id);
  }
});

afterAll(async () => {
  await t?.close();
});

async function settingsInput() {
  const {
    answerPromiseId,
    updatedAt: _u,
    smtpConfigured: _s,
    ...input
  } = (await admin.get(`/api/v1/orgs/${a.slug}/voice-settings`)).json();
  return { answerPromiseId: answerPromiseId as string, input };
}

describe('the answer promise follows the voice settings', () => {
  it('10 → 1 day to answer: a new version with the reason, the board and its history say «1 дн.» at once', async () => {
    const { answerPromiseId, input } = await settingsInput();
    expect(answerPromiseId).toBeTruthy();
    // The board is computed (and cached) before the change: the change must not wait for its TTL.
    const before = await t.app.inject({ method: 'GET', url: `/c/${a.slug}/promises?lang=ru` });
    expect(before.body).toContain('в течение 10 дней');

    expect((await admin.put(`/api/v1/orgs/${a.slug}/voice-settings`, { ...input, responseDays: 1 })).statusCode).toBe(200);

    const promise = (await admin.get(`/api/v1/orgs/${a.slug}/promises/${answerPromiseId}`)).json();
    expect(promise.title).toBe('Отвечаем на предложения клиентов, набравшие порог поддержки, в течение 1 дня');
    const versions = (await admin.get(`/api/v1/orgs/${a.slug}/promises/${answerPromiseId}/versions`)).json();
    const list = versions.items ?? versions;
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({
      version: 2,
      reason: 'В настройках голоса клиентов срок ответа на предложение изменён с 10 на 1 дн.',
      promiserTeamId: a.team.id,
    });
    expect(list[1].statement).toContain('в течение 1 дня');
    expect(list[1].statement).not.toContain('10 дней');

    const board = await t.app.inject({ method: 'GET', url: `/c/${a.slug}/promises?lang=ru` });
    expect(board.body).toContain('в течение 1 дня');
    expect(board.body).not.toContain('в течение 10 дней');
    const history = await t.app.inject({ method: 'GET', url: `/c/${a.slug}/promises/${answerPromiseId}?lang=ru` });
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('срок ответа на предложение изменён с 10 на 1 дн.');

    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', a.id)
      .where('entity_id', '=', answerPromiseId)
      .execute();
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['promise.version_created', 'promise.updated']));
  });

  it('days change at once; another team proposed takes the promise only when it accepts; the threshold alone changes nothing', async () => {
    const { answerPromiseId, input } = await settingsInput();
    await admin.put(`/api/v1/orgs/${a.slug}/voice-settings`, { ...input, responseDays: 5, answerTeamId: a.otherTeam.id });
    const versions = async () => {
      const list = (await admin.get(`/api/v1/orgs/${a.slug}/promises/${answerPromiseId}/versions`)).json();
      return (list.items ?? list) as { promiserTeamId: string; reason: string }[];
    };
    let list = await versions();
    expect(list).toHaveLength(3);
    // Proposed, not accepted: still the first team's.
    expect(list[2]?.promiserTeamId).toBe(a.team.id);
    expect(list[2]?.reason).toContain('с 1 на 5 дн.');
    const settings = (await admin.get(`/api/v1/orgs/${a.slug}/voice-settings`)).json();
    expect(settings).toMatchObject({ answerTeamId: a.otherTeam.id, answerTeamAcceptedAt: null, answerPromiseId });

    // The other team's one member (the council person) accepts for it.
    const council = await t.signIn(a.users.council.email, a.users.council.password);
    const accepted = await council.post(`/api/v1/orgs/${a.slug}/voice-settings/answer-team/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    list = await versions();
    expect(list).toHaveLength(4);
    expect(list[3]?.promiserTeamId).toBe(a.otherTeam.id);
    expect(list[3]?.reason).toContain('Другая команда приняла');

    const same = (await settingsInput()).input;
    await admin.put(`/api/v1/orgs/${a.slug}/voice-settings`, { ...same, thresholdValue: 7 });
    expect(await versions()).toHaveLength(4);
  });
});
