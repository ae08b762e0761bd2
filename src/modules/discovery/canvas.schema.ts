import { z } from 'zod';
import { MAX_LEVEL, MIN_LEVEL } from '../../core/discovery/errc.js';
import { ZId, ZName, ZPageQuery, ZTime } from '../common.schema.js';

export const ERRC_ACTIONS = ['eliminate', 'reduce', 'raise', 'create', 'unchanged'] as const;
export const MAX_FACTORS = 30;
export const MAX_COMPETITORS = 8;

export const ZLevel = z
  .number()
  .int('must be a whole number')
  .min(MIN_LEVEL, `must be ${MIN_LEVEL}–${MAX_LEVEL}`)
  .max(MAX_LEVEL, `must be ${MIN_LEVEL}–${MAX_LEVEL}`);
const ZLabel = z.string().trim().max(100).default('');

export const ZCreateCanvas = z
  .object({ segmentId: ZId, name: ZName, currentLabel: ZLabel, targetLabel: ZLabel })
  .meta({ id: 'CreateCanvas' });
export type TCreateCanvas = z.output<typeof ZCreateCanvas>;

/** The whole canvas in one document: saved at once, so the curves never disagree with each other. */
export const ZPutCanvas = z
  .object({
    name: ZName,
    currentLabel: ZLabel,
    targetLabel: ZLabel,
    competitors: z.array(z.object({ id: ZId.optional(), name: ZName })).max(MAX_COMPETITORS),
    factors: z
      .array(
        z.object({
          id: ZId.optional(),
          name: ZName,
          current: ZLevel,
          target: ZLevel,
          competitorLevels: z.array(ZLevel).describe('one level per competitor, in the order of `competitors`'),
          promiseId: ZId.nullable()
            .optional()
            .describe(
              'bind the factor to a client promise (not retired): its current level is then attainment × 10, measured; null unbinds; omitted keeps it',
            ),
        }),
      )
      .max(MAX_FACTORS),
  })
  .superRefine((canvas, ctx) => {
    canvas.factors.forEach((factor, i) => {
      if (factor.competitorLevels.length !== canvas.competitors.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['factors', i, 'competitorLevels'],
          message: `needs ${canvas.competitors.length} levels, one per competitor; got ${factor.competitorLevels.length}`,
          params: { code: 'sum_mismatch', expected: canvas.competitors.length, actual: factor.competitorLevels.length },
        });
      }
    });
    const names = new Set<string>();
    canvas.factors.forEach((factor, i) => {
      const key = factor.name.toLowerCase();
      if (names.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['factors', i, 'name'],
          message: 'two factors have this name',
          params: { code: 'taken', entity: 'factor' },
        });
      names.add(key);
    });
  })
  .meta({ id: 'PutCanvas' });
export type TPutCanvas = z.output<typeof ZPutCanvas>;

export const ZCanvasQuery = ZPageQuery.extend({ segmentId: ZId.optional() });

export const ZCanvasFactor = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  current: z.number().describe('the level set by hand, or attainment × 10 (one decimal) when measured'),
  target: z.number().int(),
  competitorLevels: z.array(z.number().int()),
  action: z.enum(ERRC_ACTIONS),
  manualCurrent: z.number().int().describe('the level set by hand (kept while the factor is measured)'),
  promiseId: z.string().nullable(),
  measured: z
    .object({ attainment: z.number().nullable(), status: z.enum(['kept', 'at_risk', 'broken', 'no_data']) })
    .nullable()
    .describe('set when the factor is bound to a promise; with no data yet the level set by hand stays'),
});
export const ZCanvas = z
  .object({
    id: z.string(),
    segmentId: z.string(),
    name: z.string(),
    currentLabel: z.string(),
    targetLabel: z.string(),
    competitors: z.array(z.object({ id: z.string(), name: z.string() })),
    factors: z.array(ZCanvasFactor),
    errc: z.object(
      Object.fromEntries(ERRC_ACTIONS.map((a) => [a, z.array(z.string())])) as Record<
        (typeof ERRC_ACTIONS)[number],
        z.ZodArray<z.ZodString>
      >,
    ),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Canvas' });
export type TCanvas = z.output<typeof ZCanvas>;
export const ZCanvasSummary = ZCanvas.pick({ id: true, segmentId: true, name: true, createdAt: true, updatedAt: true })
  .extend({
    factorCount: z.number().int(),
    segmentName: z.string(),
  })
  .meta({ id: 'CanvasSummary' });

export const ZSvgQuery = z.object({
  lang: z.enum(['ru', 'en']).optional(),
  width: z.coerce.number().int().min(300).max(2400).default(900),
  height: z.coerce.number().int().min(200).max(1600).default(480),
});
