/** A promise's status history: what the evaluator recorded (status changes, alerts firing and resolving). */
import { newId } from '../../core/ids.js';
import type { PromiseStatusHistoryTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByKeyset } from '../list.js';

/** Records one entry of a promise's history. */
export async function insertStatusHistory(tx: Tx, orgId: string, entry: Omit<PromiseStatusHistoryTable, 'id' | 'org_id'>): Promise<void> {
  await tx
    .insertInto('promise_status_history')
    .values({ id: newId(), org_id: orgId, ...entry })
    .execute();
}

/** A page of a promise's history, newest first (then by id descending). */
export async function pageStatusHistory(tx: Tx, orgId: string, promiseId: string, page: TPageQuery) {
  const query = tx.selectFrom('promise_status_history').selectAll().where('org_id', '=', orgId).where('promise_id', '=', promiseId);
  return pageByKeyset<PromiseStatusHistoryTable, 'promise_status_history'>(
    query,
    { time: 'at', id: 'id', order: 'desc', keyOf: (row) => ({ t: row.at, id: row.id }) },
    page,
  );
}
