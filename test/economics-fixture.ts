/** Shared set-up of the economics API tests: an app with two organizations, A's admin, teams of new people. */
import { expect } from 'vitest';
import { created } from './expect-api.js';
import { PASSWORD, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type SignedInAgent, show, type TestApp } from './harness.js';

export interface Person {
  id: string;
  agent: SignedInAgent;
}

export async function ok(res: Awaited<ReturnType<SignedInAgent['get']>>) {
  expect(res.statusCode, show(res)).toBeLessThan(300);
  return res.json();
}

export interface EconomicsFixture {
  t: TestApp;
  orgs: TwoOrgs;
  admin: SignedInAgent;
  /** `/api/v1/orgs/{A}`. */
  A: string;
  /** A team of `n` new people, added in order (A joins first). */
  teamOf(n: number): Promise<{ id: string; people: Person[] }>;
  /** GET a team's economics for a month (as the admin unless another agent is given). */
  economics(period: string, teamId: string, agent?: SignedInAgent): ReturnType<typeof ok>;
}

export async function economicsFixture(): Promise<EconomicsFixture> {
  const t = await createTestApp();
  const orgs = await t.seedTwoOrgs();
  const admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  const A = `/api/v1/orgs/${orgs.a.slug}`;
  const teamOf = async (n: number) => {
    const team = await created(await admin.post(`${A}/teams`, { name: `Economics ${unique()}`, kind: 'autonomous', purpose: '' }));
    const people: Person[] = [];
    for (let i = 0; i < n; i++) {
      const email = `econ.${unique()}@example.test`;
      const m = await created(
        await admin.post(`${A}/memberships`, { email, role: 'member', name: `Member ${'ABCD'[i]}`, password: PASSWORD }),
      );
      await ok(await admin.post(`${A}/teams/${team.id}/members`, { userId: m.userId }));
      people.push({ id: m.userId, agent: await t.signIn(email, PASSWORD) });
    }
    return { id: team.id as string, people };
  };
  const economics = async (period: string, teamId: string, agent = admin) =>
    ok(await agent.get(`${A}/periods/${period}/teams/${teamId}/economics`));
  return { t, orgs, admin, A, teamOf, economics };
}
