import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZId, ZOrgParams, ZPage, ZPageQuery, ZTime } from '../common.schema.js';
import { exportRoute } from '../exports/export.route.js';
import { pageInMemory } from '../list.js';
import { getPromiseCapacity } from './capacity.service.js';
import { recentEvents, voidEvent } from './events.service.js';
import { ZHistoryEntry } from './history.schema.js';
import { listPromiseHistory } from './history.service.js';
import { ZImportInput, ZImportPreview, ZImportResult } from './import.schema.js';
import { importEvents, previewImport } from './import.service.js';
import { ingestEvents } from './ingest.service.js';
import {
  type TVersion,
  ZCreatePromise,
  ZCreateVersion,
  ZEventInput,
  ZIngest,
  ZIngestEnvelope,
  ZIngestResult,
  ZPromise,
  ZPromiseCapacity,
  ZPromiseQuery,
  ZPromiseStatus,
  ZPublishedPromise,
  ZPublishPromise,
  ZRetirePromise,
  ZStatusQuery,
  ZUpdatePromise,
  ZVersion,
  ZVoidEvent,
} from './promise.schema.js';
import {
  createPromise,
  createVersion,
  getPromise,
  listPromises,
  listVersions,
  publishPromise,
  retirePromise,
  updatePromise,
} from './promise.service.js';
import { promisesTable } from './promise.table.js';
import { giveRedress, listRedress } from './redress.service.js';
import { ZAcceptRequest, ZCreateRequest, ZDeclineRequest, ZRequest, ZRequestQuery } from './request.schema.js';
import { acceptRequest, createRequest, declineRequest, listRequests } from './request.service.js';
import { promiseStatus } from './status.service.js';
import { promiseTree } from './tree.service.js';

const ZEvent = z
  .object({
    externalId: z.string(),
    occurredAt: ZTime,
    good: z.boolean(),
    value: z.number().nullable(),
    clientId: z.string().nullable(),
    version: z.number().int(),
    ingestedAt: ZTime,
    voided: z
      .object({ at: ZTime, by: z.string(), reason: z.string() })
      .nullable()
      .describe('set when the event was voided: it counts for nothing'),
  })
  .meta({ id: 'PromiseEvent' });

/** The file row of each event when the body came as text/csv (the parser read them), else none. */
function csvRowsOf(req: FastifyRequest): number[] | undefined {
  if (!String(req.headers['content-type'] ?? '').startsWith('text/csv')) return undefined;
  return (req.body as { rows?: number[] }).rows;
}

const ZRedressItem = z
  .object({
    id: z.string(),
    promiseId: z.string(),
    promiseTitle: z.string(),
    version: z.number().int(),
    clientId: z.string(),
    clientName: z.string(),
    eventExternalId: z.string(),
    kind: z.enum(['apology', 'correction', 'compensation']),
    amount: z.number().nullable(),
    text: z.string(),
    owedAt: ZTime,
    givenAt: ZTime.nullable(),
    givenBy: z.string().nullable(),
    note: z.string(),
  })
  .meta({ id: 'RedressItem' });

const ZTreeStatus = z.enum(['kept', 'at_risk', 'broken', 'no_data']);
type TreeNode = {
  id: string;
  title: string;
  kind: 'client' | 'internal';
  status: z.infer<typeof ZTreeStatus>;
  effectiveStatus: z.infer<typeof ZTreeStatus>;
  atRiskBecause: { id: string; title: string; status: z.infer<typeof ZTreeStatus> }[];
  team: { id: string; name: string };
  supporting: TreeNode[];
};
const ZPromiseTree: z.ZodType<TreeNode> = z
  .lazy(() =>
    z.object({
      id: z.string(),
      title: z.string(),
      kind: z.enum(['client', 'internal']),
      status: ZTreeStatus,
      effectiveStatus: ZTreeStatus.describe('at_risk when a supporting promise below is broken or at risk'),
      atRiskBecause: z.array(z.object({ id: z.string(), title: z.string(), status: ZTreeStatus })),
      team: z.object({ id: z.string(), name: z.string() }),
      supporting: z.array(ZPromiseTree),
    }),
  )
  .meta({ id: 'PromiseTree' });

