/** Client invitations and the client portal: a link signs a client in once, in its own organization only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, inviteClient } from '../src/modules/clients/client.service.js';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.routes.js';
import type { SignedInAgent } from './agent.js';
import { orgContext, type TwoOrgs } from './fixtures.js';
import { createTestApp, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
});

afterAll(async () => {
  await t?.close();
});

function visit(url: string, clientCookie?: string, language = 'en') {
  return t.app.inject({
    method: 'GET',
    url,
    headers: { 'accept-language': language },
    cookies: clientCookie ? { [CLIENT_COOKIE]: clientCookie } : {},
  });
}

/** Follows an invitation link and presses its sign-in button; returns the answer and the portal cookie it set. */
async function redeem(slug: string, token: string) {
  const page = await visit(`/c/${slug}/invite/${token}`);
  if (page.statusCode !== 200) return { res: page, cookie: page.cookies.find((c) => c.name === CLIENT_COOKIE) };
  expect(page.body).toContain(`action="/c/${slug}/invite/${token}"`);
  const res = await t.app.inject({ method: 'POST', url: `/c/${slug}/invite/${token}`, headers: { 'accept-language': 'en' } });
  return { res, cookie: res.cookies.find((c) => c.name === CLIENT_COOKIE) };
}

async function invite(clientId: string, expiresInDays = 14) {
  const res = await admin.post(`/api/v1/orgs/${orgs.a.slug}/clients/${clientId}/invitations`, { expiresInDays });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string; url: string; status: string };
}

async function newClient(name: string) {
  const res = await admin.post(`/api/v1/orgs/${orgs.a.slug}/clients`, { name });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; name: string };
}

describe('client invitations', () => {
  it('an invitation link signs the client in once and the portal greets them by name', async () => {
    const client = await newClient('Vera Lukina');
    const invitation = await invite(client.id);
    expect(invitation.url).toBe(`http://localhost:3000/c/${orgs.a.slug}/invite/${invitation.token}`);

    const { res, cookie } = await redeem(orgs.a.slug, invitation.token);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/c/${orgs.a.slug}`);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: `/c/${orgs.a.slug}` });

    const page = await visit(`/c/${orgs.a.slug}`, cookie!.value);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Welcome, Vera Lukina');
    expect((await visit(`/c/${orgs.a.slug}?lang=ru`, cookie!.value)).body).toContain('Здравствуйте, Vera Lukina');

    const list = await admin.get(`/api/v1/orgs/${orgs.a.slug}/clients/${client.id}/invitations`);
    expect(list.json().items.map((i: { status: string }) => i.status)).toEqual(['used']);
    const again = await redeem(orgs.a.slug, invitation.token);
    expect(again.res.statusCode).toBe(404);
    expect(again.res.body).toContain('This invitation link is not valid');
    expect(again.cookie).toBeUndefined();
  });

  it('a HEAD request, as link checkers send, does not use the link up', async () => {
    const client = await newClient('Checked Link');
    const invitation = await invite(client.id);
    const head = await t.app.inject({ method: 'HEAD', url: `/c/${orgs.a.slug}/invite/${invitation.token}` });
    expect(head.statusCode).toBeLessThan(400);
    expect(head.cookies.find((c) => c.name === CLIENT_COOKIE)).toBeUndefined();
    const { res, cookie } = await redeem(orgs.a.slug, invitation.token);
    expect(res.statusCode).toBe(303);
    expect(cookie).toBeDefined();
  });

  it('opening the link (as a mail scanner would) shows a confirm page and does not use it up', async () => {
    const client = await newClient('Scanned Link');
    const invitation = await invite(client.id);
    for (let i = 0; i < 3; i += 1) {
      const page = await visit(`/c/${orgs.a.slug}/invite/${invitation.token}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Sign in as Scanned Link?');
      expect(page.cookies.find((c) => c.name === CLIENT_COOKIE)).toBeUndefined();
    }
    const { res, cookie } = await redeem(orgs.a.slug, invitation.token);
    expect(res.statusCode).toBe(303);
    expect(cookie).toBeDefined();
  });

  it('an expired link fails', async () => {
    const client = await newClient('Expired Client');
    const actor = { type: 'user' as const, id: orgs.a.users.admin.id, label: orgs.a.users.admin.email };
    const twoDaysAgo = Date.now() - 2 * 24 * 3600 * 1000;
    const invitation = await inviteClient(await orgContext(t.db, orgs.a.slug, actor, twoDaysAgo), client.id, 1, t.config.publicUrl);
    const { res, cookie } = await redeem(orgs.a.slug, invitation.token);
    expect(res.statusCode).toBe(404);
    expect(cookie).toBeUndefined();
    const list = await admin.get(`/api/v1/orgs/${orgs.a.slug}/clients/${client.id}/invitations`);
    expect(list.json().items.map((i: { status: string }) => i.status)).toEqual(['expired']);
  });

  it('a revoked link fails; a used link cannot be revoked', async () => {
    const client = await newClient('Revoked Client');
    const invitation = await invite(client.id);
    expect((await admin.delete(`/api/v1/orgs/${orgs.a.slug}/clients/${client.id}/invitations/${invitation.id}`)).statusCode).toBe(204);
    const { res, cookie } = await redeem(orgs.a.slug, invitation.token);
    expect(res.statusCode).toBe(404);
    expect(cookie).toBeUndefined();

    const used = await invite(client.id);
    expect((await redeem(orgs.a.slug, used.token)).res.statusCode).toBe(303);
    expect((await admin.delete(`/api/v1/orgs/${orgs.a.slug}/clients/${client.id}/invitations/${used.id}`)).statusCode).toBe(409);
  });

  it('a link of organization A does not work on B’s portal, and stays usable on A’s', async () => {
    const { res, cookie } = await redeem(orgs.b.slug, orgs.a.invitation.token);
    expect(res.statusCode).toBe(404);
    expect(cookie).toBeUndefined();
    expect((await redeem(orgs.a.slug, orgs.a.invitation.token)).res.statusCode).toBe(303);
  });

  it('a link to an organization that does not exist is 404', async () => {
    expect((await visit('/c/no-such-org/invite/whatever')).statusCode).toBe(404);
    expect((await visit('/c/no-such-org')).statusCode).toBe(404);
  });
});

