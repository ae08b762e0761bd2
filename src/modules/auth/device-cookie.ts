import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * has signed in to an account before gets a cookie `<nonce>.<HMAC(secret, e-mail, nonce)>`. Sign-in
 * attempts for that e-mail from that browser are throttled by the cookie's own count only, so an
 * attacker's failures from elsewhere — which do slow the account down for everyone else — do not
 * lock the owner out on their usual device. The cookie proves nothing by itself: the password is
 * still checked, and a cookie for another e-mail, or one not signed with this server's secret,
 * counts as no cookie.
 *
 * Why a cookie and not a list of "known IP addresses": addresses are shared (an office, a mobile
 * carrier's NAT — an attacker there would inherit the exemption) and they change (the owner's home
 * or phone gets a new one and is locked out), and a history of addresses is more personal data to
 * keep. The cookie names a browser, is unforgeable, and needs no table.
 */
export const DEVICE_COOKIE = 'cc_device';
/** The cookie is sent to the sign-in and reset routes only. */
export const DEVICE_COOKIE_PATH = '/api/v1/auth';
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

function signatureOf(secret: string, email: string, nonce: string): string {
  return createHmac('sha256', secret).update(`device:${email.toLowerCase()}:${nonce}`).digest('base64url');
}

/** A new device cookie value for `email`. */
export function newDeviceCookie(secret: string, email: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${signatureOf(secret, email, nonce)}`;
}

/** The cookie's nonce when it is a valid device cookie for `email`; null otherwise (absent, forged, another account). */
export function trustedDeviceOf(secret: string, email: string, cookie: string | undefined): string | null {
  if (!cookie) return null;
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(cookie);
  if (!match) return null;
  const nonce = match[1] as string;
  const given = Buffer.from(match[2] as string);
  const expected = Buffer.from(signatureOf(secret, email, nonce));
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
