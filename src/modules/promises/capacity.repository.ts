/**
 * What the capacity check of a promise reads: the capabilities it needs with their capacity, the
 * published promises that need the same ones, and when each promise's first event was counted.
 * Demand itself is summed from the counters (counter.repository.ts), never from raw events.
 */
import { MINUTE_MS } from '../../core/promises/buckets.js';
import type { Tx } from '../../db/schema.js';

/** The capabilities with these ids, with their capacity. */
export async function findCapabilitiesWithCapacity(tx: Tx, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('capabilities')
    .select(['id', 'name', 'team_id', 'capacity_value', 'capacity_unit', 'capacity_per'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * The published promises of the organization that need any of these capabilities (their JSON list of
 * ids holds one), with what their demand is computed from.
 */
export async function listPublishedNeeding(tx: Tx, orgId: string, capabilityIds: readonly string[]) {
  if (capabilityIds.length === 0) return [];
  return tx
    .selectFrom('promises')
    .select(['id', 'title', 'status', 'required_capability_ids', 'demand_forecast_per_week', 'fine_bucket_ms'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'published')
    .where((eb) => eb.or(capabilityIds.map((id) => eb('required_capability_ids', 'like', `%${JSON.stringify(id)}%`))))
    .execute();
}

/**
 * When each promise's first event was counted: the start of its earliest minute bucket holding one
 * (an index walk on the counters' key that stops at the first). Promises with no events are absent.
 * The ids are the caller's, read within its organization.
 */
export async function findFirstCountedAt(tx: Tx, promiseIds: readonly string[]): Promise<Map<string, number>> {
  const first = new Map<string, number>();
  for (const promiseId of promiseIds) {
    const row = await tx
      .selectFrom('promise_counters')
      .select('bucket_start')
      .where('promise_id', '=', promiseId)
      .where('level', '=', MINUTE_MS)
      .where('total', '>', 0)
      .orderBy('bucket_start')
      .limit(1)
      .executeTakeFirst();
    if (row) first.set(promiseId, Number(row.bucket_start));
  }
  return first;
}

/** Sets (or clears, with null) the evaluator's over-capacity flag of a promise. */
export async function setOverCapacity(tx: Tx, orgId: string, promiseId: string, overCapacity: string | null): Promise<void> {
  await tx.updateTable('promises').set({ over_capacity: overCapacity }).where('org_id', '=', orgId).where('id', '=', promiseId).execute();
}
