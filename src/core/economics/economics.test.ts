import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';
import { teamFigures } from './figures.js';
import { frac, ONE, ratePpm, roundHalfUp, toNumber } from './fraction.js';
import { fulfillmentIndex } from './fulfillment.js';
import { majorToMinor, parseLedgerCsv } from './ledger-csv.js';
import { allocateOverhead, fixedPercentagesProblem } from './overhead.js';
import { parsePeriod, periodOf, periodRange, periodsEnding, shiftPeriod } from './period.js';
import { mixWeightsProblem, peerPointsProblem, type SplitMember, splitPool } from './split.js';

// The worked example: pool 100,000.00 ₽; A, B, C, D with salaries 60k/50k/40k/30k, hours 1,800/1,600/1,800/1,000.
const POOL = 10_000_000;
const MEMBERS: SplitMember[] = [
  { id: 'A', joinedAt: 1, salaryMinor: 6_000_000, hoursCenti: 180_000, peerPoints: 0 },
  { id: 'B', joinedAt: 2, salaryMinor: 5_000_000, hoursCenti: 160_000, peerPoints: 0 },
  { id: 'C', joinedAt: 3, salaryMinor: 4_000_000, hoursCenti: 180_000, peerPoints: 0 },
  { id: 'D', joinedAt: 4, salaryMinor: 3_000_000, hoursCenti: 100_000, peerPoints: 0 },
];
const amounts = (s: { shares: { amountMinor: number }[] }) => s.shares.map((x) => x.amountMinor);
const rates = { poolRatePpm: 200_000, reserveRatePpm: 0 };

describe('splitting the pool', () => {
  it('equal: 2,500,000 kopecks each', () => {
    expect(amounts(splitPool(POOL, MEMBERS, { rule: 'equal' }))).toEqual([2_500_000, 2_500_000, 2_500_000, 2_500_000]);
  });

  it('salary: 3,333,333 / 2,777,778 / 2,222,222 / 1,666,667 — the two kopecks left go to the largest remainders', () => {
    expect(amounts(splitPool(POOL, MEMBERS, { rule: 'salary' }))).toEqual([3_333_333, 2_777_778, 2_222_222, 1_666_667]);
  });

  it('hours: 1,800/1,600/1,800/1,000 of 6,200 hours; a tie in the remainders goes to who joined first', () => {
    // Exact: 2,903,225.81 / 2,580,645.16 / 2,903,225.81 / 1,612,903.23 → floors leave 2 kopecks, to A and C (.81, joined first).
    expect(amounts(splitPool(POOL, MEMBERS, { rule: 'hours' }))).toEqual([2_903_226, 2_580_645, 2_903_226, 1_612_903]);
    // 9,999,999: remainders B .90, then A and C tie at .516 → the joined-first of the two gets the second kopeck.
    expect(amounts(splitPool(9_999_999, MEMBERS, { rule: 'hours' }))).toEqual([2_903_226, 2_580_645, 2_903_225, 1_612_903]);
    const cJoinedFirst = MEMBERS.map((m) => (m.id === 'C' ? { ...m, joinedAt: 0 } : m));
    const byId = Object.fromEntries(splitPool(9_999_999, cJoinedFirst, { rule: 'hours' }).shares.map((x) => [x.memberId, x.amountMinor]));
    expect(byId).toEqual({ A: 2_903_225, B: 2_580_645, C: 2_903_226, D: 1_612_903 });
  });

  it('mix: half equal, half salary', () => {
    // A: ½·¼ + ½·60/180 = 0.291666…; B: 0.263888…; C: 0.236111…; D: 0.208333…
    expect(amounts(splitPool(POOL, MEMBERS, { rule: 'mix', weightsPpm: { equal: 500_000, salary: 500_000 } }))).toEqual([
      2_916_667, 2_638_889, 2_361_111, 2_083_333,
    ]);
  });

  it('peer: the points received ÷ all points given', () => {
    const withPoints = MEMBERS.map((m, i) => ({ ...m, peerPoints: [150, 100, 50, 100][i] as number }));
    expect(amounts(splitPool(POOL, withPoints, { rule: 'peer' }))).toEqual([3_750_000, 2_500_000, 1_250_000, 2_500_000]);
  });

  it('a basis with nothing recorded is split equally, and says so', () => {
    const noHours = MEMBERS.map((m) => ({ ...m, hoursCenti: 0 }));
    const split = splitPool(POOL, noHours, { rule: 'hours' });
    expect(amounts(split)).toEqual([2_500_000, 2_500_000, 2_500_000, 2_500_000]);
    expect(split.equalFallbacks).toEqual(['hours']);
  });

  it('three ways: 100 kopecks → 34/33/33, the extra kopeck to who joined first', () => {
    const three = MEMBERS.slice(0, 3);
    expect(amounts(splitPool(100, three, { rule: 'equal' }))).toEqual([34, 33, 33]);
    expect(amounts(splitPool(100, [three[2]!, three[0]!, three[1]!], { rule: 'equal' }))).toEqual([34, 33, 33]);
  });

  it('refuses a mix that does not sum to 1, and peer points to self or not adding up to 100', () => {
    expect(mixWeightsProblem({ equal: 500_000, hours: 400_000 })).toContain('sum to 1');
    expect(mixWeightsProblem({ equal: 500_000, hours: 500_000 })).toBeNull();
    const team = new Set(['A', 'B', 'C']);
    expect(peerPointsProblem('A', { A: 50, B: 50 }, team)).toEqual({
      field: 'points.A',
      message: expect.stringContaining('never to themselves'),
    });
    expect(peerPointsProblem('A', { B: 60, C: 30 }, team)).toEqual({ field: 'points', message: expect.stringContaining('90') });
    expect(peerPointsProblem('A', { B: 60, Z: 40 }, team)?.field).toBe('points.Z');
    expect(peerPointsProblem('A', { B: 60, C: 40 }, team)).toBeNull();
  });
});

