import { z } from 'zod';
import { FEEDBACK_KINDS, isScoreInRange } from '../../core/voice/feedback.js';
import { derived, id, idOrNull, int, intOrNull, textOf, upTo } from '../export-columns.js';
import { MAX_OPTIONS } from '../governance/decision.schema.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { FEEDBACK_SOURCES, ZComment, ZFeedbackInput, ZReply, ZSurveyInput } from './feedback.schema.js';

const flag = z.union([z.literal(0), z.literal(1)]);
const feedbackKind = z.enum(FEEDBACK_KINDS);
const subjectType = z.enum(['promise', 'team', 'touchpoint']).nullable();
// A promise or team id, or a touchpoint's name.
const subjectId = textOf(ZFeedbackInput.shape.subjectId).nullable();
// As a poll on a decision takes them: option indexes of at most MAX_OPTIONS options, scores 0–MAX_SCORE.
const _option = z
  .number()
  .int()
  .min(0)
  .max(MAX_OPTIONS - 1);

/** Feedback and surveys in the export file: rows as stored, with the API's limits. Files written before client voice have none. */
export const FEEDBACK_TABLES = {
  exported: {
    surveys: exportedTable({
      table: 'surveys',
      orderBy: ['created_at', 'id'],
      importRows: (rows, people) => rows.map((r) => ({ ...r, created_by: people.keep(r.created_by) })),
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            kind: feedbackKind,
            question: textOf(ZSurveyInput.shape.question),
            subject_type: subjectType,
            subject_id: subjectId,
            touchpoint: subjectId,
            public_key: derived.min(1),
            active: flag,
            created_at: int,
            created_by: idOrNull,
          }),
        )
        .default([]),
    }),
    feedback: exportedTable({
      table: 'feedback',
      orderBy: ['created_at', 'id'],
      importRows: (rows, people) =>
        rows.map((r) => ({ ...r, triaged_by: people.keep(r.triaged_by), replied_by: people.keep(r.replied_by) })),
      file: z
        .array(
          z
            .object({
              id,
              org_id: id,
              survey_id: idOrNull,
              kind: feedbackKind,
              score: intOrNull,
              comment: upTo(ZComment),
              subject_type: subjectType,
              subject_id: subjectId,
              touchpoint: subjectId,
              client_id: idOrNull,
              source: z.enum(FEEDBACK_SOURCES),
              answered_at: int,
              pain_id: idOrNull,
              triaged_by: idOrNull,
              triaged_at: intOrNull,
              reply: textOf(ZReply.shape.text).nullable(),
              replied_by: idOrNull,
              replied_at: intOrNull,
              reports: int.min(0),
              hidden_at: intOrNull,
              created_at: int,
            })
            .refine((r) => r.score === null || isScoreInRange(r.kind, r.score), {
              path: ['score'],
              message: 'outside the scale of its kind',
            }),
        )
        .default([]),
    }),
  },
} as const satisfies ModuleTables;
