import { z } from 'zod';
import { jsonOf, s, sn, t, tn } from './transfer.columns.js';

/** Team economics (M6) in the export file: rows as stored; the closed months' frozen figures travel too. */
export const ECONOMICS_EXPORT = {
  economicsSettings: z
    .array(
      z.object({
        org_id: s,
        pool_rate_ppm: t.min(0).max(1_000_000),
        reserve_rate_ppm: t.min(0).max(1_000_000),
        fulfillment: z.enum(['off', 'share_kept', 'proportional']),
        updated_at: t,
        updated_by: sn,
      }),
    )
    .default([]),
  economicPeriods: z
    .array(
      z.object({
        org_id: s,
        period: s.regex(/^\d{4}-(0[1-9]|1[0-2])$/),
        status: z.enum(['open', 'closed']),
        overhead_rule: z.enum(['per_capita', 'hours', 'revenue', 'fixed']),
        overhead_basis_points: jsonOf(z.record(z.string(), z.number().int())).nullable(),
        snapshot: jsonOf(
          z.object({ overheadTotalMinor: z.number().int(), teams: z.array(z.object({ teamId: z.string() }).passthrough()) }),
        ).nullable(),
        closed_at: tn,
        closed_by: sn,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  ledgerLines: z
    .array(
      z.object({
        id: s,
        org_id: s,
        period: s,
        team_id: sn,
        kind: z.enum(['revenue', 'expense', 'labour', 'overhead']),
        amount_minor: t,
        note: s,
        client_id: sn,
        promise_id: sn,
        created_at: t,
        created_by: sn,
      }),
    )
    .default([]),
  periodMembers: z
    .array(
      z.object({
        org_id: s,
        period: s,
        team_id: s,
        user_id: s,
        hours_centi: t.min(0),
        salary_minor: t.min(0),
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  internalTrades: z
    .array(
      z.object({
        id: s,
        org_id: s,
        period: s,
        seller_team_id: s,
        buyer_team_id: s,
        amount_minor: t,
        promise_id: sn,
        note: s,
        status: z.enum(['proposed', 'confirmed', 'declined']),
        entered_by_team_id: s,
        created_by: sn,
        created_at: t,
        answered_by: sn,
        answered_at: tn,
        decline_reason: s,
      }),
    )
    .default([]),
  splitRules: z
    .array(
      z.object({
        org_id: s,
        team_id: s,
        rule: z.enum(['equal', 'hours', 'salary', 'peer', 'mix']),
        weights: jsonOf(z.record(z.string(), z.number())).nullable(),
        updated_at: t,
        updated_by: sn,
      }),
    )
    .default([]),
  peerPoints: z
    .array(
      z.object({
        org_id: s,
        period: s,
        team_id: s,
        giver_id: s,
        receiver_id: s,
        points: t.min(0).max(100),
        updated_at: t,
      }),
    )
    .default([]),
  reserveAllocations: z.array(z.object({ id: s, org_id: s, amount_minor: t, purpose: s, created_at: t, created_by: sn })).default([]),
};