export function registerPromiseRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org';
  const read = { tag: 'promises', auth: 'org' as const, permission: 'promises:read' as const };
  const write = { tag: 'promises', auth: 'org' as const, permission: 'promises:write' as const };

  r.add({
    ...read,
    method: 'GET',
    operationId: 'listPromises',
    url: `${base}/promises`,
    summary: 'Promises, by status, kind, promiser team or segment',
    params: ZOrgParams,
    query: ZPromiseQuery,
    response: ZPage(ZPromise),
    handler: async ({ ctx, query }) => listPromises(ctx, query),
  });
  r.add(
    exportRoute({
      ...read,
      url: `${base}/promises/export`,
      operationId: 'exportPromises',
      summary: 'Every promise of the list (all pages) with its status, attainment, target and error budget left',
      params: ZOrgParams,
      filters: ZPromiseQuery.omit({ cursor: true, limit: true }).shape,
      build: (ctx, _params, query, locale) => promisesTable(ctx, query, locale),
    }),
  );
  r.add({
    ...write,
    method: 'POST',
    operationId: 'createPromise',
    url: `${base}/promises`,
    status: 201,
    summary: 'Make a promise (a draft, an intention until published); only the promiser team’s members or an admin',
    params: ZOrgParams,
    body: ZCreatePromise,
    response: ZPromise,
    handler: async ({ ctx, body }) => createPromise(ctx, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getPromise',
    url: `${base}/promises/:promiseId`,
    summary: 'One promise with the terms in force and its backing',
    params: orgParamsWith('promiseId'),
    response: ZPromise,
    handler: async ({ ctx, params }) => getPromise(ctx, params.promiseId),
  });
  r.add({
    ...write,
    method: 'PATCH',
    operationId: 'updatePromise',
    url: `${base}/promises/:promiseId`,
    summary: 'Edit a draft (a published promise changes its terms through a new version)',
    params: orgParamsWith('promiseId'),
    body: ZUpdatePromise,
    response: ZPromise,
    handler: async ({ ctx, params, body }) => updatePromise(ctx, params.promiseId, body),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'publishPromise',
    url: `${base}/promises/:promiseId/publish`,
    summary:
      'Publish a draft: refused with 422 backing_missing, naming them, unless the team holds every required capability and right and a client promise declares at least one of each — or an admin waives that minimum with a reason (backingWaiver)',
    params: orgParamsWith('promiseId'),
    body: ZPublishPromise.optional(),
    response: ZPublishedPromise,
    handler: async ({ ctx, params, body }) => publishPromise(ctx, params.promiseId, body ?? {}),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'retirePromise',
    url: `${base}/promises/:promiseId/retire`,
    summary: 'Retire a promise with a reason',
    params: orgParamsWith('promiseId'),
    body: ZRetirePromise,
    response: ZPromise,
    handler: async ({ ctx, params, body }) => retirePromise(ctx, params.promiseId, body.reason, body.override),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listPromiseVersions',
    url: `${base}/promises/:promiseId/versions`,
    summary: 'The versions of a promise’s terms, oldest first',
    params: orgParamsWith('promiseId'),
    query: ZPageQuery,
    response: ZPage(ZVersion),
    handler: async ({ ctx, params, query }) => {
      const versions: (TVersion & { id: string })[] = (await listVersions(ctx, params.promiseId)).map((v) => ({
        ...v,
        id: String(v.version),
      }));
      return pageInMemory(versions, query);
    },
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'createPromiseVersion',
    url: `${base}/promises/:promiseId/versions`,
    status: 201,
    summary: 'Change the terms of a published promise: version n+1 in force from now, with a reason',
    params: orgParamsWith('promiseId'),
    body: ZCreateVersion,
    response: ZVersion,
    handler: async ({ ctx, params, body }) => createVersion(ctx, params.promiseId, body),
  });
  r.add({
    tag: 'promises',
    auth: 'org',
    permission: 'events:write',
    method: 'POST',
    operationId: 'ingestPromiseEvents',
    url: `${base}/promises/:promiseId/events`,
    summary:
      'Send fulfillment events (JSON, or text/csv with the same columns), up to 10,000: each judged on its own — a bad event is refused with its index, path and code, the rest are accepted; idempotent by externalId (the same payload again is a duplicate, a different one a conflict)',
    params: orgParamsWith('promiseId'),
    body: ZIngestEnvelope,
    documentedBody: ZIngest,
    bodyMediaTypes: ['text/csv'],
    // 10,000 events with client ids and long external ids come to a few megabytes.
    bodyLimit: 8 * 1024 * 1024,
    response: ZIngestResult,
    handler: async ({ ctx, params, body, req }) => ingestEvents(ctx, params.promiseId, body.events, { rows: csvRowsOf(req) }),
  });
  r.add({
    tag: 'promises',
    auth: 'org',
    permission: 'events:write',
    method: 'POST',
    operationId: 'voidPromiseEvent',
    url: `${base}/promises/:promiseId/events/:externalId/void`,
    // The team whose figures an event changes does not void its own failures: admins do, or a token.
    roles: ['admin'],
    summary:
      'Void an event (a correction), with a reason: it counts for nothing from now on and its externalId stays taken; admins and tokens with events:write',
    params: orgParamsWith('promiseId').extend({ externalId: ZEventInput.shape.externalId }),
    body: ZVoidEvent,
    response: ZEvent,
    handler: async ({ ctx, params, body }) => voidEvent(ctx, params.promiseId, params.externalId, body.reason),
  });
  const fromFile = {
    tag: 'promises',
    auth: 'org' as const,
    permission: 'events:write' as const,
    params: orgParamsWith('promiseId'),
    body: ZImportInput,
    // The file travels base64 inside JSON (the API takes JSON only): 8 MB of file, 4/3 of it as text.
    bodyLimit: 12 * 1024 * 1024,
  };
  r.add({
    ...fromFile,
    method: 'POST',
    operationId: 'previewPromiseEventsImport',
    url: `${base}/promises/:promiseId/events/import/preview`,
    summary:
      'Read a spreadsheet of events (CSV or .xlsx, base64) without importing it: the columns, the mapping used, guessed and remembered, the first 20 rows as they will be read, the errors by row (header = row 1) and column',
    response: ZImportPreview,
    handler: async ({ ctx, params, body }) => previewImport(ctx, params.promiseId, body),
  });
  r.add({
    ...fromFile,
    method: 'POST',
    operationId: 'importPromiseEvents',
    url: `${base}/promises/:promiseId/events/import`,
    summary:
      'Import a spreadsheet of events (CSV or .xlsx, base64) through a column mapping: rows judged one by one, idempotent by the id column; the mapping is remembered for the promise',
    response: ZImportResult,
    handler: async ({ ctx, params, body }) => importEvents(ctx, params.promiseId, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listPromiseEvents',
    url: `${base}/promises/:promiseId/events`,
    summary: 'The events of a promise by when they happened, newest first, a page at a time (voided ones marked)',
    params: orgParamsWith('promiseId'),
    query: ZPageQuery,
    response: ZPage(ZEvent),
    handler: async ({ ctx, params, query }) => recentEvents(ctx, params.promiseId, query),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getPromiseStatus',
    url: `${base}/promises/:promiseId/status`,
    summary: 'Attainment, error budget, burn rates, alerts and status at an instant (default now), from the counters',
    params: orgParamsWith('promiseId'),
    query: ZStatusQuery,
    response: ZPromiseStatus,
    handler: async ({ ctx, params, query }) => promiseStatus(ctx, params.promiseId, query.at ? Date.parse(query.at) : ctx.now),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getPromiseCapacity',
    url: `${base}/promises/:promiseId/capacity`,
    summary:
      'Demand against capacity: for each capability the promise needs, its capacity a week, the demand of this promise and of every published one needing it (added up: events a week over the last 4 weeks, or the drafting forecast before that), utilisation and how far over',
    params: orgParamsWith('promiseId'),
    response: ZPromiseCapacity,
    handler: async ({ ctx, params }) => getPromiseCapacity(ctx, params.promiseId),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getPromiseHistory',
    url: `${base}/promises/:promiseId/history`,
    summary: 'What the evaluator recorded: status changes and alerts firing or resolving, with the figures at the time, newest first',
    params: orgParamsWith('promiseId'),
    query: ZPageQuery,
    response: ZPage(ZHistoryEntry),
    handler: async ({ ctx, params, query }) => listPromiseHistory(ctx, params.promiseId, query),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getPromiseTree',
    url: `${base}/promises/:promiseId/tree`,
    summary: 'The tree under a promise: the internal promises supporting it, each with its status; “at risk because of …”',
    params: orgParamsWith('promiseId'),
    response: ZPromiseTree,
    handler: async ({ ctx, params }) => promiseTree(ctx, params.promiseId),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listPromiseRequests',
    url: `${base}/promise-requests`,
    summary: 'Requests between teams (“please promise X”), sent or received by a team',
    params: ZOrgParams,
    query: ZRequestQuery,
    response: ZPage(ZRequest),
    handler: async ({ ctx, query }) => pageInMemory(await listRequests(ctx, query), query),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'createPromiseRequest',
    url: `${base}/promise-requests`,
    status: 201,
    summary: 'Ask another team to promise something (a team promises only its own behaviour)',
    params: ZOrgParams,
    body: ZCreateRequest,
    response: ZRequest,
    handler: async ({ ctx, body }) => createRequest(ctx, body),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'acceptPromiseRequest',
    url: `${base}/promise-requests/:promiseRequestId/accept`,
    summary: 'The asked team promises it: an internal draft promise to the asking team',
    params: orgParamsWith('promiseRequestId'),
    body: ZAcceptRequest,
    response: ZRequest,
    handler: async ({ ctx, params, body }) => acceptRequest(ctx, params.promiseRequestId, body),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'declinePromiseRequest',
    url: `${base}/promise-requests/:promiseRequestId/decline`,
    summary: 'The asked team declines the request, saying why',
    params: orgParamsWith('promiseRequestId'),
    body: ZDeclineRequest,
    response: ZRequest,
    handler: async ({ ctx, params, body }) => declineRequest(ctx, params.promiseRequestId, body.reason, body.override),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listRedress',
    url: `${base}/redress`,
    summary: 'Redress owed to clients for broken promises, or given',
    params: ZOrgParams,
    query: ZPageQuery.extend({ promiseId: ZId.optional(), clientId: ZId.optional(), state: z.enum(['owed', 'given']).optional() }),
    response: ZPage(ZRedressItem),
    handler: async ({ ctx, query }) => pageInMemory(await listRedress(ctx, query), query),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'giveRedress',
    url: `${base}/redress/:redressId/give`,
    summary: 'Mark a redress item given to the client, with a note of how',
    params: orgParamsWith('redressId'),
    body: z.object({ note: z.string().trim().max(2000).default('') }),
    response: ZRedressItem,
    handler: async ({ ctx, params, body }) => giveRedress(ctx, params.redressId, body.note),
  });
}
