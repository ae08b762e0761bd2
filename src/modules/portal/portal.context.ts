import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError, FieldError } from '../../core/errors.js';
import type { ClientsTable, OrganizationsTable } from '../../db/schema.js';
import type { AppDeps } from '../../http/deps.js';
import { toAppError } from '../../http/errors.js';
import {
  escapeHtml,
  LANG_COOKIE,
  type PortalSection,
  renderLayout,
  renderNotFound,
  renderSections,
  sectionHref,
} from '../../http/html/page.js';
import { fieldErrorVars } from '../../i18n/field-error-vars.js';
import { type Locale, pickLocale, translate } from '../../i18n/index.js';
import { hitRateLimit } from '../auth/rate-limit.js';
import type { Actor, OrgContext } from '../context.js';
import { findOrgBySlug } from '../orgs/org.repository.js';
import { loadVoiceSettings, type VoiceSettings } from '../proposals/voice-settings.js';
import { clientOfSession } from './portal.service.js';

export const CLIENT_COOKIE = 'cc_client';

/** Public writes (feedback, supports, ballots, reports, registration) per minute, per IP and per client. */
export const PUBLIC_WRITES_PER_MINUTE_IP = 30;
export const PUBLIC_WRITES_PER_MINUTE_CLIENT = 20;

/** Everything a portal page needs: the organization, the language, the signed-in client, if any. */
export interface Portal {
  deps: AppDeps;
  org: OrganizationsTable;
  locale: Locale;
  client: ClientsTable | null;
  now: number;
  /** `/c/{slug}`, escaped for a URL. */
  base: string;
  ip: string;
  /** Translates a key with the organization's name filled in, HTML-escaped. */
  t: (key: string, vars?: Record<string, string | number>) => string;
  /** The same, not escaped: for titles, notices and errors, which `portalPage` escapes itself. */
  raw: (key: string, vars?: Record<string, string | number>) => string;
}

