/**
 * Reserve money is spent through a decision (issue 17, redundancy): the organization names the right
 * under which the reserve is spent; a team opens a decision under it with an amount (the advice
 * process, clients asked when it touches them) and records here the option that funds its project.
 * Taking the decision with that option allocates the amount in the same transaction, or refuses the
 * decision when the reserve holds less.
 */
import { AppError, fieldError, invalidField, notFound } from '../../core/errors.js';
import type { Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { findDecision } from '../governance/decision.repository.js';
import { findReserveRequest, saveReserveRequest } from './books.repository.js';
import { isBooksAdmin } from './books.service.js';
import type { TReserveRequestInput } from './economics.schema.js';
import { loadSettings } from './period.repository.js';
import { isTeamMember } from './period.service.js';
import { allocateReserveIn, getReserve } from './reserve.service.js';

/** The reserve right named in the settings, or 409 naming `reserveRightId` when there is none. */
async function reserveRight(tx: Tx, ctx: OrgContext): Promise<string> {
  const { reserve_right_id: rightId } = await loadSettings(tx, ctx.org.id);
  if (!rightId)
    throw new AppError('conflict', 'reserveRightId: the organization has not named the right to spend the reserve (economics settings)', [
      fieldError('reserveRightId', 'required', 'name the decision right under which the reserve is spent'),
    ]);
  return rightId;
}

/**
 * Records (or changes, while the decision is open) a team's request for reserve money: the decision,
 * under the reserve right and with an amount, and the option that funds the project. The decision's
 * team's members or an admin.
 */
export async function putReserveRequest(ctx: OrgContext, decisionId: string, input: TReserveRequestInput) {
  await ctx.db.transaction().execute(async (tx) => {
    const decision = await findDecision(tx, ctx.org.id, decisionId);
    if (!decision) throw notFound('decision', decisionId);
    if (!isBooksAdmin(ctx) && !(await isTeamMember(tx, ctx, decision.team_id)))
      throw new AppError('forbidden', "only the deciding team's members or an admin request reserve money through its decision");
    const rightId = await reserveRight(tx, ctx);
    if (decision.right_id !== rightId)
      throw new AppError('conflict', 'decisionId: the decision is not under the right to spend the reserve', [
        fieldError('decisionId', 'mismatch', 'not under the right to spend the reserve', { expected: rightId }),
      ]);
    if (decision.decided_at !== null || decision.retired_at !== null)
      throw new AppError('conflict', 'decisionId: the decision is already taken', [
        fieldError('decisionId', 'wrong_status', 'already taken', { status: 'decided' }),
      ]);
    if (!decision.amount)
      throw new AppError('conflict', 'amount: the decision names no amount to spend from the reserve', [
        fieldError('amount', 'required', 'the decision must name the amount it spends'),
      ]);
    const options = JSON.parse(decision.options) as unknown[];
    if (input.fundingOption >= options.length)
      throw invalidField('fundingOption', 'out_of_range', `the decision has ${options.length} options: 0 to ${options.length - 1}`, {
        minimum: 0,
        maximum: options.length - 1,
      });
    const before = await findReserveRequest(tx, ctx.org.id, decisionId);
    const row = {
      org_id: ctx.org.id,
      decision_id: decisionId,
      team_id: decision.team_id,
      funding_option: input.fundingOption,
      purpose: input.purpose,
      created_at: before?.created_at ?? ctx.now,
      created_by: before?.created_by ?? ctx.actor.id,
    };
    await saveReserveRequest(tx, row);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'reserve.requested',
      entityType: 'decision',
      entityId: decisionId,
      before: before ? { fundingOption: before.funding_option, purpose: before.purpose } : undefined,
      after: { fundingOption: row.funding_option, purpose: row.purpose, amountMinor: decision.amount },
      at: ctx.now,
    });
  });
  const reserve = await getReserve(ctx);
  return reserve.requests.find((r) => r.decisionId === decisionId)!;
}

/**
 * Reacts to a decision being taken (inside its transaction): when it carries a reserve request and
 * chooses the funding option, its amount is allocated from the reserve, linked to the decision; when
 * the reserve holds less, the decision is refused (409 `reserve_insufficient`).
 */
export async function fundReserveRequest(tx: Tx, ctx: OrgContext, decisionId: string, chosenOption: number): Promise<void> {
  const request = await findReserveRequest(tx, ctx.org.id, decisionId);
  if (!request || Number(request.funding_option) !== chosenOption) return;
  const decision = await findDecision(tx, ctx.org.id, decisionId);
  if (!decision) throw notFound('decision', decisionId);
  const rightId = await reserveRight(tx, ctx);
  if (decision.right_id !== rightId)
    throw new AppError('conflict', 'the decision is no longer under the right to spend the reserve: it cannot fund its request', [
      fieldError('chosenOption', 'mismatch', 'the reserve is now spent under another right', { expected: rightId }),
    ]);
  if (!decision.amount)
    throw new AppError('conflict', 'amount: the decision names no amount to spend from the reserve', [
      fieldError('amount', 'required', 'the decision must name the amount it spends'),
    ]);
  await allocateReserveIn(tx, ctx, { amountMinor: Number(decision.amount), purpose: request.purpose, decisionId });
}
