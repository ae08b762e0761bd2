import { msFromEnv } from '../jobs.js';
import type { Job } from '../module.js';
import { WEBHOOK_DELIVERY_JOB } from '../webhooks/webhooks.jobs.js';
import { DEFAULT_EVALUATOR_MS, evaluateDue } from './evaluator.service.js';

export const PROMISES_JOBS: Job[] = [
  // A promise whose figures changed waits at most CLIENTOCRACY_EVALUATOR_MS for its evaluation: the
  // evaluator looks every half of it and evaluates one promise at most once per half. Every promise
  // is also evaluated once a minute.
  {
    name: 'promise evaluation',
    everyMs: (_config, env) => msFromEnv(env, 'CLIENTOCRACY_EVALUATOR_MS', DEFAULT_EVALUATOR_MS) / 2,
    run: async ({ db, dialect, now, everyMs, wake, log }) => {
      const run = await evaluateDue(db, now, { dialect, debounceMs: everyMs });
      for (const f of run.failures) log(`promise ${f.promiseId} not evaluated: ${f.error}`);
      // What the evaluation queued leaves now, not at the next delivery round.
      if (run.statusChanges + run.alertsFired + run.alertsResolved > 0) wake(WEBHOOK_DELIVERY_JOB);
    },
  },
];
