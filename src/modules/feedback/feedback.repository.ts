import { invalidField, notFound } from '../../core/errors.js';
import { boundsOf } from '../../core/voice/answered-range.js';
import type { Db, FeedbackSubjectType, FeedbackTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { cursorOf } from '../list.js';
import type { TFeedback, TFeedbackFilter } from './feedback.schema.js';

/** What a subject's type and id resolve to: the stored columns and the name shown beside it. */
export interface ResolvedSubject {
  subject_type: FeedbackSubjectType | null;
  subject_id: string | null;
  touchpoint: string | null;
  name: string | null;
}

/**
 * Checks a subject against the organization: a promise or a team must exist there (`onlyPublic`:
 * a published client promise, for what clients may rate); a touchpoint is its name. Errors name
 * `field` (`subjectId` in the API, the form's field in the portal).
 */
export async function resolveSubject(
  tx: Tx,
  orgId: string,
  subjectType: FeedbackSubjectType | undefined | null,
  subjectId: string | undefined | null,
  options: { onlyPublic?: boolean; field?: string } = {},
): Promise<ResolvedSubject> {
  const field = options.field ?? 'subjectId';
  if (!subjectType || !subjectId) return { subject_type: null, subject_id: null, touchpoint: null, name: null };
  if (subjectType === 'touchpoint') return { subject_type: 'touchpoint', subject_id: subjectId, touchpoint: subjectId, name: subjectId };
  if (subjectType === 'promise') {
    let q = tx.selectFrom('promises').select('title').where('org_id', '=', orgId).where('id', '=', subjectId);
    if (options.onlyPublic) q = q.where('kind', '=', 'client').where('status', '=', 'published');
    const promise = await q.executeTakeFirst();
    if (!promise) throw invalidField(field, 'not_found', 'no promise with this id in the organization', { entity: 'promise' });
    return { subject_type: 'promise', subject_id: subjectId, touchpoint: null, name: promise.title };
  }
  const team = await tx.selectFrom('teams').select('name').where('org_id', '=', orgId).where('id', '=', subjectId).executeTakeFirst();
  if (!team) throw invalidField(field, 'not_found', 'no team with this id in the organization', { entity: 'team' });
  return { subject_type: 'team', subject_id: subjectId, touchpoint: null, name: team.name };
}

type FeedbackQuery = ReturnType<typeof baseQuery>;
function baseQuery(tx: Tx, orgId: string) {
  return tx.selectFrom('feedback').where('feedback.org_id', '=', orgId);
}

/** Feedback of the organization matching the filter (kind, subject, client, answered within the bounds). */
export function filteredFeedback(tx: Tx, orgId: string, filter: TFeedbackFilter, timeZone: string): FeedbackQuery {
  const { from, to } = boundsOf(filter, timeZone);
  let q = baseQuery(tx, orgId);
  if (filter.kind) q = q.where('feedback.kind', '=', filter.kind);
  if (filter.subjectType) q = q.where('feedback.subject_type', '=', filter.subjectType);
  if (filter.subjectId) q = q.where('feedback.subject_id', '=', filter.subjectId);
  if (filter.clientId) q = q.where('feedback.client_id', '=', filter.clientId);
  if (from !== undefined) q = q.where('feedback.answered_at', '>=', from);
  if (to !== undefined) q = q.where('feedback.answered_at', '<', to);
  return q;
}

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

/** Rows as the API shows them: subjects, clients and pains by name (one query per kind). */
export async function describeFeedback(tx: Tx, orgId: string, rows: FeedbackTable[]): Promise<TFeedback[]> {
  if (rows.length === 0) return [];
  const ids = (type: FeedbackSubjectType) => unique(rows.filter((r) => r.subject_type === type).map((r) => r.subject_id));
  const promiseIds = ids('promise');
  const teamIds = ids('team');
  const clientIds = unique(rows.map((r) => r.client_id));
  const painIds = unique(rows.map((r) => r.pain_id));
  const promises = promiseIds.length
    ? await tx.selectFrom('promises').select(['id', 'title']).where('org_id', '=', orgId).where('id', 'in', promiseIds).execute()
    : [];
  const teams = teamIds.length
    ? await tx.selectFrom('teams').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', teamIds).execute()
    : [];
  const clients = clientIds.length
    ? await tx.selectFrom('clients').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', clientIds).execute()
    : [];
  const pains = painIds.length
    ? await tx
        .selectFrom('pains')
        .innerJoin('segments', 'segments.id', 'pains.segment_id')
        .select(['pains.id', 'pains.text', 'pains.segment_id', 'segments.name as segment_name'])
        .where('pains.org_id', '=', orgId)
        .where('pains.id', 'in', painIds)
        .execute()
    : [];
  const names = new Map<string, string>([
    ...promises.map((p) => [`promise:${p.id}`, p.title] as const),
    ...teams.map((t) => [`team:${t.id}`, t.name] as const),
  ]);
  const clientNames = new Map(clients.map((c) => [c.id, c.name]));
  const painById = new Map(pains.map((p) => [p.id, p]));
  return rows.map((r) => {
    const pain = r.pain_id ? painById.get(r.pain_id) : undefined;
    return {
      id: r.id,
      kind: r.kind,
      score: r.score,
      comment: r.comment,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      subjectName:
        r.subject_type === 'touchpoint'
          ? (r.touchpoint ?? r.subject_id)
          : r.subject_type
            ? (names.get(`${r.subject_type}:${r.subject_id}`) ?? null)
            : null,
      client: r.client_id ? { id: r.client_id, name: clientNames.get(r.client_id) ?? '' } : null,
      surveyId: r.survey_id,
      source: r.source,
      answeredAt: r.answered_at,
      pain: pain ? { id: pain.id, text: pain.text, segmentId: pain.segment_id, segmentName: pain.segment_name } : null,
      triagedAt: r.triaged_at,
      reply: r.reply,
      repliedAt: r.replied_at,
      repliedBy: r.replied_by,
      createdAt: r.created_at,
    };
  });
}

/** The response, or 404. */
export async function loadFeedbackRow(tx: Tx, orgId: string, id: string): Promise<FeedbackTable> {
  const row = await tx.selectFrom('feedback').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('feedback', id);
  return row;
}

export async function insertFeedbackRow(tx: Tx, row: FeedbackTable): Promise<void> {
  await tx.insertInto('feedback').values(row).execute();
}

export async function updateFeedbackRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Omit<FeedbackTable, 'id' | 'org_id' | 'created_at'>>,
): Promise<void> {
  await tx.updateTable('feedback').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** One page of responses matching the filter, newest answer first (one row more than the page, to tell a next one). */
export async function listFeedbackRows(
  db: Db,
  orgId: string,
  query: TFeedbackFilter & TPageQuery & { triaged?: 'yes' | 'no' },
  timeZone: string,
): Promise<FeedbackTable[]> {
  let q = filteredFeedback(db, orgId, query, timeZone).selectAll();
  if (query.triaged === 'yes') q = q.where('pain_id', 'is not', null);
  if (query.triaged === 'no') q = q.where('pain_id', 'is', null);
  const after = cursorOf(query);
  if (after)
    q = q.where((eb) => eb.or([eb('answered_at', '<', after.t), eb.and([eb('answered_at', '=', after.t), eb('id', '<', after.id)])]));
  return q
    .orderBy('answered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
}

/** How many responses matching the filter gave each score (counted by the database). */
export async function countScores(
  db: Db,
  orgId: string,
  filter: TFeedbackFilter,
  timeZone: string,
): Promise<{ score: number | null; count: number }[]> {
  const counts = await filteredFeedback(db, orgId, filter, timeZone)
    .select((eb) => ['feedback.score', eb.fn.countAll<number>().as('count')])
    .where('feedback.score', 'is not', null)
    .groupBy('feedback.score')
    .execute();
  return counts.map((c) => ({ score: c.score, count: Number(c.count) }));
}

/** Scores and when they were given, of the responses matching the filter answered in [from, to). */
export async function listScoresBetween(
  db: Db,
  orgId: string,
  filter: TFeedbackFilter,
  timeZone: string,
  from: number,
  to: number,
): Promise<{ score: number | null; answered_at: number }[]> {
  return filteredFeedback(db, orgId, { ...filter, from: undefined, to: undefined }, timeZone)
    .select(['feedback.score', 'feedback.answered_at'])
    .where('feedback.answered_at', '>=', from)
    .where('feedback.answered_at', '<', to)
    .where('feedback.score', 'is not', null)
    .execute();
}

/** A client's own responses, newest first, at most `limit`. */
export async function listFeedbackOfClient(db: Db, orgId: string, clientId: string, limit: number): Promise<FeedbackTable[]> {
  return db
    .selectFrom('feedback')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('answered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Removes the evidence a triaged response gave its pain (kind `feedback`, from `source`). */
export async function deleteFeedbackEvidence(tx: Tx, orgId: string, source: string): Promise<void> {
  await tx.deleteFrom('evidence').where('org_id', '=', orgId).where('kind', '=', 'feedback').where('source', '=', source).execute();
}
