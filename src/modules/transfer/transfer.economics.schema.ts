import { z } from 'zod';
import { FULFILLMENT_MODES } from '../../core/economics/fulfillment.js';
import { OVERHEAD_RULES } from '../../core/economics/overhead.js';
import { SPLIT_RULES } from '../../core/economics/split.js';
import {
  LEDGER_KINDS,
  ZAllocationInput,
  ZDeclineTrade,
  ZLedgerInput,
  ZMemberInput,
  ZPeerPointsInput,
  ZPeriod,
  ZSplitRuleInput,
  ZTradeInput,
} from '../economics/economics.schema.js';
import { ZCreateProject } from '../participation/participation.schema.js';
import { id, idn, intOf, jsonOf, t, textOf, tn, upTo } from './transfer.columns.js';

const period = textOf(ZPeriod);
/** Hours are stored in hundredths: the API's 744 hours a month are 74,400. */
const HOURS_CENTI_MAX = (ZMemberInput.shape.hours.maxValue ?? 0) * 100;

/** Team economics (M6) in the export file: rows as stored, with the API's limits; the closed months' frozen figures travel too. */
export const ECONOMICS_EXPORT = {
  economicsSettings: z
    .array(
      z.object({
        org_id: id,
        // Rates 0–1 as the API takes them, in parts per million.
        pool_rate_ppm: t.min(0).max(1_000_000),
        reserve_rate_ppm: t.min(0).max(1_000_000),
        fulfillment: z.enum(FULFILLMENT_MODES),
        updated_at: t,
        updated_by: idn,
      }),
    )
    .default([]),
  economicPeriods: z
    .array(
      z.object({
        org_id: id,
        period,
        status: z.enum(['open', 'closed']),
        overhead_rule: z.enum(OVERHEAD_RULES),
        // Fixed percentages 0–100 as the API takes them, in basis points.
        overhead_basis_points: jsonOf(z.record(z.string(), z.number().int().min(0).max(10_000))).nullable(),
        snapshot: jsonOf(
          z.object({ overheadTotalMinor: z.number().int(), teams: z.array(z.object({ teamId: z.string() }).passthrough()) }),
        ).nullable(),
        closed_at: tn,
        closed_by: idn,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  ledgerLines: z
    .array(
      z.object({
        id,
        org_id: id,
        period,
        team_id: idn,
        kind: z.enum(LEDGER_KINDS),
        amount_minor: intOf(ZLedgerInput.shape.amountMinor),
        note: upTo(ZLedgerInput.shape.note),
        client_id: idn,
        promise_id: idn,
        created_at: t,
        created_by: idn,
      }),
    )
    .default([]),
  periodMembers: z
    .array(
      z.object({
        org_id: id,
        period,
        team_id: id,
        user_id: id,
        hours_centi: t.min(0).max(HOURS_CENTI_MAX),
        salary_minor: intOf(ZMemberInput.shape.salaryMinor),
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  internalTrades: z
    .array(
      z.object({
        id,
        org_id: id,
        period,
        seller_team_id: id,
        buyer_team_id: id,
        amount_minor: intOf(ZTradeInput.shape.amountMinor),
        promise_id: idn,
        note: upTo(ZTradeInput.shape.note),
        status: z.enum(['proposed', 'confirmed', 'declined']),
        entered_by_team_id: id,
        created_by: idn,
        created_at: t,
        answered_by: idn,
        answered_at: tn,
        // Empty unless declined.
        decline_reason: upTo(ZDeclineTrade.shape.reason),
      }),
    )
    .default([]),
  splitRules: z
    .array(
      z.object({
        org_id: id,
        team_id: id,
        rule: z.enum(SPLIT_RULES),
        weights: jsonOf(ZSplitRuleInput.shape.weights).nullable(),
        updated_at: t,
        updated_by: idn,
      }),
    )
    .default([]),
  peerPoints: z
    .array(
      z.object({
        org_id: id,
        period,
        team_id: id,
        giver_id: id,
        receiver_id: id,
        points: intOf(ZPeerPointsInput.shape.points.valueType),
        updated_at: t,
      }),
    )
    .default([]),
  reserveAllocations: z
    .array(
      z.object({
        id,
        org_id: id,
        // By hand (at most 10^13) or funding a participatory project (its cost, up to 2^53 − 1): the wider.
        amount_minor: intOf(ZCreateProject.shape.costMinor),
        purpose: textOf(ZAllocationInput.shape.purpose),
        created_at: t,
        created_by: idn,
      }),
    )
    .default([]),
};
