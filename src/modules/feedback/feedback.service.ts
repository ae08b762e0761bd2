import { AppError, conflict, invalidField } from '../../core/errors.js';
import { dayInZone } from '../../core/governance/dates.js';
import { newId } from '../../core/ids.js';
import { pageOf } from '../../core/pagination.js';
import { boundsOf } from '../../core/voice/answered-range.js';
import {
  bucketOf,
  type FeedbackKind,
  feedbackTrend,
  SCORE_RANGE,
  summarizeScoreCounts,
  type TrendBucket,
} from '../../core/voice/feedback.js';
import type { Db, FeedbackTable, Tx } from '../../db/schema.js';
import { translate } from '../../i18n/index.js';
import { actorName } from '../actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import { findClient } from '../clients/client.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { findSegment } from '../discovery/discovery.repository.js';
import { findItemRow, insertEvidence } from '../discovery/item.repository.js';
import { insertItem, loadItem } from '../discovery/item.service.js';
import { queueMail } from '../mail/outbox.service.js';
import { roleCan, scopesAllow } from '../permissions.js';
import { findToken } from '../tokens/token.repository.js';
import {
  countScores,
  deleteFeedbackEvidence,
  describeFeedback,
  insertFeedbackRow,
  listFeedbackOfClient,
  listFeedbackRows,
  listScoresBetween,
  loadFeedbackRow,
  resolveSubject,
  updateFeedbackRow,
} from './feedback.repository.js';
import type { TFeedback, TFeedbackFilter, TFeedbackInput, TTriage } from './feedback.schema.js';

/** An answer may be dated at most this far after the server's clock (clocks of importing tools drift). */
const FUTURE_SLACK_MS = 60_000;
/** Evidence text is limited like the discovery API's. */
const EVIDENCE_TEXT_MAX = 2000;

async function describeOne(tx: Tx, orgId: string, row: FeedbackTable): Promise<TFeedback> {
  return (await describeFeedback(tx, orgId, [row]))[0] as TFeedback;
}

/**
 * Stores one response inside the caller's transaction after checking its subject and client in the
 * organization; the audit log records it. The input's score is already checked against its kind.
 */
export async function insertFeedback(
  tx: Tx,
  ctx: OrgContext,
  input: TFeedbackInput,
  how: { source: FeedbackTable['source']; surveyId?: string | null; onlyPublicSubjects?: boolean; fields?: Record<string, string> },
): Promise<TFeedback> {
  const field = (name: string) => how.fields?.[name] ?? name;
  const subject = await resolveSubject(tx, ctx.org.id, input.subjectType, input.subjectId, {
    onlyPublic: how.onlyPublicSubjects,
    field: field('subjectId'),
  });
  if (input.clientId) {
    const client = await findClient(tx, ctx.org.id, input.clientId);
    if (!client) throw invalidField(field('clientId'), 'not_found', 'no client with this id in the organization', { entity: 'client' });
  }
  const answeredAt = input.answeredAt ? Date.parse(input.answeredAt) : ctx.now;
  if (answeredAt > ctx.now + FUTURE_SLACK_MS) throw invalidField(field('answeredAt'), 'in_future', 'must not be in the future');
  const score = input.score ?? null;
  if (score !== null && (score < SCORE_RANGE[input.kind].min || score > SCORE_RANGE[input.kind].max))
    throw invalidField(
      field('score'),
      'out_of_range',
      `${input.kind} scores run from ${SCORE_RANGE[input.kind].min} to ${SCORE_RANGE[input.kind].max}`,
      { minimum: SCORE_RANGE[input.kind].min, maximum: SCORE_RANGE[input.kind].max },
    );
  const row: FeedbackTable = {
    id: newId(),
    org_id: ctx.org.id,
    survey_id: how.surveyId ?? null,
    kind: input.kind,
    score,
    comment: input.comment ?? '',
    subject_type: subject.subject_type,
    subject_id: subject.subject_id,
    touchpoint: subject.touchpoint,
    client_id: input.clientId ?? null,
    source: how.source,
    answered_at: answeredAt,
    pain_id: null,
    triaged_by: null,
    triaged_at: null,
    reply: null,
    replied_by: null,
    replied_at: null,
    reports: 0,
    hidden_at: null,
    created_at: ctx.now,
  };
  await insertFeedbackRow(tx, row);
  const feedback = await describeOne(tx, ctx.org.id, row);
  await appendAudit(tx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    action: 'feedback.created',
    entityType: 'feedback',
    entityId: row.id,
    after: feedback,
    at: ctx.now,
  });
  return feedback;
}

/** A response recorded through the API (staff, or a tool importing with scope `feedback:write`). */
export async function createFeedback(ctx: OrgContext, input: TFeedbackInput): Promise<TFeedback> {
  return ctx.db.transaction().execute((tx) => insertFeedback(tx, ctx, input, { source: 'api' }));
}

/**
 * A signed-in client's own feedback from the portal: about a published client promise of the
 * organization, a team or a touchpoint; dated now.
 */
