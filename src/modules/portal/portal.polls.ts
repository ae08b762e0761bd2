import type { FastifyInstance } from 'fastify';
import { AppError, invalidField } from '../../core/errors.js';
import type { Ballot, PollKind } from '../../core/voice/tally.js';
import type { AppDeps } from '../../http/deps.js';
import { formatNumber } from '../../http/html/format.js';
import { escapeHtml } from '../../http/html/page.js';
import type { DocumentedPage } from '../../http/openapi.js';
import { translate } from '../../i18n/index.js';
import { type ClientPollView, castPollBallot, clientPollView, listClientPolls } from '../polls/ballot.service.js';
import type { TPoll } from '../polls/poll.schema.js';
import { openPortal, type Portal, portalContext, portalPage, portalWrite, sendHtml, voterProblem } from './portal.context.js';
import { formList, formText } from './portal.form.js';

/** The portal pages of this section, listed in the OpenAPI document as pages. */
export const POLLS_PAGES: DocumentedPage[] = [
  {
    method: 'GET',
    url: '/c/:org/polls',
    summary: 'The polls the signed-in client is asked in: open ones and closed ones with results',
    tag: 'client portal',
    contentType: 'text/html',
  },
  {
    method: 'GET',
    url: '/c/:org/polls/:pollId',
    summary: 'A poll: the decision, the options, the ballot form, the result when visible and what was decided',
    tag: 'client portal',
    contentType: 'text/html',
  },
  {
    method: 'POST',
    url: '/c/:org/polls/:pollId/ballot',
    summary: 'Cast or change the signed-in client’s ballot (one per client, until the poll closes)',
    tag: 'client portal',
    contentType: 'text/html',
  },
];

const STYLE = `.poll-list{list-style:none;margin:0;padding:0}.poll-list li{border-top:1px solid #e3e5e8;padding:12px 0}.poll-list li:first-child{border-top:0;padding-top:0}
fieldset{border:0;margin:0;padding:0}fieldset label{display:block;padding:6px 0}.option-line{display:flex;justify-content:space-between;gap:12px;align-items:center;flex-wrap:wrap;padding:6px 0;border-top:1px solid #e3e5e8}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e5e8;vertical-align:top}td.n,th.n{text-align:right;white-space:nowrap}
.tag{display:inline-block;border-radius:4px;padding:0 6px;font-size:.85em;margin-left:6px}.tag.clients{background:#e7f5ff;color:#1864ab}.tag.chosen{background:#ebfbee;color:#237032}.tag.out{color:#5c636a}
blockquote{margin:8px 0;padding:8px 12px;border-left:3px solid #1864ab;background:#f8f9fa;white-space:pre-wrap}`;

function when(p: Portal, t: number): string {
  return new Intl.DateTimeFormat(p.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: p.org.time_zone }).format(new Date(t));
}

function page(p: Portal, opts: { title: string; main: string; notice?: string; error?: string; selfHref?: string }): string {
  return portalPage(p, { ...opts, section: 'polls', main: `<style>${STYLE}</style>${opts.main}` });
}

function optionTitles(poll: TPoll, indexes: number[]): string {
  return indexes.map((i) => `«${escapeHtml(poll.options[i]?.title ?? String(i + 1))}»`).join(', ');
}

