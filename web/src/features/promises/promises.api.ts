import type { z } from 'zod';
import type { ZHistoryEntry } from '../../../../src/modules/promises/history.schema';
import type {
  ZCreatePromise,
  ZCreateVersion,
  ZIngestResult,
  ZMetric,
  ZPromise,
  ZPromiseCapacity,
  ZPromiseStatus,
  ZPublishedPromise,
  ZPublishPromise,
  ZRedress,
  ZUpdatePromise,
  ZVersion,
  ZWindow,
} from '../../../../src/modules/promises/promise.schema';
import type { ZAcceptRequest, ZCreateRequest, ZRequest } from '../../../../src/modules/promises/request.schema';
import { api, orgPath, type Page } from '../../shared/api/client';
import type { Client } from '../../shared/api/types';
import { type Instant, instantMs } from '../../shared/time';

export type PromiseItem = z.input<typeof ZPromise>;
export type PromiseVersion = z.input<typeof ZVersion>;
export type PromiseStatus = z.input<typeof ZPromiseStatus>;
/** Demand against capacity: per capability the promise needs, the demands of every promise needing it, added up. */
export type PromiseCapacity = z.input<typeof ZPromiseCapacity>;
/** A publish answer: the promise and its warnings (over_capacity: promised more than the team can do). */
export type PublishedPromise = z.input<typeof ZPublishedPromise>;
export type PromiseWarning = PublishedPromise['warnings'][number];
export type Metric = z.input<typeof ZMetric>;
export type PromiseWindow = z.input<typeof ZWindow>;
export type Redress = z.input<typeof ZRedress>;
export type IngestResult = z.input<typeof ZIngestResult>;
export type PromiseInput = z.input<typeof ZCreatePromise>;
export type PromisePatch = z.input<typeof ZUpdatePromise>;
export type VersionInput = z.input<typeof ZCreateVersion>;
/** Publishing's optional body: an admin's waiver of a client promise's declared backing, with the reason. */
export type PublishInput = z.input<typeof ZPublishPromise>;
/** An admin published a client promise without a declared capability and right: why, by whom, when (ISO 8601). */
export type BackingWaiver = NonNullable<PromiseItem['backingWaiver']>;
/** A team asking another to promise something (a request until that team promises it). */
export type PromiseRequest = z.input<typeof ZRequest>;
export type RequestStatus = PromiseRequest['status'];
export type RequestInput = z.input<typeof ZCreateRequest>;
export type AcceptInput = z.input<typeof ZAcceptRequest>;
/** One thing the evaluator recorded: a status change, an alert firing or resolving. */
export type HistoryEntry = z.input<typeof ZHistoryEntry>;

export type PromiseKind = PromiseItem['kind'];
/** draft → published → retired: where a promise is in its life. */
export type PromiseLifecycle = PromiseItem['status'];
/** kept, at risk, broken or no data: how a promise is being kept (from the status endpoint). */
export type Fulfillment = PromiseStatus['status'];
export type ThresholdOp = Extract<Metric, { kind: 'threshold' }>['op'];
export type RedressKind = Redress['kind'];
export type AlertRow = PromiseStatus['alerts'][number];

export const PROMISE_LIFECYCLE: readonly PromiseLifecycle[] = ['published', 'draft', 'retired'];
export const PROMISE_KINDS: readonly PromiseKind[] = ['client', 'internal'];
export const THRESHOLD_OPS: readonly ThresholdOp[] = ['<=', '<', '>=', '>'];
export const REDRESS_KINDS: readonly RedressKind[] = ['apology', 'correction', 'compensation'];
/** Worst first: the order of the promise list. */
export const FULFILLMENTS: readonly Fulfillment[] = ['broken', 'at_risk', 'no_data', 'kept'];

/** One fulfillment event (GET …/events), newest first; a voided one says when, by whom and why. */
export interface PromiseEvent {
  externalId: string;
  occurredAt: string;
  good: boolean;
  value: number | null;
  clientId: string | null;
  version: number;
  ingestedAt: string;
  voided: { at: string; by: string; reason: string } | null;
}

/** Redress owed to a client for one bad event, or given (GET /redress). */
export interface RedressItem {
  id: string;
  promiseId: string;
  promiseTitle: string;
  version: number;
  clientId: string;
  clientName: string;
  eventExternalId: string;
  kind: RedressKind;
  /** Minor units, for a compensation. */
  amount: number | null;
  text: string;
  owedAt: string;
  givenAt: string | null;
  givenBy: string | null;
  note: string;
}

export interface EventInput {
  externalId: string;
  occurredAt: string;
  good?: boolean;
  value?: number;
  clientId?: string;
}