describe('client portal sessions', () => {
  it('a client session of A does not greet on B’s portal', async () => {
    const invitation = await invite(orgs.a.client.id);
    const { cookie } = await redeem(orgs.a.slug, invitation.token);
    expect((await visit(`/c/${orgs.a.slug}`, cookie!.value)).body).toContain(`Welcome, ${orgs.a.client.name}`);
    const onB = await visit(`/c/${orgs.b.slug}`, cookie!.value);
    expect(onB.statusCode).toBe(200);
    expect(onB.body).not.toContain('Welcome,');
    expect(onB.body).not.toContain(orgs.a.client.name);
    expect(onB.body).toContain('Sign in with the invitation link you received');
  });

  it('signing out of the portal ends the client session', async () => {
    const invitation = await invite(orgs.a.client.id);
    const { cookie } = await redeem(orgs.a.slug, invitation.token);
    const out = await t.app.inject({ method: 'POST', url: `/c/${orgs.a.slug}/logout`, cookies: { [CLIENT_COOKIE]: cookie!.value } });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe(`/c/${orgs.a.slug}?signedOut=1`);
    const page = await visit(`/c/${orgs.a.slug}`, cookie!.value);
    expect(page.body).not.toContain('Welcome,');
  });

  it('escapes the client’s name: a name that is HTML shows as text', async () => {
    const ctx = await orgContext(t.db, orgs.a.slug, { type: 'system', id: null, label: 'test' });
    const client = await createClient(ctx, { name: '<script>alert("x")</script>' });
    const invitation = await inviteClient(ctx, client.id, 1, t.config.publicUrl);
    const { cookie } = await redeem(orgs.a.slug, invitation.token);
    const page = await visit(`/c/${orgs.a.slug}`, cookie!.value);
    expect(page.body).toContain('Welcome, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page.body).not.toContain('<script>alert');
  });

  it('records each sign-in by link in the audit log, with the client as the actor', async () => {
    const client = await newClient('Audited Client');
    const invitation = await invite(client.id);
    await redeem(orgs.a.slug, invitation.token);
    const res = await admin.get(`/api/v1/orgs/${orgs.a.slug}/audit?action=client.signed_in&entityId=${client.id}`);
    expect(res.json().items.map((e: { actor: unknown; after: unknown }) => [e.actor, e.after])).toEqual([
      [
        { type: 'client', id: client.id, label: 'Audited Client' },
        { invitationId: invitation.id, purpose: 'invite', emailConfirmed: false },
      ],
    ]);
  });
});
