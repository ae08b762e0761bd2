import type { FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../core/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the browser says the request comes from another site (its Origin's host is none of ours). */
export function isCrossSite(fetchSite: string | string[] | undefined, origin: string | undefined, hosts: (string | undefined)[]): boolean {
  if (fetchSite === 'cross-site') return true;
  if (!origin || origin === 'null') return origin === 'null';
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return true;
  }
  // Each host read as the Origin's scheme reads it, so `localhost:80` and `http://localhost` agree.
  const normal = (host: string) => {
    try {
      return new URL(`${from.protocol}//${host}`).host;
    } catch {
      return null;
    }
  };
  return !hosts.some((host) => host !== undefined && normal(host) === from.host);
}

/** Our own hosts: the one the request was sent to, and the public address (a proxy may rewrite Host). */
export function ownHosts(req: FastifyRequest, publicUrl: string): (string | undefined)[] {
  return [req.headers.host, new URL(publicUrl).host];
}

/**
 * The path pattern of the route a request matched (`/c/:org/logout`), or its path when none did.
 * Decisions by path are made on this, never on the URL as sent: the router decodes `/%63/…` to
 * `/c/…` and takes an absolute-form target (`POST http://host/c/…`), so a prefix test on `req.url`
 * can be stepped around.
 */
export function routeOf(req: FastifyRequest): string {
  return req.routeOptions?.url ?? (req.url.split('?')[0] as string);
}

/**
 * Refuses a write another site's page made the browser send (login CSRF, or acting for a signed-in
 * person). Browsers say where a request comes from: `Sec-Fetch-Site` (every current browser) and
 * `Origin` (every POST). A request with a bearer token is not the browser's doing — no page can
 * attach that header across sites without the preflight this server never grants — so only
 * cookie-borne or anonymous browser writes are judged. Tools that send neither header (curl, the
 * CLI, tests) are not browsers and pass.
 */
export function refuseCrossSiteWrite(req: FastifyRequest, publicUrl: string): void {
  // Only a bearer token: a browser attaches Basic credentials (a proxy's) across sites by itself.
  if (SAFE_METHODS.has(req.method) || /^Bearer\s/i.test(req.headers.authorization ?? '')) return;
  if (isCrossSite(req.headers['sec-fetch-site'], req.headers.origin, ownHosts(req, publicUrl))) {
    throw new AppError('csrf_failed', 'Origin: cross-site requests are refused; call the API from this site or with an API token', [
      fieldError('Origin', 'not_allowed', 'cross-site request'),
    ]);
  }
}
