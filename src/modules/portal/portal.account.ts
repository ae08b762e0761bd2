import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { AppDeps } from '../../http/deps.js';
import { fieldOfIssue } from '../../http/errors.js';
import { escapeHtml } from '../../http/html/page.js';
import type { DocumentedPage } from '../../http/openapi.js';
import { appendAudit } from '../audit/audit.repository.js';
import { hitRateLimit } from '../auth/rate-limit.js';
import { insertClient } from '../clients/client.repository.js';
import { issueClientLink } from '../clients/client.service.js';
import { ZEmail, ZName } from '../common.schema.js';
import { loadVoiceSettings } from '../proposals/voice-settings.js';
import { openPortal, type Portal, portalContext, portalPage, portalWrite, sendHtml } from './portal.context.js';
import { formText, portalPageDoc } from './portal.form.js';
import { findClientByEmail } from './portal.repository.js';

const HOUR_MS = 3_600_000;
/** Links e-mailed to one address per hour, whoever asks: the portal must not flood a mailbox. */
export const LINKS_PER_ADDRESS_PER_HOUR = 3;

/**
 * Counts one e-mail to `email`; false when the address has had its share this hour (the caller then
 * sends nothing and says the same as ever, so the answer still tells nobody whether it is known).
 */
async function mayMail(p: Portal, email: string): Promise<boolean> {
  try {
    await hitRateLimit(p.deps.db, [`mail:${p.org.id}:${email.toLowerCase()}`], LINKS_PER_ADDRESS_PER_HOUR, HOUR_MS, p.now);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') return false;
    throw error;
  }
}
/** A sign-in link asked for by e-mail works for an hour; a registration's confirm link for three days. */
const SIGN_IN_LINK_MS = HOUR_MS;
const CONFIRM_LINK_MS = 72 * HOUR_MS;

const page = portalPageDoc;

/** The portal pages of the account, listed in the OpenAPI document as pages. */
export const ACCOUNT_PAGES: DocumentedPage[] = [
  page('GET', '/c/:org/sign-in', 'Ask for a sign-in link by e-mail'),
  page('POST', '/c/:org/sign-in', 'Send a sign-in link to a known address (the answer is the same for unknown ones); rate limited'),
  page('GET', '/c/:org/register', 'Register as a client, where the organization allows it'),
  page('POST', '/c/:org/register', 'Register: name and e-mail; a link to confirm the address is e-mailed; rate limited'),
  page('POST', '/c/:org/confirm-email', 'The signed-in client asks again for a link confirming their address; rate limited'),
];

const ZSignIn = z.object({ email: ZEmail });
const ZRegister = z.object({ name: ZName, email: ZEmail });

function parseForm<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const fields = Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, formText(v)]));
  const result = schema.safeParse(fields);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.join('.') || 'form';
    throw new AppError('validation_failed', `${path}: ${issue.message}`, [fieldOfIssue(issue, 'form')]);
  }
  return result.data;
}

function signInPage(p: Portal, opts: { email?: string; notice?: string; error?: string; registration: boolean }): string {
  const form = `<div class="card"><h2>${p.t('voiceAccount.signInPage.title')}</h2><p>${p.t('voiceAccount.signInPage.text')}</p>
<form method="post" action="${p.base}/sign-in" class="stack"><label>${p.t('voiceAccount.signInPage.email')}
<input type="email" name="email" required maxlength="254" autocomplete="email" value="${escapeHtml(opts.email ?? '')}"></label>
<button class="primary" type="submit">${p.t('voiceAccount.signInPage.send')}</button></form>
<p class="muted">${p.t('voiceAccount.signInPage.invitationHint')}</p>
${opts.registration ? `<p><a href="${p.base}/register">${p.t('voiceAccount.signInPage.register')}</a></p>` : ''}</div>`;
  return portalPage(p, {
    title: p.raw('voiceAccount.signInPage.title'),
    section: 'home',
    selfHref: `${p.base}/sign-in`,
    main: form,
    notice: opts.notice,
    error: opts.error,
  });
}

function registerPage(p: Portal, opts: { name?: string; email?: string; error?: string }): string {
  const form = `<div class="card"><h2>${p.t('voiceAccount.registerPage.title')}</h2><p>${p.t('voiceAccount.registerPage.text')}</p>
<form method="post" action="${p.base}/register" class="stack">
<label>${p.t('voiceAccount.registerPage.name')}<input name="name" required maxlength="200" autocomplete="name" value="${escapeHtml(opts.name ?? '')}"></label>
<label>${p.t('voiceAccount.registerPage.email')}<input type="email" name="email" required maxlength="254" autocomplete="email" value="${escapeHtml(opts.email ?? '')}"></label>
<button class="primary" type="submit">${p.t('voiceAccount.registerPage.submit')}</button></form></div>`;
  return portalPage(p, {
    title: p.raw('voiceAccount.registerPage.title'),
    section: 'home',
    selfHref: `${p.base}/register`,
    main: form,
    error: opts.error,
  });
}

/** A plain message page (a link sent, registration closed); title and text are plain text. */
function messagePage(p: Portal, title: string, text: string, selfHref: string): string {
  return portalPage(p, {
    title,
    section: 'home',
    selfHref,
    main: `<div class="card" role="status"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(text)}</p></div>`,
  });
}

