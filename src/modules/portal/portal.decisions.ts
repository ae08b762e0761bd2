import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.js';
import type { AppDeps } from '../../http/deps.js';
import { zodToAppError } from '../../http/errors.js';
import { escapeHtml } from '../../http/html/page.js';
import type { DocumentedPage } from '../../http/openapi.js';
import { translate } from '../../i18n/index.js';
import { type ClientDecisionView, clientDecisionView, giveClientAdvice, listClientDecisions } from '../governance/client-advice.service.js';
import { ZGiveAdvice } from '../governance/decision.schema.js';
import { openPortal, type Portal, portalContext, portalPage, portalWrite, sendHtml, voterProblem } from './portal.context.js';
import { formText, portalPageDoc } from './portal.form.js';

/** The portal pages of decisions that ask clients' advice or touch them, listed in the OpenAPI document as pages. */
export const DECISIONS_PAGES: DocumentedPage[] = [
  portalPageDoc('GET', '/c/:org/decisions', 'The decisions that ask the signed-in client’s segments for advice or touch them'),
  portalPageDoc(
    'GET',
    '/c/:org/decisions/:decisionId',
    'A decision: its context and options, the advice form while it is open, what was decided and why clients were not asked when they were not',
  ),
  portalPageDoc(
    'POST',
    '/c/:org/decisions/:decisionId/advice',
    'Give or change the signed-in client’s advice (until the decision is taken)',
  ),
];

const STYLE = `.decision-list{list-style:none;margin:0;padding:0}.decision-list li{border-top:1px solid #e3e5e8;padding:12px 0}.decision-list li:first-child{border-top:0;padding-top:0}
textarea{width:100%;min-height:8em}blockquote{margin:8px 0;padding:8px 12px;border-left:3px solid #1864ab;background:#f8f9fa;white-space:pre-wrap}`;

function page(p: Portal, opts: { title: string; main: string; notice?: string; error?: string; selfHref?: string }): string {
  return portalPage(p, { ...opts, section: 'decisions', main: `<style>${STYLE}</style>${opts.main}` });
}

