/**
 * The demo's team economics as the demo admin sees them: six closed months and the open
 * one for «СтройДом», figures that add up by the design's formulas, the warranty team's pool cut in
 * the month its client promise was broken, trades confirmed, declined and awaiting an answer, the
 * reserve fund with one allocation, and a second seeding that adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf, shiftPeriod } from '../src/core/economics/period.js';
import { buildServer, type ClientocracyServer } from '../src/http/server.js';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../src/modules/demo/demo.data.js';
import { seedDemo } from '../src/modules/demo-seed.js';
import type { TTeamEconomics } from '../src/modules/economics/economics.schema.js';
import { type SignedInAgent, signInAgent } from './agent.js';
import { createTestDatabase, type TestDatabase, testConfig } from './harness.js';

type Period = { period: string; closed: boolean; overheadRule: string; overheadTotalMinor: number; teams: TTeamEconomics[] };
type Reserve = {
  accumulatedMinor: number;
  allocatedMinor: number;
  balanceMinor: number;
  periods: { period: string; reserveMinor: number }[];
  allocations: { amountMinor: number; purpose: string }[];
};
type Trade = { seller: { name: string }; buyer: { name: string }; status: string; declineReason: string; amountMinor: number };

let database: TestDatabase;
let app: ClientocracyServer;
let admin: SignedInAgent;
let seeded: string[];
const now = Date.now();
/** The current month in the zone and the six before it, oldest first. */
const monthsIn = (timeZone: string) => Array.from({ length: 7 }, (_, i) => shiftPeriod(periodOf(now, timeZone), i - 6));
const months = monthsIn('Europe/Moscow');
const current = months[6] as string;
const closedMonths = months.slice(0, 6);
/** The month the warranty promise was broken: two before the open one (demo.economics.data.ts). */
const broken = months[4] as string;

const get = async <T>(url: string): Promise<T> => {
  const res = await admin.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json() as T;
};
const period = (slug: string, p: string) => get<Period>(`/api/v1/orgs/${slug}/periods/${p}`);
const teamOf = (figures: Period, name: string) => figures.teams.find((t) => t.teamName === name) as TTeamEconomics;
/** round(rate × amount), half up, for a rate in parts per million and a non-negative amount. */
const halfUp = (amountMinor: number, rate: number) =>
  Number((BigInt(amountMinor) * BigInt(Math.round(rate * 1e6)) * 2n + 1_000_000n) / 2_000_000n);