/** The portal's language: the client's choice (?lang=, kept in a cookie), else the organization's. */
export function portalLocale(req: FastifyRequest, reply: FastifyReply, fallback: Locale): Locale {
  const asked = (req.query as Record<string, unknown> | undefined)?.lang;
  if (asked === 'ru' || asked === 'en') {
    reply.setCookie(LANG_COOKIE, asked, { path: '/c', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
    return asked;
  }
  const saved = req.cookies[LANG_COOKIE];
  if (saved === 'ru' || saved === 'en') return saved;
  return fallback;
}

export function sendHtml(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

/**
 * Opens a portal request: finds the organization by the `:org` param and the signed-in client.
 * Answers 404 itself and returns null when there is no such organization.
 */
export async function openPortal(deps: AppDeps, req: FastifyRequest, reply: FastifyReply): Promise<Portal | null> {
  const { org: slug } = req.params as { org: string };
  const org = await findOrgBySlug(deps.db, slug);
  if (!org) {
    sendHtml(reply, 404, renderNotFound(pickLocale(req.headers['accept-language'], 'ru')));
    return null;
  }
  const locale = portalLocale(req, reply, org.locale);
  const now = Date.now();
  const client = await clientOfSession(deps.db, org.id, req.cookies[CLIENT_COOKIE], now);
  return {
    deps,
    org,
    locale,
    client,
    now,
    base: `/c/${encodeURIComponent(org.slug)}`,
    ip: req.ip,
    t: (key, vars = {}) => escapeHtml(translate(locale, key, { org: org.name, ...vars })),
    raw: (key, vars = {}) => translate(locale, key, { org: org.name, ...vars }),
  };
}

/** The signed-in client as the actor of what they do (recorded in the audit log). */
export function clientActor(client: ClientsTable): Actor {
  return { type: 'client', id: client.id, label: client.name };
}

/** A service context acting as the signed-in client (or as the anonymous portal when none). */
export function portalContext(p: Portal): OrgContext {
  return {
    db: p.deps.db,
    org: p.org,
    actor: p.client ? clientActor(p.client) : { type: 'system', id: null, label: 'client portal' },
    now: p.now,
  };
}

/**
 * Counts one public write against the per-IP and (when signed in) per-client limits; throws
 * `rate_limited` (429 with Retry-After) when over. Every public write calls it first.
 */
export async function limitPublicWrite(p: Portal): Promise<void> {
  await hitRateLimit(p.deps.db, [`pw:ip:${p.org.id}:${p.ip}`], PUBLIC_WRITES_PER_MINUTE_IP, 60_000, p.now);
  if (p.client) await hitRateLimit(p.deps.db, [`pw:client:${p.client.id}`], PUBLIC_WRITES_PER_MINUTE_CLIENT, 60_000, p.now);
}

/**
 * Why the signed-in client may not support or vote, as an i18n key under `voiceAccount`, or null
 * when they may: not signed in, or the organization requires a confirmed e-mail they have not got.
 */
export async function voterProblem(p: Portal): Promise<'signInToTakePart' | 'confirmEmailToTakePart' | null> {
  if (!p.client) return 'signInToTakePart';
  const settings: VoiceSettings = await loadVoiceSettings(p.deps.db, p.org.id);
  if (settings.requireConfirmedEmail && p.client.email_confirmed_at === null) return 'confirmEmailToTakePart';
  return null;
}

/**
 * A whole portal page (title, notice and error are plain text; `main` is trusted HTML): the organization's header with the account form and the language link, the
 * section menu (the current one marked), an optional notice, and the page's body (trusted HTML).
 */
export function portalPage(
  p: Portal,
  opts: { title: string; section: PortalSection; main: string; notice?: string; error?: string; selfHref?: string },
): string {
  const other: Locale = p.locale === 'ru' ? 'en' : 'ru';
  const self = opts.selfHref ?? sectionHref(p.base, opts.section);
  const sep = self.includes('?') ? '&' : '?';
  const account = p.client
    ? `<form method="post" action="${p.base}/logout"><span>${p.t('portal.signedInAs', { name: p.client.name })}</span> <button type="submit">${p.t('portal.signOut')}</button></form>`
    : `<a href="${p.base}/sign-in">${p.t('voiceAccount.signIn')}</a>`;
  const notice = opts.notice ? `<div class="card notice" role="status">${escapeHtml(opts.notice)}</div>` : '';
  const error = opts.error ? `<div class="card error" role="alert">${escapeHtml(opts.error)}</div>` : '';
  return renderLayout({
    locale: p.locale,
    title: `${opts.title} — ${p.org.name}`,
    orgName: p.org.name,
    homeHref: p.base,
    account,
    otherHref: `${self}${sep}lang=${other}`,
    // The menu keeps the client's language where it is not the organization's (the board reads it from the URL).
    main: `${renderSections(p.base, p.locale, opts.section, p.locale === p.org.locale ? undefined : p.locale)}${notice}${error}${opts.main}`,
  });
}

/**
 * What is wrong with one field in a language, by its code and params (`fieldErrors.<code>`, the
 * sentences the web app shows too); undefined for a code the dictionaries do not know.
 */
export function portalFieldText(locale: Locale, field: FieldError): string | undefined {
  const key = `fieldErrors.${field.code}`;
  const text = translate(locale, key, fieldErrorVars(field.code, field.params));
  return text === key ? undefined : text;
}

/**
 * An error in the client's language: the code's sentence, naming the field when there is one, and
 * what is wrong with it, translated by the field's code.
 */
export function portalErrorText(p: Portal, error: AppError): string {
  const first = error.fields[0];
  const field = first?.path ?? '';
  const known = ['rate_limited', 'validation_failed', 'conflict', 'not_found', 'forbidden', 'unauthorized'];
  const code = known.includes(error.code) ? error.code : 'other';
  const text = translate(p.locale, `voiceAccount.errors.${code}`, { seconds: error.retryAfter ?? 60, field, org: p.org.name });
  const detail = first ? portalFieldText(p.locale, first) : undefined;
  if (detail) return `${text} ${detail}`;
  // Without a field code the API's own sentence says what is wrong; it is English, so only English pages add it.
  return p.locale === 'en' && code !== 'rate_limited' ? `${text} (${error.message})` : text;
}

/**
 * Runs a public write for a portal form: rate limits first; an AppError becomes the page again with
 * the message (429 keeps Retry-After). Returns true when the write went through.
 */
export async function portalWrite(
  p: Portal,
  reply: FastifyReply,
  render: (error: string, status: number) => string,
  write: () => Promise<void>,
): Promise<boolean> {
  try {
    await limitPublicWrite(p);
    await write();
    return true;
  } catch (thrown) {
    // Database conflicts (two writes at once) become the same 409 the API answers, shown as a page.
    const error = toAppError(thrown);
    if (error.code === 'internal' || error.code === 'db_unavailable') throw thrown;
    if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
    const status = error.code === 'rate_limited' ? 429 : error.status >= 400 && error.status < 500 ? error.status : 400;
    sendHtml(reply, status, render(portalErrorText(p, error), status));
    return false;
  }
}
