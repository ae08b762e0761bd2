/**
 * Runs the modules' jobs (`ModuleManifest.jobs`) while the server runs: each now, then at its
 * interval, off the request path. A round still going when the next is due is not doubled (the
 * later one is skipped, not queued); a failed round is logged and the job goes on at its next one.
 */
import type { Config } from '../config.js';
import type { Db, Dialect } from '../db/schema.js';
import type { Job, JobContext } from './module.js';

/** Repeats work on a clock; the server's is setInterval, a test's one it calls by hand. */
export interface Timers {
  /** Calls `work` every `ms` until the returned function is called; never keeps the process alive. */
  every(ms: number, work: () => void): () => void;
}

export const INTERVAL_TIMERS: Timers = {
  every(ms, work) {
    const timer = setInterval(work, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** The milliseconds an environment variable sets, or the fallback when it is unset, not a number or not positive. */
export function msFromEnv(env: NodeJS.ProcessEnv, variable: string, fallbackMs: number): number {
  const value = Number(env[variable]);
  return value > 0 ? value : fallbackMs;
}

export interface SchedulerOptions {
  db: Db;
  dialect: Dialect;
  config: Config;
  env: NodeJS.ProcessEnv;
  timers?: Timers;
  clock?: () => number;
  /** Where failures go (a line each); the server's standard error by default. */
  log?: (message: string) => void;
}

export interface Scheduler {
  /** The jobs that run here (those whose interval is not null), with their interval in milliseconds. */
  readonly intervals: ReadonlyMap<string, number>;
  /** Runs a round of the job now unless one is going; resolves when that round has ended. */
  tick(name: string): Promise<void>;
  /** Stops every timer; a round already going finishes on its own. */
  stop(): void;
}

/** Starts the jobs that are on: a first round of each now, then one every interval. */
export function startJobs(jobs: readonly Job[], options: SchedulerOptions): Scheduler {
  const { timers = INTERVAL_TIMERS, clock = Date.now, log = (message) => void process.stderr.write(`${message}\n`) } = options;
  const intervals = new Map<string, number>();
  const byName = new Map<string, Job>();
  for (const job of jobs) {
    if (byName.has(job.name)) throw new Error(`two jobs are named "${job.name}"`);
    byName.set(job.name, job);
    const everyMs = job.everyMs(options.config, options.env);
    if (everyMs !== null) intervals.set(job.name, everyMs);
  }
  const running = new Set<string>();

  const tick = async (name: string): Promise<void> => {
    const job = byName.get(name);
    const everyMs = intervals.get(name);
    // A job that is off here (mail without SMTP) is never run, not even when woken.
    if (!job || everyMs === undefined || running.has(name)) return;
    running.add(name);
    const ctx: JobContext = {
      db: options.db,
      dialect: options.dialect,
      config: options.config,
      now: clock(),
      everyMs,
      wake: (other) => void tick(other),
      log,
    };
    try {
      await job.run(ctx);
    } catch (error) {
      log(`${name} failed: ${(error as Error)?.message ?? String(error)}`);
    } finally {
      running.delete(name);
    }
  };

  const cancels = [...intervals].map(([name, everyMs]) => {
    void tick(name);
    return timers.every(everyMs, () => void tick(name));
  });
  return {
    intervals,
    tick,
    stop: () => {
      for (const cancel of cancels.splice(0)) cancel();
    },
  };
}
