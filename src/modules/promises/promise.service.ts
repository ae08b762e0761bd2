import { AppError, conflict, fieldError, invalidField } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { fineBucketMs } from '../../core/promises/buckets.js';
import { DAY_MS } from '../../core/promises/window.js';
import type { PromisesTable, PromiseVersionsTable, Tx } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { pageInMemory } from '../list.js';
import { findTeam } from '../teams/team.repository.js';
import { backingError, missingFor, undeclaredBacking } from './backing.service.js';
import { capacityWarnings, checkPromiseCapacity } from './capacity.service.js';
import { markPromiseChanged } from './evaluation.repository.js';
import { rebuildCounters, rejudgeFrom } from './ingest.service.js';
import {
  describePromises,
  findPromise,
  insertPromiseRow,
  insertVersionRow,
  listPromiseRows,
  loadPromise,
  loadVersions,
  parseIds,
  toVersion,
  updateFirstVersionTerms,
  updatePromiseRow,
} from './promise.repository.js';
import type {
  TCreatePromise,
  TCreateVersion,
  TPromise,
  TPublishedPromise,
  TPublishPromise,
  TUpdatePromise,
  TVersion,
  TWindow,
} from './promise.schema.js';
import { enqueuePromiseEvent } from './promise.webhooks.js';
import { recordActingFor } from './promise-acting-for.js';
import { type ActingFor, requirePromiser } from './promise-authority.js';
import { findExistingIds, findPainSegments, segmentExists } from './promise-links.repository.js';

/** The longest a window can be: a rolling window's days, a month's 31, a quarter's 92. */
export function longestWindowMs(window: TWindow): number {
  if (window.kind === 'rolling') return window.days * DAY_MS;
  return (window.period === 'month' ? 31 : 92) * DAY_MS;
}

async function requireTeam(tx: Tx, ctx: OrgContext, id: string, field: string) {
  const team = await findTeam(tx, ctx.org.id, id);
  if (!team) throw invalidField(field, 'not_found', 'no team with this id in the organization', { entity: 'team' });
  return team;
}

/** Checks the links of a promise: promisee by kind, pains of the segment, the team's own capabilities, rights, the supported promise. */
async function checkLinks(
  tx: Tx,
  ctx: OrgContext,
  input: Pick<TCreatePromise, 'kind' | 'promiseeSegmentId' | 'promiseeTeamId' | 'supportsPromiseId'> & {
    promiserTeamId?: string | null;
    painIds: string[];
    requiredCapabilityIds: string[];
    requiredRightIds: string[];
  },
): Promise<void> {
  if (input.kind === 'client') {
    if (!input.promiseeSegmentId) throw invalidField('promiseeSegmentId', 'required', 'a client promise is made to a client segment');
    if (input.promiseeTeamId) throw invalidField('promiseeTeamId', 'not_applicable', 'only an internal promise is made to a team');
    if (input.supportsPromiseId)
      throw invalidField('supportsPromiseId', 'not_applicable', 'only an internal promise supports another promise');
    const segment = await segmentExists(tx, ctx.org.id, input.promiseeSegmentId);
    if (!segment)
      throw invalidField('promiseeSegmentId', 'not_found', 'no segment with this id in the organization', { entity: 'segment' });
  } else {
    if (!input.promiseeTeamId) throw invalidField('promiseeTeamId', 'required', 'an internal promise is made to a team');
    if (input.promiseeSegmentId) throw invalidField('promiseeSegmentId', 'not_applicable', 'only a client promise is made to a segment');
    await requireTeam(tx, ctx, input.promiseeTeamId, 'promiseeTeamId');
    if (input.promiseeTeamId === input.promiserTeamId)
      throw invalidField('promiseeTeamId', 'self_reference', 'a team does not promise to itself');
    if (input.supportsPromiseId) {
      const supported = await findPromise(tx, ctx.org.id, input.supportsPromiseId);
      if (!supported)
        throw invalidField('supportsPromiseId', 'not_found', 'no promise with this id in the organization', { entity: 'promise' });
    }
  }
  const painSegments = await findPainSegments(tx, ctx.org.id, input.painIds);
  for (const [index, painId] of input.painIds.entries()) {
    const pain = painSegments.has(painId) ? { segment_id: painSegments.get(painId) } : undefined;
    if (!pain) throw invalidField(`painIds.${index}`, 'not_found', 'no pain with this id in the organization', { entity: 'pain' });
    if (input.kind === 'client' && pain.segment_id !== input.promiseeSegmentId) {
      throw invalidField(`painIds.${index}`, 'mismatch', 'a pain of another segment than the promise’s', { entity: 'segment' });
    }
  }
  const capabilities = await findExistingIds(tx, ctx.org.id, 'capabilities', input.requiredCapabilityIds);
  for (const [index, id] of input.requiredCapabilityIds.entries()) {
    const capability = capabilities.has(id);
    if (!capability)
      throw invalidField(`requiredCapabilityIds.${index}`, 'not_found', 'no capability with this id in the organization', {
        entity: 'capability',
      });
  }
  const rights = await findExistingIds(tx, ctx.org.id, 'decision_rights', input.requiredRightIds);
  for (const [index, id] of input.requiredRightIds.entries()) {
    const right = rights.has(id);
    if (!right)
      throw invalidField(`requiredRightIds.${index}`, 'not_found', 'no decision right with this id in the organization', {
        entity: 'right',
      });
  }
}

