import { z } from 'zod';
import { CONTEXT_FIELDS } from '../../core/discovery/context.js';
import { ZTime } from '../common.schema.js';

/** One part of a segment's context: short Markdown-safe text, shown as typed (never as HTML). */
export const CONTEXT_TEXT_MAX = 2000;
export const ZContextText = z.string().trim().max(CONTEXT_TEXT_MAX);

export const ZSaveSegmentContext = z
  .object({
    situation: ZContextText.describe("the client's situation: what they are going through when they come to us"),
    regulations: ZContextText.describe('the rules and regulations that bind the client and us here'),
    market: ZContextText.describe('the market: alternatives, prices, what the client compares us with'),
    channels: ZContextText.describe('the channels through which the client reaches us and we reach them'),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'SaveSegmentContext' });
export type TSaveSegmentContext = z.output<typeof ZSaveSegmentContext>;

export const ZSegmentContext = z
  .object({
    segmentId: z.string(),
    situation: z.string(),
    regulations: z.string(),
    market: z.string(),
    channels: z.string(),
    version: z.number().int().describe('0 while never written; one more on each change'),
    updatedAt: ZTime.nullable().describe('null while never written'),
    updatedBy: z.string().nullable().describe('who wrote the current version: a name or a token label'),
    filledCount: z.number().int().describe('how many of the four parts hold text (0–4): the readiness of step 2'),
    fieldCount: z.number().int().describe('always 4'),
    isComplete: z.boolean(),
    missing: z.array(z.enum(CONTEXT_FIELDS)).describe('the parts still empty'),
    evidenceCount: z.number().int(),
  })
  .meta({ id: 'SegmentContext' });
export type TSegmentContext = z.output<typeof ZSegmentContext>;
