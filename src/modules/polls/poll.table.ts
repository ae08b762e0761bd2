import { type Cell, decimal, integer, percent, type Table, type TableLocale, text } from '../../core/tables/table.js';
import type { OrgContext } from '../context.js';
import { enumText } from '../exports/export.route.js';
import { getPoll } from './poll.service.js';

const columns = (group: string, keys: string[]) => keys.map((key) => ({ header: `tables.${group}.${key}` }));

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
