import { z } from 'zod';
import { derivedOrNull, id, idOrNull, int, intOf, intOrNull, jsonOf } from '../export-columns.js';
import { MAX_OPTIONS } from '../governance/decision.schema.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { ZVoiceSettingsInput } from './voice.schema.js';

const flag = z.union([z.literal(0), z.literal(1)]);
// As a poll on a decision takes them: option indexes of at most MAX_OPTIONS options, scores 0–MAX_SCORE.
const _option = z
  .number()
  .int()
  .min(0)
  .max(MAX_OPTIONS - 1);

/** Client voice in the export file: which segments clients joined, and the voice settings. Files written before client voice have none of these keys. */
export const VOICE_TABLES = {
  exported: {
    clientSegments: exportedTable({
      table: 'client_segments',
      orderBy: ['segment_id', 'client_id'],
      file: z.array(z.object({ org_id: id, client_id: id, segment_id: id, created_at: int })).default([]),
    }),
    voiceSettings: exportedTable({
      table: 'voice_settings',
      orderBy: ['org_id'],
      // Files written before answer teams accepted: a team that had an answer promise owned it, as the migration says.
      importRows: (rows, people) =>
        rows.map((r) => ({
          ...r,
          updated_by: people.keep(r.updated_by),
          answer_team_accepted_at:
            r.answer_team_accepted_at === undefined ? (r.answer_promise_id ? r.updated_at : null) : r.answer_team_accepted_at,
          answer_team_accepted_by:
            r.answer_team_accepted_by === undefined ? (r.answer_promise_id ? 'proposal answers' : null) : r.answer_team_accepted_by,
        })),
      file: z
        .array(
          z.object({
            org_id: id,
            allow_registration: flag,
            require_confirmed_email: flag,
            threshold_kind: ZVoiceSettingsInput.shape.thresholdKind,
            threshold_value: intOf(ZVoiceSettingsInput.shape.thresholdValue),
            response_days: intOf(ZVoiceSettingsInput.shape.responseDays),
            answer_team_id: idOrNull,
            answer_promise_id: idOrNull,
            answer_team_accepted_at: intOrNull.optional(),
            answer_team_accepted_by: derivedOrNull.optional(),
            hide_after_reports: intOf(ZVoiceSettingsInput.shape.hideAfterReports),
            // Files written before binding polls have none.
            binding_poll_right_ids: jsonOf(ZVoiceSettingsInput.shape.bindingPollRightIds).default('[]'),
            updated_at: int,
            updated_by: idOrNull,
          }),
        )
        .max(1)
        .default([]),
    }),
  },
} as const satisfies ModuleTables;
