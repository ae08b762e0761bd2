import { z } from 'zod';
import { mostSimilar } from '../../core/voice/similarity.js';
import type { Db } from '../../db/schema.js';
import { ZId, ZPageQuery } from '../common.schema.js';
import { listAwaitingProposals } from './proposal.repository.js';

/** How many of the newest proposals awaiting an answer one request compares with (bounded work). */
export const SIMILAR_CANDIDATES = 300;
export const SIMILAR_LIMIT = 5;
/** The most similar proposals one comparison keeps, paged `limit` at a time. */
export const SIMILAR_MAX = 20;

export const ZSimilarQuery = ZPageQuery.extend({
  text: z.string().trim().min(1, 'say what you propose').max(5000).describe('the new proposal’s title and text'),
  limit: z.coerce.number().int().min(1).max(SIMILAR_MAX).default(SIMILAR_LIMIT),
});
export type TSimilarQuery = z.output<typeof ZSimilarQuery>;

export const ZSimilarProposal = z.object({
  id: ZId,
  title: z.string(),
  status: z.enum(['open', 'under_consideration']),
  supports: z.number().int(),
  threshold: z.number().int(),
  score: z.number().describe('0 to 1: the mean of stem and trigram Jaccard indices, two decimals'),
});
export const ZSimilarProposals = z.object({
  items: z.array(ZSimilarProposal).describe(`best first; only those from the similarity bar up, at most ${SIMILAR_MAX} in all`),
  nextCursor: z.string().nullable(),
  compared: z.number().int().describe(`how many proposals were compared: the newest open ones, at most ${SIMILAR_CANDIDATES}`),
});
export type TSimilarProposal = z.output<typeof ZSimilarProposal>;

/**
 * Proposals of the organization like the texts (a title, a title with its body), so a client supports one instead of adding a
 * duplicate: compared with at most the `SIMILAR_CANDIDATES` newest proposals still awaiting an answer
 * (open or under consideration, not hidden), read through the (org, created) index.
 */
export async function similarProposals(
  db: Db,
  orgId: string,
  texts: readonly string[],
  limit = SIMILAR_LIMIT,
): Promise<{ items: TSimilarProposal[]; compared: number }> {
  const rows = await listAwaitingProposals(db, orgId, SIMILAR_CANDIDATES);
  const found = mostSimilar(
    texts,
    rows.map((r) => ({ ...r, texts: [r.title, `${r.title} ${r.body}`] })),
    limit,
  );
  return {
    items: found.map(({ item, score }) => ({
      id: item.id,
      title: item.title,
      status: item.status as TSimilarProposal['status'],
      supports: item.supports,
      threshold: item.threshold,
      score,
    })),
    compared: rows.length,
  };
}