describe('team figures', () => {
  it('the amoeba example: (99,000 + 21,000 − 80,000) ÷ 1,280 h = 31.25 per hour (3,125 kopecks)', () => {
    const figures = teamFigures(
      {
        revenueMinor: 9_900_000,
        internalInMinor: 2_100_000,
        internalOutMinor: 0,
        nonLabourMinor: 8_000_000,
        labourMinor: 0,
        overheadMinor: 0,
        hoursCenti: 128_000,
      },
      rates,
      ONE,
      true,
    );
    expect(figures.hourlyEfficiencyMinor).toBe(3_125);
    expect(figures.netProfitMinor).toBe(4_000_000);
  });

  it('net profit, pool 20%, withheld by the fulfillment index, reserve', () => {
    const ledger = {
      revenueMinor: 100_000_00,
      internalInMinor: 5_000_00,
      internalOutMinor: 15_000_00,
      nonLabourMinor: 30_000_00,
      labourMinor: 40_000_00,
      overheadMinor: 10_000_00,
      hoursCenti: 0,
    };
    // 100,000 + 5,000 − 15,000 − 30,000 − 40,000 − 10,000 = 10,000.00 ₽
    const kept = teamFigures(ledger, { poolRatePpm: 200_000, reserveRatePpm: 100_000 }, ONE, true);
    expect(kept).toEqual({
      netProfitMinor: 1_000_000,
      hourlyEfficiencyMinor: null,
      poolMinor: 200_000,
      withheldMinor: 0,
      reserveMinor: 100_000,
    });
    // Half of the promises kept: half the pool withheld, and the withheld goes to the reserve.
    const half = teamFigures(ledger, { poolRatePpm: 200_000, reserveRatePpm: 100_000 }, frac(1, 2), true);
    expect(half).toMatchObject({ poolMinor: 100_000, withheldMinor: 100_000, reserveMinor: 200_000 });
    // A third: round(200,000 / 3) = 66,667 (half up).
    expect(teamFigures(ledger, rates, frac(1, 3), true)).toMatchObject({ poolMinor: 66_667, withheldMinor: 133_333 });
  });

  it('a loss pays no pool and keeps no reserve; nobody to pay keeps the pool in the reserve', () => {
    const loss = {
      revenueMinor: 100,
      internalInMinor: 0,
      internalOutMinor: 0,
      nonLabourMinor: 500,
      labourMinor: 0,
      overheadMinor: 0,
      hoursCenti: 100,
    };
    expect(teamFigures(loss, { poolRatePpm: 200_000, reserveRatePpm: 50_000 }, ONE, true)).toEqual({
      netProfitMinor: -400,
      hourlyEfficiencyMinor: -400,
      poolMinor: 0,
      withheldMinor: 0,
      reserveMinor: 0,
    });
    const profit = { ...loss, nonLabourMinor: 0 };
    expect(teamFigures(profit, rates, ONE, false)).toMatchObject({ poolMinor: 0, withheldMinor: 20, reserveMinor: 20 });
  });

  it('rounds half up: 2.5 → 3, −2.5 → −2', () => {
    expect(roundHalfUp(frac(5, 2))).toBe(3);
    expect(roundHalfUp(frac(-5, 2))).toBe(-2);
    expect(roundHalfUp(frac(7, 3))).toBe(2);
  });
});

