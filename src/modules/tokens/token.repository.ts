import type { ApiTokensTable, Db, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByCreated } from '../list.js';

export async function findToken(tx: Tx, orgId: string, id: string): Promise<ApiTokensTable | undefined> {
  return tx.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** The token whose secret has this hash, in whichever organization issued it (the secret names the organization). */
export async function findTokenByHash(db: Db, tokenHash: string): Promise<ApiTokensTable | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Records when a token was last used. */
export async function touchToken(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function pageTokens(db: Db, orgId: string, page: TPageQuery) {
  const query = db.selectFrom('api_tokens').selectAll().where('org_id', '=', orgId);
  return pageByCreated<ApiTokensTable, 'api_tokens'>(query, 'api_tokens', page);
}

export async function insertToken(tx: Tx, row: ApiTokensTable): Promise<void> {
  await tx.insertInto('api_tokens').values(row).execute();
}

export async function markTokenRevoked(tx: Tx, orgId: string, id: string, at: number): Promise<void> {
  await tx.updateTable('api_tokens').set({ revoked_at: at }).where('org_id', '=', orgId).where('id', '=', id).execute();
}
