import { budgetedTeamFigures, type PoolMode, type TeamBudget } from '../../core/economics/budgeted-pool.js';
import { teamFigures } from '../../core/economics/figures.js';
import { PPM, toNumber } from '../../core/economics/fraction.js';
import { fulfillmentIndex, isKept, type PromiseResult } from '../../core/economics/fulfillment.js';
import { allocateOverhead, type OverheadRule } from '../../core/economics/overhead.js';
import { periodRange } from '../../core/economics/period.js';
import { type SplitBasis, type SplitRule, splitPool } from '../../core/economics/split.js';
import { targetPpm, versionAt } from '../../core/promises/compute.js';
import { windowAt } from '../../core/promises/window.js';
import type { EconomicPeriodsTable, EconomicsSettingsTable, SplitRulesTable, Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { countPromiseRanges } from '../promises/counter.repository.js';
import { loadVersionsOf, toVersion } from '../promises/promise.repository.js';
import type { TVersion, TWindow } from '../promises/promise.schema.js';
import { listTeamNames } from '../teams/team.repository.js';
import { listTeamBudgets, loadPoolMode } from './budget.repository.js';
import type { TTeamEconomics } from './economics.schema.js';
import { listClientPromisesInForce } from './fulfillment.repository.js';
import { sumLedgerByTeamAndKind } from './ledger.repository.js';
import { listPeriodMembers, listTeamMembersJoinedBefore } from './member.repository.js';
import { loadSettings } from './period.repository.js';
import { listSplitRules, sumPeerPointsReceived } from './split.repository.js';
import { listConfirmedTrades } from './trade.repository.js';

/** Every team's economics in an open period, computed now from the inputs (a closed one is read from its snapshot). */
export interface PeriodFigures {
  overheadTotalMinor: number;
  teams: TTeamEconomics[];
}

type Sums = Map<string, number>;
const bump = (m: Sums, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);

type Member = { id: string; name: string; joinedAt: number; hoursCenti: number; salaryMinor: number };
type FulfillmentPromise = PromiseResult & { id: string; title: string };
type Settings = Pick<EconomicsSettingsTable, 'pool_rate_ppm' | 'reserve_rate_ppm' | 'fulfillment'>;

/** Everything the period's figures are computed from, read once. */
interface PeriodInputs {
  settings: Settings;
  teams: { id: string; name: string }[];
  /** The organization's overhead, to be shared among the teams. */
  overheadTotalMinor: number;
  /** `${teamId}:${kind}` → minor units: ledger kinds, and `in`/`out` for confirmed trades. */
  sums: Sums;
  /** Team id → user id → the member's hours and salary in the period. */
  members: Map<string, Map<string, Member>>;
  /** `${teamId}:${userId}` → peer points received. */
  pointsOf: Sums;
  rules: Map<string, SplitRulesTable>;
  /** Team id → its client promises with good and total at the period's end. */
  results: Map<string, FulfillmentPromise[]>;
  /** `budgeted_bonus` only in a government organization (a business one that became so keeps profit_share). */
  poolMode: PoolMode;
  /** Team id → its budget and bonus fund for the period (budgeted_bonus). */
  budgets: Map<string, TeamBudget>;
}

/** A team's published rule as the core reads it; equal until the team publishes one. */
export function splitRuleOf(row: { rule: string; weights: string | null } | undefined): SplitRule {
  if (!row) return { rule: 'equal' };
  if (row.rule === 'mix') {
    const weights = JSON.parse(row.weights ?? '{}') as Partial<Record<SplitBasis, number>>;
    return { rule: 'mix', weightsPpm: Object.fromEntries(Object.entries(weights).map(([b, w]) => [b, Math.round(w * PPM)])) };
  }
  return { rule: row.rule as SplitBasis };
}

/**
 * The span a promise is judged over at the period's end `at`. At a month's end exactly, a calendar
 * window would be the next month's, still empty: the window is the one holding the last instant of
 * the period, up to its end.
 */
function fulfillmentSpan(window: TWindow, at: number, timeZone: string): { from: number; to: number } {
  const span = window.kind === 'calendar' ? { ...windowAt(window, at - 1, timeZone), to: at } : windowAt(window, at, timeZone);
  return { from: span.from, to: span.to };
}

/** The client promises of each team that were in force during the period, with good and total at its end (or now). */
async function promiseResults(tx: Tx, ctx: OrgContext, from: number, to: number): Promise<Map<string, FulfillmentPromise[]>> {
  const at = Math.min(to, ctx.now);
  const promises = await listClientPromisesInForce(tx, ctx.org.id, from, to);
  const versionsOf = await loadVersionsOf(
    tx,
    ctx.org.id,
    promises.map((p) => p.id),
  );
  const judged = promises.map((p) => {
    const version = versionAt((versionsOf.get(p.id) ?? []).map(toVersion), at - 1) as TVersion;
    return { promise: p, version, span: fulfillmentSpan(version.window, at, ctx.org.time_zone) };
  });
  const counts = await countPromiseRanges(
    tx,
    judged.map(({ promise, span }) => ({ promiseId: promise.id, fineMs: promise.fine_bucket_ms, ...span })),
  );
  const byTeam = new Map<string, FulfillmentPromise[]>();
  judged.forEach(({ promise, version }, i) => {
    const list = byTeam.get(promise.promiser_team_id) ?? [];
    list.push({
      id: promise.id,
      title: promise.title,
      good: counts[i]?.good ?? 0,
      total: counts[i]?.total ?? 0,
      targetPpm: targetPpm(version.target),
    });
    byTeam.set(promise.promiser_team_id, list);
  });
  return byTeam;
}

/**
 * The members of each team in the period: those who joined before it ended, and anyone with hours or
 * a salary recorded in it (joined when first recorded, unless they are on the team).
 */
function membersByTeam(
  current: readonly { team_id: string; user_id: string; created_at: number; name: string }[],
  recorded: readonly { team_id: string; user_id: string; created_at: number; name: string; hours_centi: number; salary_minor: number }[],
): Map<string, Map<string, Member>> {
  const members = new Map<string, Map<string, Member>>();
  const memberOf = (teamId: string) => members.get(teamId) ?? members.set(teamId, new Map()).get(teamId)!;
  for (const m of current)
    memberOf(m.team_id).set(m.user_id, { id: m.user_id, name: m.name, joinedAt: m.created_at, hoursCenti: 0, salaryMinor: 0 });
  for (const r of recorded) {
    const list = memberOf(r.team_id);
    const known = list.get(r.user_id);
    list.set(r.user_id, {
      id: r.user_id,
      name: r.name,
      joinedAt: known?.joinedAt ?? r.created_at,
      hoursCenti: Number(r.hours_centi),
      salaryMinor: Number(r.salary_minor),
    });
  }
  return members;
}

/** Reads the period's inputs: settings, teams, ledger sums, confirmed trades, members, peer points, split rules, promises. */
async function loadPeriodInputs(tx: Tx, ctx: OrgContext, period: EconomicPeriodsTable): Promise<PeriodInputs> {
  const orgId = ctx.org.id;
  const { from, to } = periodRange(period.period, ctx.org.time_zone);
  const settings = await loadSettings(tx, orgId);
  const teams = await listTeamNames(tx, orgId);
  const sums: Sums = new Map();
  let overheadTotalMinor = 0;
  for (const row of await sumLedgerByTeamAndKind(tx, orgId, period.period)) {
    if (row.team_id === null) overheadTotalMinor += row.sum;
    else bump(sums, `${row.team_id}:${row.kind}`, row.sum);
  }
  for (const t of await listConfirmedTrades(tx, orgId, period.period)) {
    bump(sums, `${t.seller_team_id}:in`, Number(t.amount_minor));
    bump(sums, `${t.buyer_team_id}:out`, Number(t.amount_minor));
  }
  // Someone who joined after the month ended has no part in it (unless hours were recorded for them).
  const current = await listTeamMembersJoinedBefore(tx, orgId, to);
  const recorded = await listPeriodMembers(tx, orgId, period.period);
  const points = await sumPeerPointsReceived(tx, orgId, period.period);
  const rules = new Map((await listSplitRules(tx, orgId)).map((r) => [r.team_id, r]));
  return {
    settings,
    teams,
    overheadTotalMinor,
    sums,
    members: membersByTeam(current, recorded),
    pointsOf: new Map(points.map((p) => [`${p.team_id}:${p.receiver_id}`, p.sum])),
    rules,
    results: settings.fulfillment === 'off' ? new Map() : await promiseResults(tx, ctx, from, to),
    poolMode: ctx.org.kind === 'government' ? await loadPoolMode(tx, orgId) : 'profit_share',
    budgets: new Map(
      (await listTeamBudgets(tx, orgId, period.period)).map((b) => [
        b.team_id,
        { budgetMinor: b.budget_minor, bonusFundMinor: b.bonus_fund_minor },
      ]),
    ),
  };
}

/** The overhead rule stored with the period, as the core reads it. */
function overheadRuleOf(period: EconomicPeriodsTable): OverheadRule {
  return period.overhead_rule === 'fixed'
    ? { kind: 'fixed', basisPoints: JSON.parse(period.overhead_basis_points ?? '{}') as Record<string, number> }
    : { kind: period.overhead_rule };
}

/** The figures of every team from the period's inputs; pure. */
function periodFigures(inputs: PeriodInputs, period: EconomicPeriodsTable, currency: string): PeriodFigures {
  const membersOf = (teamId: string) => [...(inputs.members.get(teamId)?.values() ?? [])];
  const hoursOf = (teamId: string) => membersOf(teamId).reduce((s, m) => s + m.hoursCenti, 0);
  const overhead = allocateOverhead(
    inputs.overheadTotalMinor,
    inputs.teams.map((t, i) => ({
      id: t.id,
      order: i,
      members: membersOf(t.id).length,
      hoursCenti: hoursOf(t.id),
      revenueMinor: inputs.sums.get(`${t.id}:revenue`) ?? 0,
    })),
    overheadRuleOf(period),
  );
  const teams = inputs.teams.map((team) =>
    teamEconomics(inputs, team, { period, currency, overheadMinor: overhead.get(team.id) ?? 0, members: membersOf(team.id) }),
  );
  return { overheadTotalMinor: inputs.overheadTotalMinor, teams };
}

/** One team's figures: its ledger, fulfillment index, pool and the pool's split among its members. */
function teamEconomics(
  inputs: PeriodInputs,
  team: { id: string; name: string },
  of: { period: EconomicPeriodsTable; currency: string; overheadMinor: number; members: Member[] },
): TTeamEconomics {
  const { settings } = inputs;
  const sum = (kind: string) => inputs.sums.get(`${team.id}:${kind}`) ?? 0;
  const ledgerOf = {
    revenueMinor: sum('revenue'),
    internalInMinor: sum('in'),
    internalOutMinor: sum('out'),
    nonLabourMinor: sum('expense'),
    labourMinor: sum('labour'),
    overheadMinor: of.overheadMinor,
    hoursCenti: of.members.reduce((s, m) => s + m.hoursCenti, 0),
  };
  const { hoursCenti, ...money } = ledgerOf;
  const promises = inputs.results.get(team.id) ?? [];
  const index = fulfillmentIndex(settings.fulfillment, promises);
  const people = of.members.map((m) => ({ ...m, peerPoints: inputs.pointsOf.get(`${team.id}:${m.id}`) ?? 0 }));
  const rates = { poolRatePpm: settings.pool_rate_ppm, reserveRatePpm: settings.reserve_rate_ppm };
  const budget = inputs.budgets.get(team.id) ?? null;
  const budgeted = inputs.poolMode === 'budgeted_bonus';
  const figures = budgeted
    ? budgetedTeamFigures(ledgerOf, budget, settings.reserve_rate_ppm, index, people.length > 0)
    : { ...teamFigures(ledgerOf, rates, index, people.length > 0), savingsMinor: null };
  const splitRule = splitRuleOf(inputs.rules.get(team.id));
  const split = splitPool(figures.poolMinor, people, splitRule);
  const amountOf = new Map(split.shares.map((s) => [s.memberId, s.amountMinor]));
  return {
    period: of.period.period,
    closed: false,
    currency: of.currency,
    ...money,
    netProfitMinor: figures.netProfitMinor,
    hours: hoursCenti / 100,
    hourlyEfficiencyMinor: figures.hourlyEfficiencyMinor,
    fulfillmentIndex: toNumber(index),
    poolRate: settings.pool_rate_ppm / PPM,
    poolMinor: figures.poolMinor,
    withheldMinor: figures.withheldMinor,
    reserveMinor: figures.reserveMinor,
    splitRule: splitRule.rule,
    shares: split.shares,
    teamId: team.id,
    teamName: team.name,
    reserveRate: settings.reserve_rate_ppm / PPM,
    fulfillmentMode: settings.fulfillment,
    fulfillmentPromises: promises.map(fulfillmentPromiseOf),
    splitWeights: splitRule.rule === 'mix' ? Object.fromEntries(Object.entries(splitRule.weightsPpm).map(([b, w]) => [b, w / PPM])) : null,
    equalFallbacks: split.equalFallbacks,
    sharesVisible: true,
    members: [...people]
      .sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1))
      .map((m) => ({
        memberId: m.id,
        name: m.name,
        joinedAt: m.joinedAt,
        hours: m.hoursCenti / 100,
        salaryMinor: m.salaryMinor,
        peerPointsReceived: m.peerPoints,
        amountMinor: amountOf.get(m.id) ?? 0,
      })),
    overheadRule: of.period.overhead_rule,
    poolMode: inputs.poolMode,
    budgetMinor: budgeted ? (budget?.budgetMinor ?? null) : null,
    bonusFundMinor: budgeted ? (budget?.bonusFundMinor ?? null) : null,
    savingsMinor: figures.savingsMinor,
  };
}

/** A promise as the figures show it: its counts, target and whether it was kept. */
function fulfillmentPromiseOf(p: FulfillmentPromise): TTeamEconomics['fulfillmentPromises'][number] {
  return {
    id: p.id,
    title: p.title,
    good: p.good,
    total: p.total,
    target: p.targetPpm / PPM,
    attainment: p.total > 0 ? p.good / p.total : null,
    kept: isKept(p),
  };
}

/**
 * Computes the period's figures for every team of the organization, reading everything inside `tx`:
 * ledger sums, confirmed trades, the overhead shared by the period's rule, hours, salaries and peer
 * points of each member, the fulfillment of each team's client promises at the period's end (or
 * now, while it lasts), the pool and its split by each team's published rule. Members are the
 * team's members who joined before the period ended and anyone with hours or a salary recorded in
 * the period.
 */
export async function computePeriod(tx: Tx, ctx: OrgContext, period: EconomicPeriodsTable): Promise<PeriodFigures> {
  const inputs = await loadPeriodInputs(tx, ctx, period);
  return periodFigures(inputs, period, ctx.org.currency);
}
