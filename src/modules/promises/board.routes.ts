import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import type { OrganizationsTable } from '../../db/schema.js';
import { LANG_COOKIE, renderNotFound } from '../../http/html/page.js';
import type { Registrar } from '../../http/registrar.js';
import { type Locale, pickLocale } from '../../i18n/index.js';
import { ZId, ZOrgParams, ZOrgSlug, ZPageQuery } from '../common.schema.js';
import { pageInMemory } from '../list.js';
import { toWire } from '../wire.js';
import { renderBoard, renderBoardPromise } from './board.page.js';
import { boardOrg, publicBoard, type TBoard, ZBoard } from './board.service.js';

/** Browsers and shared caches may reuse a board this long, then revalidate with its ETag. */
const CACHE_CONTROL = 'public, max-age=30';

const ZBoardQuery = ZPageQuery.extend({ segment: ZId.optional().describe('only the promises to this client segment') });

/** A page of the board: the organization, the segments, and `limit` promises worst first from `cursor` on. */
const ZBoardPage = ZBoard.extend({ nextCursor: z.string().nullable() }).meta({ id: 'BoardPage' });

interface Rendered {
  etag: string;
  /** Encoded once: a board is sent many times between two computations. */
  body: Buffer;
}

// What was rendered from a board lives as long as the board object (publicBoard keeps it a few seconds).
const rendered = new WeakMap<TBoard, Map<string, Rendered>>();

function renderOnce(board: TBoard, key: string, render: () => string): Rendered {
  let byKey = rendered.get(board);
  if (!byKey) {
    byKey = new Map();
    rendered.set(board, byKey);
  }
  let result = byKey.get(key);
  if (!result) {
    const body = Buffer.from(render(), 'utf8');
    result = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    byKey.set(key, result);
  }
  return result;
}

/** True when If-None-Match names this ETag (or `*`), weak or strong, alone or in a list. */
function isFresh(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

function sendCached(req: FastifyRequest, reply: FastifyReply, type: string, { etag, body }: Rendered) {
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
  if (isFresh(req.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.status(200).type(type).send(body);
}

/**
 * The page's language: `?lang=` or the organization's. The page is cached publicly by URL, so the
 * language must be in the URL: a client who chose another language on the portal (its cookie) and
 * opens the board without `?lang=` is sent to the URL with it (`redirect`); that answer and the
 * page without `?lang=` vary by cookie.
 */
export function boardLocale(
  query: unknown,
  cookies: Record<string, string | undefined>,
  org: Pick<OrganizationsTable, 'locale'>,
): { locale: Locale; redirectTo?: Locale } {
  const asked = (query as Record<string, unknown> | undefined)?.lang;
  if (asked === 'ru' || asked === 'en') return { locale: asked };
  const chosen = cookies[LANG_COOKIE];
  if ((chosen === 'ru' || chosen === 'en') && chosen !== org.locale) return { locale: chosen, redirectTo: chosen };
  return { locale: org.locale };
}

/** Answers with the board's language from the request; true when it redirected to the URL with `?lang=`. */
function settleLocale(req: FastifyRequest, reply: FastifyReply, org: OrganizationsTable): { locale: Locale; redirected: boolean } {
  const { locale, redirectTo } = boardLocale(req.query, req.cookies, org);
  const hasLang = (req.query as Record<string, unknown> | undefined)?.lang !== undefined;
  if (!hasLang) reply.header('vary', 'cookie');
  if (!redirectTo) return { locale, redirected: false };
  const url = new URL(req.url, 'http://board.invalid');
  url.searchParams.set('lang', redirectTo);
  void reply.header('cache-control', 'no-store').redirect(`${url.pathname}${url.search}`, 303);
  return { locale, redirected: true };
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

/** The public promise board: as JSON in the API, and as pages of the client portal (see DOCUMENTED_PAGES). */
export function registerBoardRoutes(r: Registrar): void {
  const { db } = r.deps;
  r.add({
    method: 'GET',
    operationId: 'listPublicPromises',
    url: '/api/v1/public/orgs/:org/promises',
    tag: 'promise board',
    auth: 'public',
    summary:
      'The public promise board: every published client promise with its target, attainment over its window, status, alerts, backing, team, segment, versions and the attainment of the last 8 windows; worst first. Sends an ETag and answers 304 to If-None-Match.',
    params: ZOrgParams,
    query: ZBoardQuery,
    response: ZBoardPage,
    handler: async ({ params, query, req, reply }) => {
      const org = await boardOrg(db, params.org, Date.now());
      if (!org) throw notFound('organization', params.org);
      const board = await publicBoard(db, org, Date.now(), query.segment);
      // The bytes are sent here (encoded once per board, hashed for the ETag), not serialized by the registrar.
      sendCached(
        req,
        reply,
        'application/json; charset=utf-8',
        renderOnce(board, `json|${query.cursor ?? ''}|${query.limit}`, () =>
          JSON.stringify(toWire(ZBoardPage, { ...board, ...pageInMemory(board.items, query) })),
        ),
      );
      return undefined;
    },
  });

  // Pages for people: read without JavaScript, cached like the JSON. A malformed slug, segment or
  // id is simply not found, as on the rest of the portal.
  r.app.get('/c/:org/promises', async (req, reply) => {
    const { org: slug } = req.params as { org: string };
    const org = ZOrgSlug.safeParse(slug).success ? await boardOrg(db, slug, Date.now()) : undefined;
    if (!org) return html(reply, 404, renderNotFound(pickLocale(req.headers['accept-language'], 'ru')));
    const { locale, redirected } = settleLocale(req, reply, org);
    if (redirected) return reply;
    const segment = ZBoardQuery.safeParse(req.query).data?.segment;
    const board = await publicBoard(db, org, Date.now(), segment);
    return sendCached(
      req,
      reply,
      'text/html; charset=utf-8',
      renderOnce(board, `html:${locale}`, () => renderBoard(board, org, locale)),
    );
  });

  r.app.get('/c/:org/promises/:promiseId', async (req, reply) => {
    const { org: slug, promiseId: id } = req.params as { org: string; promiseId: string };
    const org = ZOrgSlug.safeParse(slug).success ? await boardOrg(db, slug, Date.now()) : undefined;
    const settled = org ? settleLocale(req, reply, org) : undefined;
    if (settled?.redirected) return reply;
    const locale = settled?.locale ?? pickLocale(req.headers['accept-language'], 'ru');
    const board = org ? await publicBoard(db, org, Date.now()) : undefined;
    const promise = board?.items.find((p) => p.id === id);
    if (!org || !board || !promise) return html(reply, 404, renderNotFound(locale));
    return sendCached(
      req,
      reply,
      'text/html; charset=utf-8',
      renderOnce(board, `promise:${id}:${locale}`, () => renderBoardPromise(promise, org, locale)),
    );
  });
}
