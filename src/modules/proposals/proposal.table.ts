import { type Cell, instant, integer, type Table, type TableLocale, text } from '../../core/tables/table.js';
import type { OrgContext } from '../context.js';
import { enumText } from '../exports/export.route.js';
import type { TProposalQuery } from './proposal.schema.js';
import { listProposals } from './proposal.service.js';

const columns = (group: string, keys: string[]) => keys.map((key) => ({ header: `tables.${group}.${key}` }));

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