/** The list: open polls to vote in, then closed ones with the clients' choice. */
function renderList(p: Portal, items: { poll: TPoll; hasVoted: boolean }[]): string {
  const line = ({ poll, hasVoted }: { poll: TPoll; hasVoted: boolean }) => {
    const href = `${p.base}/polls/${encodeURIComponent(poll.id)}`;
    const isOpen = poll.status === 'open';
    const state = isOpen
      ? `${p.t('voicePolls.openUntil', { date: when(p, poll.closesAt) })} · ${hasVoted ? `<span class="given">✓ ${p.t('voicePolls.voted')}</span>` : p.t('voicePolls.notVoted')}`
      : p.t('voicePolls.closedOn', { date: when(p, poll.closesAt) });
    const choice =
      !isOpen && poll.result && poll.result.winners.length > 0
        ? `<div>${p.t('voicePolls.clientsChose', { options: '' })}${optionTitles(poll, poll.result.winners)}</div>`
        : '';
    // Like the poll page: a poll closed below its quorum says that its result does not count.
    const noQuorum = poll.closedWithoutQuorum ? `<div class="no-quorum">${p.t('voicePolls.listClosedWithoutQuorum')}</div>` : '';
    return `<li><div><strong><a href="${href}">${escapeHtml(poll.question)}</a></strong></div>
<div class="muted">${p.t('voicePolls.decision')}: ${escapeHtml(poll.decisionTitle)}</div><div>${state}</div>${choice}${noQuorum}
<div><a href="${href}">${isOpen ? p.t('voicePolls.vote') : p.t('voicePolls.seeResult')}</a></div></li>`;
  };
  const open = items.filter((i) => i.poll.status === 'open');
  const closed = items.filter((i) => i.poll.status !== 'open');
  const section = (title: string, list: typeof items, empty: string) =>
    `<div class="card"><h2>${title}</h2>${list.length ? `<ul class="poll-list">${list.map(line).join('')}</ul>` : `<p class="muted">${empty}</p>`}</div>`;
  return `<div class="card"><h2>${p.t('voicePolls.title')}</h2><p class="muted">${p.t('voicePolls.intro')}</p></div>
${section(p.t('voicePolls.openTitle'), open, p.t('voicePolls.noOpen'))}${section(p.t('voicePolls.closedTitle'), closed, p.t('voicePolls.noClosed'))}`;
}

/** A ballot as the form fields give it (unchecked), also used to fill the form in again. */
function ballotFromForm(kind: PollKind, body: Record<string, unknown>, optionCount: number): Ballot {
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  switch (kind) {
    case 'single':
      return { option: number(formText(body.option)) };
    case 'approval':
      return { options: formList(body.options).map(number) };
    case 'score':
      return { scores: Array.from({ length: optionCount }, (_, i) => number(formText(body[`score.${i}`]))) };
    case 'ranked': {
      const ranks = Array.from({ length: optionCount }, (_, i) => ({ option: i, rank: number(formText(body[`rank.${i}`])) })).filter(
        (r) => !Number.isNaN(r.rank),
      );
      return { ranking: ranks.sort((a, b) => a.rank - b.rank || a.option - b.option).map((r) => r.option) };
    }
  }
}

/** Two options given the same place cannot be ordered: the client is asked to choose. */
function checkRanks(kind: PollKind, body: Record<string, unknown>, optionCount: number): void {
  if (kind !== 'ranked') return;
  const seen = new Set<string>();
  for (let i = 0; i < optionCount; i++) {
    const rank = formText(body[`rank.${i}`]).trim();
    if (rank === '') continue;
    if (seen.has(rank)) throw invalidField('ranking', 'given_twice', 'give each place to one option only');
    seen.add(rank);
  }
}

/** The ballot form by kind, filled in with `ballot`; works without JavaScript. */
function renderForm(p: Portal, view: ClientPollView, ballot: Ballot | null): string {
  const { poll } = view;
  const n = poll.options.length;
  const selected = (is: boolean) => (is ? ' selected' : '');
  const fields = poll.options
    .map((o) => {
      const title = `<strong>${escapeHtml(o.title)}</strong>${o.description ? `<div class="muted">${escapeHtml(o.description)}</div>` : ''}`;
      switch (poll.kind) {
        case 'single': {
          const checked = ballot && 'option' in ballot && ballot.option === o.index ? ' checked' : '';
          return `<label><input type="radio" name="option" value="${o.index}"${checked}> ${title}</label>`;
        }
        case 'approval': {
          const checked = ballot && 'options' in ballot && ballot.options.includes(o.index) ? ' checked' : '';
          return `<label><input type="checkbox" name="options" value="${o.index}"${checked}> ${title}</label>`;
        }
        case 'score': {
          // Every option gets a score 0–5; one not touched counts as 0.
          const score = ballot && 'scores' in ballot ? ballot.scores[o.index] : 0;
          const choices = [0, 1, 2, 3, 4, 5].map((s) => `<option value="${s}"${selected(score === s)}>${s}</option>`).join('');
          return `<div class="option-line"><label for="score-${o.index}">${title}</label><select id="score-${o.index}" name="score.${o.index}">${choices}</select></div>`;
        }
        case 'ranked': {
          const place = ballot && 'ranking' in ballot ? ballot.ranking.indexOf(o.index) + 1 : 0;
          const choices = Array.from(
            { length: n },
            (_, i) => `<option value="${i + 1}"${selected(place === i + 1)}>${i + 1}</option>`,
          ).join('');
          return `<div class="option-line"><label for="rank-${o.index}">${title}</label><select id="rank-${o.index}" name="rank.${o.index}"><option value="">${p.t('voicePolls.notRanked')}</option>${choices}</select></div>`;
        }
      }
      return '';
    })
    .join('');
  const label = view.ballot ? p.t('voicePolls.change') : p.t('voicePolls.submit');
  return `<form class="card" method="post" action="${p.base}/polls/${encodeURIComponent(poll.id)}/ballot">
<h2>${p.t('voicePolls.yourVote')}</h2><fieldset><legend class="muted">${p.t(`voicePolls.hint.${poll.kind}`)}</legend>${fields}</fieldset>
<p><button class="primary" type="submit">${label}</button></p></form>`;
}

