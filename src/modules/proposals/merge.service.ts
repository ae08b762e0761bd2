import { conflict, invalidField } from '../../core/errors.js';
import { ANSWERED_STATUSES, mergeObligation } from '../../core/voice/proposals.js';
import type { ProposalsTable } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { checkThreshold, recordAnswerEvents } from './answer.service.js';
import { loadProposal, lockProposal, moveSupports, recountSupports, updateProposal } from './proposal.repository.js';
import type { TProposal } from './proposal.schema.js';
import { describeProposals } from './proposal.service.js';

/**
 * Merges a duplicate into the surviving proposal: the supports move there, each client counted once
 * (a client who supported both keeps one support), and the counter is recounted from the rows; the
 * duplicate becomes `merged`, pointing at the survivor, which may cross its threshold by the merge.
 * An answer owed to the duplicate is never dropped: it moves to the survivor (due no later), is
 * answered by the survivor's answer, or — already overdue — stays with the duplicate's bad event.
 */
export async function mergeProposal(ctx: OrgContext, id: string, intoId: string): Promise<TProposal> {
  if (id === intoId) throw invalidField('intoId', 'self_reference', 'a proposal is not merged into itself');
  const settle = await ctx.db.transaction().execute(async (tx) => {
    // Locked in id order, so two merges of the same pair in opposite directions cannot deadlock.
    const locked = new Map<string, ProposalsTable>();
    for (const key of [id, intoId].sort()) {
      try {
        locked.set(key, await lockProposal(tx, ctx.org.id, key));
      } catch (error) {
        if (key === intoId)
          throw invalidField('intoId', 'not_found', 'no proposal with this id in the organization', { entity: 'proposal' });
        throw error;
      }
    }
    const duplicate = locked.get(id) as ProposalsTable;
    const survivor = locked.get(intoId) as ProposalsTable;
    if (duplicate.status === 'merged') throw conflict('id', 'wrong_status', 'the proposal is already merged', { status: 'merged' });
    if (survivor.status === 'merged')
      throw invalidField('intoId', 'wrong_status', 'that proposal is itself merged: merge into the one it was merged into', {
        status: 'merged',
      });
    const obligation = mergeObligation(
      { thresholdReachedAt: duplicate.threshold_reached_at, answerDueAt: duplicate.answer_due_at, answeredAt: duplicate.answered_at },
      {
        thresholdReachedAt: survivor.threshold_reached_at,
        answerDueAt: survivor.answer_due_at,
        answeredAt: survivor.answered_at,
        isAnswered: ANSWERED_STATUSES.includes(survivor.status),
      },
      ctx.now,
    );
    await moveSupports(tx, ctx.org.id, id, intoId);
    await updateProposal(tx, ctx.org.id, id, {
      status: 'merged',
      merged_into_id: intoId,
      supports: 0,
      ...(obligation.kind === 'answered_by_survivor' && { answered_at: ctx.now, answer: survivor.answer }),
      ...(obligation.kind === 'moved' && { answer_due_at: null }),
      updated_at: ctx.now,
    });
    if (obligation.kind === 'moved') {
      await updateProposal(tx, ctx.org.id, intoId, {
        threshold_reached_at: obligation.thresholdReachedAt,
        answer_due_at: obligation.answerDueAt,
      });
    }
    await recountSupports(tx, ctx.org.id, intoId, ctx.now);
    const after = await checkThreshold(tx, ctx, await loadProposal(tx, ctx.org.id, intoId));
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'proposal.merged',
      entityType: 'proposal',
      entityId: id,
      before: { status: duplicate.status, supports: duplicate.supports },
      after: { mergedIntoId: intoId, survivorSupports: after.supports, obligation: obligation.kind },
      at: ctx.now,
    });
    return obligation.kind === 'answered_by_survivor' || obligation.kind === 'overdue' ? await loadProposal(tx, ctx.org.id, id) : null;
  });
  if (settle) await recordAnswerEvents(ctx.db, ctx.org, [settle], ctx.now);
  const [survivor] = await describeProposals(ctx.db, ctx.org.id, [await loadProposal(ctx.db, ctx.org.id, intoId)], ctx.now);
  return survivor as TProposal;
}
