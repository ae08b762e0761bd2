/** Clients: search that means the same on both databases, uniqueness, paging, and deletion with its links. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.routes.js';
import type { SignedInAgent } from './agent.js';
import type { OrgFixture } from './fixtures.js';
import { createTestApp, errorOf, type TestApp } from './harness.js';

let t: TestApp;
let a: OrgFixture;
let admin: SignedInAgent;
let base: string;

const NAMES = ['Discount 50% Ltd', 'Plain 500 Ltd', 'Under_score Cafe', 'UnderXscore Cafe', 'Back\\slash & Co', 'Ольга Иванова'];

beforeAll(async () => {
  t = await createTestApp();
  ({ a } = await t.seedTwoOrgs());
  admin = await t.signIn(a.users.admin.email, a.users.admin.password);
  base = `/api/v1/orgs/${a.slug}/clients`;
  for (const [i, name] of NAMES.entries()) {
    const res = await admin.post(base, { name, email: `search${i}@example.test`, externalId: `S-${i}` });
    expect(res.statusCode).toBe(201);
  }
});

afterAll(async () => {
  await t?.close();
});

async function search(q: string): Promise<string[]> {
  const res = await admin.get(`${base}?q=${encodeURIComponent(q)}`);
  expect(res.statusCode).toBe(200);
  return res.json().items.map((c: { name: string }) => c.name);
}

describe('client search', () => {
  it.each([
    ['50%', ['Discount 50% Ltd']],
    ['under_', ['Under_score Cafe']],
    ['_', ['Under_score Cafe']],
    ['\\', ['Back\\slash & Co']],
    ['LTD', ['Discount 50% Ltd', 'Plain 500 Ltd']],
    ['SEARCH3@', ['UnderXscore Cafe']],
    ['S-4', ['Back\\slash & Co']],
    // Case-insensitive beyond ASCII: Russian-speaking organizations search Cyrillic names.
    ['иванова', ['Ольга Иванова']],
    ['ОЛЬГА', ['Ольга Иванова']],
    ['S-', []],
    ['nothing like it', []],
  ])('q=%j finds %j, with % _ and \\ taken literally, in any letter case', async (q, names) => {
    expect(await search(q)).toEqual(names);
  });
});

describe('clients', () => {
  it('refuses a second client with the same e-mail or external id (409 naming the field)', async () => {
    const email = await admin.post(base, { name: 'Twin', email: 'SEARCH0@example.test' });
    expect(email.statusCode).toBe(409);
    expect(errorOf(email).fields.map((f) => f.path)).toEqual(['email']);
    const external = await admin.post(base, { name: 'Twin', externalId: 'S-1' });
    expect(errorOf(external).fields.map((f) => f.path)).toEqual(['externalId']);
    const first = (await admin.get(`${base}?q=S-2`)).json().items[0];
    const update = await admin.patch(`${base}/${first.id}`, { email: 'search5@example.test' });
    expect(update.statusCode).toBe(409);
  });

  it('pages through every client exactly once, oldest first', async () => {
    const all = (await admin.get(`${base}?limit=200`)).json().items.map((c: { id: string }) => c.id);
    expect(all).toHaveLength(NAMES.length + 1);
    const seen: string[] = [];
    let url = `${base}?limit=3`;
    for (;;) {
      const page = (await admin.get(url)).json();
      seen.push(...page.items.map((c: { id: string }) => c.id));
      if (!page.nextCursor) break;
      url = `${base}?limit=3&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(all);
  });

  it('deleting a client ends their portal session and invalidates their links', async () => {
    const client = (await admin.post(base, { name: 'Leaving Client' })).json();
    const first = (await admin.post(`${base}/${client.id}/invitations`, {})).json();
    const second = (await admin.post(`${base}/${client.id}/invitations`, {})).json();
    const redeemed = await t.app.inject({ method: 'POST', url: `/c/${a.slug}/invite/${first.token}` });
    const cookie = redeemed.cookies.find((c) => c.name === CLIENT_COOKIE)!.value;

    expect((await admin.delete(`${base}/${client.id}`)).statusCode).toBe(204);
    const page = await t.app.inject({
      method: 'GET',
      url: `/c/${a.slug}`,
      cookies: { [CLIENT_COOKIE]: cookie },
      headers: { 'accept-language': 'en' },
    });
    expect(page.body).not.toContain('Leaving Client');
    expect((await t.app.inject({ method: 'GET', url: `/c/${a.slug}/invite/${second.token}` })).statusCode).toBe(404);
    expect((await admin.get(`${base}/${client.id}`)).statusCode).toBe(404);
  });
});
