/**
 * The background evaluator: the status of each published promise from the counters
 * (promiseStatus), compared with the last evaluation; status changes and alerts firing or resolving
 * are recorded as history, the promiser team is told in-app and webhooks are queued.
 *
 * When: a promise whose figures changed (ingest and new versions mark it, `markPromiseChanged`) is
 * evaluated at the evaluator's next look, but not sooner than `debounceMs` after its previous
 * evaluation, so a stream of batches costs one evaluation per `debounceMs` however many servers look;
 * every promise is also evaluated once per UTC minute, changed or not, because its windows slide.
 *
 * Several server processes may run it against one PostgreSQL. The job is the promise's row in
 * `promise_evaluations`: a process takes one with `SELECT … FOR UPDATE SKIP LOCKED` (others skip it
 * rather than wait) and claims it — the count of its evaluations goes up by one, its change mark is
 * cleared — in the same transaction as its history, notifications and webhook deliveries. A change is
 * thus recorded exactly once, whichever process gets there first. On SQLite the single writer
 * serialises the transactions and the claim, conditional on the count read, does the same job.
 */

import { type AlertRow, type EvaluationSnapshot, evaluationChanges, firingRows } from '../../core/promises/changes.js';
import type { Db, Dialect, OrganizationsTable, Tx } from '../../db/schema.js';
import { type OrgContext, SYSTEM_ACTOR } from '../context.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import { loadOrgById } from '../orgs/org.repository.js';
import { refreshOverCapacity } from './capacity.service.js';
import {
  claimEvaluation,
  type EvaluationJob,
  findDueEvaluation,
  insertMissingEvaluationJobs,
  recordEvaluation,
  recordEvaluationFailure,
} from './evaluation.repository.js';
import { insertStatusHistory } from './history.repository.js';
import { describePromises, loadPromise } from './promise.repository.js';
import type { TPromise, TPromiseStatus } from './promise.schema.js';
import { enqueuePromiseEvent } from './promise.webhooks.js';
import { promiseStatus } from './status.service.js';

export const MINUTE_MS = 60_000;
/** The longest a changed promise waits for its evaluation by default (`CLIENTOCRACY_EVALUATOR_MS`). */
export const DEFAULT_EVALUATOR_MS = 5_000;

export interface EvaluateOptions {
  dialect: Dialect;
  /**
   * The least time (ms) between two evaluations of one changed promise, in any process; half of
   * DEFAULT_EVALUATOR_MS by default. Looking every `debounceMs`, a change waits at most twice that.
   */
  debounceMs?: number;
}

export interface EvaluatorRun {
  /** Start (UTC ms) of the minute evaluated. */
  minute: number;
  evaluated: number;
  statusChanges: number;
  alertsFired: number;
  alertsResolved: number;
  failures: { promiseId: string; error: string }[];
}

type Job = EvaluationJob;

/**
 * Takes the next published promise due — changed and not evaluated in the last `debounceMs`, or not
 * yet evaluated for `minute` — locked (PostgreSQL) and claimed: `none` when none is left, `lost` when
 * another process claimed it between the read and the claim. A promise whose evaluation failed waits
 * a minute before it is tried again.
 */
async function takeJob(
  tx: Tx,
  dialect: Dialect,
  now: number,
  debounceMs: number,
  skip: ReadonlySet<string>,
): Promise<Job | 'none' | 'lost'> {
  const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const job = await findDueEvaluation(tx, dialect, { minute, debouncedBefore: now - debounceMs, retryBefore: now - MINUTE_MS, skip });
  if (!job) return 'none';
  // The claim is conditional on the count read, so that it holds even where rows cannot be locked:
  // whoever evaluated the promise since the read has moved the count on.
  return (await claimEvaluation(tx, job, minute)) ? { ...job, evaluation_seq: job.evaluation_seq + 1 } : 'lost';
}

const alertParams = (alert: AlertRow) => ({
  severity: alert.severity,
  longWindow: alert.longWindow,
  shortWindow: alert.shortWindow,
  threshold: alert.threshold,
});

/** What a history row and a webhook say about the figures at the time. */
const figures = (status: TPromiseStatus) => ({
  attainment: status.attainment,
  target: status.target,
  good: status.good,
  total: status.total,
  budgetRemaining: status.budgetRemaining,
  version: status.version,
  window: status.window,
});

