import { invalidField, notFound } from '../../core/errors.js';
import { newId, newSecret } from '../../core/ids.js';
import type { Db, SurveysTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { TPageQuery } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { resolveSubject } from './feedback.repository.js';
import type { TFeedback, TSurvey, TSurveyInput, TSurveyPatch } from './feedback.schema.js';
import { insertFeedback } from './feedback.service.js';
import {
  countAnswersBySurvey,
  findActiveSurveyByKey,
  findSurvey,
  insertSurvey,
  pageSurveys,
  updateSurveyRow,
} from './survey.repository.js';

/** The survey's public link: `/c/{org}/s/{key}` under the server's public address. */
export function surveyUrl(publicUrl: string, slug: string, key: string): string {
  return `${publicUrl.replace(/\/$/, '')}/c/${encodeURIComponent(slug)}/s/${encodeURIComponent(key)}`;
}

async function describeSurveys(tx: Tx, ctx: OrgContext, rows: SurveysTable[], publicUrl: string): Promise<TSurvey[]> {
  if (rows.length === 0) return [];
  const byId = await countAnswersBySurvey(
    tx,
    ctx.org.id,
    rows.map((r) => r.id),
  );
  const out: TSurvey[] = [];
  for (const r of rows) {
    // A subject removed since is shown without its name rather than failing the list.
    const subject = await resolveSubject(tx, ctx.org.id, r.subject_type, r.subject_id).catch(() => ({ name: null }));
    out.push({
      id: r.id,
      kind: r.kind,
      question: r.question,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      subjectName: subject.name,
      publicKey: r.public_key,
      url: surveyUrl(publicUrl, ctx.org.slug, r.public_key),
      active: r.active === 1,
      responses: byId.get(r.id) ?? 0,
      createdAt: r.created_at,
    });
  }
  return out;
}

async function loadSurvey(tx: Tx, orgId: string, id: string): Promise<SurveysTable> {
  const row = await findSurvey(tx, orgId, id);
  if (!row) throw notFound('survey', id);
  return row;
}

/** A survey of one question with a random public key: anyone with its link may answer. */
export async function createSurvey(ctx: OrgContext, input: TSurveyInput, publicUrl: string): Promise<TSurvey> {
  return ctx.db.transaction().execute(async (tx) => {
    const subject = await resolveSubject(tx, ctx.org.id, input.subjectType, input.subjectId);
    const row: SurveysTable = {
      id: newId(),
      org_id: ctx.org.id,
      kind: input.kind,
      question: input.question,
      subject_type: subject.subject_type,
      subject_id: subject.subject_id,
      touchpoint: subject.touchpoint,
      public_key: newSecret(),
      active: 1,
      created_at: ctx.now,
      created_by: ctx.actor.id,
    };
    await insertSurvey(tx, row);
    const [survey] = await describeSurveys(tx, ctx, [row], publicUrl);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'survey.created',
      entityType: 'survey',
      entityId: row.id,
      after: { ...survey, publicKey: undefined, url: undefined },
      at: ctx.now,
    });
    return survey as TSurvey;
  });
}

export async function listSurveys(ctx: OrgContext, query: TPageQuery & { active?: 'yes' | 'no' }, publicUrl: string) {
  const page = await pageSurveys(ctx.db, ctx.org.id, query);
  return { items: await describeSurveys(ctx.db, ctx, page.items, publicUrl), nextCursor: page.nextCursor };
}

/** Changes the question or (de)activates the link; answers already given stay. */
export async function updateSurvey(ctx: OrgContext, id: string, patch: TSurveyPatch, publicUrl: string): Promise<TSurvey> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await loadSurvey(tx, ctx.org.id, id);
    const set = {
      ...(patch.question !== undefined && { question: patch.question }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
    };
    await updateSurveyRow(tx, ctx.org.id, id, set);
    const [survey] = await describeSurveys(tx, ctx, [{ ...row, ...set }], publicUrl);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'survey.updated',
      entityType: 'survey',
      entityId: id,
      before: { question: row.question, active: row.active === 1 },
      after: { question: survey?.question, active: survey?.active },
      at: ctx.now,
    });
    return survey as TSurvey;
  });
}

/** An active survey by its public key, with its subject's name; null when unknown or deactivated. */
export async function findActiveSurvey(
  db: Db,
  orgId: string,
  publicKey: string,
): Promise<(SurveysTable & { subjectName: string | null }) | null> {
  if (publicKey.length > 100) return null;
  const row = await findActiveSurveyByKey(db, orgId, publicKey);
  if (!row) return null;
  const subject = await resolveSubject(db, orgId, row.subject_type, row.subject_id).catch(() => ({ name: null }));
  return { ...row, subjectName: subject.name };
}

/**
 * An answer through a survey's public link (source `link`), of the signed-in client or anonymous;
 * the survey's kind and subject carry over. A score or a comment is needed; unknown or deactivated
 * key: not_found.
 */
export async function answerSurvey(
  ctx: OrgContext,
  publicKey: string,
  answer: { score: number | null; comment: string },
  clientId: string | null,
): Promise<TFeedback> {
  const survey = await findActiveSurvey(ctx.db, ctx.org.id, publicKey);
  if (!survey) throw notFound('survey');
  if (answer.score === null && answer.comment.trim() === '')
    throw invalidField('score', 'one_of', 'choose a score or write a comment', { fields: ['score', 'comment'] });
  return ctx.db.transaction().execute((tx) =>
    insertFeedback(
      tx,
      ctx,
      {
        kind: survey.kind,
        score: answer.score,
        comment: answer.comment.trim(),
        subjectType: survey.subject_type ?? undefined,
        subjectId: survey.subject_id ?? undefined,
        clientId: clientId ?? undefined,
      },
      { source: 'link', surveyId: survey.id },
    ),
  );
}
