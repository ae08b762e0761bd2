import { describe, expect, it } from 'vitest';
import type { TeamSummary, Trade } from './economics.api';
import {
  answeringTeamId,
  canAnswerTrade,
  importProblemsOf,
  peerPointsProblems,
  percentagesSumBp,
  pointsLeft,
  pointsToSend,
  rankTeams,
  splitFormula,
  tradeDirection,
  waterfallSteps,
  weightsSumPpm,
  weightsToSend,
} from './economics-model';

const zero = {
  revenueMinor: 0,
  internalInMinor: 0,
  internalOutMinor: 0,
  nonLabourMinor: 0,
  labourMinor: 0,
  overheadMinor: 0,
  netProfitMinor: 0,
  poolMinor: 0,
  reserveMinor: 0,
};

describe('the P&L waterfall', () => {
  it('climbs with revenue and internal sales, steps down with each cost, and stands net profit, pool and reserve from zero', () => {
    // The amoeba example (99,000 + 21,000 − 80,000) with labour 20,000 and overhead 5,000: net profit 15,000.
    const steps = waterfallSteps({
      ...zero,
      revenueMinor: 9_900_000,
      internalInMinor: 2_100_000,
      nonLabourMinor: 8_000_000,
      labourMinor: 2_000_000,
      overheadMinor: 500_000,
      netProfitMinor: 1_500_000,
      poolMinor: 300_000,
      reserveMinor: 75_000,
    });
    expect(steps.map((s) => [s.key, s.kind, s.low, s.high])).toEqual([
      ['revenue', 'increase', 0, 9_900_000],
      ['internalIn', 'increase', 9_900_000, 12_000_000],
      ['internalOut', 'decrease', 12_000_000, 12_000_000],
      ['nonLabour', 'decrease', 4_000_000, 12_000_000],
      ['labour', 'decrease', 2_000_000, 4_000_000],
      ['overhead', 'decrease', 1_500_000, 2_000_000],
      ['netProfit', 'total', 0, 1_500_000],
      ['pool', 'part', 0, 300_000],
      ['reserve', 'part', 0, 75_000],
    ]);
  });

  it('a loss goes below zero: the bars that cross zero span both sides and net profit hangs down', () => {
    const steps = waterfallSteps({ ...zero, revenueMinor: 100, labourMinor: 250, netProfitMinor: -150 });
    expect(steps.find((s) => s.key === 'labour')).toMatchObject({ low: -150, high: 100, amountMinor: 250 });
    expect(steps.find((s) => s.key === 'netProfit')).toMatchObject({ low: -150, high: 0, amountMinor: -150 });
  });
});

const team = (teamName: string, hourlyEfficiencyMinor: number | null, netProfitMinor: number, fulfillmentIndex = 1, poolMinor = 0) =>
  ({ teamId: teamName, teamName, hourlyEfficiencyMinor, netProfitMinor, fulfillmentIndex, poolMinor }) as TeamSummary;

describe('teams side by side', () => {
  const teams = [
    team('Продажи', 3125, 100, 1, 20),
    team('Бригада', 5000, 50, 0.5, 10),
    team('Совет', null, 0, 1, 0),
    team('Гарантия', 5000, 10),
  ];
  it('best hourly efficiency first, a team without hours last, ties by name', () => {
    expect(rankTeams(teams, 'efficiency').map((t) => t.teamName)).toEqual(['Бригада', 'Гарантия', 'Продажи', 'Совет']);
  });
  it('or by net profit, fulfillment, pool', () => {
    expect(rankTeams(teams, 'netProfit').map((t) => t.teamName)).toEqual(['Продажи', 'Бригада', 'Гарантия', 'Совет']);
    expect(rankTeams(teams, 'fulfillment').map((t) => t.teamName)[3]).toBe('Бригада');
    expect(rankTeams(teams, 'pool')[0]?.teamName).toBe('Продажи');
  });
});

