import { sql } from 'kysely';
import type { ContentReportsTable, Db, Tx } from '../../db/schema.js';

export type ReportSubject = 'proposal' | 'feedback';
const TABLE = { proposal: 'proposals', feedback: 'feedback' } as const;

export async function subjectExists(tx: Tx, orgId: string, type: ReportSubject, id: string): Promise<boolean> {
  const row = await tx.selectFrom(TABLE[type]).select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** Stores a report; false when this reporter already reported the subject (a unique key decides). */
export async function insertReport(tx: Tx, row: ContentReportsTable): Promise<boolean> {
  const inserted = await tx
    .insertInto('content_reports')
    .values(row)
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'reporter']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Moves the subject's report counter by one in SQL, so concurrent reports never lose an update. */
export async function addReportToSubject(tx: Tx, orgId: string, type: ReportSubject, id: string): Promise<void> {
  await tx.updateTable(TABLE[type]).set({ reports: sql<number>`reports + 1` }).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** The subject's report counter and when it was hidden; it must exist. */
export async function loadReportState(
  tx: Tx,
  orgId: string,
  type: ReportSubject,
  id: string,
): Promise<{ reports: number; hidden_at: number | null }> {
  return tx
    .selectFrom(TABLE[type])
    .select(['reports', 'hidden_at'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Open reports of the subject made by signed-in clients. */
export async function countOpenClientReports(tx: Tx, orgId: string, type: ReportSubject, id: string): Promise<number> {
  const row = await tx
    .selectFrom('content_reports')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('subject_type', '=', type)
    .where('subject_id', '=', id)
    .where('resolved_at', 'is', null)
    .where('reporter', 'like', 'client:%')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function hideSubject(tx: Tx, orgId: string, type: ReportSubject, id: string, at: number): Promise<void> {
  await tx.updateTable(TABLE[type]).set({ hidden_at: at }).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Shows the subject again with its report counter at zero. */
export async function showSubject(tx: Tx, orgId: string, type: ReportSubject, id: string): Promise<void> {
  await tx.updateTable(TABLE[type]).set({ hidden_at: null, reports: 0 }).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Hides the subject from `at` unless it is hidden already (then since when it was). */
export async function keepSubjectHidden(tx: Tx, orgId: string, type: ReportSubject, id: string, at: number): Promise<void> {
  await tx
    .updateTable(TABLE[type])
    .set({ hidden_at: sql<number>`coalesce(hidden_at, ${at})` })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** When the subject was hidden (null: shown); undefined when there is no such subject. */
export async function findSubjectHiddenAt(
  tx: Tx,
  orgId: string,
  type: ReportSubject,
  id: string,
): Promise<{ hidden_at: number | null } | undefined> {
  return tx.selectFrom(TABLE[type]).select('hidden_at').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** Every open report, the oldest first. */
export async function listOpenReports(
  db: Db,
  orgId: string,
): Promise<Pick<ContentReportsTable, 'id' | 'subject_type' | 'subject_id' | 'reason' | 'created_at'>[]> {
  return db
    .selectFrom('content_reports')
    .select(['id', 'subject_type', 'subject_id', 'reason', 'created_at'])
    .where('org_id', '=', orgId)
    .where('resolved_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** What the moderation queue shows of reported proposals, 500 ids to a query. */
export async function listReportedProposals(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; title: string; body: string; hidden_at: number | null }[]> {
  const out: { id: string; title: string; body: string; hidden_at: number | null }[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('proposals')
        .select(['id', 'title', 'body', 'hidden_at'])
        .where('org_id', '=', orgId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/** What the moderation queue shows of reported feedback comments, 500 ids to a query. */
export async function listReportedFeedback(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; kind: string; comment: string; hidden_at: number | null }[]> {
  const out: { id: string; kind: string; comment: string; hidden_at: number | null }[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('feedback')
        .select(['id', 'kind', 'comment', 'hidden_at'])
        .where('org_id', '=', orgId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/** What an open report of the subject reports (a proposal or a comment), or undefined when none is open. */
export async function findOpenReportType(tx: Tx, orgId: string, subjectId: string): Promise<ReportSubject | undefined> {
  const open = await tx
    .selectFrom('content_reports')
    .select('subject_type')
    .where('org_id', '=', orgId)
    .where('subject_id', '=', subjectId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return open?.subject_type;
}

/** Closes the subject's open reports. */
export async function resolveOpenReports(
  tx: Tx,
  orgId: string,
  subjectId: string,
  set: Pick<ContentReportsTable, 'resolved_at' | 'resolution' | 'resolved_by'>,
): Promise<void> {
  await tx
    .updateTable('content_reports')
    .set(set)
    .where('org_id', '=', orgId)
    .where('subject_id', '=', subjectId)
    .where('resolved_at', 'is', null)
    .execute();
}
