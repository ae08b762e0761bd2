import { z } from 'zod';
import { ZName } from '../common.schema.js';
import { id, idOrNull, int, intOf, intOrNull, jsonOf, textOf, upTo } from '../export-columns.js';
import { MAX_OPTIONS } from '../governance/decision.schema.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { PROJECT_KINDS, PROJECT_STATUSES, ZBallotInput, ZCreateProject, ZCreateRound } from './participation.schema.js';

// As a poll on a decision takes them: option indexes of at most MAX_OPTIONS options, scores 0–MAX_SCORE.
const _option = z
  .number()
  .int()
  .min(0)
  .max(MAX_OPTIONS - 1);
const methodResult = z.object({ funded: z.array(z.string()) }).passthrough();

/** The participatory reserve's rounds, projects and ballots in the export file. Files written before client voice have none. */
export const PARTICIPATION_TABLES = {
  exported: {
    pbRounds: exportedTable({
      table: 'pb_rounds',
      orderBy: ['created_at', 'id'],
      importRows: (rows, people) =>
        rows.map((r) => ({ ...r, allocated_by: people.keep(r.allocated_by), created_by: people.keep(r.created_by) })),
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            title: textOf(ZName),
            description: upTo(ZCreateRound.shape.description),
            budget_minor: intOf(ZCreateRound.shape.budgetMinor),
            method: ZCreateRound.shape.method.unwrap(),
            segment_ids: jsonOf(ZCreateRound.shape.segmentIds),
            opens_at: int,
            closes_at: int,
            status: z.enum(['draft', 'open', 'allocated']),
            // Frozen when allocated: both methods' results as they were then.
            result: jsonOf(z.object({ greedy: methodResult, mes: methodResult }).passthrough()).nullable(),
            allocated_at: intOrNull,
            allocated_by: idOrNull,
            created_at: int,
            created_by: idOrNull,
          }),
        )
        .default([]),
    }),
    pbProjects: exportedTable({
      table: 'pb_projects',
      orderBy: ['round_id', 'created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            round_id: id,
            title: textOf(ZName),
            description: upTo(ZCreateProject.shape.description),
            cost_minor: intOf(ZCreateProject.shape.costMinor),
            kind: z.enum(PROJECT_KINDS),
            team_id: idOrNull,
            status: z.enum(PROJECT_STATUSES),
            allocation_id: idOrNull,
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    pbBallots: exportedTable({
      table: 'pb_ballots',
      orderBy: ['round_id', 'client_id'],
      file: z
        .array(
          z.object({
            round_id: id,
            client_id: id,
            org_id: id,
            project_ids: jsonOf(ZBallotInput.shape.projectIds),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
  },
} as const satisfies ModuleTables;
