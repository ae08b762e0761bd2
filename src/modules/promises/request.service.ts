import { conflict, invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { PromiseRequestsTable, Tx } from '../../db/schema.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { recordOverride } from '../governance/override.service.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import { findTeam, listTeamNames } from '../teams/team.repository.js';
import { findPromise } from './promise.repository.js';
import { insertPromise } from './promise.service.js';
import { requirePromiser } from './promise-authority.js';
import { answerOpenRequest, findRequest, insertRequest, listRequestRows } from './request.repository.js';
import type { TAcceptRequest, TCreateRequest, TRequest } from './request.schema.js';

async function describe(tx: Tx, orgId: string, rows: PromiseRequestsTable[]): Promise<TRequest[]> {
  const teams = new Map((await listTeamNames(tx, orgId)).map((t) => [t.id, t.name]));
  return rows.map((r) => ({
    id: r.id,
    fromTeam: { id: r.from_team_id, name: teams.get(r.from_team_id) ?? '' },
    toTeam: { id: r.to_team_id, name: teams.get(r.to_team_id) ?? '' },
    title: r.title,
    statement: r.statement,
    supportsPromiseId: r.supports_promise_id,
    status: r.status,
    answer: r.answer,
    promiseId: r.promise_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    answeredAt: r.answered_at,
  }));
}

async function load(tx: Tx, ctx: OrgContext, id: string): Promise<PromiseRequestsTable> {
  const row = await findRequest(tx, ctx.org.id, id);
  if (!row) throw notFound('promise request', id);
  return row;
}

/** Requests a team sent or received, by status. */
export async function listRequests(ctx: OrgContext, filter: { teamId?: string; status?: PromiseRequestsTable['status'] }) {
  return describe(ctx.db, ctx.org.id, await listRequestRows(ctx.db, ctx.org.id, filter));
}

/** A team asks another to promise something; the asked team's people are told. */
export async function createRequest(ctx: OrgContext, input: TCreateRequest): Promise<TRequest> {
  return ctx.db.transaction().execute(async (tx) => {
    for (const [field, teamId] of [
      ['fromTeamId', input.fromTeamId],
      ['toTeamId', input.toTeamId],
    ] as const) {
      const team = await findTeam(tx, ctx.org.id, teamId);
      if (!team) throw invalidField(field, 'not_found', 'no team with this id in the organization', { entity: 'team' });
    }
    if (input.fromTeamId === input.toTeamId) throw invalidField('toTeamId', 'self_reference', 'a team does not ask itself: it promises');
    const acting = await requirePromiser(tx, ctx, input.fromTeamId, 'ask on its behalf', 'fromTeamId', input.override);
    if (input.supportsPromiseId) {
      const supported = await findPromise(tx, ctx.org.id, input.supportsPromiseId);
      if (!supported)
        throw invalidField('supportsPromiseId', 'not_found', 'no promise with this id in the organization', { entity: 'promise' });
    }
    const row: PromiseRequestsTable = {
      id: newId(),
      org_id: ctx.org.id,
      from_team_id: input.fromTeamId,
      to_team_id: input.toTeamId,
      title: input.title,
      statement: input.statement,
      supports_promise_id: input.supportsPromiseId ?? null,
      status: 'open',
      answer: '',
      promise_id: null,
      created_by: await actorName(tx, ctx),
      created_at: ctx.now,
      answered_at: null,
    };
    await insertRequest(tx, row);
    const [request] = await describe(tx, ctx.org.id, [row]);
    await notifyUsers(
      tx,
      ctx.org.id,
      await peopleOf(tx, ctx.org.id, 'team', input.toTeamId),
      {
        kind: 'promise_requested',
        subjectType: 'promise_request',
        subjectId: row.id,
        params: { request: row.title, from: request!.fromTeam.name },
      },
      ctx.now,
      ctx.actor.id,
    );
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'promise_request.created',
      entityType: 'promise_request',
      entityId: row.id,
      after: request,
      at: ctx.now,
    });
    // Asking for a team one is not in overrides its authority: recorded, and told to the asking team (the asked team got its own notice).
    if (acting)
      await recordOverride(
        tx,
        ctx,
        { teamId: input.fromTeamId, action: 'request_made', subjectType: 'promise_request', subjectId: row.id },
        acting.reason,
      );
    return request as TRequest;
  });
}

async function answer(
  tx: Tx,
  ctx: OrgContext,
  id: string,
  set: { status: 'accepted' | 'declined'; answer: string; promise_id: string | null },
): Promise<TRequest> {
  const answered = await answerOpenRequest(tx, ctx.org.id, id, { ...set, answered_at: ctx.now });
  if (!answered) throw conflict('id', 'wrong_status', 'the request is already answered', { status: 'answered' });
  const row = await load(tx, ctx, id);
  const [request] = await describe(tx, ctx.org.id, [row]);
  await notifyUsers(
    tx,
    ctx.org.id,
    await peopleOf(tx, ctx.org.id, 'team', row.from_team_id),
    {
      kind: 'promise_request_answered',
      subjectType: 'promise_request',
      subjectId: id,
      params: { request: row.title, to: request!.toTeam.name, status: set.status, answer: set.answer },
    },
    ctx.now,
    ctx.actor.id,
  );
  await appendAudit(tx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    action: `promise_request.${set.status}`,
    entityType: 'promise_request',
    entityId: id,
    after: request,
    at: ctx.now,
  });
  return request as TRequest;
}

/** The asked team promises it: an internal draft promise to the asking team, supporting what was named. */
export async function acceptRequest(ctx: OrgContext, id: string, input: TAcceptRequest): Promise<TRequest> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await load(tx, ctx, id);
    await requirePromiser(tx, ctx, row.to_team_id, 'answer requests made to it', 'toTeamId', input.override);
    if (row.status !== 'open') throw conflict('id', 'wrong_status', 'the request is already answered', { status: 'answered' });
    const promise = await insertPromise(tx, ctx, {
      title: row.title,
      statement: input.statement ?? row.statement,
      kind: 'internal',
      promiserTeamId: row.to_team_id,
      promiseeTeamId: row.from_team_id,
      supportsPromiseId: row.supports_promise_id ?? undefined,
      metric: input.metric,
      target: input.target,
      window: input.window,
      requiredCapabilityIds: [],
      requiredRightIds: [],
      painIds: [],
      redress: input.redress,
      demandForecastPerWeek: null,
      override: input.override,
    });
    return answer(tx, ctx, id, { status: 'accepted', answer: '', promise_id: promise.id });
  });
}

/** The asked team declines, saying why; the request keeps its history. */
export async function declineRequest(ctx: OrgContext, id: string, reason: string, override?: { reason: string }): Promise<TRequest> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await load(tx, ctx, id);
    const acting = await requirePromiser(tx, ctx, row.to_team_id, 'answer requests made to it', 'toTeamId', override);
    const declined = await answer(tx, ctx, id, { status: 'declined', answer: reason, promise_id: null });
    // Declining for the asked team overrides its authority: recorded, and told to it (the answer went to the asking team).
    if (acting)
      await recordOverride(
        tx,
        ctx,
        { teamId: row.to_team_id, action: 'request_declined', subjectType: 'promise_request', subjectId: id },
        acting.reason,
      );
    return declined;
  });
}
