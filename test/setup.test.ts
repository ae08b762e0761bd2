/** First run: an empty installation asks for setup, which creates the organization and its admin, once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, type TestApp } from './harness.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

const setup = (overrides: { organization?: object; admin?: object } = {}) => ({
  organization: {
    slug: 'first-org',
    name: 'First Organization',
    kind: 'government',
    locale: 'ru',
    currency: 'rub',
    timeZone: 'Europe/Moscow',
    ...overrides.organization,
  },
  admin: { email: 'First.Admin@Example.test', name: 'First Admin', password: 'first-admin-password', ...overrides.admin },
});

describe('setup', () => {
  it('is needed on an empty database', async () => {
    const res = await t.anonymous().get('/api/v1/setup');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ needed: true });
  });

  it.each([
    ['organization.currency', { organization: { currency: 'EURO' } }],
    ['organization.timeZone', { organization: { timeZone: 'Mars/Olympus_Mons' } }],
    ['organization.slug', { organization: { slug: 'Not A Slug' } }],
    ['admin.password', { admin: { password: 'short' } }],
    ['admin.email', { admin: { email: 'not-an-email' } }],
  ])('refuses an invalid %s with 422 naming it, and creates nothing', async (path, overrides) => {
    const res = await t.anonymous().post('/api/v1/setup', setup(overrides));
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields.map((f) => f.path)).toEqual([path]);
    expect((await t.anonymous().get('/api/v1/setup')).json()).toEqual({ needed: true });
  });

  it('creates the organization and its admin, who can then sign in', async () => {
    const res = await t.anonymous().post('/api/v1/setup', setup());
    expect(res.statusCode).toBe(201);
    // Currency is normalised to upper case, the e-mail to lower case.
    expect(res.json()).toMatchObject({ slug: 'first-org', name: 'First Organization', kind: 'government', currency: 'RUB' });
    expect((await t.anonymous().get('/api/v1/setup')).json()).toEqual({ needed: false });

    const admin = await t.signIn('first.admin@example.test', 'first-admin-password');
    const me = await admin.get('/api/v1/auth/me');
    expect(me.json().organizations.map((o: { slug: string; role: string }) => [o.slug, o.role])).toEqual([['first-org', 'admin']]);
    const audit = await admin.get('/api/v1/orgs/first-org/audit');
    expect(
      audit
        .json()
        .items.map((e: { action: string }) => e.action)
        .sort(),
    ).toEqual(['membership.created', 'organization.created']);
  });

  it('refuses a second setup with 409 and changes nothing', async () => {
    const res = await t
      .anonymous()
      .post('/api/v1/setup', setup({ organization: { slug: 'second-org' }, admin: { email: 'intruder@example.test' } }));
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('conflict');
    const orgs = await t.db.selectFrom('organizations').select('slug').execute();
    expect(orgs.map((o) => o.slug)).toEqual(['first-org']);
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'intruder@example.test').executeTakeFirst()).toBeUndefined();
  });
});

describe('more organizations', () => {
  it('a signed-in person creates another organization and becomes its admin; a taken slug is 409 naming slug', async () => {
    const admin = await t.signIn('first.admin@example.test', 'first-admin-password');
    const second = { slug: 'second-org', name: 'Second', kind: 'business', locale: 'en', currency: 'EUR', timeZone: 'UTC' };
    expect((await admin.post('/api/v1/orgs', second)).statusCode).toBe(201);
    const taken = await admin.post('/api/v1/orgs', { ...second, name: 'Again' });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).fields.map((f) => f.path)).toEqual(['slug']);

    const first = await admin.get('/api/v1/orgs?limit=1');
    expect(first.json().items.map((o: { slug: string; role: string }) => [o.slug, o.role])).toEqual([['first-org', 'admin']]);
    const next = await admin.get(`/api/v1/orgs?limit=1&cursor=${first.json().nextCursor}`);
    expect(next.json()).toMatchObject({ items: [{ slug: 'second-org', role: 'admin' }], nextCursor: null });
  });
});
