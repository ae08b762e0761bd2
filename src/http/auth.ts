import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DEFAULT_SESSION_IDLE_DAYS } from '../config.js';
import type { Role } from '../core/access/permissions.js';
import { AppError } from '../core/errors.js';
import { hashSecret } from '../core/ids.js';
import type { ApiTokensTable, UsersTable } from '../db/schema.js';
import { findSessionWithUser, touchSession } from '../modules/auth/session.repository.js';
import type { OrgContext } from '../modules/context.js';
import { findOrgWithRoleOf } from '../modules/orgs/org.repository.js';
import { type Permission, roleCan, scopesAllow } from '../modules/permissions.js';
import { findTokenByHash, touchToken } from '../modules/tokens/token.repository.js';
import type { AppDeps } from './deps.js';

export const SESSION_COOKIE = 'cc_session';
export const CSRF_HEADER = 'x-csrf-token';

export type Principal =
  | { kind: 'user'; user: UsersTable; sessionHash: string }
  | { kind: 'token'; token: ApiTokensTable; scopes: string[] };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token of a session: derived from it with the server secret, so nothing extra is stored. */
export function csrfTokenFor(secret: string, sessionHash: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionHash}`).digest('base64url');
}

function bearerOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('unauthenticated', 'Authorization: expected "Bearer <token>"');
  return match[1] as string;
}

/** Finds who is calling, by bearer token first, then by session cookie; null when anonymous. */
export async function resolvePrincipal(deps: AppDeps, req: FastifyRequest, now: number): Promise<Principal | null> {
  const bearer = bearerOf(req);
  if (bearer) {
    const token = await findTokenByHash(deps.db, hashSecret(bearer));
    if (!token || token.revoked_at !== null) {
      throw new AppError('unauthenticated', 'Authorization: the token is unknown or revoked');
    }
    if (token.last_used_at === null || now - token.last_used_at > 60_000) {
      await touchToken(deps.db, token.id, now);
    }
    return { kind: 'token', token, scopes: JSON.parse(token.scopes) as string[] };
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const sessionHash = hashSecret(cookie);
  const row = await findSessionWithUser(deps.db, sessionHash);
  if (!row || row.session_expires_at <= now) return null;
  const { session_expires_at: _expires, session_last_seen_at: lastSeenAt, ...user } = row;
  // The idle timeout: a session unused for CLIENTOCRACY_SESSION_IDLE_DAYS ends, whatever is left of its lifetime.
  if (now - lastSeenAt >= (deps.config.sessionIdleDays ?? DEFAULT_SESSION_IDLE_DAYS) * 24 * 3_600_000) return null;
  // Last use is written at most once a minute, so a busy session costs one write a minute, not one a request.
  if (now - lastSeenAt > 60_000) {
    await touchSession(deps.db, sessionHash, now);
  }
  return { kind: 'user', user, sessionHash };
}

/** Cookie-authenticated writes must echo the session's CSRF token in the X-CSRF-Token header. */
function checkCsrf(deps: AppDeps, req: FastifyRequest, principal: Principal): void {
  if (principal.kind !== 'user' || SAFE_METHODS.has(req.method)) return;
  const sent = req.headers[CSRF_HEADER];
  const expected = Buffer.from(csrfTokenFor(deps.config.secret, principal.sessionHash));
  // Compare byte lengths: a header of the right length in characters may differ in bytes (é is 2).
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('csrf_failed', `${CSRF_HEADER}: missing or wrong CSRF token for a cookie-authenticated write`);
  }
}

/** A signed-in person (session); API tokens act only inside their organization's routes. */
export async function requireUser(deps: AppDeps, req: FastifyRequest, now: number): Promise<Principal & { kind: 'user' }> {
  const principal = await resolvePrincipal(deps, req, now);
  if (!principal) throw new AppError('unauthenticated', 'sign in first');
  if (principal.kind !== 'user') throw new AppError('forbidden', 'this route needs a signed-in person, not an API token');
  checkCsrf(deps, req, principal);
  return principal;
}

/**
 * Resolves `{org}` and checks the permission. An organization the caller does not belong to is
 * answered 404, the same as one that does not exist, so slugs of other tenants do not leak.
 */
export async function authorizeOrg(
  deps: AppDeps,
  req: FastifyRequest,
  slug: string,
  permission: Permission,
  now: number,
): Promise<{ principal: Principal; ctx: OrgContext }> {
  const principal = await resolvePrincipal(deps, req, now);
  if (!principal) throw new AppError('unauthenticated', 'sign in or send an API token');
  // One query on every request: the organization, with the caller's role in it when a person calls.
  const userId = principal.kind === 'user' ? principal.user.id : '';
  const found = await findOrgWithRoleOf(deps.db, slug, userId);
  const orgNotFound = new AppError('not_found', `organization ${slug} not found`);
  if (!found) throw orgNotFound;
  const { member_role: memberRole, ...org } = found;
  if (principal.kind === 'token') {
    if (principal.token.org_id !== org.id) throw orgNotFound;
    if (!scopesAllow(principal.scopes, permission)) {
      throw new AppError('forbidden', `the token's scopes do not include ${permission}`);
    }
    const ctx: OrgContext = {
      db: deps.db,
      org,
      actor: { type: 'token', id: principal.token.id, label: `token:${principal.token.name}` },
      now,
    };
    return { principal, ctx };
  }
  if (!memberRole) throw orgNotFound;
  const role = memberRole as Role;
  if (!roleCan(role, permission)) throw new AppError('forbidden', `the role ${role} may not ${permission}`);
  checkCsrf(deps, req, principal);
  const ctx: OrgContext = {
    db: deps.db,
    org,
    actor: { type: 'user', id: principal.user.id, label: principal.user.email },
    role,
    now,
  };
  return { principal, ctx };
}
