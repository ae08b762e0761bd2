import { periodOf, periodsEnding } from '../../core/economics/period.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { EconomicPeriodsTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { findTeam, listTeamIdsOfUser } from '../teams/team.repository.js';
import { listMemberRecorders } from './books.repository.js';
import { inputsLockOf, recorderIn, recordersOf, timeReserveFigure } from './books.service.js';
import type { TTeamEconomics, TTeamEconomicsView } from './economics.schema.js';
import { computePeriod, type PeriodFigures } from './figures.service.js';
import { insertPeriod, listPeriodRows, loadPeriod, lockPeriod, updatePeriod } from './period.repository.js';
import { isTeamMember } from './period.service.js';

/** A period's figures: frozen from its snapshot when closed, computed from the inputs when open. */
async function figuresOf(tx: Tx, ctx: OrgContext, period: EconomicPeriodsTable): Promise<PeriodFigures> {
  if (period.status === 'closed' && period.snapshot) {
    const frozen = JSON.parse(period.snapshot) as PeriodFigures;
    // Months closed before the budgeted-bonus mode existed were frozen without its fields.
    const before = { poolMode: 'profit_share' as const, budgetMinor: null, bonusFundMinor: null, savingsMinor: null };
    return { ...frozen, teams: frozen.teams.map((t) => ({ ...before, ...t, closed: true })) };
  }
  return computePeriod(tx, ctx, period);
}

/** Members, hours, salaries and shares are the team's, the admins' and the council's to see. */
async function seesShares(tx: Tx, ctx: OrgContext, teamId: string): Promise<boolean> {
  if (ctx.actor.type !== 'user' || ctx.role === 'admin' || ctx.role === 'council') return true;
  return isTeamMember(tx, ctx, teamId);
}

/** The teams whose shares the caller sees among `teamIds`: all of them, or those they belong to (one query). */
async function teamsSeeingShares(tx: Tx, ctx: OrgContext, teamIds: string[]): Promise<Set<string>> {
  if (ctx.actor.type !== 'user' || ctx.role === 'admin' || ctx.role === 'council') return new Set(teamIds);
  if (!ctx.actor.id) return new Set();
  return new Set(await listTeamIdsOfUser(tx, ctx.org.id, ctx.actor.id));
}

function redact(team: TTeamEconomics): TTeamEconomics {
  return { ...team, shares: [], members: [], sharesVisible: false };
}

/**
 * One team's economics for a period (GET …/periods/{p}/teams/{teamId}/economics), with who recorded
 * each member's work, the team's time reserve and whether the month's inputs are locked.
 */
export async function teamEconomics(ctx: OrgContext, period: string, teamId: string): Promise<TTeamEconomicsView> {
  const row = await loadPeriod(ctx.db, ctx.org.id, period);
  const found = (await figuresOf(ctx.db, ctx, row)).teams.find((t) => t.teamId === teamId);
  if (!found) throw notFound('team', teamId);
  const team = (await seesShares(ctx.db, ctx, teamId)) ? found : redact(found);
  const recorded = new Map((await listMemberRecorders(ctx.db, ctx.org.id, period, teamId)).map((r) => [r.user_id, r]));
  const names = await recordersOf(
    ctx.db,
    ctx,
    [...recorded.values()].map((r) => r.recorded_by),
  );
  return {
    ...team,
    members: team.members.map((m) => {
      const entry = recorded.get(m.memberId);
      return { ...m, recordedBy: recorderIn(names, entry?.recorded_by ?? null), recordedAt: entry ? Number(entry.updated_at) : null };
    }),
    timeReserve: await timeReserveFigure(ctx, teamId, team.hours),
    inputsLocked: row.inputs_locked_at !== null,
  };
}

/** Every team side by side for a period, and the overhead shared among them. */
export async function periodEconomics(ctx: OrgContext, period: string) {
  const row = await loadPeriod(ctx.db, ctx.org.id, period);
  const figures = await figuresOf(ctx.db, ctx, row);
  const seen = await teamsSeeingShares(
    ctx.db,
    ctx,
    figures.teams.map((t) => t.teamId),
  );
  return {
    period,
    closed: row.status === 'closed',
    closedAt: row.closed_at,
    currency: ctx.org.currency,
    overheadRule: row.overhead_rule,
    overheadPercentages: row.overhead_basis_points
      ? Object.fromEntries(
          Object.entries(JSON.parse(row.overhead_basis_points) as Record<string, number>).map(([id, bp]) => [id, bp / 100]),
        )
      : null,
    overheadTotalMinor: figures.overheadTotalMinor,
    // Side by side, every team's figures are open; members, salaries and shares only to those who see them.
    teams: figures.teams.map((t) => (seen.has(t.teamId) ? t : redact(t))),
    inputsLocked: await inputsLockOf(ctx, row),
  };
}

