/**
 * An admin grants a right on behalf of the council: the grant is the council's, its
 * history names the admin who gave it; a council member grants as the council, never as the
 * organization; a sub-delegation names no granter of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, expectApiError as expectError } from './expect-api.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type SignedInAgent, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let council: SignedInAgent;
let rightId: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  rightId = (await created(await admin.post(`${A()}/rights`, { name: `Refunds ${unique()}`, description: '' }))).id;
});
afterAll(() => t.close());

describe('granting on behalf of the council', () => {
  it('records the council as granter and the admin as the one who acted', async () => {
    const grant = await created(
      await admin.post(`${A()}/grants`, {
        rightId,
        holderType: 'team',
        holderId: orgs.a.team.id,
        limits: { spendingCap: 500_00 },
        reason: 'council meeting of 3 December',
        onBehalfOf: 'council',
      }),
    );
    expect(grant).toMatchObject({ grantedBy: 'council', limits: { spendingCap: 500_00 } });
    const history = (await admin.get(`${A()}/grants/${grant.id}/history`)).json();
    const events = history.items ?? history;
    expect(events[0]).toMatchObject({ kind: 'granted', actor: { type: 'user', id: orgs.a.users.admin.id } });
  });

  it('an admin grants as the organization by default', async () => {
    const grant = await created(await admin.post(`${A()}/grants`, { rightId, holderType: 'team', holderId: orgs.a.otherTeam.id }));
    expect(grant.grantedBy).toBe('organization');
  });

  it('a council member grants as the council and cannot grant as the organization', async () => {
    expectError(
      await council.post(`${A()}/grants`, { rightId, holderType: 'team', holderId: orgs.a.team.id, onBehalfOf: 'organization' }),
      422,
      'validation_failed',
      'onBehalfOf',
    );
    const grant = await created(await council.post(`${A()}/grants`, { rightId, holderType: 'team', holderId: orgs.a.team.id }));
    expect(grant.grantedBy).toBe('council');
  });

  it('a sub-delegation names no granter of its own', async () => {
    const parent = await created(
      await admin.post(`${A()}/grants`, { rightId, holderType: 'team', holderId: orgs.a.team.id, limits: { spendingCap: 100_00 } }),
    );
    expectError(
      await admin.post(`${A()}/grants`, {
        rightId,
        holderType: 'team',
        holderId: orgs.a.otherTeam.id,
        parentGrantId: parent.id,
        limits: { spendingCap: 50_00 },
        onBehalfOf: 'council',
      }),
      422,
      'validation_failed',
      'onBehalfOf',
    );
  });
});
