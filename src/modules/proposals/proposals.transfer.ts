import { z } from 'zod';
import { derived, id, idOrNull, int, intOrNull, textOf, upTo } from '../export-columns.js';
import { MAX_OPTIONS } from '../governance/decision.schema.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { PROPOSAL_STATUSES, ZChangeStatus, ZLinkImplementation, ZProposalBody, ZProposalTitle, ZReportInput } from './proposal.schema.js';

// As a poll on a decision takes them: option indexes of at most MAX_OPTIONS options, scores 0–MAX_SCORE.
const _option = z
  .number()
  .int()
  .min(0)
  .max(MAX_OPTIONS - 1);

/** Client proposals, their supports and content reports in the export file. Files written before client voice have none. */
export const PROPOSALS_TABLES = {
  exported: {
    proposals: exportedTable({
      table: 'proposals',
      orderBy: ['created_at', 'id'],
      importRows: (rows, people) =>
        rows.map((r) => ({ ...r, author_user_id: people.keep(r.author_user_id), answered_by: people.keep(r.answered_by) })),
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            title: textOf(ZProposalTitle),
            body: textOf(ZProposalBody),
            segment_id: idOrNull,
            author_client_id: idOrNull,
            author_user_id: idOrNull,
            author_label: derived,
            status: z.enum(PROPOSAL_STATUSES),
            supports: int.min(0),
            // The stored trending count travels as it is (the minute job takes it again as supports age).
            recent_supports: int.min(0).default(0),
            recent_oldest_at: intOrNull.default(null),
            threshold: int.min(0),
            threshold_reached_at: intOrNull,
            answer_due_at: intOrNull,
            answer: upTo(ZChangeStatus.shape.answer).nullable(),
            answered_at: intOrNull,
            answered_by: idOrNull,
            implemented_type: ZLinkImplementation.shape.implementedType.nullable(),
            implemented_id: textOf(ZLinkImplementation.shape.implementedId).nullable(),
            merged_into_id: idOrNull,
            reports: int.min(0),
            hidden_at: intOrNull,
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    proposalSupports: exportedTable({
      table: 'proposal_supports',
      orderBy: ['proposal_id', 'client_id'],
      file: z.array(z.object({ proposal_id: id, client_id: id, org_id: id, created_at: int })).default([]),
    }),
    contentReports: exportedTable({
      table: 'content_reports',
      orderBy: ['created_at', 'id'],
      importRows: (rows, people) => rows.map((r) => ({ ...r, resolved_by: people.keep(r.resolved_by) })),
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            subject_type: ZReportInput.shape.subjectType,
            subject_id: id,
            reporter: textOf(ZReportInput.shape.reporter),
            reason: upTo(ZReportInput.shape.reason),
            created_at: int,
            resolved_at: intOrNull,
            resolution: z.enum(['kept', 'removed']).nullable(),
            resolved_by: idOrNull,
          }),
        )
        .default([]),
    }),
  },
} as const satisfies ModuleTables;