async function describeOne(tx: Tx, ctx: OrgContext, id: string): Promise<TPromise> {
  const [promise] = await describePromises(tx, ctx.org.id, [await loadPromise(tx, ctx.org.id, id)]);
  return promise as TPromise;
}

export async function getPromise(ctx: OrgContext, id: string): Promise<TPromise> {
  return describeOne(ctx.db, ctx, id);
}

/** Promises by status, kind, promiser team or segment; the worst first is the screens' concern. */
export async function listPromises(
  ctx: OrgContext,
  query: {
    status?: PromisesTable['status'];
    kind?: PromisesTable['kind'];
    teamId?: string;
    segmentId?: string;
    limit: number;
    cursor?: string;
  },
) {
  const rows = await listPromiseRows(ctx.db, ctx.org.id, query);
  const page = pageInMemory(rows, query);
  return { items: await describePromises(ctx.db, ctx.org.id, page.items), nextCursor: page.nextCursor };
}

/** Makes a draft promise (an intention): the promiser team's members or an admin. */
export async function createPromise(ctx: OrgContext, input: TCreatePromise): Promise<TPromise> {
  return ctx.db.transaction().execute((tx) => insertPromise(tx, ctx, input));
}

/** Makes a draft promise inside the caller's transaction (a request accepted makes one too). */
export async function insertPromise(tx: Tx, ctx: OrgContext, input: TCreatePromise): Promise<TPromise> {
  const teamId = input.promiserTeamId ?? null;
  let actingFor: ActingFor | null = null;
  if (teamId) {
    await requireTeam(tx, ctx, teamId, 'promiserTeamId');
    actingFor = await requirePromiser(tx, ctx, teamId, 'make its promises', 'promiserTeamId', input.override);
  } else requireIntentionMaker(ctx, input.kind);
  await checkLinks(tx, ctx, input);
  const by = await actorName(tx, ctx);
  const row: PromisesTable = {
    id: newId(),
    org_id: ctx.org.id,
    kind: input.kind,
    title: input.title,
    promiser_team_id: teamId,
    promisee_segment_id: input.promiseeSegmentId ?? null,
    promisee_team_id: input.promiseeTeamId ?? null,
    supports_promise_id: input.supportsPromiseId ?? null,
    pain_ids: JSON.stringify(input.painIds),
    required_capability_ids: JSON.stringify(input.requiredCapabilityIds),
    required_right_ids: JSON.stringify(input.requiredRightIds),
    status: 'draft',
    current_version: 1,
    fine_bucket_ms: fineBucketMs(longestWindowMs(input.window)),
    unbacked: null,
    backing_waiver_reason: null,
    backing_waived_by: null,
    backing_waived_at: null,
    demand_forecast_per_week: input.demandForecastPerWeek ?? null,
    over_capacity: null,
    created_by: by,
    created_at: ctx.now,
    updated_at: ctx.now,
    published_at: null,
    retired_at: null,
  };
  await insertPromiseRow(tx, row);
  await insertVersionRow(tx, {
    id: newId(),
    org_id: ctx.org.id,
    promise_id: row.id,
    version: 1,
    statement: input.statement,
    metric: JSON.stringify(input.metric),
    target: input.target,
    time_window: JSON.stringify(input.window),
    promiser_team_id: teamId,
    redress: input.redress === null ? null : JSON.stringify(input.redress),
    reason: '',
    effective_from: ctx.now,
    created_by: by,
    created_at: ctx.now,
  });
  const promise = await describeOne(tx, ctx, row.id);
  await appendAudit(tx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    action: 'promise.created',
    entityType: 'promise',
    entityId: row.id,
    after: promise,
    at: ctx.now,
  });
  if (actingFor && teamId) return recordActingFor(tx, ctx, row.id, teamId, 'created', actingFor);
  return promise;
}

