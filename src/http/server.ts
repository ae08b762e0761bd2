import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, fieldError } from '../core/errors.js';
import { csvToEvents } from '../core/promises/csv.js';
import { parseForm } from '../modules/portal/portal.form.js';
import { MODULES } from '../modules/registry.js';
import { installSubscriptions } from '../modules/subscriptions.js';
import { VERSION } from '../version.js';
import type { AppDeps } from './deps.js';
import { registerDocs } from './docs.js';
import { errorBody, handleError } from './errors.js';
import { rewriteFormerUrl } from './former-urls.js';
import { rejectUnacceptableInput } from './input.js';
import { buildOpenApi, type DocumentedPage } from './openapi.js';
import { routeOf } from './origin.js';
import { Registrar } from './registrar.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  // No page here uses these powers: a script that got in somehow still cannot reach them.
  'permissions-policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()',
};

/** A year; without includeSubDomains, which is the domain owner's decision, not this app's. */
const HSTS = 'max-age=31536000';

const FORM_REFUSED = 'body: the API takes JSON only (Content-Type: application/json); forms are for the client portal';

/**
 * Cache rules of the staff app's files: the HTML shell is revalidated on every load, so after an
 * upgrade it never points at assets that are gone; files under assets/ carry a content hash in their
 * name, so a name never changes content and may be kept for a year.
 */
export function webCacheControl(root: string, filePath: string): string {
  const relative = path.relative(root, filePath).split(path.sep);
  return relative.length > 1 && relative[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Pages and documents served beside the API; listed in the OpenAPI document as such. */
const DOCUMENTED_PAGES: DocumentedPage[] = [
  { method: 'GET', url: '/api/openapi.json', summary: 'This document', tag: 'documentation', contentType: 'application/json' },
  { method: 'GET', url: '/api/docs', summary: 'Interactive API documentation', tag: 'documentation', contentType: 'text/html' },
  { method: 'GET', url: '/app/', summary: 'The staff web app (every /app/… path serves it)', tag: 'pages', contentType: 'text/html' },
];

/** Builds the whole HTTP application; `listen` is the caller's business (tests use `inject`). */
export type ClientocracyServer = FastifyInstance & { openapi: Record<string, unknown> };

export async function buildServer(deps: AppDeps, options: { logLevel?: 'info' | 'error' } = {}): Promise<ClientocracyServer> {
  // Modules react to each other's events (src/modules/events.ts): every request runs with them installed.
  installSubscriptions();
  const formerUrls = MODULES.flatMap((module) => ('formerUrls' in module ? module.formerUrls : []));
  const app = Fastify({
    // 5xx are always logged by the CLI's `serve` (level error); `info` logs every request.
    logger: options.logLevel ? { level: options.logLevel } : false,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: process.env.CLIENTOCRACY_TRUST_PROXY === '1',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // A URL of before a rename is routed to its new URL (src/http/former-urls.ts).
    rewriteUrl: (req) => rewriteFormerUrl(formerUrls, req.url ?? '/'),
    // A URL the router cannot decode (e.g. `%FF`) gets the one error shape too.
    frameworkErrors: (error, req, reply) => handleError(error, req, reply),
    // Requests Node's HTTP parser refuses (e.g. raw non-ASCII bytes in the URL) never reach a route:
    // answer them in the same error shape as everything else.
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) return;
      const body = JSON.stringify(
        errorBody(
          new AppError(
            'bad_request',
            `malformed HTTP request (${(error as NodeJS.ErrnoException).code ?? 'parse error'}); percent-encode the URL`,
          ),
        ),
      );
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  });
  app.setErrorHandler(handleError);
  app.addHook('preHandler', rejectUnacceptableInput);
  const hsts = deps.config.publicUrl.startsWith('https:');
  app.addHook('onSend', async (req, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    // Browsers honour HSTS only over https, and only the public address is known to be https.
    if (hsts) reply.header('strict-transport-security', HSTS);
    // API answers are one person's data (and the login's carries a CSRF token): no cache, shared or
    // the browser's own, keeps them — nor any other answer, unless its route says it may be cached
    // (the board, the staff app's files). Judged by the route matched, not the URL as written: the
    // router decodes `/%61pi/…` to `/api/…`.
    if (!routeOf(req).startsWith('/app') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  // HTML forms of the client portal post url-encoded bodies: a field given twice becomes a list.
  // The API takes JSON only: a form is what another site's page can post without asking (login CSRF).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (req, body, done) => {
    if (!routeOf(req).startsWith('/c/')) return done(new AppError('unsupported_media_type', FORM_REFUSED), undefined);
    done(null, parseForm(String(body)));
  });
  // Fulfillment events may come as CSV with the JSON body's columns: read into that body (with the
  // file's row of each event), so the ingest judges both alike and names a bad cell as
  // events.<index>.<field> with its row. Only a file that cannot be read is refused whole.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, csvToEvents(String(body)));
    } catch (error) {
      done(
        new AppError('validation_failed', `csv: ${(error as Error).message}`, [fieldError('csv', 'csv_format', (error as Error).message)]),
        undefined,
      );
    }
  });
  await app.register(fastifyCookie);

  const registrar = new Registrar(app, deps);
  registrar.add({
    method: 'GET',
    operationId: 'getHealth',
    url: '/healthz',
    tag: 'health',
    auth: 'public',
    summary: 'Liveness: the database in use and the version',
    response: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() }),
    handler: async () => ({ status: 'ok' as const, db: deps.dialect, version: VERSION }),
  });
  for (const module of MODULES) for (const register of 'routes' in module ? module.routes : []) register(registrar);
  const pages = MODULES.flatMap((module) => ('pages' in module ? module.pages.documented : []));
  const webhooks = MODULES.flatMap((module) => ('webhooks' in module ? module.webhooks : []));
  const openapi = buildOpenApi(registrar.routes, [...DOCUMENTED_PAGES, ...pages], webhooks);
  app.get('/api/openapi.json', async () => openapi);
  await registerDocs(app);
  for (const module of MODULES) if ('pages' in module) module.pages.register(app, deps);

  const hasWeb = existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt app is served without a restart.
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/app/',
      wildcard: true,
      index: false,
      // The plugin's own header would give every file, the shell included, the same max-age.
      cacheControl: false,
      setHeaders: (res, filePath) => res.setHeader('cache-control', webCacheControl(WEB_DIST, filePath)),
    });
  }
  app.get('/', async (_req, reply) => reply.redirect('/app/'));
  app.get('/favicon.ico', async (_req, reply) => reply.status(204).send());
  app.setNotFoundHandler(async (req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    const isPage =
      (req.method === 'GET' || req.method === 'HEAD') && (url === '/app' || url.startsWith('/app/')) && !url.startsWith('/app/assets/');
    if (isPage) {
      if (!existsSync(path.join(WEB_DIST, 'index.html')))
        return reply.status(503).type('text/plain').send('The web app is not built: run `npm run build:web` (npm start does it).');
      // The single-page app routes on the client: every /app/... path serves index.html.
      return reply.sendFile('index.html', WEB_DIST);
    }
    return reply.status(404).send(errorBody(new AppError('not_found', `no route ${req.method} ${url}`)));
  });
  return Object.assign(app, { openapi }) as unknown as ClientocracyServer;
}
