import type { ReserveAllocationsTable, Tx } from '../../db/schema.js';

/** What has been allocated from the reserve, in the order it was. */
export async function listReserveAllocations(tx: Tx, orgId: string): Promise<ReserveAllocationsTable[]> {
  return tx.selectFrom('reserve_allocations').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
}

export async function insertReserveAllocation(tx: Tx, row: ReserveAllocationsTable): Promise<void> {
  await tx.insertInto('reserve_allocations').values(row).execute();
}
