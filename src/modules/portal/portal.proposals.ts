import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../../core/errors.js';
import type { AppDeps } from '../../http/deps.js';
import { fieldOfIssue } from '../../http/errors.js';
import { formatDate, formatNumber } from '../../http/html/format.js';
import { escapeHtml, renderNotFound } from '../../http/html/page.js';
import type { DocumentedPage } from '../../http/openapi.js';
import { boardHref } from '../promises/board.page.js';
import { findPromise } from '../promises/promise.repository.js';
import { anonymousReporter, reportContent } from '../proposals/moderation.service.js';
import { PROPOSAL_SORTS, type TProposal, ZCreateProposal } from '../proposals/proposal.schema.js';
import {
  createClientProposal,
  getProposal,
  isSupporting,
  listProposals,
  supportProposal,
  withdrawSupport,
} from '../proposals/proposal.service.js';
import { similarProposals, type TSimilarProposal } from '../proposals/similar.service.js';
import {
  openPortal,
  type Portal,
  portalContext,
  portalErrorText,
  portalPage,
  portalWrite,
  sendHtml,
  voterProblem,
} from './portal.context.js';
import { formText, portalPageDoc } from './portal.form.js';
import { listSegmentsOfClient } from './portal.repository.js';

const page = portalPageDoc;

/** The portal pages of this section, listed in the OpenAPI document as pages. */
export const PROPOSALS_PAGES: DocumentedPage[] = [
  page('GET', '/c/:org/proposals', 'Clients’ proposals: most supported, newest or trending, with supports against the threshold'),
  page('GET', '/c/:org/proposals/new', 'The form a signed-in client proposes with'),
  page('POST', '/c/:org/proposals/new', 'A signed-in client proposes; rate limited'),
  page('GET', '/c/:org/proposals/:proposalId', 'One proposal: its text, status, the answer owed or given, what implements it'),
  page('POST', '/c/:org/proposals/:proposalId/support', 'The signed-in client supports the proposal, once; rate limited'),
  page('POST', '/c/:org/proposals/:proposalId/withdraw', 'The signed-in client withdraws their support; rate limited'),
  page(
    'POST',
    '/c/:org/proposals/:proposalId/report',
    'Report the proposal for moderation (one report per client or address); rate limited',
  ),
];

type Sort = (typeof PROPOSAL_SORTS)[number];
/** Where a pre-rendered page takes its error text: unguessable, so no proposal's text can hold it. */
const errorMark = () => `__error_${randomUUID()}__`;
const NOTICES = { created: 'created', supported: 'supported', withdrawn: 'withdrawn', reported: 'reported' } as const;

const day = (p: Portal, t: number) => formatDate(t, p.locale, p.org.time_zone);
const proposalHref = (p: Portal, id: string) => `${p.base}/proposals/${encodeURIComponent(id)}`;

/** Supports against the threshold, as words and a bar (a native progress element: no script, no style needed). */
function progress(p: Portal, x: TProposal): string {
  const reached = x.thresholdReachedAt !== null ? ` · <strong>${p.t('voiceProposals.thresholdReached')}</strong>` : '';
  const words = p.t('voiceProposals.supports', {
    n: formatNumber(x.supports, p.locale),
    threshold: formatNumber(x.threshold, p.locale),
    count: x.threshold,
  });
  return `<div><progress max="${x.threshold}" value="${Math.min(x.supports, x.threshold)}">${words}</progress> <span>${words}</span>${reached}</div>`;
}

/** The owed answer: due by a date, or overdue (in the owed colour). Nothing when none is owed or it is given. */
function owed(p: Portal, x: TProposal): string {
  if (x.answerDueAt === null || x.answeredAt !== null) return '';
  return x.isOverdue
    ? `<p class="owed"><strong>${p.t('voiceProposals.answerOverdue', { date: day(p, x.answerDueAt) })}</strong></p>`
    : `<p>${p.t('voiceProposals.answerDue', { date: day(p, x.answerDueAt) })}</p>`;
}

