import { AppError, fieldError, notFound } from '../../core/errors.js';
import { hashSecret, newId, newSecret } from '../../core/ids.js';
import type { ApiTokensTable } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { expandScopes } from '../permissions.js';
import { findToken, insertToken, markTokenRevoked, pageTokens } from './token.repository.js';
import type { TCreateToken, TToken } from './token.schema.js';

export const TOKEN_PREFIX = 'cc_';

export function toToken(row: ApiTokensTable): TToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: JSON.parse(row.scopes) as string[],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function listTokens(ctx: OrgContext, page: TPageQuery) {
  const result = await pageTokens(ctx.db, ctx.org.id, page);
  return { items: result.items.map(toToken), nextCursor: result.nextCursor };
}

/**
 * Creates a token; `all` is stored as `all` so that scopes added later are included too. A token
 * making a token passes its own `grantorScopes`: it may grant only those, or `tokens:manage` alone
 * would be as good as `all`.
 */
export async function createToken(ctx: OrgContext, input: TCreateToken, grantorScopes?: readonly string[]) {
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const scopes = input.scopes.includes('all') ? ['all'] : expandScopes(input.scopes);
  const beyond = grantorScopes && !grantorScopes.includes('all') ? scopes.filter((s) => !grantorScopes.includes(s)) : [];
  if (beyond.length) {
    throw new AppError('forbidden', `scopes: a token may grant only scopes it holds, not ${beyond.join(', ')}`, [
      fieldError('scopes', 'not_allowed', `beyond the granting token's scopes: ${beyond.join(', ')}`, { scopes: beyond }),
    ]);
  }
  const row: ApiTokensTable = {
    id: newId(),
    org_id: ctx.org.id,
    name: input.name,
    prefix: secret.slice(0, 10),
    token_hash: hashSecret(secret),
    scopes: JSON.stringify(scopes),
    created_by: ctx.actor.id,
    created_at: ctx.now,
    last_used_at: null,
    revoked_at: null,
  };
  return ctx.db.transaction().execute(async (tx) => {
    await insertToken(tx, row);
    const token = toToken(row);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'token.created',
      entityType: 'token',
      entityId: row.id,
      after: token,
      at: ctx.now,
    });
    return { ...token, token: secret };
  });
}

export async function revokeToken(ctx: OrgContext, id: string): Promise<TToken> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findToken(tx, ctx.org.id, id);
    if (!row) throw notFound('token', id);
    if (row.revoked_at !== null) throw new AppError('conflict', `token ${id} is already revoked`);
    await markTokenRevoked(tx, ctx.org.id, id, ctx.now);
    const after = toToken({ ...row, revoked_at: ctx.now });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'token.revoked',
      entityType: 'token',
      entityId: id,
      before: toToken(row),
      after,
      at: ctx.now,
    });
    return after;
  });
}
