import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.js';
import { escapeHtml } from '../../http/html/page.js';
import type { DocumentedPage } from '../../http/openapi.js';
import { isCrossSite, ownHosts, routeOf } from '../../http/origin.js';
import { ACCOUNT_PAGES, registerPortalAccount } from './portal.account.js';
import { CLIENT_COOKIE, openPortal, type Portal, portalPage, sendHtml } from './portal.context.js';
import { DECISIONS_PAGES, registerPortalDecisions } from './portal.decisions.js';
import { FEEDBACK_PAGES, registerPortalFeedback } from './portal.feedback.js';
import { renderClientHome } from './portal.home.js';
import { PARTICIPATION_PAGES, registerPortalParticipation } from './portal.participation.js';
import { POLLS_PAGES, registerPortalPolls } from './portal.polls.js';
import { PROPOSALS_PAGES, registerPortalProposals } from './portal.proposals.js';
import { CLIENT_SESSION_TTL_MS, endClientSession, peekInvitation, redeemInvitation } from './portal.service.js';

export { CLIENT_COOKIE };

/** The pages of the voice sections, listed in the OpenAPI document beside the portal's own. */
/** The portal's own pages: its home, invitation links, sign-out and the public promise board. */
const BASE_PAGES: DocumentedPage[] = [
  {
    method: 'GET',
    url: '/c/:org',
    summary: 'The client portal of an organization (public; greets a signed-in client)',
    tag: 'client portal',
    contentType: 'text/html',
  },
  {
    method: 'GET',
    url: '/c/:org/invite/:token',
    summary: 'An invitation link: a confirm page that does not use the link up',
    tag: 'client portal',
    contentType: 'text/html',
  },
  {
    method: 'POST',
    url: '/c/:org/invite/:token',
    summary: 'Sign the client in with the invitation link (single use) and redirect to the portal',
    tag: 'client portal',
    contentType: 'text/html',
  },
  { method: 'POST', url: '/c/:org/logout', summary: 'Sign the client out of the portal', tag: 'client portal', contentType: 'text/html' },
  {
    method: 'GET',
    url: '/c/:org/promises',
    summary:
      'The public promise board (no sign-in, no JavaScript): each published client promise as a card; `?segment=` filters, `?lang=ru|en` picks the language; ETag, 304, cached 30 s',
    tag: 'client portal',
    contentType: 'text/html',
  },
  {
    method: 'GET',
    url: '/c/:org/promises/:promiseId',
    summary: 'One promise of the public board with the history of its terms; ETag, 304, cached 30 s',
    tag: 'client portal',
    contentType: 'text/html',
  },
];

export const PORTAL_PAGES: DocumentedPage[] = [
  ...BASE_PAGES,
  ...ACCOUNT_PAGES,
  ...FEEDBACK_PAGES,
  ...PROPOSALS_PAGES,
  ...POLLS_PAGES,
  ...DECISIONS_PAGES,
  ...PARTICIPATION_PAGES,
];

/** The promises card for a visitor who is not signed in. */
function anonymousHome(p: Portal): string {
  const board = `${p.base}/promises${p.locale === p.org.locale ? '' : `?lang=${p.locale}`}`;
  return `<div class="card"><p>${p.t('portal.anonymous')}</p><p><a class="button" href="${p.base}/sign-in">${p.t('voiceAccount.signIn')}</a></p></div>
<div class="card"><h2>${p.t('portal.promisesTitle')}</h2><p>${p.t('portal.promisesText')}</p>
<p><a class="button" href="${escapeHtml(board)}">${p.t('portal.promisesLink')}</a></p></div>`;
}

function invalidInvitation(p: Portal): string {
  return portalPage(p, { title: p.raw('portal.title'), section: 'home', notice: p.raw('portal.invitationInvalid'), main: '' });
}

/**
 * The client portal (server-rendered, works without JavaScript): the home page, invitation and
 * e-mail links, signing out; the voice sections register their own pages.
 */
export function registerPortalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const secure = deps.config.publicUrl.startsWith('https:');
  // A portal form is posted only from the portal itself: a form on another site must not sign a
  // visitor in as someone else (login CSRF) or act for them. Browsers say where a post comes from.
  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' || !routeOf(req).startsWith('/c/')) return;
    if (isCrossSite(req.headers['sec-fetch-site'], req.headers.origin, ownHosts(req, deps.config.publicUrl))) {
      return reply.status(403).type('text/plain; charset=utf-8').send('403: cross-site form posts are refused');
    }
  });
  registerPortalAccount(app, deps);
  registerPortalFeedback(app, deps);
  registerPortalProposals(app, deps);
  registerPortalPolls(app, deps);
  registerPortalDecisions(app, deps);
  registerPortalParticipation(app, deps);

  app.get('/c/:org', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const query = (req.query ?? {}) as Record<string, unknown>;
    const notice =
      query.signedOut === '1'
        ? p.raw('portal.signedOut')
        : query.confirmed === '1'
          ? p.raw('voiceAccount.confirmEmail.confirmed')
          : undefined;
    const main = p.client ? await renderClientHome(p, p.client, p.org) : anonymousHome(p);
    return sendHtml(reply, 200, portalPage(p, { title: p.raw('portal.title'), section: 'home', notice, main }));
  });

  // Opening the link only shows a confirm page: mail scanners and chat previews fetch links with
  // GET (or HEAD), and must not use up a single-use invitation. The button POSTs to sign in.
  app.get('/c/:org/invite/:token', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const { token } = req.params as { token: string };
    const invited = token.length <= 200 ? await peekInvitation(deps.db, p.org, token, p.now) : null;
    if (!invited) return sendHtml(reply, 404, invalidInvitation(p));
    const action = `${p.base}/invite/${encodeURIComponent(token)}`;
    const confirming = invited.purpose === 'confirm';
    const title = confirming
      ? p.t('voiceAccount.confirmEmail.title', { name: invited.name })
      : p.t('portal.confirmTitle', { name: invited.name });
    const text = confirming ? p.t('voiceAccount.confirmEmail.text') : p.t('portal.confirmText');
    const button = confirming ? p.t('voiceAccount.confirmEmail.button') : p.t('portal.confirmButton');
    const main = `<div class="card"><h2>${title}</h2><p>${text}</p>
<form method="post" action="${escapeHtml(action)}"><button class="primary" type="submit">${button}</button></form></div>`;
    return sendHtml(reply, 200, portalPage(p, { title: p.raw('portal.title'), section: 'home', selfHref: action, main }));
  });

  app.post('/c/:org/invite/:token', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const { token } = req.params as { token: string };
    const invited = token.length <= 200 ? await peekInvitation(deps.db, p.org, token, p.now) : null;
    const secret = invited ? await redeemInvitation(deps.db, p.org, token, p.now) : null;
    if (!secret) return sendHtml(reply, 404, invalidInvitation(p));
    reply.setCookie(CLIENT_COOKIE, secret, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: `/c/${p.org.slug}`,
      maxAge: CLIENT_SESSION_TTL_MS / 1000,
    });
    return reply.redirect(invited?.purpose === 'confirm' ? `${p.base}?confirmed=1` : p.base, 303);
  });

  app.post('/c/:org/logout', async (req, reply) => {
    // The slug becomes the cookie's path: only an organization that exists names one (a path with
    // `;` or `<` would not be a cookie path at all).
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const secret = req.cookies[CLIENT_COOKIE];
    if (secret) await endClientSession(deps.db, p.org.id, secret);
    reply.clearCookie(CLIENT_COOKIE, { path: `/c/${p.org.slug}` });
    return reply.redirect(`${p.base}?signedOut=1`, 303);
  });
}
