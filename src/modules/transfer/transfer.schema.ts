import { z } from 'zod';
import { ZMetric, ZRedress, ZWindow } from '../promises/promise.schema.js';
import { jsonOf, s, sn, t, tn } from './transfer.columns.js';
import { ECONOMICS_EXPORT } from './transfer.economics.schema.js';
import { VOICE_EXPORT } from './transfer.voice.schema.js';

/** The versioned export format of one whole organization: database rows, as stored. */
export const EXPORT_FORMAT = 'clientocracy.organization';
export const EXPORT_VERSION = 1;

const jsonIds = jsonOf(z.array(z.string()));

export const ZExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: t,
  organization: z.object({
    id: s,
    slug: s,
    name: s,
    kind: z.enum(['business', 'government']),
    locale: z.enum(['ru', 'en']),
    currency: s,
    time_zone: s,
    created_at: t,
    updated_at: t,
  }),
  users: z.array(z.object({ id: s, email: s, name: s, password_hash: s, locale: sn, created_at: t, updated_at: t })),
  memberships: z.array(
    z.object({ id: s, org_id: s, user_id: s, role: z.enum(['admin', 'council', 'member', 'viewer']), created_at: t, updated_at: t }),
  ),
  teams: z.array(
    z.object({ id: s, org_id: s, name: s, kind: z.enum(['autonomous', 'council']), purpose: s, created_at: t, updated_at: t }),
  ),
  teamMembers: z.array(z.object({ id: s, org_id: s, team_id: s, user_id: s, created_at: t })),
  clients: z.array(
    z.object({
      id: s,
      org_id: s,
      name: s,
      email: sn,
      external_id: sn,
      // Files written before client voice have neither: as the migration fills them in.
      email_confirmed_at: tn.default(null),
      origin: z.enum(['staff', 'self']).default('staff'),
      created_at: t,
      updated_at: t,
    }),
  ),
  clientInvitations: z.array(
    z.object({
      id: s,
      org_id: s,
      client_id: s,
      token_hash: s,
      // Files written before client voice have neither: as the migration fills them in.
      purpose: z.enum(['invite', 'confirm', 'sign_in']).default('invite'),
      sent_to: sn.default(null),
      created_by: sn,
      created_at: t,
      expires_at: t,
      used_at: tn,
      revoked_at: tn,
    }),
  ),
  apiTokens: z.array(
    z.object({
      id: s,
      org_id: s,
      name: s,
      prefix: s,
      token_hash: s,
      scopes: s,
      created_by: sn,
      created_at: t,
      last_used_at: tn,
      revoked_at: tn,
    }),
  ),
  segments: z
    .array(
      z.object({
        id: s,
        org_id: s,
        name: s,
        description: s,
        size_estimate: tn,
        kind: z.enum(['customer', 'citizen', 'partner']),
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  needs: z
    .array(
      z.object({
        id: s,
        org_id: s,
        segment_id: s,
        job_kind: z.enum(['functional', 'social', 'emotional']),
        text: s,
        importance: t,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  pains: z
    .array(
      z.object({
        id: s,
        org_id: s,
        segment_id: s,
        text: s,
        severity: t,
        frequency: t,
        context_where: s,
        context_when: s,
        context_who: s,
        context_channel: s,
        status: z.enum(['open', 'answered', 'retired']),
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  gains: z.array(z.object({ id: s, org_id: s, segment_id: s, text: s, relevance: t, created_at: t, updated_at: t })).default([]),
  evidence: z
    .array(
      z.object({
        id: s,
        org_id: s,
        subject_type: z.enum(['need', 'pain', 'gain']),
        subject_id: s,
        kind: z.enum(['interview', 'observation', 'feedback', 'metric', 'document']),
        text: s,
        source: s,
        observed_on: s,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  valueItems: z
    .array(
      z.object({
        id: s,
        org_id: s,
        segment_id: s,
        kind: z.enum(['product', 'reliever', 'creator']),
        name: s,
        description: s,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  valueLinks: z
    .array(z.object({ id: s, org_id: s, item_id: s, target_type: z.enum(['pain', 'gain']), target_id: s, created_at: t }))
    .default([]),
  canvases: z
    .array(z.object({ id: s, org_id: s, segment_id: s, name: s, current_label: s, target_label: s, created_at: t, updated_at: t }))
    .default([]),
  canvasFactors: z
    .array(
      z.object({
        id: s,
        org_id: s,
        canvas_id: s,
        position: t,
        name: s,
        current_level: t,
        target_level: t,
        // Files written before factors could be bound to promises have none.
        promise_id: sn.default(null),
        created_at: t,
      }),
    )
    .default([]),
  canvasCompetitors: z.array(z.object({ id: s, org_id: s, canvas_id: s, position: t, name: s, created_at: t })).default([]),
  canvasLevels: z.array(z.object({ org_id: s, canvas_id: s, factor_id: s, competitor_id: s, level: t })).default([]),
  roles: z
    .array(z.object({ id: s, org_id: s, team_id: s, name: s, purpose: s, accountabilities: s, created_at: t, updated_at: t }))
    .default([]),
  roleMembers: z.array(z.object({ id: s, org_id: s, role_id: s, user_id: s, created_at: t })).default([]),
  capabilities: z
    .array(
      z.object({
        id: s,
        org_id: s,
        team_id: s,
        name: s,
        description: s,
        capacity_value: z.number().nullable(),
        capacity_unit: s,
        evidence: s,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  decisionRights: z.array(z.object({ id: s, org_id: s, name: s, description: s, created_at: t, updated_at: t })).default([]),
  grants: z
    .array(
      z.object({
        id: s,
        org_id: s,
        right_id: s,
        holder_type: z.enum(['team', 'role']),
        holder_id: s,
        parent_id: sn,
        granted_by: z.enum(['organization', 'council', 'delegation']),
        spending_cap: tn,
        scope: sn,
        created_at: t,
        updated_at: t,
        revoked_at: tn,
      }),
    )
    .default([]),
  grantEvents: z
    .array(
      z.object({
        id: s,
        org_id: s,
        grant_id: s,
        kind: z.enum(['granted', 'narrowed', 'revoked']),
        actor_type: z.enum(['user', 'token', 'client', 'system']),
        actor_id: sn,
        actor_label: s,
        reason: s,
        spending_cap: tn,
        scope: sn,
        at: t,
      }),
    )
    .default([]),
  agreements: z
    .array(
      z.object({
        id: s,
        org_id: s,
        team_id: s,
        owner_type: z.enum(['team', 'role']),
        owner_id: s,
        title: s,
        driver: s,
        body: s,
        criteria: s,
        review_date: s,
        status: z.enum(['active', 'under_review', 'retired']),
        created_by: s,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  decisions: z
    .array(
      z.object({
        id: s,
        org_id: s,
        team_id: s,
        right_id: s,
        title: s,
        context: s,
        options: s.refine((v) => {
          try {
            const parsed: unknown = JSON.parse(v);
            return Array.isArray(parsed) && parsed.every((o) => typeof o?.title === 'string' && typeof o?.description === 'string');
          } catch {
            return false;
          }
        }, 'must be a JSON list of {title, description}'),
        amount: tn,
        advice_deadline: sn,
        review_date: sn,
        chosen_option: tn,
        rationale: s,
        // Files written before client polls have none.
        client_rationale: sn.default(null),
        decided_at: tn,
        decided_by: sn,
        decided_by_label: sn,
        retired_at: tn,
        created_by: s,
        created_by_id: sn,
        created_at: t,
        updated_at: t,
      }),
    )
    .default([]),
  adviceRequests: z
    .array(
      z.object({
        id: s,
        org_id: s,
        decision_id: s,
        adviser_type: z.enum(['user', 'team']),
        adviser_id: s,
        requested_at: t,
        answered_at: tn,
        answered_by: sn,
        answered_by_label: sn,
        advice: s,
        preferred_option: tn,
      }),
    )
    .default([]),
  reviews: z
    .array(
      z.object({
        id: s,
        org_id: s,
        subject_type: z.enum(['agreement', 'decision']),
        subject_id: s,
        outcome: z.enum(['keep', 'amend', 'retire']),
        note: s,
        reviewed_date: s,
        next_review_date: sn,
        actor_type: z.enum(['user', 'token', 'client', 'system']),
        actor_id: sn,
        actor_label: s,
        created_at: t,
      }),
    )
    .default([]),
  promises: z
    .array(
      z.object({
        id: s,
        org_id: s,
        kind: z.enum(['client', 'internal']),
        title: s,
        promiser_team_id: s,
        promisee_segment_id: sn,
        promisee_team_id: sn,
        supports_promise_id: sn,
        pain_ids: jsonIds,
        required_capability_ids: jsonIds,
        required_right_ids: jsonIds,
        status: z.enum(['draft', 'published', 'retired']),
        current_version: t,
        fine_bucket_ms: t.min(1000).max(60_000),
        unbacked: jsonOf(z.object({ capabilities: z.array(z.unknown()), rights: z.array(z.unknown()), since: z.number() })).nullable(),
        created_by: s,
        created_at: t,
        updated_at: t,
        published_at: tn,
        retired_at: tn,
      }),
    )
    .default([]),
  promiseVersions: z
    .array(
      z.object({
        id: s,
        org_id: s,
        promise_id: s,
        version: t,
        statement: s,
        metric: jsonOf(ZMetric),
        target: z.number().gt(0).lt(1),
        time_window: jsonOf(ZWindow),
        promiser_team_id: s,
        redress: jsonOf(ZRedress).nullable(),
        reason: s,
        effective_from: t,
        created_by: s,
        created_at: t,
      }),
    )
    .default([]),
  promiseEvents: z
    .array(
      z.object({
        promise_id: s,
        external_id: s,
        org_id: s,
        occurred_at: t,
        good: z.union([z.literal(0), z.literal(1)]),
        value: z.number().nullable(),
        client_id: sn,
        version: t,
        ingested_at: t,
      }),
    )
    .default([]),
  redressItems: z
    .array(
      z.object({
        id: s,
        org_id: s,
        promise_id: s,
        version: t,
        client_id: s,
        event_external_id: s,
        kind: z.enum(['apology', 'correction', 'compensation']),
        amount: tn,
        text: s,
        owed_at: t,
        given_at: tn,
        given_by: sn,
        note: s,
      }),
    )
    .default([]),
  ...ECONOMICS_EXPORT,
  ...VOICE_EXPORT,
  audit: z.array(
    z.object({
      id: s,
      org_id: s,
      at: t,
      actor_type: z.enum(['user', 'token', 'client', 'system']),
      actor_id: sn,
      actor_label: s,
      action: s,
      entity_type: s,
      entity_id: s,
      before_json: sn,
      after_json: sn,
    }),
  ),
});
export type TExportFile = z.output<typeof ZExportFile>;