/** Evaluates one claimed promise and records what changed, in the claiming transaction. */
async function evaluateOne(
  tx: Tx,
  org: OrganizationsTable,
  job: Job,
  now: number,
): Promise<{ statusChanged: boolean; fired: number; resolved: number }> {
  const ctx: OrgContext = { db: tx as Db, org, actor: SYSTEM_ACTOR, now };
  // Demand against capacity first, so the status below and the promise read next carry the flag.
  await refreshOverCapacity(tx, org.id, job.promise_id, now, SYSTEM_ACTOR);
  const status = await promiseStatus(ctx, job.promise_id, now);
  const promise = await loadPromise(tx, org.id, job.promise_id);
  const previous: EvaluationSnapshot | null = job.status === null ? null : { status: job.status, firing: JSON.parse(job.firing) };
  const current: EvaluationSnapshot = { status: status.status, firing: firingRows(status.alerts) };
  const changes = evaluationChanges(previous, current);
  // Webhooks carry the promise as the API answers it (GET …/promises/{promiseId}); only when something changed.
  const changed = changes.status !== null || changes.fired.length > 0 || changes.resolved.length > 0;
  const subject = changed ? ((await describePromises(tx, org.id, [promise]))[0] as TPromise) : null;
  const at = new Date(now).toISOString();
  // One key per evaluation (not per minute): a promise may change several times in a minute, and each
  // change is recorded by exactly one evaluation.
  const evaluation = `e${job.evaluation_seq}`;
  const team = changes.status || changes.fired.length > 0 ? await peopleOf(tx, org.id, 'team', promise.promiser_team_id ?? '') : [];
  const history = (
    kind: 'status_changed' | 'alert_fired' | 'alert_resolved',
    from: string | null,
    to: string | null,
    alert: AlertRow | null,
  ) =>
    insertStatusHistory(tx, org.id, {
      promise_id: promise.id,
      at: now,
      kind,
      from_status: from,
      to_status: to,
      alert: alert ? JSON.stringify(alert) : null,
      details: JSON.stringify(figures(status)),
    });

  if (changes.status) {
    const { from, to } = changes.status;
    await history('status_changed', from, to, null);
    await notifyUsers(
      tx,
      org.id,
      team,
      {
        kind: 'promise_status_changed',
        subjectType: 'promise',
        subjectId: promise.id,
        params: { promise: promise.title, from, to },
        dedupeKey: `promise_status_changed:${promise.id}:${evaluation}`,
      },
      now,
    );
    await enqueuePromiseEvent(tx, org.id, 'promise.status_changed', { promise: subject as TPromise, from, to, at, status }, now);
  }
  for (const alert of changes.fired) {
    await history('alert_fired', null, null, alert);
    await notifyUsers(
      tx,
      org.id,
      team,
      {
        kind: 'promise_alert_fired',
        subjectType: 'promise',
        subjectId: promise.id,
        params: { promise: promise.title, ...alertParams(alert) },
        dedupeKey: `promise_alert_fired:${promise.id}:${alert.severity}/${alert.longWindow}:${evaluation}`,
      },
      now,
    );
    await enqueuePromiseEvent(tx, org.id, 'promise.alert_fired', { promise: subject as TPromise, alert, at, status }, now);
  }
  for (const alert of changes.resolved) {
    await history('alert_resolved', null, null, alert);
    await enqueuePromiseEvent(tx, org.id, 'promise.alert_resolved', { promise: subject as TPromise, alert, at, status }, now);
  }
  await recordEvaluation(tx, promise.id, {
    status: status.status,
    firing: JSON.stringify(current.firing),
    attainment: status.attainment,
    version: status.version,
    evaluated_at: now,
  });
  return { statusChanged: changes.status !== null, fired: changes.fired.length, resolved: changes.resolved.length };
}

/**
 * Evaluates every published promise due at `now` (UTC ms) — changed since its last evaluation and
 * not evaluated in the last `debounceMs`, or not yet evaluated for the minute of `now` — one
 * transaction each, and returns what it found. A promise whose evaluation fails is rolled back,
 * reported in `failures` and tried again a minute later; the others go on. Running it again, here or
 * in another process, evaluates only what changed since, and records each change once.
 */
export async function evaluateDue(db: Db, now: number, options: EvaluateOptions): Promise<EvaluatorRun> {
  const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const debounceMs = options.debounceMs ?? DEFAULT_EVALUATOR_MS / 2;
  const run: EvaluatorRun = { minute, evaluated: 0, statusChanges: 0, alertsFired: 0, alertsResolved: 0, failures: [] };
  await insertMissingEvaluationJobs(db);
  const orgs = new Map<string, OrganizationsTable>();
  const failed = new Set<string>();
  for (;;) {
    const holder: { job: Job | null } = { job: null };
    try {
      const outcome = await db.transaction().execute(async (tx) => {
        const job = await takeJob(tx, options.dialect, now, debounceMs, failed);
        if (typeof job === 'string') return job;
        holder.job = job;
        let org = orgs.get(job.org_id);
        if (!org) {
          org = await loadOrgById(tx, job.org_id);
          orgs.set(org.id, org);
        }
        return evaluateOne(tx, org, job, now);
      });
      if (outcome === 'none') break;
      if (outcome === 'lost') continue;
      run.evaluated += 1;
      if (outcome.statusChanged) run.statusChanges += 1;
      run.alertsFired += outcome.fired;
      run.alertsResolved += outcome.resolved;
    } catch (error) {
      const job = holder.job;
      // Not one promise's fault (the database itself): the caller hears of it.
      if (!job) throw error;
      const message = (error as Error)?.message ?? String(error);
      failed.add(job.promise_id);
      run.failures.push({ promiseId: job.promise_id, error: message });
      await recordEvaluationFailure(db, job.promise_id, message.slice(0, 1000), now).catch(() => {});
    }
  }
  return run;
}
