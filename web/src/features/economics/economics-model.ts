import type { FieldError } from '../../shared/api/client';
import type { SplitBasis, SplitRuleName, SplitWeights, TeamEconomics, TeamSummary, Trade } from './economics.api';

export type WaterfallKey =
  | 'revenue'
  | 'internalIn'
  | 'internalOut'
  | 'nonLabour'
  | 'labour'
  | 'overhead'
  | 'netProfit'
  | 'pool'
  | 'reserve';

/** One bar of the P&L waterfall: it spans [low, high] in minor units; `amountMinor` is what its label says. */
export interface WaterfallStep {
  key: WaterfallKey;
  kind: 'increase' | 'decrease' | 'total' | 'part';
  amountMinor: number;
  low: number;
  high: number;
}

type Figures = Pick<
  TeamEconomics,
  | 'revenueMinor'
  | 'internalInMinor'
  | 'internalOutMinor'
  | 'nonLabourMinor'
  | 'labourMinor'
  | 'overheadMinor'
  | 'netProfitMinor'
  | 'poolMinor'
  | 'reserveMinor'
>;

/**
 * The P&L as a waterfall: revenue and internal sales climb from zero, internal purchases, non-labour,
 * labour and overhead step down, net profit stands from zero where the steps ended (it may be below
 * zero), then the pool and the reserve taken from it.
 */
export function waterfallSteps(f: Figures): WaterfallStep[] {
  const steps: WaterfallStep[] = [];
  let level = 0;
  const move = (key: WaterfallKey, amountMinor: number, sign: 1 | -1) => {
    const next = level + sign * amountMinor;
    steps.push({ key, kind: sign > 0 ? 'increase' : 'decrease', amountMinor, low: Math.min(level, next), high: Math.max(level, next) });
    level = next;
  };
  const stand = (key: WaterfallKey, amountMinor: number, kind: 'total' | 'part') =>
    steps.push({ key, kind, amountMinor, low: Math.min(0, amountMinor), high: Math.max(0, amountMinor) });
  move('revenue', f.revenueMinor, 1);
  move('internalIn', f.internalInMinor, 1);
  move('internalOut', f.internalOutMinor, -1);
  move('nonLabour', f.nonLabourMinor, -1);
  move('labour', f.labourMinor, -1);
  move('overhead', f.overheadMinor, -1);
  stand('netProfit', f.netProfitMinor, 'total');
  stand('pool', f.poolMinor, 'part');
  stand('reserve', f.reserveMinor, 'part');
  return steps;
}

export const RANKINGS = ['efficiency', 'netProfit', 'fulfillment', 'pool'] as const;
export type Ranking = (typeof RANKINGS)[number];

const rankValue = (team: TeamSummary, by: Ranking): number | null =>
  by === 'efficiency'
    ? team.hourlyEfficiencyMinor
    : by === 'netProfit'
      ? team.netProfitMinor
      : by === 'fulfillment'
        ? team.fulfillmentIndex
        : team.poolMinor;

/** Teams best first by the chosen measure; a team without the measure (no hours) goes last; ties by name. */
export function rankTeams<T extends TeamSummary>(teams: readonly T[], by: Ranking, locale = 'ru'): T[] {
  return [...teams].sort((a, b) => {
    const x = rankValue(a, by);
    const y = rankValue(b, by);
    if (x === null || y === null) return x === y ? a.teamName.localeCompare(b.teamName, locale) : x === null ? 1 : -1;
    return y - x || a.teamName.localeCompare(b.teamName, locale);
  });
}

type Translate = (key: string, params?: Record<string, string>) => string;

/**
 * The split rule written out in the interface language, e.g.
 * "Share = pool × (0.5 × 1 ÷ members + 0.5 × your salary ÷ the team's salaries)". Bases with no weight
 * are left out of a mix.
 */