function statusBadge(p: Portal, x: TProposal): string {
  return `<span class="badge">${p.t(`voiceProposals.status.${x.status}`)}</span>`;
}

function listPage(p: Portal, sort: Sort, items: TProposal[], nextCursor: string | null, error?: string): string {
  const lang = p.locale === p.org.locale ? '' : `&lang=${p.locale}`;
  const sorts = PROPOSAL_SORTS.map((s) => {
    const current = s === sort ? ' aria-current="page"' : '';
    return `<a href="${escapeHtml(`${p.base}/proposals?sort=${s}${lang}`)}"${current}>${p.t(`voiceProposals.sort.${s}`)}</a>`;
  }).join('');
  const rows = items
    .map(
      (x) => `<li><div><a href="${escapeHtml(proposalHref(p, x.id))}"><strong>${escapeHtml(x.title)}</strong></a> ${statusBadge(p, x)}</div>
${progress(p, x)}${owed(p, x)}</li>`,
    )
    .join('');
  const more = nextCursor
    ? `<p><a href="${escapeHtml(`${p.base}/proposals?sort=${sort}&cursor=${encodeURIComponent(nextCursor)}${lang}`)}">${p.t('voiceProposals.more')} →</a></p>`
    : '';
  const propose = p.client
    ? `<p><a class="button" href="${p.base}/proposals/new">${p.t('voiceProposals.newLink')}</a></p>`
    : `<p class="muted">${p.t('voiceAccount.signInToTakePart')} <a href="${p.base}/sign-in">${p.t('voiceAccount.signIn')}</a></p>`;
  const main = `<div class="card"><h2>${p.t('voiceProposals.title')}</h2><p>${p.t('voiceProposals.intro')}</p>${propose}</div>
<nav class="sections" aria-label="${p.t('voiceProposals.sort.label')}">${sorts}</nav>
<div class="card">${items.length ? `<ul class="plain">${rows}</ul>` : `<p class="muted">${p.t('voiceProposals.empty')}</p>`}${more}</div>`;
  return portalPage(p, {
    title: p.raw('voiceProposals.title'),
    section: 'proposals',
    selfHref: `${p.base}/proposals?sort=${sort}`,
    main,
    error,
  });
}

async function chain(p: Portal, x: TProposal): Promise<string> {
  if (!x.implemented) return '';
  const kind = p.t(`voiceProposals.implementedKind.${x.implemented.type}`);
  let what = escapeHtml(x.implemented.title ?? x.implemented.id);
  if (x.implemented.type === 'promise') {
    const promise = await findPromise(p.deps.db, p.org.id, x.implemented.id);
    // Only what the public board shows is linked: a published promise to clients.
    if (promise?.kind === 'client' && promise.status === 'published')
      what = `<a href="${escapeHtml(boardHref(p.org, p.locale, `/${encodeURIComponent(x.implemented.id)}`))}">${what}</a>`;
  }
  return `<p><strong>${p.t('voiceProposals.implementedBy')}:</strong> ${kind} ${what}</p>`;
}