beforeAll(async () => {
  database = await createTestDatabase();
  seeded = await seedDemo(database.db, now);
  app = await buildServer({ db: database.db, dialect: database.dialect, config: testConfig() });
  admin = await signInAgent(app, DEMO_EMAIL, DEMO_PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the demo’s team economics', () => {
  it('are seeded for «СтройДом» and neighbourhood-care; the МФЦ gets one budgeted-bonus month instead', () => {
    expect(seeded.find((line) => line.startsWith('stroydom '))).toContain('economics');
    expect(seeded.find((line) => line.startsWith('neighbourhood-care '))).toContain('economics');
    expect(seeded.find((line) => line.startsWith('mfc '))).not.toContain('economics');
    expect(seeded.find((line) => line.startsWith('mfc '))).toContain('budgeted bonus');
  });

  it('the МФЦ (government): last month closed in the budgeted-bonus mode, savings against budget as the profit line', async () => {
    const last = months[5] as string;
    const figures = await period('mfc', last);
    expect(figures.closed).toBe(true);
    // Front office: budget 2,400,000.00 − (1,652,400.00 + 518,300.00) = 229,300.00 saved; the fund × the index.
    const front = teamOf(figures, 'Фронт-офис: окна 1–6');
    expect(front).toMatchObject({
      poolMode: 'budgeted_bonus',
      budgetMinor: 240_000_000,
      bonusFundMinor: 12_000_000,
      savingsMinor: 22_930_000,
    });
    expect(Math.abs(front.poolMinor - 12_000_000 * front.fulfillmentIndex)).toBeLessThan(10);
    expect(front.poolMinor + front.withheldMinor).toBe(12_000_000);
    // Outreach overspent on fuel: 900,000.00 − 942,800.00 = −42,800.00, no pool, the fund withheld.
    expect(teamOf(figures, 'Выездное обслуживание')).toMatchObject({ savingsMinor: -4_280_000, poolMinor: 0, withheldMinor: 4_500_000 });
    const open = await period('mfc', current);
    expect(teamOf(open, 'Бэк-офис: обработка документов')).toMatchObject({ closed: false, budgetMinor: 130_000_000 });
  });

  it('show six closed months and the current one open', async () => {
    for (const [slug, zone] of [
      ['stroydom', 'Europe/Moscow'],
      ['neighbourhood-care', 'Europe/Amsterdam'],
    ]) {
      const { items } = await get<{ items: { period: string; closed: boolean }[] }>(`/api/v1/orgs/${slug}/periods`);
      expect(items.map((p) => [p.period, p.closed])).toEqual(
        monthsIn(zone as string)
          .map((p, i) => [p, i < 6])
          .reverse(),
      );
    }
  });

  it('add up in every closed month: net profit by the formula, trades on both sides, overhead and shares exact', async () => {
    for (const p of closedMonths) {
      const figures = await period('stroydom', p);
      expect(figures.closed).toBe(true);
      expect(figures.teams.map((t) => t.teamName)).toEqual([
        'Продажи',
        'Проектирование',
        'Бригада Кузнецова',
        'Бригада Соколова',
        'Гарантийный сервис',
        'Совет управляющих',
      ]);
      const sum = (pick: (t: TTeamEconomics) => number) => figures.teams.reduce((s, t) => s + pick(t), 0);
      // A confirmed trade is counted once on each side; the overhead is shared out to the kopeck.
      expect(sum((t) => t.internalInMinor)).toBe(sum((t) => t.internalOutMinor));
      expect(sum((t) => t.overheadMinor)).toBe(figures.overheadTotalMinor);
      for (const t of figures.teams) {
        expect(t.netProfitMinor, `${p} ${t.teamName}`).toBe(
          t.revenueMinor + t.internalInMinor - t.internalOutMinor - t.nonLabourMinor - t.labourMinor - t.overheadMinor,
        );
        expect(t.shares.reduce((s, share) => s + share.amountMinor, 0)).toBe(t.poolMinor);
        expect(t.poolMinor + t.withheldMinor).toBe(halfUp(Math.max(t.netProfitMinor, 0), t.poolRate));
        expect(t.reserveMinor).toBe(halfUp(Math.max(t.netProfitMinor, 0), t.reserveRate) + t.withheldMinor);
        expect(t.poolRate).toBe(0.2);
        expect(t.reserveRate).toBe(0.05);
      }
      // Every team earns but the council, a cost centre; the crews earn by selling to the sales team.
      for (const t of figures.teams.filter((t) => t.teamName !== 'Совет управляющих')) expect(t.netProfitMinor).toBeGreaterThan(0);
      expect(teamOf(figures, 'Бригада Кузнецова').internalInMinor).toBeGreaterThan(0);
      expect(teamOf(figures, 'Бригада Соколова').internalInMinor).toBeGreaterThan(0);
      expect(teamOf(figures, 'Продажи').internalOutMinor).toBeGreaterThan(0);
    }
  });

  it('cut the warranty team’s pool in the month its 24-hour promise was broken, and put the rest in the reserve', async () => {
    const figures = await period('stroydom', broken);
    const warranty = teamOf(figures, 'Гарантийный сервис');
    expect(warranty.fulfillmentMode).toBe('proportional');
    expect(warranty.netProfitMinor).toBeGreaterThan(0);
    expect(warranty.fulfillmentIndex).toBeLessThan(0.9);
    expect(warranty.withheldMinor).toBeGreaterThan(0);
    expect(warranty.poolMinor).toBeGreaterThan(0);
    const [promise] = warranty.fulfillmentPromises;
    expect(promise).toMatchObject({ title: 'Ответ на гарантийное обращение за 24 часа', kept: false, target: 0.95 });
    expect(promise?.attainment).toBeLessThan(0.85);
    // Its one member takes the whole (smaller) pool.
    expect(warranty.shares).toEqual([{ memberId: expect.any(String), amountMinor: warranty.poolMinor }]);
    // Before the pool was tied to the promises, no team lost any of it.
    const untied = await period('stroydom', months[3] as string);
    for (const t of untied.teams) expect([t.fulfillmentMode, t.fulfillmentIndex, t.withheldMinor]).toEqual(['off', 1, 0]);
  });

  it('split each team’s pool by its own published rule, and a changed rule leaves closed months as they were', async () => {
    const rules = async (p: string) => Object.fromEntries((await period('stroydom', p)).teams.map((t) => [t.teamName, t.splitRule]));
    expect(await rules(months[0] as string)).toEqual({
      Продажи: 'salary',
      Проектирование: 'salary',
      'Бригада Кузнецова': 'hours',
      'Бригада Соколова': 'mix',
      'Гарантийный сервис': 'equal',
      'Совет управляющих': 'peer',
    });
    expect((await rules(months[5] as string)).Продажи).toBe('mix');
    const sales = teamOf(await period('stroydom', months[5] as string), 'Продажи');
    expect(sales.splitWeights).toEqual({ peer: 0.4, salary: 0.3, hours: 0.3 });
    expect(sales.shares).toHaveLength(2);
    expect(sales.members.every((m) => m.peerPointsReceived === 100 && m.hours > 0 && m.salaryMinor > 0)).toBe(true);
    // The council gave its peer points in the open month, all but the demo admin.
    const council = teamOf(await period('stroydom', current), 'Совет управляющих');
    const points = await get<{ givers: number; members: number; given: Record<string, number> }>(
      `/api/v1/orgs/stroydom/periods/${current}/teams/${council.teamId}/peer-points`,
    );
    expect(points).toMatchObject({ givers: 2, members: 3, given: {} });
  });

  it('list the trades: confirmed each month, one declined with its reason, one in the open month awaiting the crew', async () => {
    const trades = async (p: string) => (await get<{ items: Trade[] }>(`/api/v1/orgs/stroydom/periods/${p}/trades`)).items;
    for (const p of closedMonths) {
      const confirmed = (await trades(p)).filter((t) => t.status === 'confirmed');
      expect(confirmed.map((t) => `${t.seller.name} → ${t.buyer.name}`)).toEqual(
        expect.arrayContaining(['Бригада Кузнецова → Продажи', 'Бригада Соколова → Продажи', 'Проектирование → Продажи']),
      );
    }
    const declined = (await Promise.all(closedMonths.map(trades))).flat().filter((t) => t.status === 'declined');
    expect(declined).toEqual([
      expect.objectContaining({
        seller: expect.objectContaining({ name: 'Бригада Соколова' }),
        declineReason: expect.stringContaining('допсоглашение'),
      }),
    ]);
    const open = (await trades(current)).filter((t) => t.status === 'proposed');
    expect(open).toEqual([
      expect.objectContaining({ seller: expect.objectContaining({ name: 'Бригада Соколова' }), amountMinor: 124_000_000 }),
    ]);
  });

  it('keep a reserve fund: what the closed months kept, less one allocation', async () => {
    const reserve = await get<Reserve>('/api/v1/orgs/stroydom/reserve');
    expect(reserve.periods.map((p) => p.period)).toEqual(closedMonths);
    let kept = 0;
    for (const p of closedMonths) kept += (await period('stroydom', p)).teams.reduce((s, t) => s + t.reserveMinor, 0);
    expect(reserve.accumulatedMinor).toBe(kept);
    expect(reserve.allocations).toEqual([expect.objectContaining({ amountMinor: 25_000_000, purpose: 'Пилот: онлайн-запись на замер' })]);
    expect(reserve.allocatedMinor).toBe(25_000_000);
    expect(reserve.balanceMinor).toBe(reserve.accumulatedMinor - reserve.allocatedMinor);
    expect(reserve.balanceMinor).toBeGreaterThan(0);

    const care = await get<Reserve & { currency: string }>('/api/v1/orgs/neighbourhood-care/reserve');
    expect(care.currency).toBe('EUR');
    expect(care.allocatedMinor).toBe(90_000);
    expect(care.balanceMinor).toBeGreaterThan(0);
  });

  it('leave no trade news unread for the demo admin', async () => {
    const { items } = await get<{ items: { kind: string; readAt: number | null }[] }>('/api/v1/orgs/stroydom/notifications?unread=true');
    expect(items.filter((n) => n.kind.startsWith('trade_'))).toEqual([]);
  });

  it('are not seeded twice: running the demo again changes nothing', async () => {
    // The open month's fulfillment is evaluated at the moment of asking, so its inputs are compared instead.
    const snapshot = async () => ({
      closed: await Promise.all(closedMonths.map((p) => period('stroydom', p))),
      reserve: await get<Reserve>('/api/v1/orgs/stroydom/reserve'),
      trades: await get(`/api/v1/orgs/stroydom/periods/${current}/trades`),
      ledger: await get(`/api/v1/orgs/stroydom/periods/${current}/ledger`),
      care: await get<Reserve>('/api/v1/orgs/neighbourhood-care/reserve'),
      careLedger: await get(`/api/v1/orgs/neighbourhood-care/periods/${monthsIn('Europe/Amsterdam')[6]}/ledger`),
    });
    const before = await snapshot();
    expect(await seedDemo(database.db, now + 60_000)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