/** The result table (and the runoff rounds for ranked polls), with the clients' choice and the decision marked. */
function renderResult(p: Portal, poll: TPoll): string {
  const turnout = `<p>${p.t('voicePolls.turnout', {
    n: formatNumber(poll.turnout, p.locale),
    eligible: formatNumber(poll.eligible, p.locale),
    count: poll.eligible,
  })}${poll.quorum !== null ? ` ${p.t('voicePolls.quorum', { quorum: poll.quorum })}` : ''}</p>`;
  const result = poll.result;
  if (!result)
    return `<div class="card"><h2>${p.t('voicePolls.result')}</h2>${turnout}<p class="muted">${p.t('voicePolls.hidden', { date: when(p, poll.closesAt) })}</p></div>`;
  const chosen = poll.decision.chosenOption;
  const tags = (i: number) =>
    `${result.winners.includes(i) ? `<span class="tag clients">${p.t('voicePolls.clientsChoice')}</span>` : ''}${chosen === i ? `<span class="tag chosen">${p.t('voicePolls.chosen')}</span>` : ''}`;
  const mean = (i: number) => {
    const m = result.means?.[i];
    return m === null || m === undefined ? '—' : new Intl.NumberFormat(p.locale, { maximumFractionDigits: 2 }).format(m);
  };
  const rows = poll.options
    .map(
      (o) =>
        `<tr><td>${escapeHtml(o.title)}${tags(o.index)}</td><td class="n">${formatNumber(result.totals[o.index] ?? 0, p.locale)}</td>${poll.kind === 'score' ? `<td class="n">${mean(o.index)}</td>` : ''}</tr>`,
    )
    .join('');
  const head = `<tr><th>${p.t('voicePolls.column.option')}</th><th class="n">${p.t(`voicePolls.column.${poll.kind}`)}</th>${poll.kind === 'score' ? `<th class="n">${p.t('voicePolls.column.mean')}</th>` : ''}</tr>`;
  const notes = [
    poll.status === 'open' ? p.t('voicePolls.running') : '',
    poll.closedWithoutQuorum
      ? p.t('voicePolls.closedWithoutQuorum', { n: result.ballots, quorum: poll.quorum ?? 0 })
      : !result.quorumMet
        ? p.t('voicePolls.quorumNotMet')
        : '',
    result.isTie ? p.t('voicePolls.tie', { options: '' }) + optionTitles(poll, result.winners) : '',
    result.ballots > 0 && result.winners.length === 0 ? p.t('voicePolls.noWinner') : '',
  ].filter(Boolean);
  return `<div class="card"><h2>${p.t('voicePolls.result')}</h2>${turnout}${notes.map((x) => `<p class="muted">${x}</p>`).join('')}
<div class="scroll"><table>${head}${rows}</table></div>${result.rounds ? renderRounds(p, poll, result.rounds) : ''}</div>`;
}

