import type { Job } from '../module.js';
import { settleOverdueProposals } from './answer.service.js';
import { sweepTrending } from './proposal.repository.js';

export const PROPOSALS_JOBS: Job[] = [
  // An answer owed to a client proposal past its due time gives the answer promise its bad event,
  // checked every minute (lists and pages also check on read); trending counts drop supports that
  // left their window at the same pace.
  {
    name: 'proposal answers',
    everyMs: () => 60_000,
    run: async ({ db, now }) => {
      await settleOverdueProposals(db, now);
      await sweepTrending(db, now);
    },
  },
];
