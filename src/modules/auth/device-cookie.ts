import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * has signed in to an account before gets a cookie `<nonce>.<HMAC(secret, e-mail, epoch, nonce)>`.
 * Sign-in attempts for that e-mail from that browser are throttled by the cookie's own count and by
 * the count of every cookie of the e-mail together (core/auth/login-keys.ts), so an attacker's
 * failures from elsewhere — which do slow the account down for everyone else — do not lock the
 * owner out on their usual device. The cookie proves nothing by itself: the password is still
 * checked, and a cookie for another e-mail, one not signed with this server's secret, or one of an
 * earlier epoch counts as no cookie.
 *
 * The epoch is the account's, raised by a password change, a password reset and "sign out
 * everywhere else" (login-trust.repository.ts): someone who collected cookies while they knew the
 * password (a leaked password, an ex-staffer) holds none that counts once the owner acts. The
 * browser that acted gets a cookie of the new epoch.
 */
export const DEVICE_COOKIE = 'cc_device';
/** The cookie is sent to the sign-in and reset routes only. */
export const DEVICE_COOKIE_PATH = '/api/v1/auth';
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

// `v2`: cookies issued before epochs existed (signed without one) no longer verify.
function signatureOf(secret: string, email: string, epoch: number, nonce: string): string {
  return createHmac('sha256', secret).update(`device:v2:${email.toLowerCase()}:${epoch}:${nonce}`).digest('base64url');
}

/** A new device cookie value for `email` in the account's device `epoch`. */
export function newDeviceCookie(secret: string, email: string, epoch: number): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${signatureOf(secret, email, epoch, nonce)}`;
}

/**
 * The cookie's nonce when it is a valid device cookie for `email` in the account's current `epoch`;
 * null otherwise (absent, forged, another account, an earlier epoch).
 */
export function trustedDeviceOf(secret: string, email: string, epoch: number, cookie: string | undefined): string | null {
  if (!cookie) return null;
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(cookie);
  if (!match) return null;
  const nonce = match[1] as string;
  const given = Buffer.from(match[2] as string);
  const expected = Buffer.from(signatureOf(secret, email, epoch, nonce));
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}

/** Sets the device cookie on an answer: HTTP-only, SameSite strict, sent to the sign-in and reset routes only, for a year. */
export function setDeviceCookie(reply: FastifyReply, value: string, secure: boolean): void {
  reply.setCookie(DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: DEVICE_COOKIE_PATH,
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}
