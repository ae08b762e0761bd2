/**
 * Where a person lands after sign-in: the account keeps the
 * organization its person opened last, on any browser; only one of their own organizations can be
 * recorded, and a stranger's slug is refused without saying whether it exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError } from './expect-api.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type SignedInAgent, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
});
afterAll(() => t?.close());

type MeOrg = { slug: string; lastUsedAt: string | null };
const lastUsed = async (agent: SignedInAgent) =>
  Object.fromEntries(((await agent.get('/api/v1/auth/me')).json().organizations as MeOrg[]).map((o) => [o.slug, o.lastUsedAt]));

describe('the organization a person used last', () => {
  it('is recorded on the account and read back on the next sign-in, on another browser', async () => {
    const second = `second-${unique()}`.toLowerCase();
    const made = await admin.post('/api/v1/orgs', {
      slug: second,
      name: 'Second organization',
      kind: 'business',
      locale: 'en',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
    });
    expect(made.statusCode, show(made)).toBe(201);
    expect(await lastUsed(admin)).toEqual({ [orgs.a.slug]: null, [second]: null });

    const before = Date.now();
    expect((await admin.patch('/api/v1/auth/me', { lastOrg: orgs.a.slug })).statusCode).toBe(200);
    const first = await lastUsed(admin);
    expect(Date.parse(first[orgs.a.slug] as string)).toBeGreaterThanOrEqual(before);
    expect(first[second]).toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await admin.patch('/api/v1/auth/me', { lastOrg: second })).statusCode).toBe(200);
    // Another browser: a new sign-in answers with the same record — the second organization is the latest.
    const elsewhere = await t
      .anonymous()
      .post('/api/v1/auth/login', { email: orgs.a.users.admin.email, password: orgs.a.users.admin.password });
    const marks = Object.fromEntries((elsewhere.json().organizations as MeOrg[]).map((o) => [o.slug, o.lastUsedAt]));
    expect(Date.parse(marks[second] as string)).toBeGreaterThan(Date.parse(marks[orgs.a.slug] as string));
    // The language is untouched by recording a visit, and a visit is untouched by setting the language.
    expect((await admin.get('/api/v1/auth/me')).json().user.locale).toBeNull();
    expect((await admin.patch('/api/v1/auth/me', { locale: 'ru' })).statusCode).toBe(200);
    expect(await lastUsed(admin)).toEqual(marks);
  });

  it('refuses an organization the person does not belong to, the same way whether it exists or not', async () => {
    const foreign = await admin.patch('/api/v1/auth/me', { lastOrg: orgs.b.slug });
    expectApiError(foreign, 422, 'validation_failed', 'lastOrg');
    const missing = await admin.patch('/api/v1/auth/me', { lastOrg: 'no-such-organization' });
    expectApiError(missing, 422, 'validation_failed', 'lastOrg');
    expect(missing.json().error.message).toBe(foreign.json().error.message);
    expectApiError(await admin.patch('/api/v1/auth/me', { lastOrg: 'Not A Slug!' }), 422, 'validation_failed', 'lastOrg');
    expect(await t.db.selectFrom('org_visits').select('org_id').where('org_id', '=', orgs.b.id).execute()).toEqual([]);
  });
});