describe('the split rule written out', () => {
  const t = (key: string, params: Record<string, string> = {}) =>
    ({
      'economics.formula.single': `share = pool × ${params.basis}`,
      'economics.formula.mix': `share = pool × (${params.terms})`,
      'economics.formula.term': `${params.weight} × ${params.basis}`,
    })[key] ??
    key.split('.').pop() ??
    key;
  const decimal = (n: number) => String(n).replace('.', ',');
  it('names the single basis, or each weighted basis of a mix (zero weights left out)', () => {
    expect(splitFormula('salary', null, t, decimal)).toBe('share = pool × salary');
    expect(splitFormula('mix', { equal: 0.5, hours: 0, peer: 0.5 }, t, decimal)).toBe('share = pool × (0,5 × equal + 0,5 × peer)');
  });
});

describe('form arithmetic without float surprises', () => {
  it('mix weights 0.1 + 0.2 + 0.7 make exactly 1; zero weights are not sent', () => {
    expect(weightsSumPpm({ equal: 0.1, hours: 0.2, salary: 0.7 })).toBe(1_000_000);
    expect(weightsSumPpm({ equal: 0.5, hours: 0.3 })).toBe(800_000);
    expect(weightsToSend({ equal: 0.5, hours: 0, salary: 0.5 })).toEqual({ equal: 0.5, salary: 0.5 });
  });
  it('overhead percentages 33.33 + 33.33 + 33.34 make exactly 100 %', () => {
    expect(percentagesSumBp({ a: 33.33, b: 33.33, c: 33.34 })).toBe(10_000);
    expect(percentagesSumBp({ a: 50, b: 49.99 })).toBe(9_999);
  });
});

describe('peer points', () => {
  it('the counter shows what is left of 100, negative when over', () => {
    expect(pointsLeft({})).toBe(100);
    expect(pointsLeft({ a: 60, b: 25 })).toBe(15);
    expect(pointsLeft({ a: 80, b: 40 })).toBe(-20);
  });
  it('refuses points to oneself and anything but 100 in all; sends only teammates with points', () => {
    expect(peerPointsProblems({ a: 60, b: 40 }, 'me')).toEqual([]);
    expect(peerPointsProblems({ me: 10, a: 90 }, 'me')).toEqual([{ path: 'points.me', message: 'self' }]);
    expect(peerPointsProblems({ a: 30 }, 'me')).toEqual([{ path: 'points', message: 'under' }]);
    expect(peerPointsProblems({ a: 70, b: 70 }, 'me')).toEqual([{ path: 'points', message: 'over' }]);
    expect(pointsToSend({ a: 100, b: 0 })).toEqual({ a: 100 });
  });
});

describe('the CSV import report', () => {
  it('reads rows.<line>.<field> into lines and columns, file-wide problems first', () => {
    expect(
      importProblemsOf([
        { path: 'rows.4.amount', message: 'a positive amount with at most 2 decimals' },
        { path: 'rows.2.team', message: 'no team "Склад" in the organization' },
        { path: 'csv', message: 'no rows under the header' },
      ]),
    ).toEqual([
      { line: null, column: null, message: 'no rows under the header' },
      { line: 2, column: 'team', message: 'no team "Склад" in the organization' },
      { line: 4, column: 'amount', message: 'a positive amount with at most 2 decimals' },
    ]);
  });
});

const trade = (enteredByTeamId: string, status: Trade['status'] = 'proposed') =>
  ({ seller: { id: 'crew', name: 'Бригада' }, buyer: { id: 'sales', name: 'Продажи' }, enteredByTeamId, status }) as Trade;

describe('internal trades', () => {
  it('the side that did not enter the trade answers it', () => {
    expect(answeringTeamId(trade('crew'))).toBe('sales');
    expect(answeringTeamId(trade('sales'))).toBe('crew');
  });
  it('a member of the answering team (or an admin) confirms a waiting trade; nobody answers it twice', () => {
    expect(canAnswerTrade(trade('crew'), new Set(['sales']), false)).toBe(true);
    expect(canAnswerTrade(trade('crew'), new Set(['crew']), false)).toBe(false);
    expect(canAnswerTrade(trade('crew'), new Set(), true)).toBe(true);
    expect(canAnswerTrade(trade('crew', 'confirmed'), new Set(['sales']), true)).toBe(false);
  });
  it('the seller sells, the buyer buys', () => {
    expect(tradeDirection(trade('crew'), 'crew')).toBe('sells');
    expect(tradeDirection(trade('crew'), 'sales')).toBe('buys');
  });
});