async function detailPage(p: Portal, x: TProposal, opts: { notice?: string; error?: string } = {}): Promise<string> {
  const back = `<p><a href="${p.base}/proposals">← ${p.t('voiceProposals.back')}</a></p>`;
  if (x.hiddenAt !== null) {
    return portalPage(p, {
      title: p.raw('voiceProposals.title'),
      section: 'proposals',
      selfHref: proposalHref(p, x.id),
      main: `${back}<div class="card"><p>${p.t('voiceProposals.hidden')}</p></div>`,
      ...opts,
    });
  }
  const by =
    x.author.kind === 'client'
      ? p.t('voiceProposals.proposedBy', { date: day(p, x.createdAt) })
      : p.t('voiceProposals.proposedByOrg', { date: day(p, x.createdAt) });
  const segment = `<dl><dt>${p.t('voiceProposals.segment')}</dt><dd>${x.segment ? escapeHtml(x.segment.name) : p.t('voiceProposals.allClients')}</dd></dl>`;
  const merged = x.mergedInto
    ? `<p>${p.t('voiceProposals.mergedInto')} <a href="${escapeHtml(proposalHref(p, x.mergedInto.id))}">${escapeHtml(x.mergedInto.title)}</a></p>`
    : '';
  const answer =
    x.answer && x.answeredAt !== null
      ? `<div class="card"><h2>${p.t('voiceProposals.answerTitle')}</h2><p>${escapeHtml(x.answer)}</p><p class="muted">${p.t('voiceProposals.answeredOn', { date: day(p, x.answeredAt) })}</p>${await chain(p, x)}</div>`
      : x.implemented
        ? `<div class="card">${await chain(p, x)}</div>`
        : '';
  let act = '';
  if (x.status === 'open' || x.status === 'under_consideration') {
    if (!p.client)
      act = `<p class="muted">${p.t('voiceAccount.signInToTakePart')} <a href="${p.base}/sign-in">${p.t('voiceAccount.signIn')}</a></p>`;
    else if (await isSupporting(portalContext(p), p.client.id, x.id))
      act = `<p>${p.t('voiceProposals.youSupport')}</p><form method="post" action="${escapeHtml(proposalHref(p, x.id))}/withdraw"><button type="submit">${p.t('voiceProposals.withdraw')}</button></form>`;
    else
      act = `<form method="post" action="${escapeHtml(proposalHref(p, x.id))}/support"><button class="primary" type="submit">${p.t('voiceProposals.support')}</button></form>`;
  } else if (x.status !== 'merged') act = `<p class="muted">${p.t('voiceProposals.closedForSupport')}</p>`;
  const report = `<details><summary>${p.t('voiceProposals.report')}</summary><form method="post" action="${escapeHtml(proposalHref(p, x.id))}/report" class="stack">
<label>${p.t('voiceProposals.reportReason')}<textarea name="reason" maxlength="1000"></textarea></label><button type="submit">${p.t('voiceProposals.report')}</button></form></details>`;
  const main = `${back}<div class="card"><h2>${escapeHtml(x.title)} ${statusBadge(p, x)}</h2><p class="muted">${by}</p>
<p style="white-space:pre-line">${escapeHtml(x.body)}</p>${segment}${progress(p, x)}${owed(p, x)}${merged}${act}</div>${answer}<div class="card">${report}</div>`;
  return portalPage(p, { title: x.title, section: 'proposals', selfHref: proposalHref(p, x.id), main, ...opts });
}

async function segmentsOf(p: Portal): Promise<{ id: string; name: string }[]> {
  if (!p.client) return [];
  return listSegmentsOfClient(p.deps.db, p.org.id, p.client.id);
}

/** Proposals like the one being made, each linked (to support it instead), above the form. */
function similarList(p: Portal, similar: readonly TSimilarProposal[]): string {
  if (similar.length === 0) return '';
  const items = similar
    .map(
      (x) =>
        `<li><a href="${escapeHtml(proposalHref(p, x.id))}"><strong>${escapeHtml(x.title)}</strong></a> <span class="muted">${p.t('voiceProposals.supports', { n: formatNumber(x.supports, p.locale), threshold: formatNumber(x.threshold, p.locale), count: x.threshold })}</span></li>`,
    )
    .join('');
  return `<div class="card" data-similar><h2>${p.t('voiceProposals.similarTitle')}</h2><p>${p.t('voiceProposals.similarText')}</p><ul>${items}</ul></div>`;
}