/** A team's figures over the `count` periods ending with `to` (default: the current one), oldest first. */
export async function teamHistory(ctx: OrgContext, teamId: string, query: { to?: string; count: number }) {
  const team = await findTeam(ctx.db, ctx.org.id, teamId);
  if (!team) throw notFound('team', teamId);
  const visible = await seesShares(ctx.db, ctx, teamId);
  const items: TTeamEconomics[] = [];
  for (const period of periodsEnding(query.to ?? periodOf(ctx.now, ctx.org.time_zone), query.count)) {
    const found = (await figuresOf(ctx.db, ctx, await loadPeriod(ctx.db, ctx.org.id, period))).teams.find((t) => t.teamId === teamId);
    if (found) items.push(visible ? found : redact(found));
  }
  return { items };
}

/** Periods with anything entered or closed, newest first, and the current one. */
export async function listPeriods(ctx: OrgContext) {
  const rows = await listPeriodRows(ctx.db, ctx.org.id);
  const current = periodOf(ctx.now, ctx.org.time_zone);
  const items = rows.map((r) => ({ period: r.period, closed: r.status === 'closed', closedAt: r.closed_at }));
  if (!items.some((p) => p.period === current)) items.push({ period: current, closed: false, closedAt: null });
  return { items: items.sort((a, b) => (a.period < b.period ? 1 : -1)) };
}

/**
 * Closes a period: every team's figures are computed and frozen; from then on they are read back,
 * not recomputed, and the period's inputs refuse changes. Only a period that has ended closes.
 */
export async function closePeriod(ctx: OrgContext, period: string) {
  await ctx.db.transaction().execute(async (tx) => {
    await lockPeriod(tx, ctx.org.id, period, ctx.now);
    const row = await loadPeriod(tx, ctx.org.id, period);
    if (row.status === 'closed')
      throw new AppError('period_closed', `period ${period} is already closed`, [
        fieldError('period', 'period_closed', 'is already closed', { period }),
      ]);
    if (periodOf(ctx.now, ctx.org.time_zone) <= period)
      throw new AppError('conflict', `period: ${period} has not ended yet in ${ctx.org.time_zone}`, [
        fieldError('period', 'not_closed', 'has not ended yet'),
      ]);
    const figures = await computePeriod(tx, ctx, row);
    const closed = {
      status: 'closed' as const,
      snapshot: JSON.stringify(figures),
      closed_at: ctx.now,
      closed_by: ctx.actor.id,
      updated_at: ctx.now,
    };
    if (row.created_at === 0) await insertPeriod(tx, { ...row, ...closed, created_at: ctx.now });
    else await updatePeriod(tx, ctx.org.id, period, closed);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'period.closed',
      entityType: 'period',
      entityId: period,
      after: {
        teams: figures.teams.map((t) => ({
          teamId: t.teamId,
          netProfitMinor: t.netProfitMinor,
          poolMinor: t.poolMinor,
          reserveMinor: t.reserveMinor,
        })),
      },
      at: ctx.now,
    });
  });
  return periodEconomics(ctx, period);
}

/** Reopens a closed period (admins, with a reason): the frozen figures go to the audit log and the inputs open again. */
export async function reopenPeriod(ctx: OrgContext, period: string, reason: string) {
  await ctx.db.transaction().execute(async (tx) => {
    await lockPeriod(tx, ctx.org.id, period, ctx.now);
    const row = await loadPeriod(tx, ctx.org.id, period);
    if (row.status !== 'closed')
      throw new AppError('conflict', `period: ${period} is not closed`, [
        fieldError('period', 'wrong_status', 'is not closed', { status: 'open' }),
      ]);
    await updatePeriod(tx, ctx.org.id, period, { status: 'open', snapshot: null, closed_at: null, closed_by: null, updated_at: ctx.now });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'period.reopened',
      entityType: 'period',
      entityId: period,
      before: { closedAt: row.closed_at, snapshot: JSON.parse(row.snapshot ?? 'null') },
      after: { reason },
      at: ctx.now,
    });
  });
  return periodEconomics(ctx, period);
}
