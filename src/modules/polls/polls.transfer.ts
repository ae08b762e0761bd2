import { z } from 'zod';
import { MAX_SCORE } from '../../core/voice/tally.js';
import { id, idOrNull, int, intOf, jsonOf, textOf } from '../export-columns.js';
import { MAX_OPTIONS } from '../governance/decision.schema.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { ZCreatePoll } from './poll.schema.js';

const flag = z.union([z.literal(0), z.literal(1)]);
// As a poll on a decision takes them: option indexes of at most MAX_OPTIONS options, scores 0–MAX_SCORE.
const option = z
  .number()
  .int()
  .min(0)
  .max(MAX_OPTIONS - 1);
const ballot = z.union([
  z.object({ option }),
  z.object({ options: z.array(option).max(MAX_OPTIONS) }),
  z.object({ scores: z.array(z.number().int().min(0).max(MAX_SCORE)).max(MAX_OPTIONS) }),
  z.object({ ranking: z.array(option).max(MAX_OPTIONS) }),
]);

/** Client polls and their ballots in the export file. Files written before client voice have none. */
export const POLLS_TABLES = {
  exported: {
    polls: exportedTable({
      table: 'polls',
      orderBy: ['created_at', 'id'],
      importRows: (rows, people) => rows.map((r) => ({ ...r, created_by: people.keep(r.created_by) })),
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            decision_id: id,
            kind: ZCreatePoll.shape.kind,
            question: textOf(ZCreatePoll.shape.question),
            segment_ids: jsonOf(ZCreatePoll.shape.segmentIds),
            opens_at: int,
            closes_at: int,
            quorum: intOf(ZCreatePoll.shape.quorum).nullable(),
            hide_results: flag,
            created_at: int,
            created_by: idOrNull,
          }),
        )
        .default([]),
    }),
    pollBallots: exportedTable({
      table: 'poll_ballots',
      orderBy: ['poll_id', 'client_id'],
      file: z
        .array(z.object({ poll_id: id, client_id: id, org_id: id, ballot: jsonOf(ballot), created_at: int, updated_at: int }))
        .default([]),
    }),
  },
} as const satisfies ModuleTables;
