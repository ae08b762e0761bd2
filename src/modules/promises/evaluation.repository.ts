/**
 * The evaluator's job rows (`promise_evaluations`) as the writers of a promise's figures see them:
 * whoever changes the figures marks the promise changed in the same transaction, and the evaluator
 * (evaluator.service.ts) takes changed promises within seconds instead of at the next minute.
 */
import type { Tx } from '../../db/schema.js';

/**
 * Marks a published promise's figures changed at `now` (UTC ms), in the transaction that changes
 * them. The first mark since the last evaluation is kept. A promise with no job row yet (a draft, or
 * just published) is left alone: its first evaluation is due anyway.
 *
 * The update is unconditional on purpose: on PostgreSQL it waits for an evaluation holding the row
 * and is applied after it, so a change the evaluation could not see is never cleared by it.
 */
export async function markPromiseChanged(tx: Tx, orgId: string, promiseId: string, now: number): Promise<void> {
  await tx
    .updateTable('promise_evaluations')
    .set((eb) => ({ changed_at: eb.fn.coalesce('changed_at', eb.val(now)) }))
    .where('org_id', '=', orgId)
    .where('promise_id', '=', promiseId)
    .execute();
}
