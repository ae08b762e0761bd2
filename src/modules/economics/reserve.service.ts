import { AppError, fieldError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import type { PeriodFigures } from './figures.service.js';
import { listClosedSnapshots, lockOrganization } from './period.repository.js';
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
    })),
  };
}

export async function getReserve(ctx: OrgContext) {
  return { currency: ctx.org.currency, ...(await fund(ctx.db, ctx.org.id)) };
}

/**
 * Allocates part of the reserve inside the caller's transaction (a participatory round funds its
 * winners in its own); never more than the balance. Returns the allocation's id.
 */
export async function allocateReserveIn(tx: Tx, ctx: OrgContext, input: { amountMinor: number; purpose: string }): Promise<string> {
  await lockOrganization(tx, ctx.org.id);
  const { balanceMinor } = await fund(tx, ctx.org.id);
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

/** Allocates part of the reserve to a new project or experiment; never more than the balance. */
export async function allocateReserve(ctx: OrgContext, input: { amountMinor: number; purpose: string }) {
  await ctx.db.transaction().execute((tx) => allocateReserveIn(tx, ctx, input));
  return getReserve(ctx);
}