type ListQuery = {
  status?: PromiseLifecycle;
  kind?: PromiseKind;
  teamId?: string;
  segmentId?: string;
  /** 'true': only intentions (drafts with no team yet). */
  intention?: 'true' | 'false';
  cursor?: string;
  limit?: number;
};

/** The promiser team, or an empty one for an intention (no team yet): screens that need a team show none. */
export function teamOf(promise: Pick<PromiseItem, 'promiserTeam'>): { id: string; name: string } {
  return promise.promiserTeam ?? { id: '', name: '' };
}

/**
 * The reason the signed-in person typed on the promise screens for acting for a team they are not
 * in (an admin, the council): every write of those screens sends it as `override`, so the server
 * records it on the promise and tells the team. Null: none typed (a member acting for their own team).
 */
let actingForReason: string | null = null;

export function setActingForReason(reason: string | null): void {
  actingForReason = reason?.trim() ? reason.trim() : null;
}

function withOverride<T extends object>(body: T): T & { override?: { reason: string } } {
  return actingForReason ? { ...body, override: { reason: actingForReason } } : body;
}

export const promisesApi = {
  list: (org: string, query: ListQuery = {}) => api.get<Page<PromiseItem>>(orgPath(org, 'promises'), { limit: 100, ...query }),
  get: (org: string, id: string) => api.get<PromiseItem>(orgPath(org, 'promises', id)),
  create: (org: string, input: PromiseInput) => api.post<PromiseItem>(orgPath(org, 'promises'), withOverride(input)),
  update: (org: string, id: string, patch: PromisePatch) => api.patch<PromiseItem>(orgPath(org, 'promises', id), withOverride(patch)),
  publish: (org: string, id: string, body: PublishInput = {}) =>
    api.post<PublishedPromise>(orgPath(org, 'promises', id, 'publish'), withOverride(body)),
  /** Demand per week against the weekly capacity of each capability the promise needs. */
  capacity: (org: string, id: string) => api.get<PromiseCapacity>(orgPath(org, 'promises', id, 'capacity')),
  retire: (org: string, id: string, reason: string) =>
    api.post<PromiseItem>(orgPath(org, 'promises', id, 'retire'), withOverride({ reason })),
  versions: (org: string, id: string, cursor?: string) =>
    api.get<Page<PromiseVersion>>(orgPath(org, 'promises', id, 'versions'), { cursor, limit: 100 }),
  createVersion: (org: string, id: string, input: VersionInput) =>
    api.post<PromiseVersion>(orgPath(org, 'promises', id, 'versions'), withOverride(input)),
  /** The fulfillment at an instant (default now): attainment, error budget, burn rates, alerts. */
  status: (org: string, id: string, at?: Instant) =>
    api.get<PromiseStatus>(orgPath(org, 'promises', id, 'status'), {
      at: at === undefined ? undefined : new Date(instantMs(at)).toISOString(),
    }),
  events: (org: string, id: string, cursor?: string, limit = 50) =>
    api.get<Page<PromiseEvent>>(orgPath(org, 'promises', id, 'events'), { limit, cursor }),
  voidEvent: (org: string, id: string, externalId: string, reason: string) =>
    api.post<PromiseEvent>(orgPath(org, 'promises', id, 'events', externalId, 'void'), { reason }),
  sendEvents: (org: string, id: string, events: EventInput[]) => api.post<IngestResult>(orgPath(org, 'promises', id, 'events'), { events }),
  redress: (org: string, query: { promiseId?: string; clientId?: string; state?: 'owed' | 'given'; cursor?: string }) =>
    api.get<Page<RedressItem>>(orgPath(org, 'redress'), { limit: 100, ...query }),
  giveRedress: (org: string, id: string, note: string) => api.post<RedressItem>(orgPath(org, 'redress', id, 'give'), { note }),
  client: (org: string, id: string) => api.get<Client>(orgPath(org, 'clients', id)),
  history: (org: string, id: string, cursor?: string) =>
    api.get<Page<HistoryEntry>>(orgPath(org, 'promises', id, 'history'), { cursor, limit: 50 }),
  requests: (org: string, query: { teamId?: string; status?: RequestStatus; cursor?: string } = {}) =>
    api.get<Page<PromiseRequest>>(orgPath(org, 'promise-requests'), { limit: 200, ...query }),
  createRequest: (org: string, input: RequestInput) => api.post<PromiseRequest>(orgPath(org, 'promise-requests'), withOverride(input)),
  acceptRequest: (org: string, id: string, input: AcceptInput) =>
    api.post<PromiseRequest>(orgPath(org, 'promise-requests', id, 'accept'), withOverride(input)),
  declineRequest: (org: string, id: string, reason: string) =>
    api.post<PromiseRequest>(orgPath(org, 'promise-requests', id, 'decline'), withOverride({ reason })),
};
