import type { ModuleSubscription } from '../events.js';
import { recordSettledAnswers, settleProposals } from './settle.service.js';

/**
 * How proposals react to governance: a decision taken answers the proposals it settles, in its
 * transaction; their owed answers reach the answer promise once it has committed.
 */
export const PROPOSAL_SUBSCRIPTIONS: ModuleSubscription[] = [
  {
    event: 'decision.taken',
    name: 'proposals.settle',
    handle: async (tx, { ctx, decision, settles, rationale, decidedBy }, afterCommit) => {
      const settled = await settleProposals(tx, ctx, settles, rationale, decidedBy, decision);
      afterCommit(() => recordSettledAnswers(ctx.db, ctx.org, settled, ctx.now));
    },
  },
];