function renderRounds(p: Portal, poll: TPoll, rounds: NonNullable<NonNullable<TPoll['result']>['rounds']>): string {
  const head = `<tr><th>${p.t('voicePolls.column.option')}</th>${rounds.map((_, i) => `<th class="n">${p.t('voicePolls.round', { n: i + 1 })}</th>`).join('')}</tr>`;
  const cell = (r: (typeof rounds)[number], i: number) => {
    const count = r.counts[i];
    if (count === null || count === undefined) return '<td class="n"></td>';
    const mark = r.eliminated.includes(i)
      ? ` <span class="tag out">${p.t('voicePolls.out')}</span>`
      : r.elected === i
        ? ` <span class="tag clients">${p.t('voicePolls.majority')}</span>`
        : '';
    return `<td class="n">${formatNumber(count, p.locale)}${mark}</td>`;
  };
  const rows = poll.options.map((o) => `<tr><td>${escapeHtml(o.title)}</td>${rounds.map((r) => cell(r, o.index)).join('')}</tr>`).join('');
  const exhausted = `<tr><td class="muted">${p.t('voicePolls.exhausted')}</td>${rounds.map((r) => `<td class="n">${formatNumber(r.exhausted, p.locale)}</td>`).join('')}</tr>`;
  const ties = rounds
    .map((r, i) => (r.tieBreak ? `<li>${p.t('voicePolls.round', { n: i + 1 })}: ${p.t(`voicePolls.tieBreak.${r.tieBreak}`)}</li>` : ''))
    .join('');
  return `<h3>${p.t('voicePolls.rounds')}</h3><p class="muted">${p.t('voicePolls.roundsHint')}</p><div class="scroll"><table>${head}${rows}${exhausted}</table></div>${ties ? `<ul>${ties}</ul>` : ''}`;
}

/** After the decision: the option chosen beside the clients' choice, and the published reason when they differ. */
function renderOutcome(p: Portal, view: ClientPollView): string {
  const { poll, decision } = view;
  if (decision.status === 'open') return '';
  if (decision.status === 'withdrawn')
    return `<div class="card"><h2>${p.t('voicePolls.outcome')}</h2><p>${p.t('voicePolls.withdrawn')}</p></div>`;
  const chosen = poll.decision.chosenOption;
  const title = chosen === null ? '' : (poll.options[chosen]?.title ?? '');
  const winners = poll.result?.winners ?? [];
  const clients = winners.length ? `<p>${p.t('voicePolls.clientsChose', { options: '' })}${optionTitles(poll, winners)}</p>` : '';
  const verdict = poll.decision.clientRationale
    ? `<p>${p.t('voicePolls.against')}</p><blockquote>${escapeHtml(poll.decision.clientRationale)}</blockquote>`
    : poll.result?.counts && chosen !== null && winners.includes(chosen)
      ? `<p>${p.t('voicePolls.agrees')}</p>`
      : '';
  return `<div class="card" id="outcome"><h2>${p.t('voicePolls.outcome')}</h2><p><strong>${p.t('voicePolls.decided', { option: title })}</strong></p>${clients}${verdict}</div>`;
}

function renderPoll(p: Portal, view: ClientPollView, draft: Ballot | null, messages: { notice?: string; error?: string } = {}): string {
  const { poll, decision } = view;
  const status =
    poll.status === 'open'
      ? p.t('voicePolls.openUntil', { date: when(p, poll.closesAt) })
      : p.t('voicePolls.closedOn', { date: when(p, poll.closesAt) });
  const canVote = poll.status === 'open' && decision.status === 'open';
  const closedNote =
    poll.status === 'open' && !canVote ? p.t('voicePolls.decisionClosed') : poll.status !== 'open' ? p.t('voicePolls.votingClosed') : '';
  const main = `<p><a href="${p.base}/polls">${p.t('voicePolls.back')}</a></p>
<div class="card"><h2>${escapeHtml(poll.question)}</h2><p class="muted">${status}</p>
<dl><dt>${p.t('voicePolls.decision')}</dt><dd>${escapeHtml(decision.title)}</dd>${decision.context ? `<dt>${p.t('voicePolls.context')}</dt><dd style="white-space:pre-wrap">${escapeHtml(decision.context)}</dd>` : ''}</dl>
${closedNote ? `<p><strong>${closedNote}</strong></p>` : ''}</div>
${renderOutcome(p, view)}${canVote ? renderForm(p, view, draft ?? view.ballot) : renderOwnBallot(p, poll, view.ballot)}${renderResult(p, poll)}`;
  return page(p, { title: poll.question, main, selfHref: `${p.base}/polls/${encodeURIComponent(poll.id)}`, ...messages });
}

