import { invalidField } from '../../core/errors.js';
import { dayInZone } from '../../core/governance/dates.js';
import { nextReviewDay } from '../../core/governance/reviews.js';
import { newId } from '../../core/ids.js';
import type { ReviewsTable, Tx } from '../../db/schema.js';
import { actorName } from '../actor.js';
import type { OrgContext } from '../context.js';
import type { TCreateReview, TReview } from './agreement.schema.js';
import { insertReviewRow, listReviewRows, listReviewRowsOf } from './review.repository.js';

/** Reviews of agreements and decisions share one table and one rule for the next date. */
export type ReviewSubject = ReviewsTable['subject_type'];

export const toReview = (row: ReviewsTable): TReview => ({
  id: row.id,
  outcome: row.outcome,
  note: row.note,
  reviewedDate: row.reviewed_date,
  nextReviewDate: row.next_review_date,
  actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
  createdAt: row.created_at,
});

/**
 * Checks a review's next date against the organization's today: retiring needs none; otherwise one
 * is required and must lie after today, or the thing would be due again at once.
 */
export function checkNextReviewDate(ctx: OrgContext, input: TCreateReview): string | null {
  const next = nextReviewDay(input.outcome, input.nextReviewDate, dayInZone(ctx.now, ctx.org.time_zone));
  if ('date' in next) return next.date;
  if (next.problem === 'required') throw invalidField('nextReviewDate', 'required', 'required unless the outcome is retire');
  throw invalidField('nextReviewDate', 'not_in_future', 'must be after today in the organization’s time zone');
}

export async function insertReview(tx: Tx, ctx: OrgContext, subjectType: ReviewSubject, subjectId: string, input: TCreateReview) {
  const row: ReviewsTable = {
    id: newId(),
    org_id: ctx.org.id,
    subject_type: subjectType,
    subject_id: subjectId,
    outcome: input.outcome,
    note: input.note,
    reviewed_date: dayInZone(ctx.now, ctx.org.time_zone),
    next_review_date: input.outcome === 'retire' ? null : input.nextReviewDate,
    actor_type: ctx.actor.type,
    actor_id: ctx.actor.id,
    actor_label: await actorName(tx, ctx),
    created_at: ctx.now,
  };
  await insertReviewRow(tx, row);
  return toReview(row);
}

/** Reviews of one subject, oldest first. */
export async function listReviews(tx: Tx, orgId: string, subjectType: ReviewSubject, subjectId: string): Promise<TReview[]> {
  return (await listReviewRows(tx, orgId, subjectType, subjectId)).map(toReview);
}

/** The latest review of each subject, by subject id. */
export async function lastReviews(tx: Tx, orgId: string, subjectType: ReviewSubject, ids: string[]): Promise<Map<string, TReview>> {
  const latest = new Map<string, TReview>();
  for (const row of await listReviewRowsOf(tx, orgId, subjectType, ids)) latest.set(row.subject_id, toReview(row));
  return latest;
}
