import { z } from 'zod';
import { ZDate, ZName } from '../common.schema.js';
import { AGREEMENT_STATUSES, OWNER_TYPES, REVIEW_OUTCOMES, ZCreateAgreement, ZCreateReview } from '../governance/agreement.schema.js';
import { ADVISER_TYPES, ZCreateDecision, ZDecide, ZGiveAdvice } from '../governance/decision.schema.js';
import {
  GRANTED_BY,
  HOLDER_TYPES,
  ZCapacity,
  ZCreateCapability,
  ZCreateGrant,
  ZCreateRight,
  ZCreateRole,
  ZLimits,
} from '../governance/governance.schema.js';
import { derived, derivedn, id, idn, intOf, jsonOf, numberOf, t, textOf, tn, upTo } from './transfer.columns.js';

const actorType = z.enum(['user', 'token', 'client', 'system']);
const spendingCap = intOf(ZLimits.shape.spendingCap).nullable();
const scope = upTo(ZLimits.shape.scope).nullable();

/** Teams' authority (M5) in the export file: roles, rights and grants, agreements, decisions; rows as stored, with the API's limits. */
export const GOVERNANCE_EXPORT = {
  roles: z
    .array(
      z.object({
        id,
        org_id: id,
        team_id: id,
        name: textOf(ZName),
        purpose: upTo(ZCreateRole.shape.purpose),
        accountabilities: jsonOf(ZCreateRole.shape.accountabilities),
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  roleMembers: z.array(z.object({ id, org_id: id, role_id: id, user_id: id, created_at: t })).default([]),
  capabilities: z
    .array(
      z.object({
        id,
        org_id: id,
        team_id: id,
        name: textOf(ZName),
        description: upTo(ZCreateCapability.shape.description),
        capacity_value: numberOf(ZCapacity.shape.value).nullable(),
        capacity_unit: upTo(ZCapacity.shape.unit),
        evidence: upTo(ZCreateCapability.shape.evidence),
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  decisionRights: z
    .array(
      z.object({ id, org_id: id, name: textOf(ZName), description: upTo(ZCreateRight.shape.description), created_at: t, updated_at: t }),
    )
    .default([]),
  grants: z
    .array(
      z.object({
        id,
        org_id: id,
        right_id: id,
        holder_type: z.enum(HOLDER_TYPES),
        holder_id: id,
        parent_id: idn,
        granted_by: z.enum(GRANTED_BY),
        spending_cap: spendingCap,
        scope,
        created_at: t,
        updated_at: t,
        revoked_at: tn,
      }),
    )
    .default([]),
  grantEvents: z
    .array(
      z.object({
        id,
        org_id: id,
        grant_id: id,
        kind: z.enum(['granted', 'narrowed', 'revoked']),
        actor_type: actorType,
        actor_id: idn,
        actor_label: derived,
        reason: upTo(ZCreateGrant.shape.reason),
        spending_cap: spendingCap,
        scope,
        at: t,
      }),
    )
    .default([]),
  agreements: z
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
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  decisions: z
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
        decided_at: tn,
        decided_by: idn,
        decided_by_label: derivedn,
        retired_at: tn,
        created_by: derived,
        created_by_id: idn,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  adviceRequests: z
    .array(
      z.object({
        id,
        org_id: id,
        decision_id: id,
        adviser_type: z.enum(ADVISER_TYPES),
        adviser_id: id,
        requested_at: t,
        answered_at: tn,
        answered_by: idn,
        answered_by_label: derivedn,
        // Empty until answered.
        advice: upTo(ZGiveAdvice.shape.advice),
        preferred_option: intOf(ZGiveAdvice.shape.preferredOption).nullable(),
      }),
    )
    .default([]),
  reviews: z
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
        actor_id: idn,
        actor_label: derived,
        created_at: t,
      }),
    )
    .default([]),
};