function newPage(
  p: Portal,
  segments: { id: string; name: string }[],
  values: Record<string, string>,
  error?: string,
  similar: readonly TSimilarProposal[] = [],
): string {
  const problem = p.client ? null : 'signInToTakePart';
  const choices = segments.length
    ? `<label>${p.t('voiceProposals.fieldSegment')}<select name="segmentId"><option value="">${p.t('voiceProposals.allClients')}</option>${segments
        .map((s) => `<option value="${escapeHtml(s.id)}"${values.segmentId === s.id ? ' selected' : ''}>${escapeHtml(s.name)}</option>`)
        .join('')}</select></label>`
    : '';
  const form = problem
    ? `<p>${p.t(`voiceAccount.${problem}`)} <a href="${p.base}/sign-in">${p.t('voiceAccount.signIn')}</a></p>`
    : `<form method="post" action="${p.base}/proposals/new" class="stack">
<label>${p.t('voiceProposals.fieldTitle')}<input name="title" required maxlength="200" value="${escapeHtml(values.title ?? '')}"></label>
<label>${p.t('voiceProposals.fieldBody')}<textarea name="body" required maxlength="5000">${escapeHtml(values.body ?? '')}</textarea></label>
${choices}${similar.length > 0 ? `<input type="hidden" name="confirm" value="1"><button class="primary" type="submit">${p.t('voiceProposals.submitAnyway')}</button>` : `<button class="primary" type="submit">${p.t('voiceProposals.submit')}</button>`}</form>`;
  return portalPage(p, {
    title: p.raw('voiceProposals.newTitle'),
    section: 'proposals',
    selfHref: `${p.base}/proposals/new`,
    main: `<p><a href="${p.base}/proposals">← ${p.t('voiceProposals.back')}</a></p>${similarList(p, similar)}<div class="card"><h2>${p.t('voiceProposals.newTitle')}</h2><p>${p.t('voiceProposals.newText')}</p>${form}</div>`,
    error,
  });
}

/** The proposal named in the path, or a 404 page sent (null). */
async function proposalOf(p: Portal, req: FastifyRequest, reply: FastifyReply): Promise<TProposal | null> {
  const { proposalId: id } = req.params as { proposalId: string };
  try {
    if (id.length > 64) throw new AppError('not_found', 'proposal not found');
    const x = await getProposal(portalContext(p), id);
    if (x.status === 'merged' && x.mergedInto === null) throw new AppError('not_found', 'proposal not found');
    return x;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    sendHtml(reply, 404, renderNotFound(p.locale));
    return null;
  }
}

/** Turns a refusal at the door (not signed in, e-mail not confirmed) into the same path as a failed write. */
async function requireVoter(p: Portal): Promise<void> {
  const problem = await voterProblem(p);
  if (problem) throw new AppError('forbidden', p.raw(`voiceAccount.${problem}`));
}

/** The message of a refused write: the voter problem in words, else the error's localized sentence. */
function messageOf(p: Portal, error: unknown): string {
  if (error instanceof AppError && error.code === 'forbidden') return error.message;
  return error instanceof AppError ? portalErrorText(p, error) : String(error);
}

/**
 * Proposals in the portal: the list with its sorts and cursor, one proposal with the answer owed or
 * given, making a proposal, supporting (once per client, needs `voterProblem` null), withdrawing and
 * reporting. Every write goes through `portalWrite` (rate limits, errors as pages).
 */
