import { AppError, conflict, fieldError, invalidField, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { checkTransition, computeThreshold, SUPPORTABLE_STATUSES } from '../../core/voice/proposals.js';
import type { ClientsTable, ProposalsTable, Tx } from '../../db/schema.js';
import { translate } from '../../i18n/index.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import { findClient, segmentsOfClients } from '../clients/client.repository.js';
import type { OrgContext } from '../context.js';
import { findSegment } from '../discovery/discovery.repository.js';
import { queueMail } from '../mail/outbox.service.js';
import { checkThreshold, recordAnswerEvents } from './answer.service.js';
import {
  addToSupports,
  countClientsFor,
  countRecentSupportsOf,
  deleteSupport,
  hasSupport,
  implementationExists,
  insertProposalRow,
  insertSupport,
  labelsByIds,
  loadProposal,
  lockProposal,
  pageProposals,
  sweepTrending,
  updateProposal,
} from './proposal.repository.js';
import type { TChangeStatus, TCreateProposal, TLinkImplementation, TProposal, TProposalQuery } from './proposal.schema.js';
import { loadVoiceSettings } from './voice-settings.js';

type Row = ProposalsTable & { recent?: number };

/** Proposals as the API shows them: with their segment, what implements them and what they were merged into. */
export async function describeProposals(tx: Tx, orgId: string, rows: Row[], now: number): Promise<TProposal[]> {
  const segments = await labelsByIds(
    tx,
    'segments',
    orgId,
    rows.flatMap((r) => r.segment_id ?? []),
  );
  const promises = await labelsByIds(
    tx,
    'promises',
    orgId,
    rows.flatMap((r) => (r.implemented_type === 'promise' && r.implemented_id ? [r.implemented_id] : [])),
  );
  const decisions = await labelsByIds(
    tx,
    'decisions',
    orgId,
    rows.flatMap((r) => (r.implemented_type === 'decision' && r.implemented_id ? [r.implemented_id] : [])),
  );
  const merged = await labelsByIds(
    tx,
    'proposals',
    orgId,
    rows.flatMap((r) => r.merged_into_id ?? []),
  );
  // Rows read from a page carry their trending count; the others are counted together.
  const recentOf = await countRecentSupportsOf(
    tx,
    orgId,
    rows.filter((r) => r.recent === undefined).map((r) => r.id),
    now,
  );
  const described: TProposal[] = [];
  for (const r of rows) {
    const recent = r.recent ?? recentOf.get(r.id) ?? 0;
    const implementedTitle =
      r.implemented_type === 'promise'
        ? (promises.get(r.implemented_id ?? '') ?? null)
        : r.implemented_type === 'decision'
          ? (decisions.get(r.implemented_id ?? '') ?? null)
          : null;
    described.push({
      id: r.id,
      title: r.title,
      body: r.body,
      segment: r.segment_id ? { id: r.segment_id, name: segments.get(r.segment_id) ?? '' } : null,
      author: r.author_client_id
        ? { kind: 'client', id: r.author_client_id, label: r.author_label }
        : { kind: 'staff', id: r.author_user_id, label: r.author_label },
      status: r.status,
      supports: r.supports,
      threshold: r.threshold,
      recentSupports: recent,
      thresholdReachedAt: r.threshold_reached_at,
      answerDueAt: r.answer_due_at,
      isOverdue: r.answer_due_at !== null && r.answered_at === null && now > r.answer_due_at,
      answer: r.answer,
      answeredAt: r.answered_at,
      answeredBy: r.answered_by,
      implemented:
        r.implemented_type && r.implemented_id ? { type: r.implemented_type, id: r.implemented_id, title: implementedTitle } : null,
      mergedInto: r.merged_into_id ? { id: r.merged_into_id, title: merged.get(r.merged_into_id) ?? '' } : null,
      reports: r.reports,
      hiddenAt: r.hidden_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
  }
  return described;
}

async function describeOne(tx: Tx, ctx: OrgContext, id: string): Promise<TProposal> {
  const [proposal] = await describeProposals(tx, ctx.org.id, [await loadProposal(tx, ctx.org.id, id)], ctx.now);
  return proposal as TProposal;
}

async function insertProposal(
  tx: Tx,
  ctx: OrgContext,
  input: TCreateProposal,
  author: { clientId: string | null; userId: string | null; label: string },
): Promise<TProposal> {
  const segmentId = input.segmentId ?? null;
  if (segmentId) {
    const segment = await findSegment(tx, ctx.org.id, segmentId);
    if (!segment) throw invalidField('segmentId', 'not_found', 'no segment with this id in the organization', { entity: 'segment' });
  }
  const settings = await loadVoiceSettings(tx, ctx.org.id);
  const clients = settings.thresholdKind === 'share' ? await countClientsFor(tx, ctx.org.id, segmentId) : 0;
  const row: ProposalsTable = {
    id: newId(),
    org_id: ctx.org.id,
    title: input.title,
    body: input.body,
    segment_id: segmentId,
    author_client_id: author.clientId,
    author_user_id: author.userId,
    author_label: author.label,
    status: 'open',
    supports: 0,
    recent_supports: 0,
    recent_oldest_at: null,
    threshold: computeThreshold(settings.thresholdKind, settings.thresholdValue, clients),
    threshold_reached_at: null,
    answer_due_at: null,
    answer: null,
    answered_at: null,
    answered_by: null,
    implemented_type: null,
    implemented_id: null,
    merged_into_id: null,
    reports: 0,
    hidden_at: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await insertProposalRow(tx, row);
  const [proposal] = await describeProposals(tx, ctx.org.id, [{ ...row, recent: 0 }], ctx.now);
  await appendAudit(tx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    action: 'proposal.created',
    entityType: 'proposal',
    entityId: row.id,
    after: proposal,
    at: ctx.now,
  });
  return proposal as TProposal;
}

/** A proposal made by staff (in the organization's name, or passing on what a client said). */
export async function createProposal(ctx: OrgContext, input: TCreateProposal): Promise<TProposal> {
  return ctx.db.transaction().execute(async (tx) =>
    insertProposal(tx, ctx, input, {
      clientId: null,
      userId: ctx.actor.type === 'user' ? ctx.actor.id : null,
      label: await actorName(tx, ctx),
    }),
  );
}

/** A proposal a client makes in the portal; the threshold in force now is kept with it. */
export async function createClientProposal(ctx: OrgContext, client: Pick<ClientsTable, 'id' | 'name'>, input: TCreateProposal) {
  return ctx.db.transaction().execute((tx) => insertProposal(tx, ctx, input, { clientId: client.id, userId: null, label: client.name }));
}

/**
 * A page of proposals. Whether an answer is overdue is computed from its due time as of `now`; the
 * answer promise's events are recorded by the server's minute job (settleOverdueProposals), not by
 * readers, so a list costs the same however many proposals were ever answered.
 */
export async function listProposals(ctx: OrgContext, query: TProposalQuery) {
  // Supports that left the trending window since the minute job ran are taken out first (one
  // indexed read when there are none).
  if (query.sort === 'trending') await sweepTrending(ctx.db, ctx.now, ctx.org.id);
  const page = await pageProposals(ctx.db, ctx.org.id, query);
  return { items: await describeProposals(ctx.db, ctx.org.id, page.items, ctx.now), nextCursor: page.nextCursor };
}

export async function getProposal(ctx: OrgContext, id: string): Promise<TProposal> {
  return describeOne(ctx.db, ctx, id);
}

/** Tells the client who proposed it what the organization answered (through the outbox). */
export async function mailAuthor(tx: Tx, ctx: OrgContext, row: ProposalsTable, status: 'accepted' | 'declined', answer: string) {
  if (!row.author_client_id) return;
  const client = await findClient(tx, ctx.org.id, row.author_client_id);
  if (!client?.email) return;
  const locale = ctx.org.locale;
  const vars = { org: ctx.org.name, name: client.name, title: row.title, answer };
  await queueMail(
    tx,
    {
      orgId: ctx.org.id,
      to: client.email,
      subject: translate(locale, `voiceProposals.mail.${status}Subject`, vars),
      body: translate(locale, 'voiceProposals.mail.body', { ...vars, status: translate(locale, `voiceProposals.status.${status}`) }),
      topic: 'proposal.answered',
    },
    ctx.now,
  );
}

/**
 * Moves a proposal: to under consideration (or back to open), or answers it — accepted or declined,
 * with the answer text. The first answer is the one an owed answer is measured by; its event goes to
 * the answer promise once the change is committed.
 */
export async function changeProposalStatus(ctx: OrgContext, id: string, input: TChangeStatus): Promise<TProposal> {
  const answered = await ctx.db.transaction().execute(async (tx) => {
    const row = await lockProposal(tx, ctx.org.id, id);
    const problem = checkTransition(row.status, { to: input.status, answer: input.answer });
    if (problem) throw (problem.conflict ? conflict : invalidField)(problem.path, problem.code, problem.reason, problem.params);
    const isAnswer = input.status === 'accepted' || input.status === 'declined';
    const by = await actorName(tx, ctx);
    // Reconsidering an answer nothing was owed for takes it back; an owed answer, once given, stays given.
    const takesBack = !isAnswer && row.answer_due_at === null;
    await updateProposal(tx, ctx.org.id, id, {
      status: input.status,
      ...(isAnswer && { answer: input.answer ?? '', answered_by: by, answered_at: row.answered_at ?? ctx.now }),
      ...(takesBack && { answer: null, answered_at: null, answered_by: null }),
      updated_at: ctx.now,
    });
    if (isAnswer) await mailAuthor(tx, ctx, row, input.status as 'accepted' | 'declined', input.answer ?? '');
    const after = await describeOne(tx, ctx, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: `proposal.${input.status}`,
      entityType: 'proposal',
      entityId: id,
      before: { status: row.status, answer: row.answer },
      after: { status: after.status, answer: after.answer },
      at: ctx.now,
    });
    return isAnswer ? await loadProposal(tx, ctx.org.id, id) : null;
  });
  if (answered?.answer_due_at) await recordAnswerEvents(ctx.db, ctx.org, [answered], ctx.now);
  return describeOne(ctx.db, ctx, id);
}

/** Marks an accepted proposal implemented, linked to the promise, experiment or decision that implements it. */
export async function linkImplementation(ctx: OrgContext, id: string, input: TLinkImplementation): Promise<TProposal> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await lockProposal(tx, ctx.org.id, id);
    const problem = checkTransition(row.status, { to: 'implemented', ...input });
    if (problem) throw (problem.conflict ? conflict : invalidField)(problem.path, problem.code, problem.reason, problem.params);
    if (input.implementedType !== 'experiment') {
      const table = input.implementedType === 'promise' ? 'promises' : 'decisions';
      if (!(await implementationExists(tx, ctx.org.id, table, input.implementedId)))
        throw invalidField('implementedId', 'not_found', `no ${input.implementedType} with this id in the organization`, {
          entity: input.implementedType,
        });
    }
    await updateProposal(tx, ctx.org.id, id, {
      status: 'implemented',
      implemented_type: input.implementedType,
      implemented_id: input.implementedId,
      updated_at: ctx.now,
    });
    const after = await describeOne(tx, ctx, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'proposal.implemented',
      entityType: 'proposal',
      entityId: id,
      after: { implemented: after.implemented },
      at: ctx.now,
    });
    return after;
  });
}

