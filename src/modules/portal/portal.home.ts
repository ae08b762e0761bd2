import { formatAttainment, formatTarget } from '../../core/format/figures.js';
import type { ClientsTable, Db, OrganizationsTable } from '../../db/schema.js';
import { escapeHtml, type PortalSection, sectionHref } from '../../http/html/page.js';
import { segmentsOfClients } from '../clients/client.repository.js';
import { listDecisionsAwaitingClientAdvice } from '../governance/client-advice.service.js';
import { publicBoard } from '../promises/board.service.js';
import { listRedress } from '../promises/redress.service.js';
import { type Portal, portalContext } from './portal.context.js';
import { renderRedress } from './portal.redress.js';
import { countClientRows, countRepliedFeedback, listRecentProposalsOfClient } from './portal.repository.js';

/** How much of the client's voice the organization holds: counts for the home page. */
async function voiceCounts(db: Db, orgId: string, clientId: string) {
  const count = (table: 'feedback' | 'proposals' | 'proposal_supports' | 'poll_ballots' | 'pb_ballots', column: string) =>
    countClientRows(db, orgId, table, column, clientId);
  const replies = await countRepliedFeedback(db, orgId, clientId);
  return {
    feedback: await count('feedback', 'client_id'),
    replies,
    proposals: await count('proposals', 'author_client_id'),
    supports: await count('proposal_supports', 'client_id'),
    ballots: await count('poll_ballots', 'client_id'),
    budgetBallots: await count('pb_ballots', 'client_id'),
  };
}

/** The promises made to the client's segments (all published ones when they are in none), worst first. */
async function renderClientPromises(p: Portal, client: ClientsTable): Promise<string> {
  const segments = (await segmentsOfClients(p.deps.db, p.org.id, [client.id])).get(client.id) ?? [];
  const board = await publicBoard(p.deps.db, p.org, p.now);
  const mine = segments.length ? board.items.filter((item) => segments.includes(item.segment.id)) : board.items;
  const boardHref = `${p.base}/promises${p.locale === p.org.locale ? '' : `?lang=${p.locale}`}`;
  const items = mine
    .map((item) => {
      const figure =
        item.attainment === null
          ? p.t('voiceAccount.home.noData')
          : p.t('voiceAccount.home.attainment', {
              value: formatAttainment(item.attainment, item.target, p.locale),
              target: formatTarget(item.target, p.locale),
            });
      const href = `${p.base}/promises/${encodeURIComponent(item.id)}${p.locale === p.org.locale ? '' : `?lang=${p.locale}`}`;
      return `<li><a href="${escapeHtml(href)}"><strong>${escapeHtml(item.title)}</strong></a> <span class="badge ${item.status}">${p.t(`voiceAccount.home.status.${item.status}`)}</span>
<div class="muted">${escapeHtml(item.statement)}</div><div>${figure}</div></li>`;
    })
    .join('');
  const intro = segments.length ? p.t('voiceAccount.home.yourPromisesText') : p.t('voiceAccount.home.allPromisesText');
  const list = items ? `<ul class="plain">${items}</ul>` : `<p class="muted">${p.t('voiceAccount.home.noPromises')}</p>`;
  return `<div class="card"><h2>${p.t('voiceAccount.home.yourPromises')}</h2><p>${intro}</p>${list}
<p><a href="${escapeHtml(boardHref)}">${p.t('portal.promisesLink')}</a></p></div>`;
}

/** The proposals the client made or supports, latest change first, each with its status and whether it was answered. */
async function renderClientProposals(p: Portal, client: ClientsTable): Promise<string> {
  const rows = await listRecentProposalsOfClient(p.deps.db, p.org.id, client.id);
  if (rows.length === 0) return '';
  const items = rows
    .map((r) => {
      const role = r.author_client_id === client.id ? p.t('voiceAccount.home.yourProposal') : p.t('voiceAccount.home.youSupport');
      const answer =
        r.answered_at !== null
          ? ` · ${p.t('voiceAccount.home.answered')}`
          : r.answer_due_at !== null
            ? ` · ${p.t('voiceAccount.home.answerOwed')}`
            : '';
      return `<li><a href="${p.base}/proposals/${encodeURIComponent(r.id)}">${escapeHtml(r.title)}</a> <span class="badge">${p.t(`voiceProposals.status.${r.status}`)}</span><div class="muted">${role}${answer}</div></li>`;
    })
    .join('');
  return `<div class="card"><h2>${p.t('voiceAccount.home.yourProposals')}</h2><ul class="plain">${items}</ul></div>`;
}

/** The open decisions asking the client's advice that they have not answered yet: how many, and a link to each. */
async function renderAskedDecisions(p: Portal, client: ClientsTable): Promise<string> {
  const asking = await listDecisionsAwaitingClientAdvice(portalContext(p), client.id);
  if (asking.length === 0) return '';
  const items = asking.map((d) => `<li><a href="${p.base}/decisions/${encodeURIComponent(d.id)}">${escapeHtml(d.title)}</a></li>`).join('');
  return `<div class="card" id="decisions-asking"><h2><a href="${sectionHref(p.base, 'decisions')}">${p.t('voiceDecisions.homeAsks', { count: asking.length })}</a></h2>
<p>${p.t('voiceDecisions.homeAsksText')}</p><ul class="plain">${items}</ul></div>`;
}

/** The signed-in client's home: promises made to them, redress owed, and their voice so far. */
export async function renderClientHome(p: Portal, client: ClientsTable, org: OrganizationsTable): Promise<string> {
  const redress = await listRedress(
    { db: p.deps.db, org, actor: { type: 'system', id: null, label: 'client portal' }, now: p.now },
    { clientId: client.id },
  );
  const counts = await voiceCounts(p.deps.db, org.id, client.id);
  const link = (section: PortalSection, text: string) => `<a href="${sectionHref(p.base, section)}">${text}</a>`;
  const confirm =
    client.email && client.email_confirmed_at === null
      ? `<form method="post" action="${p.base}/confirm-email"><span class="muted">${p.t('voiceAccount.home.emailUnconfirmed')}</span> <button type="submit">${p.t('voiceAccount.home.confirmLink')}</button></form>`
      : '';
  const voice = `<div class="card"><h2>${p.t('voiceAccount.home.yourVoice')}</h2><ul class="plain">
<li>${link('feedback', p.t('voiceAccount.home.feedbackCount', { n: counts.feedback }))} · ${p.t('voiceAccount.home.repliesCount', { n: counts.replies })}</li>
<li>${link('proposals', p.t('voiceAccount.home.proposalsCount', { n: counts.proposals }))} · ${p.t('voiceAccount.home.supportsCount', { n: counts.supports })}</li>
<li>${link('polls', p.t('voiceAccount.home.ballotsCount', { n: counts.ballots }))}</li>
<li>${link('participation', p.t('voiceAccount.home.budgetBallotsCount', { n: counts.budgetBallots }))}</li></ul>${confirm}</div>`;
  const welcome = `<div class="card"><h2>${p.t('portal.welcome', { name: client.name })}</h2><p>${p.t('portal.intro')}</p></div>`;
  return `${welcome}${await renderAskedDecisions(p, client)}${await renderClientPromises(p, client)}${renderRedress(redress, org, p.locale)}${await renderClientProposals(p, client)}${voice}`;
}