/**
 * Promises may come first (steps 4 before 5): an intention to a client segment with no team yet is
 * drafted by the organization — an admin, the council or a token — never by a member for no team.
 * An internal promise is between teams: it always has one.
 */
function requireIntentionMaker(ctx: OrgContext, kind: TCreatePromise['kind']): void {
  if (kind !== 'client')
    throw invalidField('promiserTeamId', 'required', 'an internal promise is made by a team: name it', { entity: 'team' });
  const organization = ctx.actor.type === 'token' || ctx.actor.type === 'system' || ctx.role === 'admin' || ctx.role === 'council';
  if (!organization)
    throw new AppError('forbidden', 'promiserTeamId: only an admin or the council drafts an intention with no team; name your team', [
      fieldError('promiserTeamId', 'required', 'name your team: only an admin or the council drafts an intention with no team', {
        entity: 'team',
      }),
    ]);
}

/** The promiser team of a promise that must have one (published, versioned): an intention is refused naming the field. */
function promiserOf(row: PromisesTable): string {
  if (row.promiser_team_id === null)
    throw conflict('promiserTeamId', 'required', 'an intention has no team yet: give it to the team that will keep it', {
      entity: 'team',
    });
  return row.promiser_team_id;
}

/** Edits a draft in place; a published promise's terms change only through a new version. */
export async function updatePromise(ctx: OrgContext, id: string, input: TUpdatePromise): Promise<TPromise> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadPromise(tx, ctx.org.id, id);
    const newTeamId = input.promiserTeamId !== undefined && input.promiserTeamId !== row.promiser_team_id ? input.promiserTeamId : null;
    let acting: { teamId: string; override: ActingFor } | null = null;
    if (row.promiser_team_id) {
      const override = await requirePromiser(tx, ctx, row.promiser_team_id, 'change its promises', 'promiserTeamId', input.override);
      if (override) acting = { teamId: row.promiser_team_id, override };
    } else if (!newTeamId) requireIntentionMaker(ctx, row.kind);
    if (newTeamId) {
      // An intention (or a draft) is given to a team: the team takes it on, by its member or with a reason.
      if (row.status !== 'draft')
        throw conflict('promiserTeamId', 'wrong_status', 'a published promise changes its team through a new version with a reason', {
          status: row.status,
        });
      await requireTeam(tx, ctx, newTeamId, 'promiserTeamId');
      const override = await requirePromiser(tx, ctx, newTeamId, 'take the promise on', 'promiserTeamId', input.override);
      acting = override ? { teamId: newTeamId, override } : null;
    }
    const termsChange = ['statement', 'metric', 'target', 'window', 'redress'].some((k) => k in input);
    if (row.status !== 'draft' && (termsChange || input.requiredCapabilityIds || input.requiredRightIds)) {
      throw conflict('status', 'wrong_status', 'a published promise keeps its terms: make a new version with a reason', {
        status: 'published',
      });
    }
    const links = {
      kind: row.kind,
      promiserTeamId: newTeamId ?? row.promiser_team_id,
      promiseeSegmentId: row.promisee_segment_id ?? undefined,
      promiseeTeamId: row.promisee_team_id ?? undefined,
      supportsPromiseId: row.supports_promise_id ?? undefined,
      painIds: input.painIds ?? parseIds(row.pain_ids),
      requiredCapabilityIds: input.requiredCapabilityIds ?? parseIds(row.required_capability_ids),
      requiredRightIds: input.requiredRightIds ?? parseIds(row.required_right_ids),
    };
    await checkLinks(tx, ctx, links);
    const before = await describeOne(tx, ctx, id);
    await updatePromiseRow(tx, ctx.org.id, id, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.demandForecastPerWeek !== undefined && { demand_forecast_per_week: input.demandForecastPerWeek }),
      pain_ids: JSON.stringify(links.painIds),
      required_capability_ids: JSON.stringify(links.requiredCapabilityIds),
      required_right_ids: JSON.stringify(links.requiredRightIds),
      ...(input.window !== undefined && { fine_bucket_ms: fineBucketMs(longestWindowMs(input.window)) }),
      ...(newTeamId && { promiser_team_id: newTeamId }),
      updated_at: ctx.now,
    });
    if (newTeamId) await updateFirstVersionTerms(tx, ctx.org.id, id, { promiser_team_id: newTeamId });
    if (termsChange) {
      await updateFirstVersionTerms(tx, ctx.org.id, id, {
        ...(input.statement !== undefined && { statement: input.statement }),
        ...(input.metric !== undefined && { metric: JSON.stringify(input.metric) }),
        ...(input.target !== undefined && { target: input.target }),
        ...(input.window !== undefined && { time_window: JSON.stringify(input.window) }),
        ...(input.redress !== undefined && { redress: input.redress === null ? null : JSON.stringify(input.redress) }),
      });
      // A draft may already hold test events: judge them again by the edited terms.
      await rejudgeFrom(tx, ctx.org.id, id, Number.MIN_SAFE_INTEGER);
    }
    const after = await describeOne(tx, ctx, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'promise.updated',
      entityType: 'promise',
      entityId: id,
      before,
      after,
      at: ctx.now,
    });
    if (acting) return recordActingFor(tx, ctx, id, acting.teamId, newTeamId ? 'team_given' : 'updated', acting.override);
    return after;
  });
}

