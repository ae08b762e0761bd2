import type { z } from 'zod';
import { type Cell, decimal, integer, percent, type Table, type TableLocale, text } from '../../core/tables/table.js';
import { FEEDBACK_KINDS } from '../../core/voice/feedback.js';
import type { OrgContext } from '../context.js';
import { enumText } from '../exports/export.route.js';
import type { ZSummaryQuery } from './feedback.schema.js';
import { feedbackSummary } from './feedback.service.js';

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
