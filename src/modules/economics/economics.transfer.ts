import { z } from 'zod';
import { POOL_MODES } from '../../core/economics/budgeted-pool.js';
import { FULFILLMENT_MODES } from '../../core/economics/fulfillment.js';
import { OVERHEAD_RULES } from '../../core/economics/overhead.js';
import { SPLIT_RULES } from '../../core/economics/split.js';
import { id, idOrNull, int, intOf, intOrNull, jsonOf, textOf, upTo } from '../export-columns.js';
import { exportedTable, type ModuleTables } from '../module.js';
import {
  LEDGER_KINDS,
  ZAllocationInput,
  ZDeclineTrade,
  ZLedgerInput,
  ZMemberInput,
  ZPeerPointsInput,
  ZPeriod,
  ZReserveRequestInput,
  ZSplitRuleInput,
  ZTeamBudgetInput,
  ZTradeInput,
} from './economics.schema.js';

const period = textOf(ZPeriod);
/** Hours are stored in hundredths: the API's 744 hours a month are 74,400. */
const HOURS_CENTI_MAX = (ZMemberInput.shape.hours.maxValue ?? 0) * 100;

/** Team economics in the export file: rows as stored, with the API's limits; the closed months' frozen figures travel too. */
export const ECONOMICS_TABLES = {
  exported: {
    economicsSettings: exportedTable({
      table: 'economics_settings',
      orderBy: ['org_id'],
      file: z
        .array(
          z.object({
            org_id: id,
            // Rates 0–1 as the API takes them, in parts per million.
            pool_rate_ppm: int.min(0).max(1_000_000),
            reserve_rate_ppm: int.min(0).max(1_000_000),
            fulfillment: z.enum(FULFILLMENT_MODES),
            reserve_right_id: idOrNull.default(null),
            // Files written before the budgeted-bonus mode existed carry none: the profit share.
            pool_mode: z.enum(POOL_MODES).default('profit_share'),
            updated_at: int,
            updated_by: idOrNull,
          }),
        )
        .default([]),
    }),
    economicPeriods: exportedTable({
      table: 'economic_periods',
      orderBy: ['period'],
      file: z
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
            closed_at: intOrNull,
            closed_by: idOrNull,
            inputs_locked_at: intOrNull.default(null),
            inputs_locked_by: idOrNull.default(null),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    ledgerLines: exportedTable({
      table: 'ledger_lines',
      orderBy: ['period', 'created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            period,
            team_id: idOrNull,
            kind: z.enum(LEDGER_KINDS),
            amount_minor: intOf(ZLedgerInput.shape.amountMinor),
            note: upTo(ZLedgerInput.shape.note),
            client_id: idOrNull,
            promise_id: idOrNull,
            created_at: int,
            created_by: idOrNull,
          }),
        )
        .default([]),
    }),
    periodMembers: exportedTable({
      table: 'period_members',
      orderBy: ['period', 'team_id', 'user_id'],
      importRows: (rows, people) =>
        // Hours and points of someone who has left go with them; closed months keep their figures frozen.
        rows.flatMap((m) =>
          people.has(m.user_id) ? [{ ...m, user_id: people.user(m.user_id), recorded_by: people.keep(m.recorded_by) }] : [],
        ),
      file: z
        .array(
          z.object({
            org_id: id,
            period,
            team_id: id,
            user_id: id,
            hours_centi: int.min(0).max(HOURS_CENTI_MAX),
            salary_minor: intOf(ZMemberInput.shape.salaryMinor.unwrap()),
            recorded_by: idOrNull.default(null),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    internalTrades: exportedTable({
      table: 'internal_trades',
      orderBy: ['period', 'created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            period,
            seller_team_id: id,
            buyer_team_id: id,
            amount_minor: intOf(ZTradeInput.shape.amountMinor),
            promise_id: idOrNull,
            note: upTo(ZTradeInput.shape.note),
            status: z.enum(['proposed', 'confirmed', 'declined']),
            entered_by_team_id: id,
            created_by: idOrNull,
            created_at: int,
            answered_by: idOrNull,
            answered_at: intOrNull,
            // Empty unless declined.
            decline_reason: upTo(ZDeclineTrade.shape.reason),
          }),
        )
        .default([]),
    }),
    splitRules: exportedTable({
      table: 'split_rules',
      orderBy: ['team_id'],
      file: z
        .array(
          z.object({
            org_id: id,
            team_id: id,
            rule: z.enum(SPLIT_RULES),
            weights: jsonOf(ZSplitRuleInput.shape.weights).nullable(),
            updated_at: int,
            updated_by: idOrNull,
          }),
        )
        .default([]),
    }),
    peerPoints: exportedTable({
      table: 'peer_points',
      orderBy: ['period', 'team_id', 'giver_id', 'receiver_id'],
      importRows: (rows, people) =>
        rows.flatMap((p) =>
          people.has(p.giver_id) && people.has(p.receiver_id)
            ? [{ ...p, giver_id: people.user(p.giver_id), receiver_id: people.user(p.receiver_id) }]
            : [],
        ),
      file: z
        .array(
          z.object({
            org_id: id,
            period,
            team_id: id,
            giver_id: id,
            receiver_id: id,
            points: intOf(ZPeerPointsInput.shape.points.valueType),
            updated_at: int,
          }),
        )
        .default([]),
    }),
    teamBudgets: exportedTable({
      table: 'team_budgets',
      since: 3,
      orderBy: ['period', 'team_id'],
      file: z
        .array(
          z.object({
            org_id: id,
            period,
            team_id: id,
            budget_minor: intOf(ZTeamBudgetInput.shape.budgetMinor),
            bonus_fund_minor: intOf(ZTeamBudgetInput.shape.bonusFundMinor),
            created_at: int,
            updated_at: int,
            updated_by: idOrNull,
          }),
        )
        .default([]),
    }),
    reserveAllocations: exportedTable({
      table: 'reserve_allocations',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            // By hand (at most 10^13) or funding a participatory project (its cost, up to 2^53 − 1): the wider.
            amount_minor: int.min(1).max(Number.MAX_SAFE_INTEGER),
            purpose: textOf(ZAllocationInput.shape.purpose),
            created_at: int,
            created_by: idOrNull,
            decision_id: idOrNull.default(null),
          }),
        )
        .default([]),
    }),
    reserveRequests: exportedTable({
      table: 'reserve_requests',
      since: 3,
      orderBy: ['created_at', 'decision_id'],
      file: z
        .array(
          z.object({
            org_id: id,
            decision_id: id,
            team_id: id,
            funding_option: intOf(ZReserveRequestInput.shape.fundingOption),
            purpose: textOf(ZReserveRequestInput.shape.purpose),
            created_at: int,
            created_by: idOrNull,
          }),
        )
        .default([]),
    }),
    teamTimeReserves: exportedTable({
      table: 'team_time_reserves',
      since: 3,
      orderBy: ['team_id'],
      file: z
        .array(
          z.object({
            org_id: id,
            team_id: id,
            // Percent 0–100 with 2 decimals as the API takes it, in basis points.
            share_bp: int.min(0).max(10_000),
            updated_at: int,
            updated_by: idOrNull,
          }),
        )
        .default([]),
    }),
  },
} as const satisfies ModuleTables;
