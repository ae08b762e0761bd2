import { z } from 'zod';
import { ZId, ZName, ZTime } from '../common.schema.js';
import { ZPain } from './discovery.schema.js';

export const VALUE_ITEM_KINDS = ['product', 'reliever', 'creator'] as const;

const ZTargetIds = z.array(ZId).max(200).describe('pains (for a reliever) or gains (for a creator) of the same segment');

export const ZCreateValueItem = z
  .object({
    kind: z.enum(VALUE_ITEM_KINDS),
    name: ZName,
    description: z.string().trim().max(2000).default(''),
    targetIds: ZTargetIds.default([]),
  })
  .meta({ id: 'CreateValueItem' });
export const ZUpdateValueItem = z
  .object({ name: ZName, description: z.string().trim().max(2000), targetIds: ZTargetIds })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateValueItem' });
export type TCreateValueItem = z.output<typeof ZCreateValueItem>;
export type TUpdateValueItem = z.output<typeof ZUpdateValueItem>;

export const ZValueItem = z
  .object({
    id: z.string(),
    segmentId: z.string(),
    kind: z.enum(VALUE_ITEM_KINDS),
    name: z.string(),
    description: z.string(),
    targetIds: z.array(z.string()),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'ValueItem' });
export type TValueItem = z.output<typeof ZValueItem>;

export const ZFit = z
  .object({
    fit: z.number().describe('0–1; 0 with hasPains false when the segment has no open pains'),
    hasPains: z.boolean(),
    answeredSeverity: z.number().int(),
    totalSeverity: z.number().int(),
    unanswered: z.array(ZPain).describe('open pains no reliever answers, highest priority first'),
  })
  .meta({ id: 'ValueFit' });
