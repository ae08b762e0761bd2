/** A promise's events as the API reads them back, and voiding one. */
import type { PromiseEventsTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByKeyset } from '../list.js';

/** A page of a promise's events, newest first by when they happened, then by external id descending. */
export async function pageEvents(tx: Tx, orgId: string, promiseId: string, page: TPageQuery) {
  const query = tx.selectFrom('promise_events').selectAll().where('org_id', '=', orgId).where('promise_id', '=', promiseId);
  return pageByKeyset<PromiseEventsTable, 'promise_events'>(
    query,
    { time: 'occurred_at', id: 'external_id', order: 'desc', keyOf: (row) => ({ t: row.occurred_at, id: row.external_id }) },
    page,
  );
}

/** A promise's event under an external id, voided or not. */
export async function findEvent(tx: Tx, orgId: string, promiseId: string, externalId: string): Promise<PromiseEventsTable | undefined> {
  return tx
    .selectFrom('promise_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('promise_id', '=', promiseId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** Records that an event was voided: when, why and by whom. */
export async function markEventVoided(
  tx: Tx,
  orgId: string,
  promiseId: string,
  externalId: string,
  voided: Pick<PromiseEventsTable, 'voided_at' | 'void_reason' | 'voided_by'>,
): Promise<void> {
  await tx
    .updateTable('promise_events')
    .set(voided)
    .where('org_id', '=', orgId)
    .where('promise_id', '=', promiseId)
    .where('external_id', '=', externalId)
    .execute();
}
