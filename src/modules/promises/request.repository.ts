/** Promise requests: one team asking another to promise something. */
import type { PromiseRequestsTable, Tx } from '../../db/schema.js';

export async function findRequest(tx: Tx, orgId: string, id: string): Promise<PromiseRequestsTable | undefined> {
  return tx.selectFrom('promise_requests').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Requests a team sent or received (any team when none is given), by status; oldest first. */
export async function listRequestRows(
  tx: Tx,
  orgId: string,
  filter: { teamId?: string; status?: PromiseRequestsTable['status'] },
): Promise<PromiseRequestsTable[]> {
  let q = tx.selectFrom('promise_requests').selectAll().where('org_id', '=', orgId);
  const teamId = filter.teamId;
  if (teamId) q = q.where((eb) => eb.or([eb('from_team_id', '=', teamId), eb('to_team_id', '=', teamId)]));
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('created_at').orderBy('id').execute();
}

export async function insertRequest(tx: Tx, row: PromiseRequestsTable): Promise<void> {
  await tx.insertInto('promise_requests').values(row).execute();
}

/** Answers an open request; false when it was no longer open. */
export async function answerOpenRequest(
  tx: Tx,
  orgId: string,
  id: string,
  set: Pick<PromiseRequestsTable, 'status' | 'answer' | 'promise_id' | 'answered_at'>,
): Promise<boolean> {
  const result = await tx
    .updateTable('promise_requests')
    .set(set)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
