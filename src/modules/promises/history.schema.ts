import { z } from 'zod';
import { ZTime } from '../common.schema.js';
import { FULFILLMENT_STATUSES } from './promise.schema.js';

/** What the background evaluator records about a published promise: its status changing, an alert row firing or resolving. */
export const HISTORY_KINDS = ['status_changed', 'alert_fired', 'alert_resolved'] as const;

const ZFulfillment = z.enum(FULFILLMENT_STATUSES);

export const ZHistoryEntry = z
  .object({
    id: z.string(),
    at: ZTime.describe('when the evaluator saw it'),
    kind: z.enum(HISTORY_KINDS),
    fromStatus: ZFulfillment.nullable().describe('for status_changed: the status before'),
    toStatus: ZFulfillment.nullable().describe('for status_changed: the status after'),
    alert: z
      .object({
        severity: z.enum(['page', 'ticket']),
        longWindow: z.string().describe('ISO-8601 duration, e.g. PT1H'),
        shortWindow: z.string().describe('ISO-8601 duration, e.g. PT5M'),
        threshold: z.number().describe('the burn rate both windows exceeded'),
      })
      .nullable()
      .describe('for alert_fired and alert_resolved: the alert row'),
    figures: z
      .object({
        attainment: z.number().nullable().describe('good / total over the window; null with no events'),
        target: z.number(),
        good: z.number().int(),
        total: z.number().int(),
        budgetRemaining: z.number().describe('1 is the whole budget left; negative once overspent'),
        version: z.number().int().describe('the version of the terms in force'),
      })
      .describe('the figures at that moment'),
  })
  .meta({ id: 'PromiseHistoryEntry' });
export type THistoryEntry = z.output<typeof ZHistoryEntry>;
