import type { ApiTokensTable, Tx } from '../../db/schema.js';

export async function findToken(tx: Tx, orgId: string, id: string): Promise<ApiTokensTable | undefined> {
  return tx.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}