function day(p: Portal, date: string): string {
  return new Intl.DateTimeFormat(p.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

const href = (p: Portal, id: string) => `${p.base}/decisions/${encodeURIComponent(id)}`;

function renderList(p: Portal, items: ClientDecisionView[]): string {
  const line = (d: ClientDecisionView) => {
    const state = d.canAdvise
      ? d.adviceDeadline
        ? p.t('voiceDecisions.adviceUntil', { date: day(p, d.adviceDeadline) })
        : ''
      : p.t(`voiceDecisions.status.${d.status}`);
    return `<li><div><strong><a href="${href(p, d.id)}">${escapeHtml(d.title)}</a></strong></div><div class="muted">${state}</div>
<div><a href="${href(p, d.id)}">${p.t('voiceDecisions.open')}</a></div></li>`;
  };
  const open = items.filter((d) => d.canAdvise);
  const rest = items.filter((d) => !d.canAdvise);
  const section = (title: string, list: ClientDecisionView[], empty: string) =>
    `<div class="card"><h2>${title}</h2>${list.length ? `<ul class="decision-list">${list.map(line).join('')}</ul>` : `<p class="muted">${empty}</p>`}</div>`;
  return `<div class="card"><h2>${p.t('voiceDecisions.title')}</h2><p class="muted">${p.t('voiceDecisions.intro')}</p></div>
${section(p.t('voiceDecisions.openTitle'), open, p.t('voiceDecisions.noOpen'))}${section(p.t('voiceDecisions.closedTitle'), rest, p.t('voiceDecisions.noClosed'))}`;
}

function renderForm(p: Portal, d: ClientDecisionView, draft: { advice: string; preferredOption: number | null } | null): string {
  const values = draft ?? d.ownAdvice;
  const choices = d.options
    .map((o) => `<option value="${o.index}"${values?.preferredOption === o.index ? ' selected' : ''}>${escapeHtml(o.title)}</option>`)
    .join('');
  return `<form class="card" method="post" action="${href(p, d.id)}/advice"><h2>${p.t('voiceDecisions.yourAdvice')}</h2>
<p class="muted">${p.t('voiceDecisions.adviceHint')}</p>
<label>${p.t('voiceDecisions.adviceField')}<textarea name="advice" required maxlength="4000">${escapeHtml(values?.advice ?? '')}</textarea></label>
<label>${p.t('voiceDecisions.preferred')}<select name="preferredOption"><option value="">${p.t('voiceDecisions.noPreference')}</option>${choices}</select></label>
<p><button class="primary" type="submit">${d.ownAdvice ? p.t('voiceDecisions.change') : p.t('voiceDecisions.submit')}</button></p></form>`;
}

function renderOwnAdvice(p: Portal, d: ClientDecisionView): string {
  if (!d.ownAdvice) return '';
  const preferred = d.ownAdvice.preferredOption === null ? undefined : d.options[d.ownAdvice.preferredOption];
  return `<div class="card"><p><strong>${p.t('voiceDecisions.yourAdviceGiven')}</strong></p><blockquote>${escapeHtml(d.ownAdvice.advice)}</blockquote>${
    preferred ? `<p>${p.t('voiceDecisions.preferredOption', { option: escapeHtml(preferred.title) })}</p>` : ''
  }</div>`;
}

/** What was decided, and — beside it — why the clients it touches were not asked, when the decider said so. */
function renderOutcome(p: Portal, d: ClientDecisionView): string {
  if (d.status === 'open') return '';
  if (d.status === 'withdrawn')
    return `<div class="card"><h2>${p.t('voiceDecisions.outcome')}</h2><p>${p.t('voiceDecisions.withdrawn')}</p></div>`;
  const option = d.chosenOption === null ? '' : (d.options[d.chosenOption]?.title ?? '');
  const reason = d.clientsNotAskedReason
    ? `<p>${p.t('voiceDecisions.notAsked')}</p><blockquote id="clients-not-asked">${escapeHtml(d.clientsNotAskedReason)}</blockquote>`
    : '';
  return `<div class="card" id="outcome"><h2>${p.t('voiceDecisions.outcome')}</h2><p><strong>${p.t('voiceDecisions.decided', { option: escapeHtml(option) })}</strong></p>${reason}</div>`;
}

function renderDecision(
  p: Portal,
  d: ClientDecisionView,
  draft: { advice: string; preferredOption: number | null } | null,
  messages: { notice?: string; error?: string } = {},
): string {
  const options = d.options
    .map(
      (o) =>
        `<li><strong>${escapeHtml(o.title)}</strong>${o.description ? `<div class="muted">${escapeHtml(o.description)}</div>` : ''}</li>`,
    )
    .join('');
  const main = `<p><a href="${p.base}/decisions">${p.t('voiceDecisions.back')}</a></p>
<div class="card"><h2>${escapeHtml(d.title)}</h2>${!d.isAdviceAsked ? `<p class="muted">${p.t('voiceDecisions.touchesYou')}</p>` : ''}
${d.canAdvise && d.adviceDeadline ? `<p class="muted">${p.t('voiceDecisions.adviceUntil', { date: day(p, d.adviceDeadline) })}</p>` : ''}
${d.context ? `<h3>${p.t('voiceDecisions.context')}</h3><p style="white-space:pre-wrap">${escapeHtml(d.context)}</p>` : ''}
<h3>${p.t('voiceDecisions.options')}</h3><ol>${options}</ol></div>
${renderOutcome(p, d)}${d.canAdvise ? renderForm(p, d, draft) : renderOwnAdvice(p, d)}`;
  return page(p, { title: d.title, main, selfHref: href(p, d.id), ...messages });
}

function signInPage(p: Portal): string {
  const main = `<div class="card"><h2>${p.t('voiceDecisions.title')}</h2><p>${p.t('voiceDecisions.signIn')}</p><p><a class="button" href="${p.base}/sign-in">${p.t('voiceAccount.signIn')}</a></p></div>`;
  return page(p, { title: translate(p.locale, 'voiceDecisions.title'), main });
}

/** Loads the decision for the signed-in client, or answers the page itself (sign in, 404) and returns null. */
async function loadView(p: Portal, id: string, reply: Parameters<typeof sendHtml>[0]): Promise<ClientDecisionView | null> {
  if (!p.client) {
    sendHtml(reply, 401, signInPage(p));
    return null;
  }
  try {
    return await clientDecisionView(portalContext(p), id.slice(0, 64), p.client.id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      const main = `<div class="card"><p>${p.t('voiceAccount.errors.not_found')}</p><p><a href="${p.base}/decisions">${p.t('voiceDecisions.back')}</a></p></div>`;
      sendHtml(reply, 404, page(p, { title: translate(p.locale, 'voiceDecisions.title'), main }));
      return null;
    }
    throw error;
  }
}

/** The advice as the form gives it: an empty choice is no preference; a choice that is not a number fails the schema. */
function adviceFromForm(body: Record<string, unknown>): { advice: string; preferredOption: number | null } {
  const preferred = formText(body.preferredOption).trim();
  return { advice: formText(body.advice), preferredOption: preferred === '' ? null : Number(preferred) };
}

export function registerPortalDecisions(app: FastifyInstance, deps: AppDeps): void {
  app.get('/c/:org/decisions', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return reply;
    if (!p.client) return sendHtml(reply, 200, signInPage(p));
    const items = await listClientDecisions(portalContext(p), p.client.id);
    return sendHtml(reply, 200, page(p, { title: translate(p.locale, 'voiceDecisions.title'), main: renderList(p, items) }));
  });

  app.get('/c/:org/decisions/:decisionId', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return reply;
    const view = await loadView(p, (req.params as { decisionId: string }).decisionId, reply);
    if (!view) return reply;
    const query = req.query as Record<string, unknown>;
    const notice =
      query.advised === '1'
        ? translate(p.locale, 'voiceDecisions.saved')
        : query.advised === '2'
          ? translate(p.locale, 'voiceDecisions.replaced')
          : undefined;
    return sendHtml(reply, 200, renderDecision(p, view, null, { notice }));
  });

  app.post('/c/:org/decisions/:decisionId/advice', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return reply;
    const view = await loadView(p, (req.params as { decisionId: string }).decisionId, reply);
    if (!view || !p.client) return reply;
    const draft = adviceFromForm((req.body ?? {}) as Record<string, unknown>);
    const problem = await voterProblem(p);
    if (problem)
      return sendHtml(
        reply,
        403,
        renderDecision(p, view, draft, { error: translate(p.locale, `voiceAccount.${problem}`, { org: p.org.name }) }),
      );
    const client = p.client;
    let replaced = false;
    const done = await portalWrite(
      p,
      reply,
      (error) => renderDecision(p, view, draft, { error }),
      async () => {
        const parsed = ZGiveAdvice.safeParse(draft);
        if (!parsed.success) throw zodToAppError(parsed.error, 'body');
        const input = parsed.data;
        replaced = (await giveClientAdvice(portalContext(p), view.id, client.id, input)).replaced;
      },
    );
    if (done) return reply.redirect(`${href(p, view.id)}?advised=${replaced ? 2 : 1}`, 303);
    return reply;
  });
}
