/** Queries of reviews: agreements and decisions share one table. */
import type { ReviewsTable, Tx } from '../../db/schema.js';

export async function insertReviewRow(tx: Tx, row: ReviewsTable): Promise<void> {
  await tx.insertInto('reviews').values(row).execute();
}

/** Reviews of one subject, oldest first. */
export async function listReviewRows(
  tx: Tx,
  orgId: string,
  subjectType: ReviewsTable['subject_type'],
  subjectId: string,
): Promise<ReviewsTable[]> {
  return tx
    .selectFrom('reviews')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Reviews of these subjects, oldest first. */
export async function listReviewRowsOf(
  tx: Tx,
  orgId: string,
  subjectType: ReviewsTable['subject_type'],
  subjectIds: string[],
): Promise<ReviewsTable[]> {
  const rows: ReviewsTable[] = [];
  for (let i = 0; i < subjectIds.length; i += 500) {
    rows.push(
      ...(await tx
        .selectFrom('reviews')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('subject_type', '=', subjectType)
        .where('subject_id', 'in', subjectIds.slice(i, i + 500))
        .orderBy('created_at')
        .orderBy('id')
        .execute()),
    );
  }
  return rows;
}