/**
 * Publishes a draft: refused with 422 `backing_missing`, naming what is missing, unless the promiser
 * team holds every required capability and right now, and — for a client promise — at least one of
 * each is declared. An admin may waive that minimum with a recorded reason ("backing waived"); what is
 * declared must still be held. Until then the promise stays an intention.
 */
export async function publishPromise(ctx: OrgContext, id: string, input: TPublishPromise = {}): Promise<TPublishedPromise> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadPromise(tx, ctx.org.id, id);
    // An intention is published only once a team takes it and holds its backing.
    const teamId = promiserOf(row);
    const acting = await requirePromiser(tx, ctx, teamId, 'publish its promises', 'promiserTeamId', input.override);
    const waiver = input.backingWaiver;
    if (waiver && ctx.role !== 'admin') {
      throw new AppError('forbidden', 'backingWaiver: only an admin may waive the backing of a client promise', [
        fieldError('backingWaiver', 'not_allowed', 'only an admin may waive the backing of a client promise', { role: 'admin' }),
      ]);
    }
    if (row.status !== 'draft')
      throw conflict('status', 'wrong_status', `the promise is ${row.status}, not a draft`, { status: row.status });
    const capabilityIds = parseIds(row.required_capability_ids);
    const rightIds = parseIds(row.required_right_ids);
    const undeclared = undeclaredBacking(row.kind, capabilityIds, rightIds);
    if (waiver && row.kind !== 'client')
      throw invalidField('backingWaiver', 'not_applicable', 'only a client promise needs its backing declared or waived');
    if (waiver && undeclared.length === 0) {
      throw invalidField('backingWaiver', 'unnecessary', 'nothing to waive: the promise declares a capability and a decision right');
    }
    const missing = await missingFor(tx, ctx.org.id, teamId, capabilityIds, rightIds);
    const unwaived = waiver ? [] : undeclared;
    if (missing.capabilities.length + missing.rights.length + unwaived.length > 0) {
      throw backingError(missing, capabilityIds, rightIds, unwaived);
    }
    if (waiver) {
      const by = await actorName(tx, ctx);
      await updatePromiseRow(tx, ctx.org.id, id, {
        backing_waiver_reason: waiver.reason,
        backing_waived_by: by,
        backing_waived_at: ctx.now,
      });
    }
    await updatePromiseRow(tx, ctx.org.id, id, { status: 'published', published_at: ctx.now, updated_at: ctx.now }, { status: 'draft' });
    // Acting for the team is recorded first, so the webhook and the audit carry the promise as GET answers it.
    const promise = acting ? await recordActingFor(tx, ctx, id, teamId, 'published', acting) : await describeOne(tx, ctx, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'promise.published',
      entityType: 'promise',
      entityId: id,
      after: promise,
      at: ctx.now,
    });
    await enqueuePromiseEvent(tx, ctx.org.id, 'promise.published', { promise }, ctx.now);
    // Promised more than the team can do is said, not refused: the evaluator keeps the flag from here.
    const warnings = capacityWarnings(await checkPromiseCapacity(tx, ctx.org.id, id, ctx.now));
    return { ...promise, warnings };
  });
}

/**
 * Changes the terms of a published promise: version n+1, in force from now, with a reason. Events
 * from now on are judged by it (any already sent for later instants are judged again).
 */
