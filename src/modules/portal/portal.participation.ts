import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { formatMoney } from '../../core/format/figures.js';
import type { AppDeps } from '../../http/deps.js';
import type { FormerUrl } from '../../http/former-urls.js';
import { escapeHtml } from '../../http/html/page.js';
import type { DocumentedPage } from '../../http/openapi.js';
import { type ClientRoundView, castBudgetBallot, clientRoundView, listClientRounds } from '../participation/participation.ballot.js';
import type { TRoundResult, TRoundSummary } from '../participation/participation.schema.js';
import { openPortal, type Portal, portalContext, portalPage, portalWrite, sendHtml, voterProblem } from './portal.context.js';
import { formList, portalPageDoc } from './portal.form.js';

const page = portalPageDoc;

/** The portal's participation pages answered at `/c/{org}/reserve…` before the rename: they still do. */
export const PARTICIPATION_PAGES_FORMER_URLS: FormerUrl[] = [{ from: /^\/c\/([^/]+)\/reserve(?=\/|$)/, to: '/c/$1/participation-rounds' }];

/** The portal pages of this section, listed in the OpenAPI document as pages. */
export const PARTICIPATION_PAGES: DocumentedPage[] = [
  page('GET', '/c/:org/participation-rounds', 'Participatory rounds of the reserve: open and past'),
  page(
    'GET',
    '/c/:org/participation-rounds/:participationRoundId',
    'A round: candidate projects with costs, the client’s budget ballot, the result by both methods',
  ),
  page(
    'POST',
    '/c/:org/participation-rounds/:participationRoundId/ballot',
    'Cast or change the client’s budget ballot (form: projectIds, repeated)',
  ),
];

const STYLE = `<style>.projects{list-style:none;margin:0;padding:0}.projects li{border-top:1px solid #e3e5e8;padding:10px 0}
.projects li:first-child{border-top:0}.projects label{display:flex;gap:10px;align-items:flex-start}.projects input{margin-top:4px;width:20px;height:20px}
.badge.funded{background:#ebfbee;color:#237032}
table.compare{width:100%;border-collapse:collapse}table.compare th,table.compare td{text-align:left;padding:6px 4px;border-top:1px solid #e3e5e8}
.scroll{overflow-x:auto}</style>`;

function money(p: Portal, minor: number): string {
  return escapeHtml(formatMoney(minor, p.org.currency, p.locale, true));
}

function when(p: Portal, t: number): string {
  return escapeHtml(
    new Intl.DateTimeFormat(p.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: p.org.time_zone }).format(new Date(t)),
  );
}

function roundHead(p: Portal, r: TRoundSummary, link: boolean): string {
  const title = link
    ? `<a href="${p.base}/participation-rounds/${encodeURIComponent(r.id)}">${escapeHtml(r.title)}</a>`
    : escapeHtml(r.title);
  const phase = r.phase === 'draft' ? '' : `<span class="badge">${p.t(`participation.phase.${r.phase}`)}</span>`;
  return `<h2>${title}</h2><p>${phase}</p>
<p>${p.t('participation.budget', { amount: formatMoney(r.budgetMinor, r.currency, p.locale, true) })}<br>
<span class="muted">${p.t('participation.dates', { from: when(p, r.opensAt), to: when(p, r.closesAt) })}</span></p>`;
}

function listPage(p: Portal, rounds: TRoundSummary[]): string {
  const cards = rounds.length
    ? rounds.map((r) => `<div class="card">${roundHead(p, r, true)}</div>`).join('')
    : `<div class="card"><p class="muted">${p.t('participation.none')}</p></div>`;
  return portalPage(p, {
    title: p.raw('participation.title'),
    section: 'participation',
    main: `${STYLE}<div class="card"><h2>${p.t('participation.title')}</h2><p>${p.t('participation.intro')}</p></div>${cards}`,
  });
}

/** The ballot form: a checkbox per project, the client's ballot (or what they just sent) ticked. */
function ballotForm(p: Portal, view: ClientRoundView, ticked: string[]): string {
  const r = view.round;
  const items = view.projects
    .map(
      (x) => `<li><label><input type="checkbox" name="projectIds" value="${escapeHtml(x.id)}"${ticked.includes(x.id) ? ' checked' : ''}>
<span><strong>${escapeHtml(x.title)}</strong> · ${money(p, x.costMinor)}<br><span class="muted">${p.t(`participation.kind.${x.kind}`)}${x.description ? ` — ${escapeHtml(x.description)}` : ''}</span></span></label></li>`,
    )
    .join('');
  const mine = view.ballot;
  const total = view.projects.filter((x) => mine?.includes(x.id)).reduce((s, x) => s + x.costMinor, 0);
  const status = mine
    ? p.t('participation.ballotSaved', { count: mine.length, total: formatMoney(total, r.currency, p.locale, true) })
    : p.t('participation.ballotNone');
  return `<div class="card"><h2>${p.t('participation.ballotTitle')}</h2><p class="muted">${status}</p>
<p>${p.t('participation.ballotHelp', { budget: formatMoney(r.budgetMinor, r.currency, p.locale, true) })}</p>
<form method="post" action="${p.base}/participation-rounds/${encodeURIComponent(r.id)}/ballot"><ul class="projects">${items}</ul>
<p><button type="submit" class="primary">${p.t('participation.save')}</button></p></form></div>`;
}

