import { msFromEnv } from '../jobs.js';
import type { Job } from '../module.js';
import { pruneAccounts } from './auth.prune.js';
import { pruneRateLimits } from './rate-limit.js';

export const AUTH_JOBS: Job[] = [
  // Rate-limit counters of finished windows, staff sessions past their lifetime or idle timeout, old
  // reset links and forgotten sign-in backoff go at the pace of the webhook log (CLIENTOCRACY_PRUNE_MS).
  {
    name: 'account pruning',
    everyMs: (_config, env) => msFromEnv(env, 'CLIENTOCRACY_PRUNE_MS', 3_600_000),
    run: async ({ db, config, now }) => {
      await pruneRateLimits(db, now);
      await pruneAccounts(db, now, config.sessionIdleDays);
    },
  },
];
