import { z } from 'zod';
import { ZName } from '../common.schema.js';
import { derived, id, idOrNull, int, intOf, textOf, upTo } from '../export-columns.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { MAX_COMPETITORS, MAX_FACTORS, ZCreateCanvas, ZLevel } from './canvas.schema.js';
import { ZContextText } from './context.schema.js';
import {
  EVIDENCE_KINDS,
  EVIDENCE_SUBJECTS,
  JOB_KINDS,
  PAIN_STATUSES,
  SEGMENT_KINDS,
  ZCreateEvidence,
  ZCreateGain,
  ZCreateNeed,
  ZCreatePain,
  ZCreateSegment,
} from './discovery.schema.js';
import { VALUE_ITEM_KINDS, ZCreateValueItem } from './value.schema.js';

/** Discovery and value design in the export file: rows as stored, with the API's limits. */
export const DISCOVERY_TABLES = {
  exported: {
    segments: exportedTable({
      table: 'segments',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            name: textOf(ZName),
            description: upTo(ZCreateSegment.shape.description),
            size_estimate: intOf(ZCreateSegment.shape.sizeEstimate).nullable(),
            kind: z.enum(SEGMENT_KINDS),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    segmentContexts: exportedTable({
      table: 'segment_contexts',
      orderBy: ['created_at', 'id'],
      since: 3,
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            segment_id: id,
            situation: upTo(ZContextText),
            regulations: upTo(ZContextText),
            market: upTo(ZContextText),
            channels: upTo(ZContextText),
            version: int.min(1),
            updated_by: derived,
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    needs: exportedTable({
      table: 'needs',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            segment_id: id,
            job_kind: z.enum(JOB_KINDS),
            text: textOf(ZCreateNeed.shape.text),
            importance: intOf(ZCreateNeed.shape.importance),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    pains: exportedTable({
      table: 'pains',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            segment_id: id,
            text: textOf(ZCreatePain.shape.text),
            severity: intOf(ZCreatePain.shape.severity),
            frequency: intOf(ZCreatePain.shape.frequency),
            context_where: upTo(ZCreatePain.shape.contextWhere),
            context_when: upTo(ZCreatePain.shape.contextWhen),
            context_who: upTo(ZCreatePain.shape.contextWho),
            context_channel: upTo(ZCreatePain.shape.contextChannel),
            status: z.enum(PAIN_STATUSES),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    gains: exportedTable({
      table: 'gains',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            segment_id: id,
            text: textOf(ZCreateGain.shape.text),
            relevance: intOf(ZCreateGain.shape.relevance),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    evidence: exportedTable({
      table: 'evidence',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            subject_type: z.enum(EVIDENCE_SUBJECTS),
            subject_id: id,
            kind: z.enum(EVIDENCE_KINDS),
            text: textOf(ZCreateEvidence.shape.text),
            source: upTo(ZCreateEvidence.shape.source),
            observed_on: textOf(ZCreateEvidence.shape.date),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    valueItems: exportedTable({
      table: 'value_items',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            segment_id: id,
            kind: z.enum(VALUE_ITEM_KINDS),
            name: textOf(ZName),
            description: upTo(ZCreateValueItem.shape.description),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    valueLinks: exportedTable({
      table: 'value_links',
      orderBy: ['created_at', 'id'],
      file: z
        .array(z.object({ id, org_id: id, item_id: id, target_type: z.enum(['pain', 'gain']), target_id: id, created_at: int }))
        .default([]),
    }),
    canvases: exportedTable({
      table: 'canvases',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            segment_id: id,
            name: textOf(ZName),
            current_label: upTo(ZCreateCanvas.shape.currentLabel),
            target_label: upTo(ZCreateCanvas.shape.targetLabel),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    canvasFactors: exportedTable({
      table: 'canvas_factors',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            canvas_id: id,
            position: int.min(0).max(MAX_FACTORS - 1),
            name: textOf(ZName),
            current_level: intOf(ZLevel),
            target_level: intOf(ZLevel),
            // Files written before factors could be bound to promises have none.
            promise_id: idOrNull.default(null),
            created_at: int,
          }),
        )
        .default([]),
    }),
    canvasCompetitors: exportedTable({
      table: 'canvas_competitors',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({ id, org_id: id, canvas_id: id, position: int.min(0).max(MAX_COMPETITORS - 1), name: textOf(ZName), created_at: int }),
        )
        .default([]),
    }),
    canvasLevels: exportedTable({
      table: 'canvas_levels',
      orderBy: ['factor_id', 'competitor_id'],
      file: z.array(z.object({ org_id: id, canvas_id: id, factor_id: id, competitor_id: id, level: intOf(ZLevel) })).default([]),
    }),
  },
} as const satisfies ModuleTables;
