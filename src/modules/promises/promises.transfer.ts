import { z } from 'zod';
import { ZName } from '../common.schema.js';
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
import { rebuildCounters } from './ingest.service.js';
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
} from './promise.schema.js';
import { REQUEST_STATUSES, ZCreateRequest, ZDeclineRequest } from './request.schema.js';

/** Promises ordered so that a supported promise comes before the promises supporting it. */
function supportedFirst<T extends { id: string; supports_promise_id: string | null }>(rows: T[]): T[] {
  return parentsFirst(rows.map((r) => ({ ...r, parent_id: r.supports_promise_id }))).map(({ parent_id: _p, ...r }) => r as unknown as T);
}

/** Promises in the export file: promises, their versions, events, redress and the requests teams make of each other; rows as stored, with the API's limits. `promiseRequests` is new in version 2 of the format: files of version 1 have none and import without requests. The counters are not exported: they are rebuilt from the events on import. */
export const PROMISES_TABLES = {
  exported: {
    promises: exportedTable({
      table: 'promises',
      orderBy: ['created_at', 'id'],
      importRows: (rows) => supportedFirst(rows),
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            kind: z.enum(PROMISE_KINDS),
            title: textOf(ZName),
            // Null: an intention with no team yet (newer than the format's first files).
            promiser_team_id: idOrNull,
            promisee_segment_id: idOrNull,
            promisee_team_id: idOrNull,
            supports_promise_id: idOrNull,
            pain_ids: jsonOf(ZCreatePromise.shape.painIds),
            required_capability_ids: jsonOf(ZCreatePromise.shape.requiredCapabilityIds),
            required_right_ids: jsonOf(ZCreatePromise.shape.requiredRightIds),
            status: z.enum(PROMISE_STATUSES),
            current_version: int.min(1),
            fine_bucket_ms: int.min(1000).max(60_000),
            unbacked: jsonOf(z.object({ capabilities: z.array(z.unknown()), rights: z.array(z.unknown()), since: z.number() })).nullable(),
            // Backing waivers are newer than the format's first files: absent means none.
            backing_waiver_reason: textOf(ZPublishPromise.shape.backingWaiver.unwrap().shape.reason).nullable().default(null),
            backing_waived_by: derivedOrNull.default(null),
            backing_waived_at: intOrNull.default(null),
            // Capacity is newer than the format's first files: absent means no forecast, no flag (the evaluator sets it again).
            demand_forecast_per_week: intOf(ZCreatePromise.shape.demandForecastPerWeek).nullable().default(null),
            // Stored as the evaluator wrote it (`since` in epoch ms, not the API's ISO instant).
            over_capacity: jsonOf(z.object({ since: z.number(), capabilities: z.array(z.unknown()) }))
              .nullable()
              .default(null),
            // Acts for the team by people not in it, with their reasons; absent in older files: none.
            overrides: jsonOf(
              z
                .array(z.object({ action: z.string().max(100), reason: z.string().max(2000), by: z.string().max(500), at: z.number() }))
                .max(10_000),
            ).default('[]'),
            created_by: derived,
            created_at: int,
            updated_at: int,
            published_at: intOrNull,
            retired_at: intOrNull,
          }),
        )
        .default([]),
    }),
    promiseVersions: exportedTable({
      table: 'promise_versions',
      orderBy: ['promise_id', 'version'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            promise_id: id,
            version: int.min(1),
            statement: textOf(ZCreatePromise.shape.statement),
            metric: jsonOf(ZMetric),
            target: numberOf(ZCreatePromise.shape.target),
            time_window: jsonOf(ZWindow),
            promiser_team_id: idOrNull,
            redress: jsonOf(ZRedress).nullable(),
            // Empty for the first version.
            reason: upTo(ZCreateVersion.shape.reason),
            effective_from: int,
            created_by: derived,
            created_at: int,
          }),
        )
        .default([]),
    }),
    promiseEvents: exportedTable({
      table: 'promise_events',
      orderBy: ['promise_id', 'occurred_at', 'external_id'],
      file: z
        .array(
          z.object({
            promise_id: id,
            external_id: textOf(ZEventInput.shape.externalId),
            org_id: id,
            occurred_at: int,
            good: z.union([z.literal(0), z.literal(1)]),
            value: numberOf(ZEventInput.shape.value).nullable(),
            client_id: idOrNull,
            version: int.min(1),
            ingested_at: int,
            voided_at: intOrNull.default(null),
            void_reason: textOf(ZVoidEvent.shape.reason).nullable().default(null),
            voided_by: derivedOrNull.default(null),
          }),
        )
        .default([]),
    }),
    redressItems: exportedTable({
      table: 'redress_items',
      orderBy: ['owed_at', 'id'],
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            promise_id: id,
            version: int.min(1),
            client_id: id,
            event_external_id: textOf(ZEventInput.shape.externalId),
            kind: z.enum(REDRESS_KINDS),
            amount: intOf(ZRedress.shape.amount).nullable(),
            text: textOf(ZRedress.shape.text),
            owed_at: int,
            given_at: intOrNull,
            given_by: derivedOrNull,
            // As POST …/redress/{id}/give takes it (promise.routes.ts): at most 2,000 characters, like the redress text.
            note: upTo(ZRedress.shape.text),
          }),
        )
        .default([]),
    }),
    promiseRequests: exportedTable({
      table: 'promise_requests',
      orderBy: ['created_at', 'id'],
      since: 2,
      file: z
        .array(
          z.object({
            id,
            org_id: id,
            from_team_id: id,
            to_team_id: id,
            title: textOf(ZCreateRequest.shape.title),
            statement: textOf(ZCreateRequest.shape.statement),
            supports_promise_id: idOrNull,
            status: z.enum(REQUEST_STATUSES),
            // Empty until declined; then the reason, as POST …/promise-requests/{id}/decline takes it.
            answer: upTo(ZDeclineRequest.shape.reason),
            // The internal promise made when the request was accepted.
            promise_id: idOrNull,
            // A name (or a token's label), as for promises: no account to re-point.
            created_by: derived,
            created_at: int,
            answered_at: intOrNull,
          }),
        )
        .default([]),
    }),
  },
  excluded: {
    // Derived: rebuilt from promise_events on import (rebuildCounters).
    promise_counters: 'derived from promise events, rebuilt on import',
    // The event import screen's memory of the last column mapping per promise: chosen again in a click.
    event_import_mappings: 'a convenience of the event import screen (the last column mapping per promise)',
    // The evaluator's state and history on this server: it starts over from the imported events on
    // the target (README, "The CLI": a backup holds them).
    promise_evaluations: "the evaluator's latest result and its job claim on this server",
    promise_status_history: "the evaluator's history on this server",
  },
  afterImport: async (tx, orgId, file) => {
    const promises = (file.promises ?? []) as readonly { id: string; fine_bucket_ms: number }[];
    for (const promise of promises) await rebuildCounters(tx, orgId, promise.id, promise.fine_bucket_ms);
  },
} as const satisfies ModuleTables;