describe('fulfillment index', () => {
  const promises = [
    { good: 990, total: 1000, targetPpm: 950_000 }, // kept, ratio 1.04 → 1
    { good: 900, total: 1000, targetPpm: 950_000 }, // broken, 0.9/0.95 = 18/19
    { good: 0, total: 0, targetPpm: 990_000 }, // no events: does not count
  ];
  it('share kept: 1 of 2', () => expect(fulfillmentIndex('share_kept', promises)).toEqual(frac(1, 2)));
  it('proportional: (1 + 18/19) ÷ 2 = 37/38', () => {
    const index = fulfillmentIndex('proportional', promises);
    expect(Number(index.n) / Number(index.d)).toBeCloseTo(37 / 38, 12);
    expect(toNumber(index)).toBe(0.973684);
  });
  it('a target that rounds to 0 ppm is met by any attainment (no division by zero)', () => {
    expect(fulfillmentIndex('proportional', [{ good: 1, total: 2, targetPpm: 0 }])).toEqual(frac(1, 1));
  });
  it('1 when off or nothing counts; exactly at target is kept', () => {
    expect(fulfillmentIndex('off', promises)).toEqual(ONE);
    expect(fulfillmentIndex('share_kept', [promises[2]!])).toEqual(ONE);
    expect(fulfillmentIndex('share_kept', [{ good: 95, total: 100, targetPpm: 950_000 }])).toEqual(frac(1, 1));
  });
});

describe('overhead', () => {
  const teams = [
    { id: 't1', order: 0, members: 3, hoursCenti: 50_000, revenueMinor: 600 },
    { id: 't2', order: 1, members: 1, hoursCenti: 30_000, revenueMinor: 400 },
    { id: 't3', order: 2, members: 0, hoursCenti: 20_000, revenueMinor: 0 },
  ];
  it('per capita, by hours, by revenue share and fixed percentages, always summing to the total', () => {
    expect([...allocateOverhead(1000, teams, { kind: 'per_capita' }).values()]).toEqual([750, 250, 0]);
    expect([...allocateOverhead(1000, teams, { kind: 'hours' }).values()]).toEqual([500, 300, 200]);
    expect([...allocateOverhead(1001, teams, { kind: 'revenue' }).values()]).toEqual([601, 400, 0]);
    expect([...allocateOverhead(1000, teams, { kind: 'fixed', basisPoints: { t1: 5000, t2: 2500, t3: 2500 } }).values()]).toEqual([
      500, 250, 250,
    ]);
  });
  it('refuses percentages not summing to 100% naming the field', () => {
    const ids = new Set(['t1', 't2', 't3']);
    expect(fixedPercentagesProblem({ t1: 5000, t2: 2500 }, ids)).toEqual({ field: 'percentages', message: expect.stringContaining('75%') });
    expect(fixedPercentagesProblem({ t1: 5000, t9: 5000 }, ids)?.field).toBe('percentages.t9');
    expect(fixedPercentagesProblem({ t1: 5000, t2: 5000 }, ids)).toBeNull();
  });
  it('nobody to weigh by: equal parts', () => {
    expect([...allocateOverhead(10, teams, { kind: 'fixed', basisPoints: {} }).values()]).toEqual([4, 3, 3]);
  });
});

describe('periods', () => {
  it('a month in Moscow time starts at 21:00 UTC the day before', () => {
    expect(periodRange('2026-10', 'Europe/Moscow')).toEqual({ from: Date.UTC(2026, 8, 30, 21), to: Date.UTC(2026, 9, 31, 21) });
    expect(periodOf(Date.UTC(2026, 8, 30, 21, 30), 'Europe/Moscow')).toBe('2026-10');
    expect(periodOf(Date.UTC(2026, 8, 30, 20, 59), 'Europe/Moscow')).toBe('2026-09');
  });
  it('parses YYYY-MM only, shifts across years', () => {
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('2026-1')).toBeNull();
    expect(parsePeriod('2026-01')).toEqual({ year: 2026, month: 1 });
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(periodsEnding('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
  it('rates: 0.2 → 200,000 ppm; more than 6 decimals → null', () => {
    expect(ratePpm(0.2)).toBe(200_000);
    expect(ratePpm(0.1234567)).toBeNull();
  });
  it('allocate refuses a negative total', () => {
    expect(() => allocate(-1, [{ id: 'a', weight: 1n, order: 0 }])).toThrow(RangeError);
  });
});

describe('ledger CSV', () => {
  it('reads major units exactly, Russian headers and kinds, and names the line of each row', () => {
    const rows = parseLedgerCsv(
      'команда;вид;сумма;комментарий\nКровля;выручка;1 500,50;Договор 17\n;накладные;12000;Аренда\n\nКровля;расход;abc;\n',
    );
    expect(rows).toEqual([
      { line: 2, team: 'Кровля', kind: 'revenue', amountMinor: 150_050, note: 'Договор 17' },
      { line: 3, team: '', kind: 'overhead', amountMinor: 1_200_000, note: 'Аренда' },
      { line: 5, team: 'Кровля', kind: 'expense', amountMinor: null, note: '' },
    ]);
    expect(majorToMinor('0.1')).toBe(10);
    expect(majorToMinor('19.999')).toBeNull();
    expect(() => parseLedgerCsv('team,kind,price\n')).toThrow('unknown column "price"');
  });
});