/** Once voting is over, the client still sees what they voted beside the result. */
function renderOwnBallot(p: Portal, poll: ClientPollView['poll'], ballot: Ballot | null): string {
  if (!ballot) return '';
  const text =
    'option' in ballot
      ? optionTitles(poll, [ballot.option])
      : 'options' in ballot
        ? optionTitles(poll, ballot.options)
        : 'ranking' in ballot
          ? ballot.ranking.map((o, i) => `${i + 1}. ${optionTitles(poll, [o])}`).join(' ')
          : ballot.scores.map((s, o) => `${optionTitles(poll, [o])}: ${s}`).join(', ');
  return `<div class="card"><p><strong>${p.t('voicePolls.yourBallot')}</strong> ${text}</p></div>`;
}

/** Loads the poll for the signed-in client, or answers the page itself (sign in, 404) and returns null. */
async function loadView(p: Portal, id: string, reply: Parameters<typeof sendHtml>[0]): Promise<ClientPollView | null> {
  if (!p.client) {
    sendHtml(
      reply,
      401,
      page(p, {
        title: translate(p.locale, 'voicePolls.title'),
        main: `<div class="card"><p>${p.t('voicePolls.signIn')}</p><p><a class="button" href="${p.base}/sign-in">${p.t('voiceAccount.signIn')}</a></p></div>`,
      }),
    );
    return null;
  }
  try {
    return await clientPollView(portalContext(p), id.slice(0, 64), p.client.id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      sendHtml(
        reply,
        404,
        page(p, {
          title: translate(p.locale, 'voicePolls.title'),
          main: `<div class="card"><p>${p.t('voiceAccount.errors.not_found')}</p><p><a href="${p.base}/polls">${p.t('voicePolls.back')}</a></p></div>`,
        }),
      );
      return null;
    }
    throw error;
  }
}

export function registerPortalPolls(app: FastifyInstance, deps: AppDeps): void {
  app.get('/c/:org/polls', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return reply;
    if (!p.client) {
      const main = `<div class="card"><h2>${p.t('voicePolls.title')}</h2><p>${p.t('voicePolls.signIn')}</p><p><a class="button" href="${p.base}/sign-in">${p.t('voiceAccount.signIn')}</a></p></div>`;
      return sendHtml(reply, 200, page(p, { title: translate(p.locale, 'voicePolls.title'), main }));
    }
    const items = await listClientPolls(portalContext(p), p.client.id);
    return sendHtml(reply, 200, page(p, { title: translate(p.locale, 'voicePolls.title'), main: renderList(p, items) }));
  });

  app.get('/c/:org/polls/:pollId', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return reply;
    const view = await loadView(p, (req.params as { pollId: string }).pollId, reply);
    if (!view) return reply;
    const query = req.query as Record<string, unknown>;
    const notice =
      query.voted === '1'
        ? translate(p.locale, 'voicePolls.saved')
        : query.voted === '2'
          ? translate(p.locale, 'voicePolls.replaced')
          : undefined;
    return sendHtml(reply, 200, renderPoll(p, view, null, { notice }));
  });

  app.post('/c/:org/polls/:pollId/ballot', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return reply;
    const id = (req.params as { pollId: string }).pollId;
    const view = await loadView(p, id, reply);
    if (!view || !p.client) return reply;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const draft = ballotFromForm(view.poll.kind, body, view.poll.options.length);
    const problem = await voterProblem(p);
    if (problem)
      return sendHtml(
        reply,
        403,
        renderPoll(p, view, draft, { error: translate(p.locale, `voiceAccount.${problem}`, { org: p.org.name }) }),
      );
    const client = p.client;
    let replaced = false;
    const done = await portalWrite(
      p,
      reply,
      (error) => renderPoll(p, view, draft, { error }),
      async () => {
        checkRanks(view.poll.kind, body, view.poll.options.length);
        replaced = (await castPollBallot(portalContext(p), view.poll.id, client.id, draft)).replaced;
      },
    );
    if (done) return reply.redirect(`${p.base}/polls/${encodeURIComponent(view.poll.id)}?voted=${replaced ? 2 : 1}`, 303);
    return reply;
  });
}
