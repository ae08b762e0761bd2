import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrganizationsTable } from '../../db/schema.js';
import type { AppDeps } from '../../http/deps.js';
import type { DocumentedPage } from '../../http/openapi.js';
import { type Locale, pickLocale, translate } from '../../i18n/index.js';
import { findOrgBySlug } from '../orgs/org.repository.js';
import { listRedress } from '../promises/redress.service.js';
import { ACCOUNT_PAGES, registerPortalAccount } from './portal.account.js';
import { FEEDBACK_PAGES, registerPortalFeedback } from './portal.feedback.js';
import { renderNotFound, renderPortal } from './portal.page.js';
import { POLLS_PAGES, registerPortalPolls } from './portal.polls.js';
import { PROPOSALS_PAGES, registerPortalProposals } from './portal.proposals.js';
import { RESERVE_PAGES, registerPortalReserve } from './portal.reserve.js';
import { CLIENT_SESSION_TTL_MS, clientOfSession, endClientSession, peekInvitation, redeemInvitation } from './portal.service.js';

export const CLIENT_COOKIE = 'cc_client';
/** Reads only; no audit entry names it. */
const CLIENT_READER = { type: 'system' as const, id: null, label: 'client portal' };
const LANG_COOKIE = 'cc_lang';

/** The portal's language: the client's choice (?lang=, kept in a cookie), else the organization's. */
function localeOf(req: FastifyRequest, reply: FastifyReply, fallback: Locale): Locale {
  const asked = (req.query as Record<string, unknown>)?.lang;
  if (asked === 'ru' || asked === 'en') {
    reply.setCookie(LANG_COOKIE, asked, { path: '/c', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
    return asked;
  }
  const saved = req.cookies[LANG_COOKIE];
  if (saved === 'ru' || saved === 'en') return saved;
  // The organization's language is the default; the client switches with the RU/EN link.
  return fallback;
}

function html(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

function invalidInvitation(reply: FastifyReply, org: OrganizationsTable, locale: Locale) {
  return html(
    reply,
    404,
    renderPortal({ org, client: null, locale, notice: translate(locale, 'portal.invitationInvalid', { org: org.name }) }),
  );
}

function notFoundPage(reply: FastifyReply, locale: Locale) {
  return html(reply, 404, renderNotFound(locale));
}

/**
 * The client portal (server-rendered, works without JavaScript). Not in the OpenAPI document:
 * these are pages for people, not API operations.
 */
export const PORTAL_PAGES: DocumentedPage[] = [...ACCOUNT_PAGES, ...FEEDBACK_PAGES, ...PROPOSALS_PAGES, ...POLLS_PAGES, ...RESERVE_PAGES];

export function registerPortalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.db;
  const secure = deps.config.publicUrl.startsWith('https:');
  registerPortalAccount(app, deps);
  registerPortalFeedback(app, deps);
  registerPortalProposals(app, deps);
  registerPortalPolls(app, deps);
  registerPortalReserve(app, deps);
  app.get('/c/:org', async (req, reply) => {
    const { org: slug } = req.params as { org: string };
    const org = await findOrgBySlug(db, slug);
    if (!org) return notFoundPage(reply, pickLocale(req.headers['accept-language'], 'ru'));
    const locale = localeOf(req, reply, org.locale);
    const now = Date.now();
    const client = await clientOfSession(db, org.id, req.cookies[CLIENT_COOKIE], now);
    const notice = (req.query as Record<string, unknown>)?.signedOut === '1' ? translate(locale, 'portal.signedOut') : undefined;
    const redress = client ? await listRedress({ db, org, actor: CLIENT_READER, now }, { clientId: client.id }) : [];
    return html(reply, 200, renderPortal({ org, client, locale, notice, redress }));
  });

  // Opening the link only shows a confirm page: mail scanners and chat previews fetch links with
  // GET (or HEAD), and must not use up a single-use invitation. The button POSTs to sign in.
  app.get('/c/:org/invite/:token', async (req, reply) => {
    const { org: slug, token } = req.params as { org: string; token: string };
    const org = await findOrgBySlug(db, slug);
    if (!org) return notFoundPage(reply, pickLocale(req.headers['accept-language'], 'ru'));
    const locale = localeOf(req, reply, org.locale);
    const invited = token.length <= 200 ? await peekInvitation(db, org, token, Date.now()) : null;
    if (!invited) return invalidInvitation(reply, org, locale);
    const action = `/c/${encodeURIComponent(org.slug)}/invite/${encodeURIComponent(token)}`;
    return html(reply, 200, renderPortal({ org, client: null, locale, confirm: { name: invited.name, action } }));
  });

  app.post('/c/:org/invite/:token', async (req, reply) => {
    const { org: slug, token } = req.params as { org: string; token: string };
    const org = await findOrgBySlug(db, slug);
    if (!org) return notFoundPage(reply, pickLocale(req.headers['accept-language'], 'ru'));
    const locale = localeOf(req, reply, org.locale);
    const secret = token.length <= 200 ? await redeemInvitation(db, org, token, Date.now()) : null;
    if (!secret) return invalidInvitation(reply, org, locale);
    reply.setCookie(CLIENT_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: `/c/${org.slug}`,
      maxAge: CLIENT_SESSION_TTL_MS / 1000,
    });
    return reply.redirect(`/c/${encodeURIComponent(org.slug)}`, 303);
  });

  app.post('/c/:org/logout', async (req, reply) => {
    const { org: slug } = req.params as { org: string };
    const secret = req.cookies[CLIENT_COOKIE];
    if (secret) await endClientSession(db, secret);
    reply.clearCookie(CLIENT_COOKIE, { path: `/c/${slug}` });
    return reply.redirect(`/c/${encodeURIComponent(slug)}?signedOut=1`, 303);
  });
}