function projectList(p: Portal, view: ClientRoundView, showVotes: boolean): string {
  const items = view.projects
    .map((x) => {
      const status =
        x.status === 'in_progress' || x.status === 'done'
          ? ` <span class="badge funded">${p.t(`participation.status.${x.status}`)}</span>`
          : x.status === 'funded'
            ? ` <span class="badge funded">${p.t('participation.funded')}</span>`
            : '';
      const votes = showVotes ? ` · ${p.t('participation.votes', { n: x.votes })}` : '';
      return `<li><strong>${escapeHtml(x.title)}</strong>${status}<br><span class="muted">${p.t(`participation.kind.${x.kind}`)} · ${money(p, x.costMinor)}${votes}</span>${x.description ? `<br>${escapeHtml(x.description)}` : ''}</li>`;
    })
    .join('');
  return `<div class="card"><h2>${p.t('participation.projects')}</h2><ul class="projects">${items}</ul></div>`;
}

/** The frozen result: the funded projects by the round's method and both methods side by side. */
function resultCards(p: Portal, result: TRoundResult): string {
  const chosen = result.method === 'mes' ? result.mes : result.greedy;
  const titleOf = new Map(result.projects.map((x) => [x.id, x.title]));
  const funded = chosen.funded.map((id) => `<li>${escapeHtml(titleOf.get(id) ?? id)}</li>`).join('');
  const mark = (list: string[], id: string) => (list.includes(id) ? '✓' : '—');
  const rows = [...result.projects]
    .sort((a, b) => b.votes - a.votes || a.costMinor - b.costMinor)
    .map(
      (x) =>
        `<tr><td>${escapeHtml(x.title)}</td><td>${x.votes}</td><td>${money(p, x.costMinor)}</td><td>${mark(result.greedy.funded, x.id)}</td><td>${mark(result.mes.funded, x.id)}</td></tr>`,
    )
    .join('');
  const chosenMark = (m: 'mes' | 'greedy') => (result.method === m ? ` (${p.t('participation.chosen')})` : '');
  return `<div class="card"><h2>${p.t('participation.resultTitle')}</h2><p>${p.t(`participation.method.${result.method}`)}. ${p.t('participation.voters', { n: result.voters })}</p>
<p class="muted">${p.t(`participation.methodHelp.${result.method}`)}</p>
<h3>${p.t('participation.fundedList')}</h3><ul>${funded || `<li class="muted">—</li>`}</ul>
<p>${p.t('participation.spent')}: ${money(p, chosen.spentMinor)} · ${p.t('participation.left')}: ${money(p, chosen.leftMinor)}</p></div>
<div class="card"><h2>${p.t('participation.comparison')}</h2><p class="muted">${p.t('participation.comparisonHelp')}</p>
<div class="scroll"><table class="compare"><thead><tr><th>${p.t('participation.columnProject')}</th><th>${p.t('participation.columnVotes')}</th><th>${p.t('participation.columnCost')}</th><th>${p.t('participation.columnGreedy')}${chosenMark('greedy')}</th><th>${p.t('participation.columnMes')}${chosenMark('mes')}</th></tr></thead>
<tbody>${rows}<tr><td>${p.t('participation.spent')}</td><td></td><td></td><td>${money(p, result.greedy.spentMinor)}</td><td>${money(p, result.mes.spentMinor)}</td></tr>
<tr><td>${p.t('participation.left')}</td><td></td><td></td><td>${money(p, result.greedy.leftMinor)}</td><td>${money(p, result.mes.leftMinor)}</td></tr></tbody></table></div></div>`;
}

type VoterProblem = Awaited<ReturnType<typeof voterProblem>>;

