import { describe, expect, it } from 'vitest';
import type { Config } from '../config.js';
import type { Db } from '../db/schema.js';
import { msFromEnv, startJobs, type Timers } from './jobs.js';
import type { Job, JobContext, ModuleManifest } from './module.js';
import { MODULES } from './registry.js';

/** Timers the test fires by hand: no clock, no waiting. */
function manualTimers() {
  const scheduled: { ms: number; work: () => void; cancelled: boolean }[] = [];
  const timers: Timers = {
    every(ms, work) {
      const entry = { ms, work, cancelled: false };
      scheduled.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
  };
  return { timers, scheduled };
}

/** A promise the test settles when it wants a round to end. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every round that has ended finish its bookkeeping. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const config = { smtpUrl: undefined } as Config;
const db = {} as Db;

function start(jobs: Job[], env: NodeJS.ProcessEnv = {}) {
  const { timers, scheduled } = manualTimers();
  const logged: string[] = [];
  let now = 1_000;
  const scheduler = startJobs(jobs, { db, dialect: 'sqlite', config, env, timers, clock: () => now++, log: (m) => logged.push(m) });
  return { scheduler, scheduled, logged };
}

describe('the job scheduler', () => {
  it('runs each job now and then at its interval; a job whose interval is null never runs', async () => {
    const runs: string[] = [];
    const job = (name: string, everyMs: number | null): Job => ({
      name,
      everyMs: () => everyMs,
      run: async (ctx) => void runs.push(`${name}@${ctx.now}/${ctx.everyMs}`),
    });
    const { scheduler, scheduled } = start([job('a', 5_000), job('off', null), job('b', 60_000)]);
    expect(scheduled.map((s) => s.ms)).toEqual([5_000, 60_000]);
    expect(runs).toEqual(['a@1000/5000', 'b@1001/60000']);
    await settle();
    scheduled[0]!.work();
    expect(runs.at(-1)).toBe('a@1002/5000');
    await scheduler.tick('off');
    expect(runs.some((r) => r.startsWith('off'))).toBe(false);
    expect([...scheduler.intervals]).toEqual([
      ['a', 5_000],
      ['b', 60_000],
    ]);
  });

  it('does not double a round still going: the tick that comes meanwhile is skipped, not queued', async () => {
    const rounds: ReturnType<typeof deferred>[] = [];
    const slow: Job = {
      name: 'slow',
      everyMs: () => 1_000,
      run: () => {
        const round = deferred();
        rounds.push(round);
        return round.promise;
      },
    };
    const { scheduler, scheduled } = start([slow]);
    expect(rounds).toHaveLength(1);
    scheduled[0]!.work();
    const skipped = scheduler.tick('slow');
    await skipped;
    expect(rounds).toHaveLength(1);
    rounds[0]!.resolve();
    await settle();
    const next = scheduler.tick('slow');
    expect(rounds).toHaveLength(2);
    rounds[1]!.resolve();
    await next;
  });

  it('a job wakes another: it runs at once, unless it is already running', async () => {
    const calls: string[] = [];
    let woken: ReturnType<typeof deferred> | undefined;
    const delivery: Job = {
      name: 'webhook delivery',
      everyMs: () => 5_000,
      run: () => {
        calls.push('delivery');
        woken = deferred();
        return woken.promise;
      },
    };
    const evaluation: Job = {
      name: 'promise evaluation',
      everyMs: () => 2_500,
      run: async (ctx: JobContext) => {
        calls.push('evaluation');
        ctx.wake('webhook delivery');
      },
    };
    const { scheduler } = start([evaluation, delivery]);
    // The first evaluation woke the delivery before the delivery's own first round: one delivery.
    expect(calls).toEqual(['evaluation', 'delivery']);
    await settle();
    await scheduler.tick('promise evaluation');
    expect(calls).toEqual(['evaluation', 'delivery', 'evaluation']);
    woken!.resolve();
    await settle();
    await scheduler.tick('promise evaluation');
    expect(calls).toEqual(['evaluation', 'delivery', 'evaluation', 'evaluation', 'delivery']);
  });

  it('logs a failed round under the job name and runs the job again at its next round', async () => {
    let attempt = 0;
    const flaky: Job = {
      name: 'e-mail delivery',
      everyMs: () => 10_000,
      run: async () => {
        attempt += 1;
        if (attempt === 1) throw new Error('connection refused');
      },
    };
    const { scheduler, logged } = start([flaky]);
    await settle();
    expect(logged).toEqual(['e-mail delivery failed: connection refused']);
    await scheduler.tick('e-mail delivery');
    expect(attempt).toBe(2);
    expect(logged).toHaveLength(1);
  });

  it('stop cancels every timer', () => {
    const { scheduler, scheduled } = start([
      { name: 'a', everyMs: () => 1, run: async () => {} },
      { name: 'b', everyMs: () => 2, run: async () => {} },
    ]);
    scheduler.stop();
    expect(scheduled.every((s) => s.cancelled)).toBe(true);
  });

  it('refuses two jobs with one name', () => {
    const job: Job = { name: 'twice', everyMs: () => 1, run: async () => {} };
    expect(() => start([job, job])).toThrow('two jobs are named "twice"');
  });

  it('reads intervals from the environment: a positive number, else the default', () => {
    expect(msFromEnv({ X: '250' }, 'X', 5_000)).toBe(250);
    for (const value of [undefined, '', '0', '-5', 'soon']) expect(msFromEnv({ X: value }, 'X', 5_000)).toBe(5_000);
  });
});

describe("the modules' jobs", () => {
  const modules: readonly ModuleManifest[] = MODULES;
  const jobs = modules.flatMap((m) => m.jobs ?? []);
  const intervals = (env: NodeJS.ProcessEnv, smtpUrl?: string) =>
    Object.fromEntries(jobs.map((j) => [j.name, j.everyMs({ ...config, smtpUrl } as Config, env)]));

  it('keep the server’s intervals and settings; e-mail delivery is off without SMTP', () => {
    expect(intervals({})).toEqual({
      reminders: 15 * 60_000,
      'promise evaluation': 2_500,
      'proposal answers': 60_000,
      'webhook delivery': 5_000,
      'webhook log pruning': 3_600_000,
      'account pruning': 3_600_000,
      'e-mail delivery': null,
    });
    const env = {
      CLIENTOCRACY_EVALUATOR_MS: '800',
      CLIENTOCRACY_WEBHOOKS_MS: '300',
      CLIENTOCRACY_PRUNE_MS: '60000',
      CLIENTOCRACY_MAIL_MS: '2000',
    };
    expect(intervals(env, 'smtp://localhost:2525')).toMatchObject({
      'promise evaluation': 400,
      'webhook delivery': 300,
      'webhook log pruning': 60_000,
      'account pruning': 60_000,
      'e-mail delivery': 2_000,
    });
  });
});
