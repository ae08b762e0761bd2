import { z } from 'zod';
import { ZDate, ZName } from '../common.schema.js';
import {
  derived,
  derivedOrNull,
  id,
  idOrNull,
  int,
  intOf,
  intOrNull,
  jsonOf,
  numberOf,
  parentsFirst,
  textOf,
  upTo,
} from '../export-columns.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { OVERRIDE_ACTIONS, ZOverride } from '../teams/override.schema.js';
import { AGREEMENT_STATUSES, OWNER_TYPES, REVIEW_OUTCOMES, ZCreateAgreement, ZCreateReview } from './agreement.schema.js';
import { ADVISER_TYPES, ZCreateDecision, ZDecide, ZGiveAdvice } from './decision.schema.js';
import {
  CAPACITY_PERS,
  GRANTED_BY,
  HOLDER_TYPES,
  ZCapacity,
  ZCreateCapability,
  ZCreateGrant,
  ZCreateRight,
  ZCreateRole,
  ZLimits,
} from './governance.schema.js';

const actorType = z.enum(['user', 'token', 'client', 'system']);
const spendingCap = intOf(ZLimits.shape.spendingCap).nullable();
const scope = upTo(ZLimits.shape.scope).nullable();

/** Teams' authority in the export file: roles, rights and grants, agreements, decisions; rows as stored, with the API's limits. */
export const GOVERNANCE_TABLES = {
  exported: {
    roles: exportedTable({
      table: 'roles',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            team_id: id,
            name: textOf(ZName),
            purpose: upTo(ZCreateRole.shape.purpose),
            accountabilities: jsonOf(ZCreateRole.shape.accountabilities),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    roleMembers: exportedTable({
      table: 'role_members',
      orderBy: ['created_at', 'id'],
      importRows: (rows, people) => rows.map((m) => ({ ...m, user_id: people.user(m.user_id) })),
      file: z.array(z.object({ id, org_id: id, role_id: id, user_id: id, created_at: int })).default([]),
    }),
    capabilities: exportedTable({
      table: 'capabilities',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            team_id: id,
            name: textOf(ZName),
            description: upTo(ZCreateCapability.shape.description),
            capacity_value: numberOf(ZCapacity.shape.value).nullable(),
            capacity_unit: upTo(ZCapacity.shape.unit),
            // Rates per week are newer than the format's first files: absent means not a rate.
            capacity_per: z.enum(CAPACITY_PERS).nullable().default(null),
            evidence: upTo(ZCreateCapability.shape.evidence),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    decisionRights: exportedTable({
      table: 'decision_rights',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            name: textOf(ZName),
            description: upTo(ZCreateRight.shape.description),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    grants: exportedTable({
      table: 'grants',
      orderBy: ['created_at', 'id'],
      importRows: (rows) => parentsFirst(rows),
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            right_id: id,
            holder_type: z.enum(HOLDER_TYPES),
            holder_id: id,
            parent_id: idOrNull,
            granted_by: z.enum(GRANTED_BY),
            spending_cap: spendingCap,
            scope,
            created_at: int,
            updated_at: int,
            revoked_at: intOrNull,
          }),
        )
        .default([]),
    }),
    grantEvents: exportedTable({
      table: 'grant_events',
      orderBy: ['at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            grant_id: id,
            kind: z.enum(['granted', 'narrowed', 'revoked']),
            actor_type: actorType,
            actor_id: idOrNull,
            actor_label: derived,
            reason: upTo(ZCreateGrant.shape.reason),
            spending_cap: spendingCap,
            scope,
            at: int,
          }),
        )
        .default([]),
    }),
    agreements: exportedTable({
      table: 'agreements',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            team_id: id,
            owner_type: z.enum(OWNER_TYPES),
            owner_id: id,
            title: textOf(ZName),
            driver: textOf(ZCreateAgreement.shape.driver),
            body: textOf(ZCreateAgreement.shape.text),
            criteria: upTo(ZCreateAgreement.shape.criteria),
            review_date: textOf(ZCreateAgreement.shape.reviewDate),
            status: z.enum(AGREEMENT_STATUSES),
            created_by: derived,
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    decisions: exportedTable({
      table: 'decisions',
      orderBy: ['created_at', 'id'],
      importRows: (rows, people) =>
        rows.map((d) => ({ ...d, decided_by: people.person(d.decided_by), created_by_id: people.person(d.created_by_id) })),
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            team_id: id,
            right_id: id,
            title: textOf(ZName),
            context: upTo(ZCreateDecision.shape.context),
            options: jsonOf(ZCreateDecision.shape.options),
            amount: intOf(ZCreateDecision.shape.amount).nullable(),
            advice_deadline: textOf(ZCreateDecision.shape.adviceDeadline).nullable(),
            review_date: textOf(ZCreateDecision.shape.reviewDate).nullable(),
            chosen_option: intOf(ZDecide.shape.chosenOption).nullable(),
            // Empty until the decision is taken.
            rationale: upTo(ZDecide.shape.rationale),
            // Files written before client polls have none.
            client_rationale: upTo(ZDecide.shape.clientRationale).nullable().default(null),
            // Files written before clients' influence bound decisions have none of these.
            touches_segment_ids: jsonOf(ZCreateDecision.shape.touchesSegmentIds).default('[]'),
            advice_segment_ids: jsonOf(ZCreateDecision.shape.adviceFromSegmentIds).default('[]'),
            clients_not_asked_reason: upTo(ZDecide.shape.clientsNotAskedReason).nullable().default(null),
            decided_at: intOrNull,
            decided_by: idOrNull,
            decided_by_label: derivedOrNull,
            retired_at: intOrNull,
            created_by: derived,
            created_by_id: idOrNull,
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    adviceRequests: exportedTable({
      table: 'advice_requests',
      orderBy: ['requested_at', 'id'],
      importRows: (rows, people) =>
        rows.map((r) => ({
          ...r,
          // An adviser who has left keeps their id: the request and its answer stay on record.
          adviser_id: r.adviser_type === 'user' ? (people.keep(r.adviser_id) ?? r.adviser_id) : r.adviser_id,
          answered_by: people.person(r.answered_by),
        })),
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            decision_id: id,
            adviser_type: z.enum(ADVISER_TYPES),
            adviser_id: id,
            requested_at: int,
            answered_at: intOrNull,
            answered_by: idOrNull,
            answered_by_label: derivedOrNull,
            // Empty until answered.
            advice: upTo(ZGiveAdvice.shape.advice),
            preferred_option: intOf(ZGiveAdvice.shape.preferredOption).nullable(),
          }),
        )
        .default([]),
    }),
    decisionClientAdvice: exportedTable({
      table: 'decision_client_advice',
      orderBy: ['created_at', 'id'],
      since: 3,
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            decision_id: id,
            client_id: id,
            advice: textOf(ZGiveAdvice.shape.advice),
            preferred_option: intOf(ZGiveAdvice.shape.preferredOption).nullable(),
            created_at: int,
            updated_at: int,
          }),
        )
        .default([]),
    }),
    reviews: exportedTable({
      table: 'reviews',
      orderBy: ['created_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            subject_type: z.enum(['agreement', 'decision']),
            subject_id: id,
            outcome: z.enum(REVIEW_OUTCOMES),
            note: upTo(ZCreateReview.shape.note),
            reviewed_date: textOf(ZDate),
            next_review_date: textOf(ZCreateReview.shape.nextReviewDate).nullable(),
            actor_type: actorType,
            actor_id: idOrNull,
            actor_label: derived,
            created_at: int,
          }),
        )
        .default([]),
    }),
    overrides: exportedTable({
      table: 'overrides',
      since: 3,
      orderBy: ['created_at', 'id'],
      importRows: (rows, people) =>
        rows.map((o) => ({
          ...o,
          actor_id: people.person(o.actor_id),
          // A member taken off a team may have left: the record keeps their id.
          subject_id: o.subject_type === 'user' ? (people.keep(o.subject_id) ?? o.subject_id) : o.subject_id,
        })),
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            team_id: id,
            action: z.enum(OVERRIDE_ACTIONS),
            subject_type: z.enum(['decision', 'role', 'capability', 'agreement', 'user', 'team']),
            subject_id: id,
            reason: textOf(ZOverride.shape.reason),
            actor_type: actorType,
            actor_id: idOrNull,
            actor_label: derived,
            created_at: int,
          }),
        )
        .default([]),
    }),
  },
  excluded: {
    // Like the outbox (mail.transfer.ts): which clients this server e-mailed about a decision asking their advice.
    decision_advice_mails: "this server's record of the e-mails it sent to clients asked for advice, like the outbox",
  },
} as const satisfies ModuleTables;