function roundPage(
  p: Portal,
  view: ClientRoundView,
  problem: VoterProblem,
  opts: { notice?: string; error?: string; ticked?: string[] } = {},
): string {
  const r = view.round;
  const head = `<div class="card">${roundHead(p, r, false)}${r.description ? `<p>${escapeHtml(r.description)}</p>` : ''}<p class="muted">${p.t(`participation.methodHelp.${r.method}`)}</p></div>`;
  let body: string;
  if (r.phase === 'voting') {
    if (problem) {
      const signIn = p.client ? '' : `<p><a class="button" href="${p.base}/sign-in">${p.t('voiceAccount.signIn')}</a></p>`;
      body = `<div class="card"><p>${p.t(`voiceAccount.${problem}`)}</p>${signIn}</div>${projectList(p, view, false)}`;
    } else if (!view.eligible) {
      body = `<div class="card"><p>${p.t('participation.notEligible')}</p></div>${projectList(p, view, false)}`;
    } else {
      body = ballotForm(p, view, opts.ticked ?? view.ballot ?? []);
    }
  } else {
    const text =
      r.phase === 'upcoming'
        ? `<div class="card"><p>${p.t('participation.opensOn', { date: when(p, r.opensAt) })}</p></div>`
        : r.phase === 'closed'
          ? `<div class="card"><p>${p.t('participation.closedText')}</p></div>`
          : '';
    // After voting the client still sees what they approved, beside what was funded.
    const mine =
      view.ballot && view.ballot.length > 0
        ? `<div class="card"><p><strong>${p.t('participation.yourBallot')}</strong> ${view.projects
            .filter((x) => view.ballot?.includes(x.id))
            .map((x) => `«${escapeHtml(x.title)}»`)
            .join(', ')}</p></div>`
        : '';
    body = text + mine + (view.result ? resultCards(p, view.result) : '') + projectList(p, view, r.phase !== 'upcoming');
  }
  return portalPage(p, {
    title: r.title,
    section: 'participation',
    selfHref: `${p.base}/participation-rounds/${encodeURIComponent(r.id)}`,
    notice: opts.notice,
    error: opts.error,
    main: STYLE + head + body,
  });
}

async function notFoundPage(p: Portal, reply: FastifyReply) {
  return sendHtml(
    reply,
    404,
    portalPage(p, {
      title: p.raw('participation.title'),
      section: 'participation',
      error: p.raw('voiceAccount.errors.not_found'),
      main: '',
    }),
  );
}

export function registerPortalParticipation(app: FastifyInstance, deps: AppDeps): void {
  app.get('/c/:org/participation-rounds', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    return sendHtml(reply, 200, listPage(p, await listClientRounds(portalContext(p))));
  });

  app.get('/c/:org/participation-rounds/:participationRoundId', async (req: FastifyRequest, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const { participationRoundId: id } = req.params as { participationRoundId: string };
    const view = id.length <= 64 ? await clientRoundView(portalContext(p), id, p.client?.id ?? null) : null;
    if (!view) return notFoundPage(p, reply);
    const notice = (req.query as Record<string, unknown> | undefined)?.saved === '1' ? p.raw('participation.saved') : undefined;
    return sendHtml(reply, 200, roundPage(p, view, await voterProblem(p), { notice }));
  });

  app.post('/c/:org/participation-rounds/:participationRoundId/ballot', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return;
    const { participationRoundId: id } = req.params as { participationRoundId: string };
    const ctx = portalContext(p);
    const view = id.length <= 64 ? await clientRoundView(ctx, id, p.client?.id ?? null) : null;
    if (!view) return notFoundPage(p, reply);
    const ticked = formList((req.body as Record<string, unknown> | undefined)?.projectIds);
    const problem = await voterProblem(p);
    const client = p.client;
    if (problem || !client)
      return sendHtml(reply, 403, roundPage(p, view, problem, { error: p.raw(`voiceAccount.${problem ?? 'signInToTakePart'}`) }));
    // Over budget gets its own sentence with the sums; any other refusal the portal's sentence for its code.
    const total = view.projects.filter((x) => ticked.includes(x.id)).reduce((s, x) => s + x.costMinor, 0);
    const overBudget = p.raw('participation.overBudget', {
      total: formatMoney(total, p.org.currency, p.locale, true),
      budget: formatMoney(view.round.budgetMinor, p.org.currency, p.locale, true),
    });
    let refused: AppError | null = null;
    const done = await portalWrite(
      p,
      reply,
      (error) => {
        const isOver = refused?.fields.some((f) => f.path === 'projectIds') === true && total > view.round.budgetMinor;
        return roundPage(p, view, problem, { error: isOver ? overBudget : error, ticked });
      },
      async () => {
        try {
          await castBudgetBallot(ctx, id, client.id, ticked);
        } catch (error) {
          if (error instanceof AppError) refused = error;
          throw error;
        }
      },
    );
    if (done) return reply.redirect(`${p.base}/participation-rounds/${encodeURIComponent(id)}?saved=1`, 303);
  });
}
