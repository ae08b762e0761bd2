import type { z } from 'zod';
import { type Cell, decimal, instant, integer, percent, type Table, type TableLocale, text } from '../../core/tables/table.js';
import { FEEDBACK_KINDS } from '../../core/voice/feedback.js';
import type { OrgContext } from '../context.js';
import type { ZSummaryQuery } from '../feedback/feedback.schema.js';
import { feedbackSummary } from '../feedback/feedback.service.js';
import { getPoll } from '../polls/poll.service.js';
import type { TProposalQuery } from '../proposals/proposal.schema.js';
import { listProposals } from '../proposals/proposal.service.js';
import { enumText } from './export.route.js';

const columns = (group: string, keys: string[]) => keys.map((key) => ({ header: `tables.${group}.${key}` }));

type FeedbackFilters = Omit<z.output<typeof ZSummaryQuery>, 'kind'>;

/** The score as the screen states it: NPS −100…100, CSAT a percentage, CES a mean, 2 decimals. */
function scoreCell(kind: (typeof FEEDBACK_KINDS)[number], score: number | null): Cell {
  if (score === null) return null;
  return kind === 'csat' ? percent(score / 100, 2) : decimal(score, 2);
}

/** NPS, CSAT and CES with their n over the same filters as the feedback screen; a measure with no answers is left out. */
export async function feedbackTable(ctx: OrgContext, filters: FeedbackFilters, locale: TableLocale): Promise<Table> {
  const rows: Cell[][] = [];
  for (const kind of FEEDBACK_KINDS) {
    const summary = await feedbackSummary(ctx, { ...filters, kind });
    // A measure without answers has no figure (as a promise without events): it is left out.
    if (summary.n === 0) continue;
    const nps = 'promoters' in summary ? summary : null;
    rows.push([
      text(enumText(locale, 'feedbackKind', kind)),
      integer(summary.n),
      scoreCell(kind, summary.score),
      nps ? integer(nps.promoters) : null,
      nps ? integer(nps.passives) : null,
      nps ? integer(nps.detractors) : null,
    ]);
  }
  return { name: 'feedback', columns: columns('feedback', ['kind', 'n', 'score', 'promoters', 'passives', 'detractors']), rows };
}

type ProposalFilters = Omit<TProposalQuery, 'cursor' | 'limit' | 'hidden'>;

/** Every proposal the list shows (all pages, hidden ones left out) with supports, threshold and the owed answer. */
export async function proposalsTable(ctx: OrgContext, filters: ProposalFilters, locale: TableLocale): Promise<Table> {
  const rows: Cell[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listProposals(ctx, { ...filters, hidden: 'exclude', limit: 500, cursor });
    for (const proposal of page.items) {
      rows.push([
        text(proposal.title),
        text(proposal.segment?.name ?? ''),
        text(proposal.author.label),
        text(enumText(locale, 'proposalStatus', proposal.status)),
        integer(proposal.supports),
        integer(proposal.threshold),
        instant(proposal.answerDueAt),
        text(enumText(locale, 'yesNo', proposal.isOverdue ? 'yes' : 'no')),
        instant(proposal.answeredAt),
        instant(proposal.createdAt),
      ]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const keys = ['title', 'segment', 'author', 'status', 'supports', 'threshold', 'answerDueAt', 'overdue', 'answeredAt', 'createdAt'];
  return { name: 'proposals', columns: columns('proposals', keys), rows };
}

/**
 * A client poll's result per option: the total (votes, approvals, sum of scores or first
 * preferences), its share of the ballots (not for score polls), the mean score, the winner.
 */
export async function pollTable(ctx: OrgContext, id: string, locale: TableLocale): Promise<Table> {
  const poll = await getPoll(ctx, id);
  const result = poll.result;
  const rows: Cell[][] = poll.options.map((option) => {
    const total = result?.totals[option.index] ?? null;
    const isShared = result !== null && poll.kind !== 'score' && result.ballots > 0 && total !== null;
    return [
      text(poll.question),
      integer(option.index + 1),
      text(option.title),
      total === null ? null : decimal(total, 0),
      isShared ? percent(total / result.ballots, 1) : null,
      decimal(result?.means?.[option.index] ?? null, 2),
      text(enumText(locale, 'yesNo', result?.winners.includes(option.index) ? 'yes' : 'no')),
      result === null ? null : integer(result.ballots),
    ];
  });
  const keys = ['question', 'number', 'option', 'total', 'share', 'mean', 'winner', 'ballots'];
  return { name: 'poll', columns: columns('poll', keys), rows };
}