export function splitFormula(rule: SplitRuleName, weights: SplitWeights | null, t: Translate, decimal: (n: number) => string): string {
  const basis = (b: SplitBasis) => t(`economics.formula.bases.${b}`);
  if (rule !== 'mix') return t('economics.formula.single', { basis: basis(rule) });
  const terms = (Object.entries(weights ?? {}) as [SplitBasis, number | undefined][])
    .filter(([, weight]) => (weight ?? 0) > 0)
    .map(([b, weight]) => t('economics.formula.term', { weight: decimal(weight ?? 0), basis: basis(b) }));
  return t('economics.formula.mix', { terms: terms.join(' + ') });
}

const PPM = 1_000_000;

/** The sum of a mix's weights in parts per million, so 0.1 + 0.2 + 0.7 is exactly 1,000,000. */
export function weightsSumPpm(weights: SplitWeights): number {
  return Object.values(weights).reduce<number>((sum, weight) => sum + Math.round((weight ?? 0) * PPM), 0);
}

/** The weights to send: bases with a positive weight only. */
export function weightsToSend(weights: SplitWeights): SplitWeights {
  return Object.fromEntries(Object.entries(weights).filter(([, weight]) => (weight ?? 0) > 0));
}

/** Percentages summed in basis points (hundredths of a percent), so 33.33 + 33.33 + 33.34 is exactly 10,000. */
export function percentagesSumBp(percentages: Record<string, number>): number {
  return Object.values(percentages).reduce((sum, pct) => sum + Math.round(pct * 100), 0);
}

export const PEER_POINTS_TOTAL = 100;

/** Points still to give: 100 less what is given (negative when over). */
export function pointsLeft(points: Record<string, number>): number {
  return PEER_POINTS_TOTAL - Object.values(points).reduce((sum, n) => sum + (Number.isFinite(n) ? n : 0), 0);
}

/** What the browser can say before asking the server: no points to oneself, 100 in all. Empty: ready to send. */
export function peerPointsProblems(points: Record<string, number>, selfId: string): FieldError[] {
  const problems: FieldError[] = [];
  if ((points[selfId] ?? 0) > 0) problems.push({ path: `points.${selfId}`, message: 'self' });
  const left = pointsLeft(points);
  if (left !== 0) problems.push({ path: 'points', message: left > 0 ? 'under' : 'over' });
  return problems;
}

/** The points to send: teammates with more than zero. */
export function pointsToSend(points: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(points).filter(([, n]) => n > 0));
}

/** A problem of a ledger CSV import located in the file: `rows.4.amount` → line 4, column `amount`. */
export interface ImportProblem {
  line: number | null;
  column: string | null;
  message: string;
}

/** The import's field errors by line of the file (problems with the file as a whole first). */
export function importProblemsOf(fields: readonly FieldError[]): ImportProblem[] {
  return fields
    .map((field) => {
      const match = /^rows\.(\d+)(?:\.(.+))?$/.exec(field.path);
      if (!match) return { line: null, column: field.path === 'csv' ? null : field.path, message: field.message };
      return { line: Number(match[1]), column: match[2] ?? null, message: field.message };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The team on the other side of the one that entered the trade: the side that confirms or declines it. */
export function answeringTeamId(trade: Pick<Trade, 'seller' | 'buyer' | 'enteredByTeamId'>): string {
  return trade.enteredByTeamId === trade.seller.id ? trade.buyer.id : trade.seller.id;
}

/** Whether the person may confirm or decline: the trade waits and they are on the answering side (or an admin). */
export function canAnswerTrade(trade: Trade, myTeamIds: ReadonlySet<string>, isAdmin: boolean): boolean {
  return trade.status === 'proposed' && (isAdmin || myTeamIds.has(answeringTeamId(trade)));
}

/** From a team's point of view: it sells (internal revenue) or buys (an internal cost). */
export function tradeDirection(trade: Pick<Trade, 'seller'>, teamId: string): 'sells' | 'buys' {
  return trade.seller.id === teamId ? 'sells' : 'buys';
}
