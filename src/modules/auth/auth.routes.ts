import type { UsersTable } from '../../db/schema.js';
import { csrfTokenFor, SESSION_COOKIE } from '../../http/auth.js';
import type { Registrar } from '../../http/registrar.js';
import { ZOk } from '../common.schema.js';
import { ZLogin, ZMe, ZUpdateMe } from './auth.schema.js';
import { describeMe, login, logout, recordVisit, SESSION_TTL_MS } from './auth.service.js';
import { DEVICE_COOKIE, setDeviceCookie } from './device-cookie.js';
import { findUserById, updateUserLocale } from './user.repository.js';

function toUser(user: UsersTable) {
  return { id: user.id, email: user.email, name: user.name, locale: (user.locale as 'ru' | 'en' | null) ?? null };
}

export function registerAuthRoutes(r: Registrar): void {
  const secure = r.deps.config.publicUrl.startsWith('https:');
  r.add({
    method: 'POST',
    operationId: 'signIn',
    url: '/api/v1/auth/login',
    tag: 'auth',
    auth: 'public',
    summary:
      'Sign in with e-mail and password; sets an HTTP-only session cookie and a device cookie. Limits: 10 attempts a minute per IP; failures slow the account down progressively (per e-mail and IP, per e-mail), except from a browser that signed in to it before (device cookie) or from an address it signed in from within 30 days',
    body: ZLogin,
    response: ZMe,
    handler: async ({ body, req, reply }) => {
      const client = {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        deviceCookie: req.cookies?.[DEVICE_COOKIE],
      };
      const { sessionSecret, sessionHash, userId, deviceCookie } = await login(r.deps.db, body, client, r.deps.config.secret, Date.now());
      reply.setCookie(SESSION_COOKIE, sessionSecret, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_TTL_MS / 1000 });
      setDeviceCookie(reply, deviceCookie, secure);
      const user = await findUserById(r.deps.db, userId);
      return {
        user: toUser(user as UsersTable),
        organizations: await describeMe(r.deps.db, userId),
        csrfToken: csrfTokenFor(r.deps.config.secret, sessionHash),
      };
    },
  });
  r.add({
    method: 'POST',
    operationId: 'signOut',
    url: '/api/v1/auth/logout',
    tag: 'auth',
    auth: 'user',
    summary: 'Sign out: ends the session',
    response: ZOk,
    handler: async ({ principal, reply }) => {
      if (principal?.kind === 'user') await logout(r.deps.db, principal.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });
  r.add({
    method: 'GET',
    operationId: 'getCurrentUser',
    url: '/api/v1/auth/me',
    tag: 'auth',
    auth: 'user',
    summary: 'The signed-in person, their organizations and the CSRF token for writes',
    response: ZMe,
    handler: async ({ principal }) => {
      if (principal?.kind !== 'user') return undefined;
      return {
        user: toUser(principal.user),
        organizations: await describeMe(r.deps.db, principal.user.id),
        csrfToken: csrfTokenFor(r.deps.config.secret, principal.sessionHash),
      };
    },
  });
  r.add({
    method: 'PATCH',
    operationId: 'updateCurrentUser',
    url: '/api/v1/auth/me',
    tag: 'auth',
    auth: 'user',
    summary:
      'Change the signed-in person’s interface language (null follows the organization), or record the organization they opened (`lastOrg`, one of theirs): where they land after the next sign-in, on any browser',
    body: ZUpdateMe,
    response: ZOk,
    handler: async ({ principal, body }) => {
      if (principal?.kind !== 'user') return undefined;
      const now = Date.now();
      if (body.lastOrg !== undefined) await recordVisit(r.deps.db, principal.user.id, body.lastOrg, now);
      if (body.locale !== undefined) {
        await updateUserLocale(r.deps.db, principal.user.id, body.locale, now);
      }
      return { ok: true as const };
    },
  });
}