export async function createVersion(ctx: OrgContext, id: string, input: TCreateVersion): Promise<TVersion> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadPromise(tx, ctx.org.id, id);
    const teamId = promiserOf(row);
    const acting = await requirePromiser(tx, ctx, teamId, 'change its promises', 'promiserTeamId', input.override);
    if (row.status !== 'published')
      throw conflict('status', 'wrong_status', row.status === 'draft' ? 'a draft is edited, not versioned' : 'the promise is retired', {
        status: row.status,
      });
    const versions = await loadVersions(tx, ctx.org.id, id);
    const current = toVersion(versions[versions.length - 1] as PromiseVersionsTable);
    const promiserTeamId = input.promiserTeamId ?? teamId;
    let takingOver: ActingFor | null = null;
    if (promiserTeamId !== teamId) {
      await requireTeam(tx, ctx, promiserTeamId, 'promiserTeamId');
      // The new team takes the promise on: it must be its own act, and it must be able to keep it.
      takingOver = await requirePromiser(tx, ctx, promiserTeamId, 'take the promise on', 'promiserTeamId', input.override);
      const capabilityIds = parseIds(row.required_capability_ids);
      const rightIds = parseIds(row.required_right_ids);
      const missing = await missingFor(tx, ctx.org.id, promiserTeamId, capabilityIds, rightIds);
      if (missing.capabilities.length + missing.rights.length > 0) throw backingError(missing, capabilityIds, rightIds);
    }
    const next = row.current_version + 1;
    const by = await actorName(tx, ctx);
    const version: PromiseVersionsTable = {
      id: newId(),
      org_id: ctx.org.id,
      promise_id: id,
      version: next,
      statement: input.statement ?? current.statement,
      metric: JSON.stringify(input.metric ?? current.metric),
      target: input.target ?? current.target,
      time_window: JSON.stringify(input.window ?? current.window),
      promiser_team_id: promiserTeamId,
      redress:
        (input.redress === undefined ? current.redress : input.redress) === null ? null : JSON.stringify(input.redress ?? current.redress),
      reason: input.reason,
      effective_from: ctx.now,
      created_by: by,
      created_at: ctx.now,
    };
    await insertVersionRow(tx, version);
    await updatePromiseRow(tx, ctx.org.id, id, { current_version: next, promiser_team_id: promiserTeamId, updated_at: ctx.now });
    // A much shorter window needs finer buckets for its alert windows: count the events again.
    const fine = fineBucketMs(longestWindowMs(toVersion(version).window));
    if (fine < row.fine_bucket_ms) await rebuildCounters(tx, ctx.org.id, id, fine);
    await rejudgeFrom(tx, ctx.org.id, id, ctx.now);
    // New terms (a target, a window) may change the status at once: the evaluator looks within seconds.
    await markPromiseChanged(tx, ctx.org.id, id, ctx.now);
    if (takingOver) await recordActingFor(tx, ctx, id, promiserTeamId, 'took_over', takingOver);
    else if (acting) await recordActingFor(tx, ctx, id, teamId, 'version_created', acting);
    const created = toVersion(version);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'promise.version_created',
      entityType: 'promise',
      entityId: id,
      before: current,
      after: created,
      at: ctx.now,
    });
    await enqueuePromiseEvent(
      tx,
      ctx.org.id,
      'promise.version_created',
      { promise: await describeOne(tx, ctx, id), version: created, previous: current },
      ctx.now,
    );
    return created;
  });
}

export async function listVersions(ctx: OrgContext, id: string): Promise<TVersion[]> {
  await loadPromise(ctx.db, ctx.org.id, id);
  return (await loadVersions(ctx.db, ctx.org.id, id)).map(toVersion);
}

/** Retires a promise with a reason: it leaves the board; its history stays. */
export async function retirePromise(ctx: OrgContext, id: string, reason: string, override?: ActingFor | null): Promise<TPromise> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadPromise(tx, ctx.org.id, id);
    const teamId = row.promiser_team_id;
    const acting = teamId ? await requirePromiser(tx, ctx, teamId, 'retire its promises', 'promiserTeamId', override) : null;
    if (!teamId) requireIntentionMaker(ctx, row.kind);
    if (row.status === 'retired') throw conflict('status', 'wrong_status', 'the promise is already retired', { status: 'retired' });
    await updatePromiseRow(tx, ctx.org.id, id, { status: 'retired', retired_at: ctx.now, updated_at: ctx.now });
    const promise = await describeOne(tx, ctx, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'promise.retired',
      entityType: 'promise',
      entityId: id,
      after: { reason },
      at: ctx.now,
    });
    if (acting && teamId) return recordActingFor(tx, ctx, id, teamId, 'retired', acting);
    return promise;
  });
}
