/**
 * Field errors carry a code and params a client translates, beside the English message: one worked
 * example per kind of mapping, through the HTTP API (zod's sizes and missing values, a unique slug,
 * a closed month, an unknown id), and a portal form showing the Russian sentence of a code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.routes.js';
import type { SignedInAgent } from './agent.js';
import type { TwoOrgs } from './fixtures.js';
import { createTestApp, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
});

afterAll(async () => {
  await t?.close();
});

interface Field {
  path: string;
  code: string;
  params: Record<string, unknown>;
  message: string;
}

/** The answer's status, error code and fields. */
function refusal(res: { statusCode: number; json: () => unknown }) {
  const { error } = res.json() as { error: { code: string; fields: Field[] } };
  return { status: res.statusCode, code: error.code, fields: error.fields };
}

describe('field error codes through the API', () => {
  it('a name longer than 200 characters is too_long with its maximum; a missing one is required', async () => {
    const long = refusal(await admin.post(`${A()}/teams`, { name: 'x'.repeat(201), kind: 'autonomous' }));
    expect(long.status).toBe(422);
    expect(long.fields).toEqual([{ path: 'name', code: 'too_long', params: { maximum: 200 }, message: expect.any(String) }]);

    const missing = refusal(await admin.post(`${A()}/teams`, { kind: 'autonomous' }));
    expect(missing.status).toBe(422);
    expect(missing.fields).toContainEqual({ path: 'name', code: 'required', params: {}, message: expect.any(String) });
  });

  it('a slug another organization has is taken, naming what holds it', async () => {
    const taken = refusal(
      await admin.post('/api/v1/orgs', {
        slug: orgs.b.slug,
        name: 'Again',
        kind: 'business',
        locale: 'en',
        currency: 'EUR',
        timeZone: 'UTC',
      }),
    );
    expect(taken).toEqual({
      status: 409,
      code: 'conflict',
      fields: [{ path: 'slug', code: 'taken', params: { entity: 'organization' }, message: `the slug ${orgs.b.slug} is taken` }],
    });
  });

  it('a line for a closed month is period_closed, naming the month', async () => {
    const period = '2024-03';
    expect((await admin.post(`${A()}/periods/${period}/close`)).statusCode).toBe(200);
    const closed = refusal(
      await admin.post(`${A()}/periods/${period}/ledger`, { teamId: orgs.a.team.id, kind: 'revenue', amountMinor: 100 }),
    );
    expect(closed.status).toBe(409);
    expect(closed.code).toBe('period_closed');
    expect(closed.fields).toEqual([{ path: 'period', code: 'period_closed', params: { period }, message: expect.any(String) }]);
  });

  it('an id the organization does not have is not_found, naming the entity', async () => {
    const unknown = refusal(
      await admin.post(`${A()}/periods/2024-04/ledger`, { teamId: 'no-such-team', kind: 'revenue', amountMinor: 100 }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.fields).toEqual([
      { path: 'teamId', code: 'not_found', params: { entity: 'team' }, message: 'no team with this id in the organization' },
    ]);
  });
});

describe('field error codes in the client portal', () => {
  it('shows what is wrong with a field in Russian, by its code', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/c/${orgs.a.slug}/sign-in?lang=ru`,
      payload: new URLSearchParams({ email: 'not an address' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'ru' },
      cookies: { [CLIENT_COOKIE]: '' },
      remoteAddress: '10.9.0.1',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Проверьте поле «email». Введите адрес почты, например name@example.com');
    expect(res.body).not.toContain('Invalid');
  });
});
