import { z } from 'zod';
import { DEFAULT_SESSION_IDLE_DAYS } from '../../config.js';
import { SESSION_COOKIE } from '../../http/auth.js';
import type { Registrar } from '../../http/registrar.js';
import { ZId, ZOk, ZPage, ZPageQuery } from '../common.schema.js';
import { changePassword, endOtherSessions, endSession, listMySessions } from './account.service.js';
import {
  ZAccepted,
  ZChangePassword,
  ZPasswordChanged,
  ZPasswordResetConfirm,
  ZPasswordResetRequest,
  ZSession,
  ZSessionsEnded,
} from './auth.schema.js';
import { newDeviceCookie, setDeviceCookie } from './device-cookie.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.js';

const DAY_MS = 24 * 3_600_000;

/** The signed-in person's own security: password, sessions; and the reset of a forgotten password. */
export function registerAccountRoutes(r: Registrar): void {
  const { db, config } = r.deps;
  const secure = config.publicUrl.startsWith('https:');
  const idleMs = (config.sessionIdleDays ?? DEFAULT_SESSION_IDLE_DAYS) * DAY_MS;
  r.add({
    method: 'POST',
    operationId: 'changePassword',
    url: '/api/v1/auth/password',
    tag: 'auth',
    auth: 'user',
    summary:
      'Change the signed-in person’s password (the current one is checked; 10 attempts an hour). Every other session of theirs ends; this one stays. Device cookies and usual addresses of before stop easing sign-in limits; this browser gets a new device cookie',
    body: ZChangePassword,
    response: ZPasswordChanged,
    handler: async ({ principal, body, reply }) => {
      if (principal?.kind !== 'user') return undefined;
      const { endedSessions, deviceEpoch } = await changePassword(db, principal, body, Date.now());
      setDeviceCookie(reply, newDeviceCookie(config.secret, principal.user.email, deviceEpoch), secure);
      return { endedSessions };
    },
  });
  r.add({
    method: 'GET',
    operationId: 'listSessions',
    url: '/api/v1/auth/sessions',
    tag: 'auth',
    auth: 'user',
    summary: 'The signed-in person’s live sessions, newest first: when opened and last used, address, browser; `isCurrent` marks this one',
    query: ZPageQuery,
    response: ZPage(ZSession),
    handler: async ({ principal, query }) => {
      if (principal?.kind !== 'user') return undefined;
      return listMySessions(db, principal, query, idleMs, Date.now());
    },
  });
  r.add({
    method: 'DELETE',
    operationId: 'endSession',
    url: '/api/v1/auth/sessions/:sessionId',
    tag: 'auth',
    auth: 'user',
    status: 204,
    summary: 'End one of the signed-in person’s sessions by its id (another person’s session is 404)',
    params: z.object({ sessionId: ZId }),
    handler: async ({ principal, params, reply }) => {
      if (principal?.kind !== 'user') return undefined;
      const { wasCurrent } = await endSession(db, principal, params.sessionId);
      if (wasCurrent) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  });
  r.add({
    method: 'POST',
    operationId: 'endOtherSessions',
    url: '/api/v1/auth/sessions/end-others',
    tag: 'auth',
    auth: 'user',
    summary:
      'Sign out everywhere else: end every session of the signed-in person but this one. Other browsers’ device cookies and the usual addresses stop easing sign-in limits; this browser gets a new device cookie',
    response: ZSessionsEnded,
    handler: async ({ principal, reply }) => {
      if (principal?.kind !== 'user') return undefined;
      const { endedSessions, deviceEpoch } = await endOtherSessions(db, principal, Date.now());
      setDeviceCookie(reply, newDeviceCookie(config.secret, principal.user.email, deviceEpoch), secure);
      return { endedSessions };
    },
  });
  r.add({
    method: 'POST',
    operationId: 'requestPasswordReset',
    url: '/api/v1/auth/password-reset',
    tag: 'auth',
    auth: 'public',
    status: 202,
    summary:
      'Ask for a password reset link by e-mail (single use, 1 hour). The answer is the same whether or not an account has this e-mail; 10 requests an hour per IP, 3 e-mails an hour per address',
    body: ZPasswordResetRequest,
    response: ZAccepted,
    handler: async ({ body, req }) => {
      await requestPasswordReset(db, body.email, { ip: req.ip, publicUrl: config.publicUrl }, Date.now());
      return { accepted: true as const };
    },
  });
  r.add({
    method: 'POST',
    operationId: 'confirmPasswordReset',
    url: '/api/v1/auth/password-reset/confirm',
    tag: 'auth',
    auth: 'public',
    summary:
      'Set a new password with a reset link’s token: the link is used up, every session of the person ends, and device cookies and usual addresses of before stop easing sign-in limits; this browser becomes a trusted device for signing in',
    body: ZPasswordResetConfirm,
    response: ZOk,
    handler: async ({ body, req, reply }) => {
      const { email, deviceEpoch } = await confirmPasswordReset(db, body, { ip: req.ip }, Date.now());
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      setDeviceCookie(reply, newDeviceCookie(config.secret, email, deviceEpoch), secure);
      return { ok: true as const };
    },
  });
}
