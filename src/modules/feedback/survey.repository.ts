import type { Db, SurveysTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByCreated } from '../list.js';

/** Answers given to each of the surveys, by survey id. */
export async function countAnswersBySurvey(tx: Tx, orgId: string, surveyIds: string[]): Promise<Map<string | null, number>> {
  const counts = await tx
    .selectFrom('feedback')
    .select((eb) => ['survey_id', eb.fn.countAll<number>().as('count')])
    .where('org_id', '=', orgId)
    .where('survey_id', 'in', surveyIds)
    .groupBy('survey_id')
    .execute();
  return new Map(counts.map((c) => [c.survey_id, Number(c.count)]));
}

export async function findSurvey(tx: Tx, orgId: string, id: string): Promise<SurveysTable | undefined> {
  return tx.selectFrom('surveys').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function insertSurvey(tx: Tx, row: SurveysTable): Promise<void> {
  await tx.insertInto('surveys').values(row).execute();
}

export async function updateSurveyRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<SurveysTable, 'question' | 'active'>>,
): Promise<void> {
  await tx.updateTable('surveys').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Surveys, active or not when asked, keyset-paginated in the order they were made. */
export async function pageSurveys(db: Db, orgId: string, query: TPageQuery & { active?: 'yes' | 'no' }) {
  let q = db.selectFrom('surveys').selectAll().where('org_id', '=', orgId);
  if (query.active) q = q.where('active', '=', query.active === 'yes' ? 1 : 0);
  return pageByCreated<SurveysTable, 'surveys'>(q, 'surveys', query);
}

/** The active survey with this public key, or undefined. */
export async function findActiveSurveyByKey(db: Db, orgId: string, publicKey: string): Promise<SurveysTable | undefined> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('public_key', '=', publicKey)
    .where('active', '=', 1)
    .executeTakeFirst();
}