export async function giveFeedback(
  ctx: OrgContext,
  clientId: string,
  input: Omit<TFeedbackInput, 'clientId' | 'answeredAt'>,
): Promise<TFeedback> {
  return ctx.db
    .transaction()
    .execute((tx) =>
      insertFeedback(tx, ctx, { ...input, clientId, answeredAt: undefined }, { source: 'portal', onlyPublicSubjects: true }),
    );
}

/** Responses matching the filter, newest answer first, paged by cursor. */
export async function listFeedback(
  ctx: OrgContext,
  query: TFeedbackFilter & TPageQuery & { triaged?: 'yes' | 'no' },
): Promise<{ items: TFeedback[]; nextCursor: string | null }> {
  const rows = await listFeedbackRows(ctx.db, ctx.org.id, query, ctx.org.time_zone);
  const page = pageOf(rows, query.limit, (r) => ({ t: r.answered_at, id: r.id }));
  return { items: await describeFeedback(ctx.db, ctx.org.id, page.items), nextCursor: page.nextCursor };
}

/** One response. */
export async function getFeedback(ctx: OrgContext, id: string): Promise<TFeedback> {
  return describeOne(ctx.db, ctx.org.id, await loadFeedbackRow(ctx.db, ctx.org.id, id));
}

/** The figure of one kind over the filter: NPS, CSAT or CES with its n (counted by the database). */
export async function summarizeFor(db: Db, orgId: string, timeZone: string, filter: TFeedbackFilter & { kind: FeedbackKind }) {
  return summarizeScoreCounts(filter.kind, await countScores(db, orgId, filter, timeZone));
}

export async function feedbackSummary(ctx: OrgContext, filter: TFeedbackFilter & { kind: FeedbackKind }) {
  return summarizeFor(ctx.db, ctx.org.id, ctx.org.time_zone, filter);
}

/** Buckets shown when the caller names no start: the last 12 months, or the last 26 weeks. */
const DEFAULT_BUCKETS: Record<TrendBucket, number> = { month: 12, week: 26 };

/**
 * The figure per week or month in the organization's time zone, every bucket of the range listed
 * (empty ones with n 0 and score null). Without `from`, the range starts DEFAULT_BUCKETS back.
 */
export async function feedbackTrendFor(
  db: Db,
  orgId: string,
  timeZone: string,
  now: number,
  filter: TFeedbackFilter & { kind: FeedbackKind; bucket: TrendBucket },
) {
  const bounds = boundsOf(filter, timeZone);
  const to = bounds.to ?? bucketOf(now, filter.bucket, timeZone).to;
  let from = bounds.from;
  if (from === undefined) {
    let span = bucketOf(to - 1, filter.bucket, timeZone);
    for (let i = 1; i < DEFAULT_BUCKETS[filter.bucket]; i++) span = bucketOf(span.from - 1, filter.bucket, timeZone);
    from = span.from;
  }
  if (to <= from) throw invalidField('from', 'out_of_order', 'must come before to', { before: 'to' });
  const rows = await listScoresBetween(db, orgId, filter, timeZone, from, to);
  const points = feedbackTrend(
    filter.kind,
    rows.map((r) => ({ score: r.score, answeredAt: r.answered_at })),
    filter.bucket,
    timeZone,
    { from, to },
  );
  return { kind: filter.kind, bucket: filter.bucket, timeZone, points };
}

export async function feedbackTrendOf(ctx: OrgContext, filter: TFeedbackFilter & { kind: FeedbackKind; bucket: TrendBucket }) {
  return feedbackTrendFor(ctx.db, ctx.org.id, ctx.org.time_zone, ctx.now, filter);
}

const evidenceSource = (feedbackId: string) => `feedback:${feedbackId}`;

function evidenceText(row: FeedbackTable): string {
  const { max } = SCORE_RANGE[row.kind];
  const score = row.score === null ? row.kind.toUpperCase() : `${row.kind.toUpperCase()} ${row.score}/${max}`;
  return (row.comment ? `${score}: ${row.comment}` : score).slice(0, EVIDENCE_TEXT_MAX);
}

type TNewPain = NonNullable<TTriage['newPain']>;

/**
 * The pain a triage creates: in the segment named (of the organization, 422 naming
 * newPain.segmentId otherwise), audited as created. Creating a pain needs discovery:write, as on
 * the discovery pages.
 */
async function createTaggedPain(tx: Tx, ctx: OrgContext, input: TNewPain, alsoPainId: string | null): Promise<string> {
  if (!(await mayWriteDiscovery(tx, ctx))) throw new AppError('forbidden', 'creating a pain needs the discovery:write permission');
  // Ids first, each on its own field; then the choice between an existing pain and a new one.
  if (alsoPainId !== null) {
    const pain = await findItemRow(tx, ctx.org.id, 'pain', alsoPainId);
    if (!pain) throw invalidField('painId', 'not_found', 'no pain with this id in the organization', { entity: 'pain' });
  }
  const segment = await findSegment(tx, ctx.org.id, input.segmentId);
  if (!segment) throw invalidField('newPain.segmentId', 'not_found', 'no segment with this id in the organization', { entity: 'segment' });
  if (alsoPainId !== null)
    throw invalidField('newPain', 'one_of', 'send either painId or newPain, not both', { fields: ['painId', 'newPain'] });
  const { segmentId, ...pain } = input;
  const painId = await insertItem(tx, ctx, 'pain', segmentId, pain);
  await appendAudit(tx, {
    orgId: ctx.org.id,
    actor: ctx.actor,
    action: 'pain.created',
    entityType: 'pain',
    entityId: painId,
    after: await loadItem(tx, ctx, 'pain', painId),
    at: ctx.now,
  });
  return painId;
}

