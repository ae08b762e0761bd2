/**
 * Public-sector motivation through the API: a government organization pays each team a budgeted
 * bonus fund × the fulfillment index instead of 20% of net profit, with savings against the team's
 * budget as the profit line (the README's worked example: budget 12,000,000.00 ₽, spent
 * 11,400,000.00 ₽ → savings 600,000.00 ₽). A business organization is refused the mode; the
 * figures, their export and the organization's export file carry the budgets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEconomicsCommand } from '../src/modules/economics/economics.cli.js';
import { exportOrganization, importOrganization } from '../src/modules/export-file.js';
import { type EconomicsFixture, economicsFixture, ok } from './economics-fixture.js';
import { created, expectApiError } from './expect-api.js';
import { orgContext } from './fixtures.js';
import { createTestDatabase, type SignedInAgent, show, type TestApp } from './harness.js';

let f: EconomicsFixture;
let t: TestApp;
let admin: SignedInAgent;
const A = () => f.A;
const PERIOD = '2025-09';
const BUDGETED = { poolRate: 0.2, reserveRate: 0.1, fulfillment: 'off', poolMode: 'budgeted_bonus' } as const;

beforeAll(async () => {
  f = await economicsFixture();
  ({ t, admin } = f);
});

afterAll(async () => {
  await t?.close();
});

const spend = async (teamId: string, labourMinor: number, expenseMinor: number) => {
  await created(await admin.post(`${A()}/periods/${PERIOD}/ledger`, { teamId, kind: 'labour', amountMinor: labourMinor, note: 'Wages' }));
  await created(await admin.post(`${A()}/periods/${PERIOD}/ledger`, { teamId, kind: 'expense', amountMinor: expenseMinor, note: 'Rent' }));
};
const budget = (teamId: string, budgetMinor: number, bonusFundMinor: number, period = PERIOD) =>
  admin.put(`${A()}/periods/${period}/teams/${teamId}/budget`, { budgetMinor, bonusFundMinor });

describe('the budgeted bonus pool', () => {
  let team: Awaited<ReturnType<EconomicsFixture['teamOf']>>;
  let overspent: Awaited<ReturnType<EconomicsFixture['teamOf']>>;
  let unbudgeted: Awaited<ReturnType<EconomicsFixture['teamOf']>>;

  it('a business organization is refused the mode, naming the field', async () => {
    const res = await admin.put(`${A()}/economics-settings`, BUDGETED);
    expectApiError(res, 422, 'validation_failed', 'poolMode');
    expect(res.json().error.fields[0]).toMatchObject({ path: 'poolMode', code: 'government_only', params: { kind: 'business' } });
    expect((await ok(await admin.get(`${A()}/economics-settings`))).poolMode).toBe('profit_share');
  });

  it('a government organization switches to it; leaving poolMode out keeps it', async () => {
    await ok(await admin.patch(A(), { kind: 'government' }));
    expect(await ok(await admin.put(`${A()}/economics-settings`, BUDGETED))).toMatchObject({ poolMode: 'budgeted_bonus' });
    const { poolMode: _left, ...rest } = BUDGETED;
    expect(await ok(await admin.put(`${A()}/economics-settings`, rest))).toMatchObject({ poolMode: 'budgeted_bonus', reserveRate: 0.1 });
  });

  it('budget 12,000,000.00, spent 11,400,000.00: savings 600,000.00, pool = the 500,000.00 fund × index 1, split three ways', async () => {
    team = await f.teamOf(3);
    // Who worked in the month shares its pool (they joined the team after it, so their hours say so).
    for (const person of team.people)
      await ok(await admin.put(`${A()}/periods/${PERIOD}/teams/${team.id}/members/${person.id}`, { hours: 160, salaryMinor: 9_000_000 }));
    await spend(team.id, 900_000_000, 240_000_000);
    const saved = await ok(await budget(team.id, 1_200_000_000, 50_000_000));
    expect(saved).toMatchObject({ period: PERIOD, teamId: team.id, budgetMinor: 1_200_000_000, bonusFundMinor: 50_000_000 });
    const e = await f.economics(PERIOD, team.id);
    expect(e).toMatchObject({
      poolMode: 'budgeted_bonus',
      budgetMinor: 1_200_000_000,
      bonusFundMinor: 50_000_000,
      netProfitMinor: -1_140_000_000,
      savingsMinor: 60_000_000,
      fulfillmentIndex: 1,
      poolMinor: 50_000_000,
      withheldMinor: 0,
      // 10% of the savings.
      reserveMinor: 6_000_000,
    });
    // Equal split, largest remainder: the extra kopecks to who joined first.
    expect(e.shares.map((s: { amountMinor: number }) => s.amountMinor)).toEqual([16_666_667, 16_666_667, 16_666_666]);
  });

  it('overspent: savings −1,000,000.00 shown, no pool, the fund withheld into the reserve', async () => {
    overspent = await f.teamOf(1);
    await ok(
      await admin.put(`${A()}/periods/${PERIOD}/teams/${overspent.id}/members/${overspent.people[0]!.id}`, { hours: 160, salaryMinor: 0 }),
    );
    await spend(overspent.id, 1_000_000_000, 100_000_000);
    await ok(await budget(overspent.id, 1_000_000_000, 30_000_000));
    expect(await f.economics(PERIOD, overspent.id)).toMatchObject({
      savingsMinor: -100_000_000,
      poolMinor: 0,
      withheldMinor: 30_000_000,
      reserveMinor: 30_000_000,
    });
  });

  it('a team without a budget for the month: savings unknown, no pool', async () => {
    unbudgeted = await f.teamOf(1);
    await spend(unbudgeted.id, 10_000_000, 1_000_000);
    expect(await f.economics(PERIOD, unbudgeted.id)).toMatchObject({
      budgetMinor: null,
      bonusFundMinor: null,
      savingsMinor: null,
      poolMinor: 0,
    });
  });

  it('budgets: admins only, whole non-negative minor units, teams of the organization', async () => {
    expectApiError(await budget(team.id, -1, 0), 422, 'validation_failed', 'budgetMinor');
    expectApiError(await budget(team.id, 1, 0.5), 422, 'validation_failed', 'bonusFundMinor');
    expect((await budget(f.orgs.b.team.id, 1, 1)).statusCode).toBe(404);
    const member = team.people[0]!.agent;
    expect((await member.put(`${A()}/periods/${PERIOD}/teams/${team.id}/budget`, { budgetMinor: 1, bonusFundMinor: 1 })).statusCode).toBe(
      403,
    );
  });

  it('the month side by side and its export say “savings against budget” and “bonus fund × fulfillment index”', async () => {
    const all = await ok(await admin.get(`${A()}/periods/${PERIOD}`));
    expect(all.teams.find((x: { teamId: string }) => x.teamId === team.id)).toMatchObject({
      savingsMinor: 60_000_000,
      poolMinor: 50_000_000,
    });
    const res = await admin.get(`${A()}/periods/${PERIOD}/export?format=csv&lang=en`);
    expect(res.statusCode, show(res)).toBe(200);
    const [header, ...rows] = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('Savings against budget');
    expect(header).toContain('Pool (bonus fund × fulfillment index)');
    expect(header).not.toContain('Net profit');
    // Budget 12,000,000.00 first, savings 600,000.00 where net profit was, the fund beside the pool.
    expect(rows.some((r) => /,12000000\.00,.*,600000\.00,.*,500000\.00,500000\.00,/.test(r))).toBe(true);
    const ru = await admin.get(`${A()}/periods/${PERIOD}/export?format=csv&lang=ru`);
    expect(ru.body).toContain('Экономия бюджета');
    expect(ru.body).toContain('Премиальный фонд × индекс выполнения');
  });

  it('closing the month freezes the savings; its budgets then refuse changes', async () => {
    await ok(await admin.post(`${A()}/periods/${PERIOD}/close`));
    expect(await f.economics(PERIOD, team.id)).toMatchObject({ closed: true, savingsMinor: 60_000_000, poolMinor: 50_000_000 });
    expectApiError(await budget(team.id, 1, 1), 409, 'period_closed', 'period');
  });

  it('the CLI report lists the budget, the savings and the fund instead of net profit', async () => {
    const ctx = () => orgContext(t.db, f.orgs.a.slug, { type: 'system', id: null, label: 'test' });
    const csv = (await runEconomicsCommand('economics report', ctx, { period: PERIOD, format: 'csv' })) ?? '';
    const [header, ...lines] = csv.split('\n');
    expect(header).toBe(
      'teamName,budgetMinor,revenueMinor,internalInMinor,internalOutMinor,nonLabourMinor,labourMinor,overheadMinor,savingsMinor,hours,hourlyEfficiencyMinor,fulfillmentIndex,bonusFundMinor,poolMinor,withheldMinor,reserveMinor',
    );
    expect(
      lines.some(
        (line) => line.includes(',1200000000,0,0,0,240000000,900000000,0,60000000,480,') && line.endsWith(',50000000,50000000,0,6000000'),
      ),
    ).toBe(true);
    const table = (await runEconomicsCommand('economics report', ctx, { period: PERIOD })) ?? '';
    expect(table).toContain('savings');
    expect(table).toContain('fund × index');
    expect(table).not.toContain('net profit');
  });

  it('the organization’s export file carries the budgets and the mode, and imports them back', async () => {
    const file = await exportOrganization(t.db, f.orgs.a.slug, Date.now());
    expect(file.economicsSettings[0]).toMatchObject({ pool_mode: 'budgeted_bonus' });
    expect(file.teamBudgets.filter((b) => b.period === PERIOD).map((b) => [b.team_id, b.budget_minor, b.bonus_fund_minor])).toEqual(
      expect.arrayContaining([
        [team.id, 1_200_000_000, 50_000_000],
        [overspent.id, 1_000_000_000, 30_000_000],
      ]),
    );
    const target = await createTestDatabase();
    try {
      await importOrganization(target.db, file);
      const again = await exportOrganization(target.db, f.orgs.a.slug, Date.now());
      expect(again.teamBudgets).toEqual(file.teamBudgets);
      expect(again.economicsSettings[0]?.pool_mode).toBe('budgeted_bonus');
    } finally {
      await target.close();
    }
  });
});