function requireSupportable(row: ProposalsTable): void {
  if (row.hidden_at !== null) throw conflict('id', 'wrong_status', 'the proposal is hidden for moderation', { status: 'hidden' });
  if (!SUPPORTABLE_STATUSES.includes(row.status))
    throw conflict('id', 'wrong_status', `the proposal is ${row.status.replace('_', ' ')}: it takes no more supports`, {
      status: row.status,
    });
}

/**
 * A client supports a proposal, once: the primary key keeps one row per client however many
 * requests race, and the counter moves only when a row was really added, in the same transaction.
 * Reaching the threshold owes the answer. Returns whether this call added the support.
 */
export async function supportProposal(ctx: OrgContext, clientId: string, id: string): Promise<{ added: boolean; supports: number }> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await lockProposal(tx, ctx.org.id, id);
    requireSupportable(row);
    const client = await findClient(tx, ctx.org.id, clientId);
    if (!client) throw notFound('client', clientId);
    // A proposal to a segment is its clients' to support: its threshold is a share of them.
    if (row.segment_id !== null) {
      const segments = (await segmentsOfClients(tx, ctx.org.id, [clientId])).get(clientId) ?? [];
      if (!segments.includes(row.segment_id))
        throw new AppError('forbidden', 'this proposal is made to a segment the client is not in', [
          fieldError('clientId', 'not_member', 'not in the segment', { of: 'segment' }),
        ]);
    }
    const added = await insertSupport(tx, ctx.org.id, id, clientId, ctx.now);
    if (!added) return { added, supports: row.supports };
    await addToSupports(tx, ctx.org.id, id, 1, ctx.now);
    const after = await checkThreshold(tx, ctx, await loadProposal(tx, ctx.org.id, id));
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'proposal.supported',
      entityType: 'proposal',
      entityId: id,
      after: { clientId, supports: after.supports },
      at: ctx.now,
    });
    return { added, supports: after.supports };
  });
}

/** A client withdraws their support; an answer already owed stays owed. */
export async function withdrawSupport(ctx: OrgContext, clientId: string, id: string): Promise<{ removed: boolean; supports: number }> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await lockProposal(tx, ctx.org.id, id);
    if (!SUPPORTABLE_STATUSES.includes(row.status))
      throw conflict('id', 'wrong_status', `the proposal is ${row.status.replace('_', ' ')}: its supports are final`, {
        status: row.status,
      });
    const removed = await deleteSupport(tx, ctx.org.id, id, clientId);
    if (!removed) return { removed, supports: row.supports };
    await addToSupports(tx, ctx.org.id, id, -1, ctx.now);
    const after = await loadProposal(tx, ctx.org.id, id);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'proposal.support_withdrawn',
      entityType: 'proposal',
      entityId: id,
      after: { clientId, supports: after.supports },
      at: ctx.now,
    });
    return { removed, supports: after.supports };
  });
}

/** Whether the client supports the proposal. */
export async function isSupporting(ctx: OrgContext, clientId: string, id: string): Promise<boolean> {
  return hasSupport(ctx.db, ctx.org.id, id, clientId);
}
