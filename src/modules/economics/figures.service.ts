import { teamFigures } from '../../core/economics/figures.js';
import { PPM, toNumber } from '../../core/economics/fraction.js';
import { fulfillmentIndex, isKept, type PromiseResult } from '../../core/economics/fulfillment.js';
import { allocateOverhead, type OverheadRule } from '../../core/economics/overhead.js';
import { periodRange } from '../../core/economics/period.js';
import { type SplitBasis, type SplitRule, splitPool } from '../../core/economics/split.js';
import { targetPpm, versionAt } from '../../core/promises/compute.js';
import { windowAt } from '../../core/promises/window.js';
import type { EconomicPeriodsTable, Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { loadVersions, toVersion } from '../promises/promise.repository.js';
import type { TVersion } from '../promises/promise.schema.js';
import { countRanges } from '../promises/status.service.js';
import type { TTeamEconomics } from './economics.schema.js';
import { loadSettings } from './period.repository.js';

/** Every team's economics in an open period, computed now from the inputs (a closed one is read from its snapshot). */
export interface PeriodFigures {
  overheadTotalMinor: number;
  teams: TTeamEconomics[];
}

type Sums = Map<string, number>;
const bump = (m: Sums, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);

/** A team's published rule as the core reads it; equal until the team publishes one. */
export function splitRuleOf(row: { rule: string; weights: string | null } | undefined): SplitRule {
  if (!row) return { rule: 'equal' };
  if (row.rule === 'mix') {
    const weights = JSON.parse(row.weights ?? '{}') as Partial<Record<SplitBasis, number>>;
    return { rule: 'mix', weightsPpm: Object.fromEntries(Object.entries(weights).map(([b, w]) => [b, Math.round(w * PPM)])) };
  }
  return { rule: row.rule as SplitBasis };
}

/** The client promises of each team that were published during the period, with good and total at its end. */
async function promiseResults(tx: Tx, ctx: OrgContext, from: number, to: number) {
  const at = Math.min(to, ctx.now);
  const rows = await tx
    .selectFrom('promises')
    .select(['id', 'title', 'promiser_team_id', 'fine_bucket_ms'])
    .where('org_id', '=', ctx.org.id)
    .where('kind', '=', 'client')
    .where('published_at', 'is not', null)
    .where('published_at', '<', to)
    .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>=', from)]))
    .orderBy('title')
    .execute();
  const byTeam = new Map<string, (PromiseResult & { id: string; title: string })[]>();
  for (const p of rows) {
    const versions = (await loadVersions(tx, ctx.org.id, p.id)).map(toVersion);
    // At a month's end exactly, a calendar window would be the next month's, still empty: the window
    // is the one holding the last instant of the period, up to its end.
    const version = versionAt(versions, at - 1) as TVersion;
    const span =
      version.window.kind === 'calendar'
        ? { ...windowAt(version.window, at - 1, ctx.org.time_zone), to: at }
        : windowAt(version.window, at, ctx.org.time_zone);
    const [counts] = await countRanges(tx, p.id, p.fine_bucket_ms, [span]);
    const list = byTeam.get(p.promiser_team_id) ?? [];
    list.push({ id: p.id, title: p.title, good: counts?.good ?? 0, total: counts?.total ?? 0, targetPpm: targetPpm(version.target) });
    byTeam.set(p.promiser_team_id, list);
  }
  return byTeam;
}

/**
 * Computes the period's figures for every team of the organization (DESIGN M6), reading everything
 * inside `tx`: ledger sums, confirmed trades, the overhead shared by the period's rule, hours,
 * salaries and peer points of each member, the fulfillment of each team's client promises at the
 * period's end (or now, while it lasts), the pool and its split by each team's published rule.
 * Members are the team's members who joined before the period ended and anyone with hours or a
 * salary recorded in the period.
 */
export async function computePeriod(tx: Tx, ctx: OrgContext, period: EconomicPeriodsTable): Promise<PeriodFigures> {
  const orgId = ctx.org.id;
  const { from, to } = periodRange(period.period, ctx.org.time_zone);
  const settings = await loadSettings(tx, orgId);
  const teams = await tx
    .selectFrom('teams')
    .select(['id', 'name', 'created_at'])
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

  const ledger = await tx
    .selectFrom('ledger_lines')
    .select(['team_id', 'kind', (eb) => eb.fn.sum<number>('amount_minor').as('sum')])
    .where('org_id', '=', orgId)
    .where('period', '=', period.period)
    .groupBy(['team_id', 'kind'])
    .execute();
  const sums: Sums = new Map();
  let overheadTotalMinor = 0;
  for (const row of ledger) {
    if (row.team_id === null) overheadTotalMinor += Number(row.sum);
    else bump(sums, `${row.team_id}:${row.kind}`, Number(row.sum));
  }
  const trades = await tx
    .selectFrom('internal_trades')
    .select(['seller_team_id', 'buyer_team_id', 'amount_minor'])
    .where('org_id', '=', orgId)
    .where('period', '=', period.period)
    .where('status', '=', 'confirmed')
    .execute();
  for (const t of trades) {
    bump(sums, `${t.seller_team_id}:in`, Number(t.amount_minor));
    bump(sums, `${t.buyer_team_id}:out`, Number(t.amount_minor));
  }

  const current = await tx
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['team_members.team_id', 'team_members.user_id', 'team_members.created_at', 'users.name'])
    .where('team_members.org_id', '=', orgId)
    // Someone who joined after the month ended has no part in it (unless hours were recorded for them).
    .where('team_members.created_at', '<', to)
    .execute();
  const recorded = await tx
    .selectFrom('period_members')
    .innerJoin('users', 'users.id', 'period_members.user_id')
    .select([
      'period_members.team_id',
      'period_members.user_id',
      'period_members.created_at',
      'period_members.hours_centi',
      'period_members.salary_minor',
      'users.name',
    ])
    .where('period_members.org_id', '=', orgId)
    .where('period_members.period', '=', period.period)
    .execute();
  const points = await tx
    .selectFrom('peer_points')
    .select(['team_id', 'receiver_id', (eb) => eb.fn.sum<number>('points').as('sum')])
    .where('org_id', '=', orgId)
    .where('period', '=', period.period)
    .groupBy(['team_id', 'receiver_id'])
    .execute();
  const pointsOf: Sums = new Map(points.map((p) => [`${p.team_id}:${p.receiver_id}`, Number(p.sum)]));
  type Member = { id: string; name: string; joinedAt: number; hoursCenti: number; salaryMinor: number };
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
  const hoursOf = (teamId: string) => [...memberOf(teamId).values()].reduce((s, m) => s + m.hoursCenti, 0);

  const rule: OverheadRule =
    period.overhead_rule === 'fixed'
      ? { kind: 'fixed', basisPoints: JSON.parse(period.overhead_basis_points ?? '{}') as Record<string, number> }
      : { kind: period.overhead_rule };
  const overhead = allocateOverhead(
    overheadTotalMinor,
    teams.map((t, i) => ({
      id: t.id,
      order: i,
      members: memberOf(t.id).size,
      hoursCenti: hoursOf(t.id),
      revenueMinor: sums.get(`${t.id}:revenue`) ?? 0,
    })),
    rule,
  );

  const rules = new Map((await tx.selectFrom('split_rules').selectAll().where('org_id', '=', orgId).execute()).map((r) => [r.team_id, r]));
  const results: Awaited<ReturnType<typeof promiseResults>> =
    settings.fulfillment === 'off' ? new Map() : await promiseResults(tx, ctx, from, to);
  const rates = { poolRatePpm: settings.pool_rate_ppm, reserveRatePpm: settings.reserve_rate_ppm };

  const out = teams.map((team): TTeamEconomics => {
    const sum = (kind: string) => sums.get(`${team.id}:${kind}`) ?? 0;
    const ledgerOf = {
      revenueMinor: sum('revenue'),
      internalInMinor: sum('in'),
      internalOutMinor: sum('out'),
      nonLabourMinor: sum('expense'),
      labourMinor: sum('labour'),
      overheadMinor: overhead.get(team.id) ?? 0,
      hoursCenti: hoursOf(team.id),
    };
    const { hoursCenti, ...money } = ledgerOf;
    const promises = results.get(team.id) ?? [];
    const index = fulfillmentIndex(settings.fulfillment, promises);
    const people = [...memberOf(team.id).values()].map((m) => ({ ...m, peerPoints: pointsOf.get(`${team.id}:${m.id}`) ?? 0 }));
    const figures = teamFigures(ledgerOf, rates, index, people.length > 0);
    const splitRule = splitRuleOf(rules.get(team.id));
    const split = splitPool(figures.poolMinor, people, splitRule);
    const amountOf = new Map(split.shares.map((s) => [s.memberId, s.amountMinor]));
    const weights =
      splitRule.rule === 'mix' ? Object.fromEntries(Object.entries(splitRule.weightsPpm).map(([b, w]) => [b, w / PPM])) : null;
    return {
      period: period.period,
      closed: false,
      currency: ctx.org.currency,
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
      fulfillmentPromises: promises.map((p) => ({
        id: p.id,
        title: p.title,
        good: p.good,
        total: p.total,
        target: p.targetPpm / PPM,
        attainment: p.total > 0 ? p.good / p.total : null,
        kept: isKept(p),
      })),
      splitWeights: weights,
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
      overheadRule: period.overhead_rule,
    };
  });
  return { overheadTotalMinor, teams: out };
}