export function registerPortalProposals(app: FastifyInstance, deps: AppDeps): void {
  app.get('/c/:org/proposals', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const query = req.query as Record<string, unknown>;
    const sort = (PROPOSAL_SORTS as readonly string[]).includes(formText(query.sort)) ? (formText(query.sort) as Sort) : 'supported';
    const cursor = formText(query.cursor) || undefined;
    try {
      const list = await listProposals(portalContext(p), { sort, cursor, limit: 20, hidden: 'exclude' });
      return sendHtml(reply, 200, listPage(p, sort, list.items, list.nextCursor));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return sendHtml(reply, 400, listPage(p, sort, [], null, portalErrorText(p, error)));
    }
  });

  app.get('/c/:org/proposals/new', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    return sendHtml(reply, 200, newPage(p, await segmentsOf(p), {}));
  });

  app.post('/c/:org/proposals/new', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = { title: formText(body.title), body: formText(body.body), segmentId: formText(body.segmentId) };
    const segments = await segmentsOf(p);
    let createdId = '';
    let refusal: string | undefined;
    // The first submit shows similar proposals, if any, with "submit anyway"; that second submit confirms.
    const isConfirmed = formText(body.confirm) === '1';
    let similar: TSimilarProposal[] = [];
    const done = await portalWrite(
      p,
      reply,
      (error) => newPage(p, segments, values, refusal ?? error),
      async () => {
        try {
          await requireVoter(p);
        } catch (error) {
          refusal = messageOf(p, error);
          throw error;
        }
        const parsed = ZCreateProposal.safeParse({ title: values.title, body: values.body, segmentId: values.segmentId || undefined });
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const path = issue.path.join('.') || 'form';
          throw new AppError('validation_failed', `${path}: ${issue.message}`, [fieldOfIssue(issue, 'form')]);
        }
        if (parsed.data.segmentId && !segments.some((s) => s.id === parsed.data.segmentId)) {
          throw new AppError('validation_failed', 'segmentId: not one of your segments', [
            fieldError('segmentId', 'not_member', 'not one of your segments', { of: 'segment' }),
          ]);
        }
        if (!isConfirmed) {
          similar = (await similarProposals(p.deps.db, p.org.id, [parsed.data.title, `${parsed.data.title} ${parsed.data.body}`])).items;
          if (similar.length > 0) return;
        }
        createdId = (await createClientProposal(portalContext(p), p.client!, parsed.data)).id;
      },
    );
    if (!done) return;
    if (similar.length > 0) return sendHtml(reply, 200, newPage(p, segments, values, undefined, similar));
    return reply.redirect(`${proposalHref(p, createdId)}?done=${NOTICES.created}`, 303);
  });

  app.get('/c/:org/proposals/:proposalId', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const x = await proposalOf(p, req, reply);
    if (!x) return;
    const done = formText((req.query as Record<string, unknown>).done);
    const notice = Object.hasOwn(NOTICES, done) ? p.raw(`voiceProposals.${done}`) : undefined;
    return sendHtml(reply, 200, await detailPage(p, x, { notice }));
  });

  const act = (path: string, run: (p: Portal, x: TProposal, body: Record<string, unknown>) => Promise<keyof typeof NOTICES>) =>
    app.post(`/c/:org/proposals/:proposalId/${path}`, async (req, reply) => {
      const p = await openPortal(deps, req, reply);
      if (!p) return;
      const x = await proposalOf(p, req, reply);
      if (!x) return;
      const body = (req.body ?? {}) as Record<string, unknown>;
      // A refusal shows the proposal's page with the reason; rendered ahead, as portalWrite renders synchronously.
      const mark = errorMark();
      const refused = await detailPage(p, x, { error: mark });
      let notice: keyof typeof NOTICES = 'supported';
      let refusal: string | undefined;
      const done = await portalWrite(
        p,
        reply,
        (error) => refused.replace(mark, () => escapeHtml(refusal ?? error)),
        async () => {
          try {
            notice = await run(p, x, body);
          } catch (error) {
            refusal = messageOf(p, error);
            throw error;
          }
        },
      );
      if (!done) return;
      return reply.redirect(`${proposalHref(p, x.id)}?done=${notice}`, 303);
    });

  act('support', async (p, x) => {
    await requireVoter(p);
    await supportProposal(portalContext(p), p.client!.id, x.id);
    return 'supported';
  });
  act('withdraw', async (p, x) => {
    if (!p.client) await requireVoter(p);
    await withdrawSupport(portalContext(p), p.client!.id, x.id);
    return 'withdrawn';
  });
  act('report', async (p, x, body) => {
    const reporter = p.client ? `client:${p.client.id}` : anonymousReporter(deps.config.secret, p.ip);
    await reportContent(portalContext(p), { subjectType: 'proposal', subjectId: x.id, reporter, reason: formText(body.reason) });
    return 'reported';
  });
}
