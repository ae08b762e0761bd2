/** Reviews of agreements and decisions: when the next one falls. */

/**
 * The next review day a review sets: none when it retires the thing; otherwise it must be given
 * (`required`) and lie after `today` (`not_after_today`), or the thing would be due again at once.
 */
export function nextReviewDay(
  outcome: string,
  nextReviewDate: string | null,
  today: string,
): { date: string | null } | { problem: 'required' | 'not_after_today' } {
  if (outcome === 'retire') return { date: null };
  if (nextReviewDate === null) return { problem: 'required' };
  if (nextReviewDate <= today) return { problem: 'not_after_today' };
  return { date: nextReviewDate };
}