/**
 * Sign-in by e-mail link, self-registration with e-mail confirmation, and asking again for a
 * confirmation link. Answers never tell whether an address is known.
 */
export function registerPortalAccount(app: FastifyInstance, deps: AppDeps): void {
  const publicUrl = deps.config.publicUrl;

  app.get('/c/:org/sign-in', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const settings = await loadVoiceSettings(deps.db, p.org.id);
    return sendHtml(reply, 200, signInPage(p, { registration: settings.allowRegistration }));
  });

  app.post('/c/:org/sign-in', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const settings = await loadVoiceSettings(deps.db, p.org.id);
    const email = formText((req.body as Record<string, unknown> | undefined)?.email);
    const done = await portalWrite(
      p,
      reply,
      (error) => signInPage(p, { email, error, registration: settings.allowRegistration }),
      async () => {
        const input = parseForm(ZSignIn, req.body);
        if (!(await mayMail(p, input.email))) return;
        await deps.db.transaction().execute(async (tx) => {
          const client = await findClientByEmail(tx, p.org.id, input.email);
          if (!client) return;
          await issueClientLink(tx, { ...portalContext(p), db: deps.db }, client, {
            purpose: 'sign_in',
            expiresInMs: SIGN_IN_LINK_MS,
            publicUrl,
            sendTo: input.email,
          });
        });
      },
    );
    if (!done) return;
    return sendHtml(reply, 200, signInPage(p, { notice: p.raw('voiceAccount.signInPage.sent'), registration: settings.allowRegistration }));
  });

  app.get('/c/:org/register', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const settings = await loadVoiceSettings(deps.db, p.org.id);
    if (!settings.allowRegistration)
      return sendHtml(
        reply,
        404,
        messagePage(p, p.raw('voiceAccount.registerPage.title'), p.raw('voiceAccount.registerPage.closed'), `${p.base}/register`),
      );
    return sendHtml(reply, 200, registerPage(p, {}));
  });

  app.post('/c/:org/register', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const settings = await loadVoiceSettings(deps.db, p.org.id);
    if (!settings.allowRegistration)
      return sendHtml(
        reply,
        404,
        messagePage(p, p.raw('voiceAccount.registerPage.title'), p.raw('voiceAccount.registerPage.closed'), `${p.base}/register`),
      );
    const body = (req.body ?? {}) as Record<string, unknown>;
    let email = '';
    const done = await portalWrite(
      p,
      reply,
      (error) => registerPage(p, { name: formText(body.name), email: formText(body.email), error }),
      async () => {
        const input = parseForm(ZRegister, body);
        email = input.email;
        if (!(await mayMail(p, input.email))) return;
        await deps.db.transaction().execute(async (tx) => {
          const ctx = { ...portalContext(p), db: deps.db };
          const known = await findClientByEmail(tx, p.org.id, input.email);
          // A known address gets a sign-in link instead: the page says the same either way.
          if (known) {
            await issueClientLink(tx, ctx, known, { purpose: 'sign_in', expiresInMs: SIGN_IN_LINK_MS, publicUrl, sendTo: input.email });
            return;
          }
          const row = {
            id: newId(),
            org_id: p.org.id,
            name: input.name,
            email: input.email,
            external_id: null,
            email_confirmed_at: null,
            origin: 'self' as const,
            created_at: p.now,
            updated_at: p.now,
          };
          await insertClient(tx, row);
          await appendAudit(tx, {
            orgId: p.org.id,
            actor: { type: 'client', id: row.id, label: row.name },
            action: 'client.registered',
            entityType: 'client',
            entityId: row.id,
            after: { id: row.id, name: row.name, email: row.email, origin: 'self' },
            at: p.now,
          });
          await issueClientLink(tx, ctx, row, { purpose: 'confirm', expiresInMs: CONFIRM_LINK_MS, publicUrl, sendTo: input.email });
        });
      },
    );
    if (!done) return;
    const title = p.raw('voiceAccount.registerPage.title');
    return sendHtml(reply, 200, messagePage(p, title, p.raw('voiceAccount.registerPage.sent', { email }), `${p.base}/register`));
  });

  app.post('/c/:org/confirm-email', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const client = p.client;
    if (!client?.email || client.email_confirmed_at !== null) return reply.redirect(p.base, 303);
    const done = await portalWrite(
      p,
      reply,
      (error) => messagePage(p, p.raw('voiceAccount.home.emailUnconfirmed'), error, p.base),
      async () => {
        if (!(await mayMail(p, client.email as string))) return;
        await deps.db.transaction().execute(async (tx) => {
          await issueClientLink(tx, { ...portalContext(p), db: deps.db }, client, {
            purpose: 'confirm',
            expiresInMs: CONFIRM_LINK_MS,
            publicUrl,
            sendTo: client.email,
          });
        });
      },
    );
    if (!done) return;
    const title = p.raw('voiceAccount.home.emailUnconfirmed');
    return sendHtml(reply, 200, messagePage(p, title, p.raw('voiceAccount.registerPage.sent', { email: client.email }), p.base));
  });
}
