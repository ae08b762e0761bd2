import { AppError, fieldError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { listReserveRequests } from './books.repository.js';
import { recorderIn, recordersOf } from './books.service.js';
import type { PeriodFigures } from './figures.service.js';
import { listClosedSnapshots, loadSettings, lockOrganization } from './period.repository.js';
import { insertReserveAllocation, listReserveAllocations } from './reserve.repository.js';

/** The reserve fund: what closed periods kept (reserve of every team), less what has been allocated. */
async function fund(tx: Tx, orgId: string) {
  const closed = await listClosedSnapshots(tx, orgId);
  const periods = closed.map((p) => ({
    period: p.period,
    reserveMinor: (JSON.parse(p.snapshot ?? '{"teams":[]}') as PeriodFigures).teams.reduce((s, t) => s + t.reserveMinor, 0),
  }));
  const allocations = await listReserveAllocations(tx, orgId);
  const accumulatedMinor = periods.reduce((s, p) => s + p.reserveMinor, 0);
  const allocatedMinor = allocations.reduce((s, a) => s + Number(a.amount_minor), 0);
  return {
    accumulatedMinor,
    allocatedMinor,
    balanceMinor: accumulatedMinor - allocatedMinor,
    periods,
    allocations: allocations.map((a) => ({
      id: a.id,
      amountMinor: Number(a.amount_minor),
      purpose: a.purpose,
      createdAt: a.created_at,
      createdBy: a.created_by,
      decisionId: a.decision_id,
    })),
  };
}

/**
 * The reserve fund, the right under which it is spent and the teams' requests. Nobody allocates
 * from it directly: a decision taken under the reserve right funds a request, and a participatory
 * round funds the projects the clients chose.
 */
export async function getReserve(ctx: OrgContext) {
  const settings = await loadSettings(ctx.db, ctx.org.id);
  const balance = await fund(ctx.db, ctx.org.id);
  const funded = new Set(balance.allocations.map((a) => a.decisionId));
  const requests = await listReserveRequests(ctx.db, ctx.org.id);
  const names = await recordersOf(
    ctx.db,
    ctx,
    requests.map((r) => r.created_by),
  );
  return {
    currency: ctx.org.currency,
    ...balance,
    reserveRightId: settings.reserve_right_id ?? null,
    requests: requests.map((r) => ({
      decisionId: r.decision_id,
      decisionTitle: r.title,
      teamId: r.team_id,
      fundingOption: Number(r.funding_option),
      purpose: r.purpose,
      amountMinor: r.amount === null ? null : Number(r.amount),
      status: funded.has(r.decision_id) ? ('funded' as const) : r.decided_at === null ? ('open' as const) : ('declined' as const),
      createdAt: Number(r.created_at),
      createdBy: recorderIn(names, r.created_by),
    })),
  };
}

/**
 * Allocates part of the reserve inside the caller's transaction: a participatory round funds its
 * winners in its own, a decision taken under the reserve right its request (`decisionId`); never more
 * than the balance (422 for a round's amount, 409 `reserve_insufficient` for a decision's). Returns
 * the allocation's id.
 */
export async function allocateReserveIn(
  tx: Tx,
  ctx: OrgContext,
  input: { amountMinor: number; purpose: string; decisionId?: string },
): Promise<string> {
  await lockOrganization(tx, ctx.org.id);
  const { balanceMinor } = await fund(tx, ctx.org.id);
  if (input.amountMinor > balanceMinor && input.decisionId)
    throw new AppError('reserve_insufficient', `amount: the decision spends ${input.amountMinor}, the reserve holds ${balanceMinor}`, [
      fieldError('amount', 'exceeds_reserve', `more than the reserve holds (${balanceMinor} minor units)`, { available: balanceMinor }),
    ]);
  if (input.amountMinor > balanceMinor)
    throw new AppError('validation_failed', `amountMinor: more than the reserve holds (${balanceMinor})`, [
      fieldError('amountMinor', 'exceeds_reserve', `more than the reserve holds (${balanceMinor} minor units)`, {
        available: balanceMinor,
      }),
    ]);
  const row = {
    id: newId(),
    org_id: ctx.org.id,
    amount_minor: input.amountMinor,
    purpose: input.purpose,
    created_at: ctx.now,
    created_by: ctx.actor.id,
    decision_id: input.decisionId ?? null,
  };
  await insertReserveAllocation(tx, row);
  await appendAudit(tx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    action: 'reserve.allocated',
    entityType: 'reserve',
    entityId: row.id,
    after: row,
    at: ctx.now,
  });
  return row.id;
}
