import { z } from 'zod';
import { ZName } from '../common.schema.js';
import {
  PROMISE_KINDS,
  PROMISE_STATUSES,
  REDRESS_KINDS,
  ZCreatePromise,
  ZCreateVersion,
  ZEventInput,
  ZMetric,
  ZPublishPromise,
  ZRedress,
  ZVoidEvent,
  ZWindow,
} from '../promises/promise.schema.js';
import { REQUEST_STATUSES, ZCreateRequest, ZDeclineRequest } from '../promises/request.schema.js';
import { derived, derivedn, id, idn, intOf, jsonOf, numberOf, t, textOf, tn, upTo } from './transfer.columns.js';

/**
 * Promises (M4) in the export file: promises, their versions, events, redress and the requests teams
 * make of each other; rows as stored, with the API's limits. `promiseRequests` is new in version 2 of
 * the format: files of version 1 have none and import without requests.
 */
export const PROMISES_EXPORT = {
  promises: z
    .array(
      z.object({
        id,
        org_id: id,
        kind: z.enum(PROMISE_KINDS),
        title: textOf(ZName),
        promiser_team_id: id,
        promisee_segment_id: idn,
        promisee_team_id: idn,
        supports_promise_id: idn,
        pain_ids: jsonOf(ZCreatePromise.shape.painIds),
        required_capability_ids: jsonOf(ZCreatePromise.shape.requiredCapabilityIds),
        required_right_ids: jsonOf(ZCreatePromise.shape.requiredRightIds),
        status: z.enum(PROMISE_STATUSES),
        current_version: t.min(1),
        fine_bucket_ms: t.min(1000).max(60_000),
        unbacked: jsonOf(z.object({ capabilities: z.array(z.unknown()), rights: z.array(z.unknown()), since: z.number() })).nullable(),
        // Backing waivers are newer than the format's first files: absent means none.
        backing_waiver_reason: textOf(ZPublishPromise.shape.backingWaiver.unwrap().shape.reason).nullable().default(null),
        backing_waived_by: derivedn.default(null),
        backing_waived_at: tn.default(null),
        created_by: derived,
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
        id,
        org_id: id,
        promise_id: id,
        version: t.min(1),
        statement: textOf(ZCreatePromise.shape.statement),
        metric: jsonOf(ZMetric),
        target: numberOf(ZCreatePromise.shape.target),
        time_window: jsonOf(ZWindow),
        promiser_team_id: id,
        redress: jsonOf(ZRedress).nullable(),
        // Empty for the first version.
        reason: upTo(ZCreateVersion.shape.reason),
        effective_from: t,
        created_by: derived,
        created_at: t,
      }),
    )
    .default([]),
  promiseEvents: z
    .array(
      z.object({
        promise_id: id,
        external_id: textOf(ZEventInput.shape.externalId),
        org_id: id,
        occurred_at: t,
        good: z.union([z.literal(0), z.literal(1)]),
        value: numberOf(ZEventInput.shape.value).nullable(),
        client_id: idn,
        version: t.min(1),
        ingested_at: t,
        voided_at: tn.default(null),
        void_reason: textOf(ZVoidEvent.shape.reason).nullable().default(null),
        voided_by: derivedn.default(null),
      }),
    )
    .default([]),
  redressItems: z
    .array(
      z.object({
        id,
        org_id: id,
        promise_id: id,
        version: t.min(1),
        client_id: id,
        event_external_id: textOf(ZEventInput.shape.externalId),
        kind: z.enum(REDRESS_KINDS),
        amount: intOf(ZRedress.shape.amount).nullable(),
        text: textOf(ZRedress.shape.text),
        owed_at: t,
        given_at: tn,
        given_by: derivedn,
        // As POST …/redress/{id}/give takes it (promise.routes.ts): at most 2,000 characters, like the redress text.
        note: upTo(ZRedress.shape.text),
      }),
    )
    .default([]),
  promiseRequests: z
    .array(
      z.object({
        id,
        org_id: id,
        from_team_id: id,
        to_team_id: id,
        title: textOf(ZCreateRequest.shape.title),
        statement: textOf(ZCreateRequest.shape.statement),
        supports_promise_id: idn,
        status: z.enum(REQUEST_STATUSES),
        // Empty until declined; then the reason, as POST …/promise-requests/{id}/decline takes it.
        answer: upTo(ZDeclineRequest.shape.reason),
        // The internal promise made when the request was accepted.
        promise_id: idn,
        // A name (or a token's label), as for promises: no account to re-point.
        created_by: derived,
        created_at: t,
        answered_at: tn,
      }),
    )
    .default([]),
};
