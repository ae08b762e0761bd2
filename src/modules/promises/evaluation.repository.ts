/**
 * The evaluator's job rows (`promise_evaluations`) as the writers of a promise's figures see them:
 * whoever changes the figures marks the promise changed in the same transaction, and the evaluator
 * (evaluator.service.ts) takes changed promises within seconds instead of at the next minute.
 */
import type { Db, Dialect, PromiseEvaluationsTable, Tx } from '../../db/schema.js';

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

/**
 * The evaluator's queue below works across organizations on purpose: one process serves them all,
 * and a job row names its organization.
 */
export type EvaluationJob = Pick<PromiseEvaluationsTable, 'promise_id' | 'org_id' | 'status' | 'firing' | 'evaluation_seq'>;

/** Makes a job row for every published promise that has none yet (a newly published one). */
export async function insertMissingEvaluationJobs(db: Db): Promise<void> {
  await db
    .insertInto('promise_evaluations')
    .columns(['promise_id', 'org_id', 'firing', 'evaluated_minute'])
    .expression((eb) =>
      eb
        .selectFrom('promises')
        .select((s) => ['promises.id', 'promises.org_id', s.val('[]').as('firing'), s.val(0).as('evaluated_minute')])
        .where('promises.status', '=', 'published')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('promise_evaluations as e').select('e.promise_id').whereRef('e.promise_id', '=', 'promises.id'))),
        ),
    )
    .onConflict((oc) => oc.column('promise_id').doNothing())
    .execute();
}

/**
 * The job of a published promise due: not yet evaluated for `minute`, or changed and not evaluated
 * since `debouncedBefore`; not failed since `retryBefore`; none of `skip`. On PostgreSQL the row is
 * locked, and one locked by another process is skipped rather than waited for.
 */
export async function findDueEvaluation(
  tx: Tx,
  dialect: Dialect,
  due: { minute: number; debouncedBefore: number; retryBefore: number; skip: ReadonlySet<string> },
): Promise<EvaluationJob | undefined> {
  let q = tx
    .selectFrom('promise_evaluations')
    .select(['promise_id', 'org_id', 'status', 'firing', 'evaluation_seq'])
    .where((eb) =>
      eb.or([
        eb('evaluated_minute', '<', due.minute),
        eb.and([eb('changed_at', 'is not', null), eb.or([eb('evaluated_at', 'is', null), eb('evaluated_at', '<=', due.debouncedBefore)])]),
      ]),
    )
    .where((eb) => eb.or([eb('last_error_at', 'is', null), eb('last_error_at', '<=', due.retryBefore)]))
    .where('promise_id', 'in', (eb) => eb.selectFrom('promises').select('id').where('status', '=', 'published'))
    .orderBy('evaluated_minute')
    .limit(1);
  if (due.skip.size > 0) q = q.where('promise_id', 'not in', [...due.skip]);
  if (dialect === 'postgres') q = q.forUpdate().skipLocked();
  return q.executeTakeFirst();
}

/**
 * Claims a job for `minute`: its count of evaluations goes up by one and its change mark is cleared,
 * only if the count is still the one read. Whether the claim held.
 */
export async function claimEvaluation(tx: Tx, job: EvaluationJob, minute: number): Promise<boolean> {
  const claimed = await tx
    .updateTable('promise_evaluations')
    .set({ evaluated_minute: minute, evaluation_seq: job.evaluation_seq + 1, changed_at: null })
    .where('promise_id', '=', job.promise_id)
    .where('evaluation_seq', '=', job.evaluation_seq)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** Records what an evaluation found, and clears any earlier failure. */
export async function recordEvaluation(
  tx: Tx,
  promiseId: string,
  found: Pick<PromiseEvaluationsTable, 'status' | 'firing' | 'attainment' | 'version' | 'evaluated_at'>,
): Promise<void> {
  await tx
    .updateTable('promise_evaluations')
    .set({ ...found, last_error: null, last_error_at: null })
    .where('promise_id', '=', promiseId)
    .execute();
}

/** Records that an evaluation failed, and when (it is tried again a minute later). */
export async function recordEvaluationFailure(db: Db, promiseId: string, message: string, at: number): Promise<void> {
  await db.updateTable('promise_evaluations').set({ last_error: message, last_error_at: at }).where('promise_id', '=', promiseId).execute();
}