async function mayWriteDiscovery(tx: Tx, ctx: OrgContext): Promise<boolean> {
  if (ctx.actor.type === 'client') return false;
  if (ctx.actor.type === 'token') {
    const token = await findToken(tx, ctx.org.id, ctx.actor.id ?? '');
    return token !== undefined && scopesAllow(JSON.parse(token.scopes) as string[], 'discovery:write');
  }
  return ctx.role === undefined || roleCan(ctx.role, 'discovery:write');
}

/**
 * Tags a response to a pain of a segment — it becomes evidence of that pain (kind `feedback`,
 * source `feedback:<id>`, dated the day it was answered) — or, with null, removes the tag and
 * that evidence. Re-tagging moves the evidence. One transaction.
 */
export async function triageFeedback(
  ctx: OrgContext,
  id: string,
  tag: string | null | { newPain: TNewPain; painId?: string | null },
): Promise<TFeedback> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadFeedbackRow(tx, ctx.org.id, id);
    const painId = typeof tag === 'object' && tag !== null ? await createTaggedPain(tx, ctx, tag.newPain, tag.painId ?? null) : tag;
    if (painId !== null) {
      const pain = await findItemRow(tx, ctx.org.id, 'pain', painId);
      if (!pain) throw invalidField('painId', 'not_found', 'no pain with this id in the organization', { entity: 'pain' });
    }
    const before = await describeOne(tx, ctx.org.id, row);
    if (row.pain_id === painId) return before;
    await deleteFeedbackEvidence(tx, ctx.org.id, evidenceSource(id));
    const by = painId === null ? null : await actorName(tx, ctx);
    const set = { pain_id: painId, triaged_by: by, triaged_at: painId === null ? null : ctx.now };
    await updateFeedbackRow(tx, ctx.org.id, id, set);
    if (painId !== null) {
      await insertEvidence(tx, {
        id: newId(),
        org_id: ctx.org.id,
        subject_type: 'pain',
        subject_id: painId,
        kind: 'feedback',
        text: evidenceText(row),
        source: evidenceSource(id),
        observed_on: dayInZone(row.answered_at, ctx.org.time_zone),
        created_at: ctx.now,
        updated_at: ctx.now,
      });
    }
    const after = await describeOne(tx, ctx.org.id, { ...row, ...set });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: painId === null ? 'feedback.untagged' : 'feedback.triaged',
      entityType: 'feedback',
      entityId: id,
      before,
      after,
      at: ctx.now,
    });
    return after;
  });
}

/**
 * Answers the client who gave the response: the answer shows in their portal, and when they have an
 * e-mail address a message in the organization's language goes to the outbox (topic `feedback.reply`).
 * A later answer replaces the earlier one. Anonymous responses have no one to answer: 409.
 */
export async function replyToFeedback(ctx: OrgContext, id: string, text: string, publicUrl: string): Promise<TFeedback> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadFeedbackRow(tx, ctx.org.id, id);
    if (!row.client_id) throw conflict('id', 'not_applicable', 'the response is anonymous: there is no client to answer');
    const before = await describeOne(tx, ctx.org.id, row);
    const set = { reply: text, replied_by: await actorName(tx, ctx), replied_at: ctx.now };
    await updateFeedbackRow(tx, ctx.org.id, id, set);
    const client = await findClient(tx, ctx.org.id, row.client_id);
    if (client?.email) {
      const locale = ctx.org.locale;
      const vars = {
        org: ctx.org.name,
        name: client.name,
        reply: text,
        comment: row.comment || '—',
        link: `${publicUrl.replace(/\/$/, '')}/c/${encodeURIComponent(ctx.org.slug)}/feedback`,
      };
      await queueMail(
        tx,
        {
          orgId: ctx.org.id,
          to: client.email,
          subject: translate(locale, 'voiceFeedback.mail.replySubject', vars),
          body: translate(locale, 'voiceFeedback.mail.replyBody', vars),
          topic: 'feedback.reply',
        },
        ctx.now,
      );
    }
    const after = await describeOne(tx, ctx.org.id, { ...row, ...set });
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'feedback.replied',
      entityType: 'feedback',
      entityId: id,
      before,
      after,
      at: ctx.now,
    });
    return after;
  });
}

/** A client's own feedback with the staff's answers, newest first (their portal page; at most `limit`). */
export async function listClientFeedback(db: Db, orgId: string, clientId: string, limit = 50): Promise<TFeedback[]> {
  return describeFeedback(db, orgId, await listFeedbackOfClient(db, orgId, clientId, limit));
}
