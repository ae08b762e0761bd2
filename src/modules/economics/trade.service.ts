import { AppError, fieldError, invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { InternalTradesTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import { findPromise } from '../promises/promise.repository.js';
import { findTeam, listTeamNames } from '../teams/team.repository.js';
import { checkBooksWrite, recorderIn, recordersOf } from './books.service.js';
import type { TTradeInput } from './economics.schema.js';
import { isTeamMember, openPeriodForWrite, requireTeam } from './period.service.js';
import { findTrade, insertTrade, listTrades as listTradeRows, updateTrade } from './trade.repository.js';

async function describe(tx: Tx, ctx: OrgContext, rows: InternalTradesTable[]) {
  const names = new Map((await listTeamNames(tx, ctx.org.id)).map((t) => [t.id, t.name]));
  const recorders = await recordersOf(
    tx,
    ctx,
    rows.map((r) => r.created_by),
  );
  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    seller: { id: r.seller_team_id, name: names.get(r.seller_team_id) ?? '' },
    buyer: { id: r.buyer_team_id, name: names.get(r.buyer_team_id) ?? '' },
    amountMinor: Number(r.amount_minor),
    promiseId: r.promise_id,
    note: r.note,
    status: r.status,
    enteredByTeamId: r.entered_by_team_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    answeredBy: r.answered_by,
    answeredAt: r.answered_at,
    declineReason: r.decline_reason,
    recordedBy: recorderIn(recorders, r.created_by),
  }));
}

/** A team's name, for the words of a notification. */
async function teamName(tx: Tx, orgId: string, teamId: string): Promise<string> {
  return (await findTeam(tx, orgId, teamId))?.name ?? '';
}

/** The side a person acts for: a team of the trade they belong to (the seller first); admins and tokens act for the seller. */
async function sideOf(tx: Tx, ctx: OrgContext, trade: { seller_team_id: string; buyer_team_id: string }): Promise<string | null> {
  if (ctx.actor.type !== 'user' || ctx.role === 'admin') return trade.seller_team_id;
  if (await isTeamMember(tx, ctx, trade.seller_team_id)) return trade.seller_team_id;
  if (await isTeamMember(tx, ctx, trade.buyer_team_id)) return trade.buyer_team_id;
  return null;
}

/**
 * Records an internal trade, entered by either side; it counts in no figure until the other side
 * confirms it. The other side's members are told.
 */
export async function createTrade(ctx: OrgContext, period: string, input: TTradeInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const month = await openPeriodForWrite(tx, ctx, period);
    await requireTeam(tx, ctx.org.id, input.sellerTeamId, 'sellerTeamId');
    await requireTeam(tx, ctx.org.id, input.buyerTeamId, 'buyerTeamId');
    if (input.sellerTeamId === input.buyerTeamId) throw invalidField('buyerTeamId', 'self_reference', 'a team does not trade with itself');
    if (input.promiseId) {
      const promise = await findPromise(tx, ctx.org.id, input.promiseId);
      if (!promise) throw invalidField('promiseId', 'not_found', 'no promise with this id in the organization', { entity: 'promise' });
      if (promise.kind !== 'internal' || promise.promiser_team_id !== input.sellerTeamId)
        throw invalidField('promiseId', 'wrong_kind', 'a trade pays for an internal promise the seller made', { expected: 'internal' });
    }
    const side = await sideOf(tx, ctx, { seller_team_id: input.sellerTeamId, buyer_team_id: input.buyerTeamId });
    if (!side) throw new AppError('forbidden', 'only a member of the selling or the buying team, or an admin, records a trade');
    await checkBooksWrite(tx, ctx, month, { teamId: side });
    const row: InternalTradesTable = {
      id: newId(),
      org_id: ctx.org.id,
      period,
      seller_team_id: input.sellerTeamId,
      buyer_team_id: input.buyerTeamId,
      amount_minor: input.amountMinor,
      promise_id: input.promiseId ?? null,
      note: input.note,
      status: 'proposed',
      entered_by_team_id: side,
      created_by: ctx.actor.id,
      created_at: ctx.now,
      answered_by: null,
      answered_at: null,
      decline_reason: '',
    };
    await insertTrade(tx, row);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'trade.recorded',
      entityType: 'trade',
      entityId: row.id,
      after: row,
      at: ctx.now,
    });
    const other = side === row.seller_team_id ? row.buyer_team_id : row.seller_team_id;
    await notifyUsers(
      tx,
      ctx.org.id,
      await peopleOf(tx, ctx.org.id, 'team', other),
      {
        kind: 'trade_to_confirm',
        subjectType: 'trade',
        subjectId: row.id,
        params: {
          period,
          amountMinor: row.amount_minor,
          currency: ctx.org.currency,
          teamId: other,
          fromTeamId: side,
          otherTeam: await teamName(tx, ctx.org.id, side),
        },
        participantsOnly: true,
      },
      ctx.now,
      ctx.actor.id,
    );
    return (await describe(tx, ctx, [row]))[0]!;
  });
}

/** The other side confirms (then the trade counts for both teams) or declines with a reason (it keeps its history). */
export async function answerTrade(
  ctx: OrgContext,
  period: string,
  id: string,
  answer: { confirm: true } | { confirm: false; reason: string },
) {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findTrade(tx, ctx.org.id, period, id);
    if (!row) throw notFound('trade', id);
    const month = await openPeriodForWrite(tx, ctx, period);
    if (row.status !== 'proposed')
      throw new AppError('conflict', `status: the trade is already ${row.status}`, [
        fieldError('status', 'wrong_status', `already ${row.status}`, { status: row.status }),
      ]);
    const other = row.entered_by_team_id === row.seller_team_id ? row.buyer_team_id : row.seller_team_id;
    const mayAnswer = ctx.actor.type !== 'user' || ctx.role === 'admin' || (await isTeamMember(tx, ctx, other));
    if (!mayAnswer) throw new AppError('forbidden', 'the other side confirms a trade: a member of that team, or an admin');
    await checkBooksWrite(tx, ctx, month, { teamId: other });
    // Two people, one on each side: whoever recorded the trade does not also answer it.
    if (ctx.actor.id !== null && ctx.actor.id === row.created_by)
      throw new AppError('forbidden', 'you recorded this trade: someone of the other team answers it');
    const set = answer.confirm
      ? { status: 'confirmed' as const, answered_by: ctx.actor.id, answered_at: ctx.now }
      : { status: 'declined' as const, answered_by: ctx.actor.id, answered_at: ctx.now, decline_reason: answer.reason };
    await updateTrade(tx, ctx.org.id, id, set);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: answer.confirm ? 'trade.confirmed' : 'trade.declined',
      entityType: 'trade',
      entityId: id,
      before: { status: row.status },
      after: set,
      at: ctx.now,
    });
    await notifyUsers(
      tx,
      ctx.org.id,
      await peopleOf(tx, ctx.org.id, 'team', row.entered_by_team_id),
      {
        kind: 'trade_answered',
        subjectType: 'trade',
        subjectId: id,
        params: {
          period,
          amountMinor: Number(row.amount_minor),
          currency: ctx.org.currency,
          teamId: row.entered_by_team_id,
          status: set.status,
          otherTeam: await teamName(tx, ctx.org.id, other),
        },
      },
      ctx.now,
      ctx.actor.id,
    );
    return (await describe(tx, ctx, [{ ...row, ...set }]))[0]!;
  });
}

export async function listTrades(ctx: OrgContext, period: string, teamId?: string) {
  return { items: await describe(ctx.db, ctx, await listTradeRows(ctx.db, ctx.org.id, period, teamId)) };
}
