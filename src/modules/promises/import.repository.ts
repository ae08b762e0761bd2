/** What an events import reads and remembers: the clients a file names, and each promise's mapping. */
import type { EventImportMappingsTable, Tx } from '../../db/schema.js';

/**
 * The organization's clients whose id, external code or name is one of `values`, or whose e-mail is
 * one of `emails` (lower-cased by the caller).
 */
export async function findClientsByReference(tx: Tx, orgId: string, values: readonly string[], emails: readonly string[]) {
  return tx
    .selectFrom('clients')
    .select(['id', 'name', 'email', 'external_id'])
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('id', 'in', values), eb('external_id', 'in', values), eb('email', 'in', emails), eb('name', 'in', values)]))
    .execute();
}

/** The mapping last used to import a promise's events. */
export async function findImportMapping(tx: Tx, orgId: string, promiseId: string): Promise<EventImportMappingsTable | undefined> {
  return tx
    .selectFrom('event_import_mappings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('promise_id', '=', promiseId)
    .executeTakeFirst();
}

/** Stores the mapping of a promise's import, replacing the one before. */
export async function saveImportMapping(
  tx: Tx,
  orgId: string,
  promiseId: string,
  values: Pick<EventImportMappingsTable, 'mapping' | 'time_zone' | 'date_format' | 'updated_at'>,
): Promise<void> {
  await tx
    .insertInto('event_import_mappings')
    .values({ org_id: orgId, promise_id: promiseId, ...values })
    .onConflict((oc) => oc.column('promise_id').doUpdateSet(values))
    .execute();
}
