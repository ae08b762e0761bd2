import { msFromEnv } from '../jobs.js';
import type { Job } from '../module.js';
import { deliverDue, forgetExpiredSecrets, pruneDeliveries } from './webhook.delivery.js';

/** The delivery's name, which the promise evaluator wakes when it queued webhooks. */
export const WEBHOOK_DELIVERY_JOB = 'webhook delivery';

export const WEBHOOKS_JOBS: Job[] = [
  // Due webhooks leave every few seconds (CLIENTOCRACY_WEBHOOKS_MS), and right after an evaluation queued some.
  {
    name: WEBHOOK_DELIVERY_JOB,
    everyMs: (_config, env) => msFromEnv(env, 'CLIENTOCRACY_WEBHOOKS_MS', 5_000),
    run: async ({ db, dialect, config, now }) => {
      await deliverDue(db, now, { dialect, allow: config.webhookAllow });
    },
  },
  // The delivery log keeps 30 days of finished deliveries, and secrets replaced more than 24 hours ago
  // go: pruned now and every hour (CLIENTOCRACY_PRUNE_MS).
  {
    name: 'webhook log pruning',
    everyMs: (_config, env) => msFromEnv(env, 'CLIENTOCRACY_PRUNE_MS', 3_600_000),
    run: async ({ db, now }) => {
      await pruneDeliveries(db, now);
      await forgetExpiredSecrets(db, now);
    },
  },
];
