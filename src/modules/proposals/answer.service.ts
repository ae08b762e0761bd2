import { newId } from '../../core/ids.js';
import { fineBucketMs } from '../../core/promises/buckets.js';
import { DAY_MS } from '../../core/promises/window.js';
import { answerDueAt, answerEvent, answerEventId, crossesThreshold, SUPPORTABLE_STATUSES } from '../../core/voice/proposals.js';
import type { Db, OrganizationsTable, ProposalsTable, Tx } from '../../db/schema.js';
import { translate } from '../../i18n/index.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { Actor, OrgContext } from '../context.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import { loadOrgById } from '../orgs/org.repository.js';
import { markPromiseChanged } from '../promises/evaluation.repository.js';
import { ingestEvents } from '../promises/ingest.service.js';
import { findPromise, insertPromiseRow, insertVersionRow, loadVersions, updatePromiseRow } from '../promises/promise.repository.js';
import type { TEventInput, TWindow } from '../promises/promise.schema.js';
import { listTeamNames } from '../teams/team.repository.js';
import { listUnsettledAnswers, updateProposal } from './proposal.repository.js';
import { DEFAULT_VOICE_SETTINGS, loadVoiceSettings, type VoiceSettings } from './voice-settings.js';
import { lockVoiceSettings, setAnswerPromiseId, voiceSettingsRow } from './voice-settings.repository.js';

/** Who records the answer promise's events: the organization itself, keeping its word to clients. */
export const ANSWER_ACTOR: Actor = { type: 'system', id: null, label: 'proposal answers' };

/** The answer promise's terms: 90% of owed answers in time, over a rolling 90 days. */
export const ANSWER_TARGET = 0.9;
export const ANSWER_WINDOW: TWindow = { kind: 'rolling', days: 90 };

/** Makes the organization's voice settings row (defaults) if it has none, and holds it (PostgreSQL). */
async function lockSettings(tx: Tx, orgId: string, now: number): Promise<void> {
  await lockVoiceSettings(tx, voiceSettingsRow(orgId, { ...DEFAULT_VOICE_SETTINGS, answerTeamId: null, answerPromiseId: null }, now, null));
}

/**
 * The team that owes answers: the one an admin proposed in the voice settings, once it accepted —
 * never some team by default (a team promises only its own behaviour). Null while none is proposed,
 * the proposed one has not accepted, or it no longer exists.
 */
export async function answerTeamOf(tx: Tx, orgId: string, settings: Pick<VoiceSettings, 'answerTeamId' | 'answerTeamAcceptedAt'>) {
  if (!settings.answerTeamId || settings.answerTeamAcceptedAt === null) return null;
  const teams = await listTeamNames(tx, orgId);
  return teams.some((t) => t.id === settings.answerTeamId) ? settings.answerTeamId : null;
}

/** The answer promise passes to the team that accepted it: a new version of the same terms, kept by that team. */
async function handOverAnswerPromise(tx: Tx, org: OrganizationsTable, id: string, teamId: string, now: number): Promise<void> {
  const versions = await loadVersions(tx, org.id, id);
  const current = versions[versions.length - 1];
  if (!current || current.promiser_team_id === teamId) return;
  const next = current.version + 1;
  const reason = translate(org.locale, 'voiceProposals.answerPromise.teamChanged');
  await insertVersionRow(tx, {
    ...current,
    id: newId(),
    version: next,
    promiser_team_id: teamId,
    reason,
    effective_from: now,
    created_by: ANSWER_ACTOR.label,
    created_at: now,
  });
  await updatePromiseRow(tx, org.id, id, { current_version: next, promiser_team_id: teamId, updated_at: now });
  await markPromiseChanged(tx, org.id, id, now);
  await appendAudit(tx, {
    orgId: org.id,
    actor: ANSWER_ACTOR,
    action: 'promise.version_created',
    entityType: 'promise',
    entityId: id,
    before: { version: current.version, promiserTeamId: current.promiser_team_id },
    after: { version: next, promiserTeamId: teamId, reason },
    at: now,
  });
}

/**
 * The organization's promise "answer client proposals that reach the threshold within N days",
 * made and published when the proposed answering team accepts it: a ratio promise to all its
 * clients (no one segment), kept by that team, shown on the public board. Its id is kept in the
 * voice settings. Null while no team accepted it: proposed, it is nobody's, and nothing is counted.
 * A team accepting after another takes the same promise on (a new version).
 */
export async function ensureAnswerPromise(tx: Tx, org: OrganizationsTable, now: number): Promise<string | null> {
  await lockSettings(tx, org.id, now);
  const settings = await loadVoiceSettings(tx, org.id);
  const teamId = await answerTeamOf(tx, org.id, settings);
  if (!teamId) return null;
  if (settings.answerPromiseId) {
    const kept = await findPromise(tx, org.id, settings.answerPromiseId);
    if (kept && kept.status !== 'retired') {
      await handOverAnswerPromise(tx, org, kept.id, teamId, now);
      return settings.answerPromiseId;
    }
  }
  const id = newId();
  const days = settings.responseDays;
  const title = translate(org.locale, 'voiceProposals.answerPromise.title', { count: days });
  const statement = translate(org.locale, 'voiceProposals.answerPromise.statement', { count: days, org: org.name });
  await insertPromiseRow(tx, {
    id,
    org_id: org.id,
    kind: 'client',
    title,
    promiser_team_id: teamId,
    // To every client, not one segment: anyone may propose.
    promisee_segment_id: null,
    promisee_team_id: null,
    supports_promise_id: null,
    pain_ids: '[]',
    required_capability_ids: '[]',
    required_right_ids: '[]',
    status: 'published',
    current_version: 1,
    fine_bucket_ms: fineBucketMs(ANSWER_WINDOW.kind === 'rolling' ? ANSWER_WINDOW.days * DAY_MS : 92 * DAY_MS),
    unbacked: null,
    // It declares no capability or right of its own: the system records why it needs none.
    backing_waiver_reason: translate(org.locale, 'voiceProposals.answerPromise.waiver'),
    backing_waived_by: ANSWER_ACTOR.label,
    backing_waived_at: now,
    created_by: ANSWER_ACTOR.label,
    created_at: now,
    updated_at: now,
    published_at: now,
    retired_at: null,
  });
  await insertVersionRow(tx, {
    id: newId(),
    org_id: org.id,
    promise_id: id,
    version: 1,
    statement,
    metric: JSON.stringify({ kind: 'ratio' }),
    target: ANSWER_TARGET,
    time_window: JSON.stringify(ANSWER_WINDOW),
    promiser_team_id: teamId,
    redress: null,
    reason: '',
    effective_from: now,
    created_by: ANSWER_ACTOR.label,
    created_at: now,
  });
  await setAnswerPromiseId(tx, org.id, id);
  await appendAudit(tx, {
    orgId: org.id,
    actor: ANSWER_ACTOR,
    action: 'promise.created',
    entityType: 'promise',
    entityId: id,
    after: { title, statement, target: ANSWER_TARGET, window: ANSWER_WINDOW, promiserTeamId: teamId, status: 'published' },
    at: now,
  });
  return id;
}

/**
 * After the supports of a proposal changed (a support, a merge): when they reach its threshold for
 * the first time, records when, owes the answer `responseDays` later (if it is not answered yet),
 * makes the answer promise on first need and tells the answering team. Returns the row as stored.
 */
export async function checkThreshold(tx: Tx, ctx: OrgContext, row: ProposalsTable): Promise<ProposalsTable> {
  if (!crossesThreshold(row.supports, row.threshold, row.threshold_reached_at)) return row;
  const settings = await loadVoiceSettings(tx, ctx.org.id);
  const owed = SUPPORTABLE_STATUSES.includes(row.status);
  const due = owed ? answerDueAt(ctx.now, settings.responseDays) : null;
  await updateProposal(tx, ctx.org.id, row.id, { threshold_reached_at: ctx.now, ...(owed && { answer_due_at: due }), updated_at: ctx.now });
  if (owed) {
    await ensureAnswerPromise(tx, ctx.org, ctx.now);
    const teamId = await answerTeamOf(tx, ctx.org.id, settings);
    if (teamId) {
      await notifyUsers(
        tx,
        ctx.org.id,
        await peopleOf(tx, ctx.org.id, 'team', teamId),
        {
          kind: 'proposal_threshold_reached',
          subjectType: 'proposal',
          subjectId: row.id,
          params: { proposal: row.title, supports: row.supports, deadline: new Date(due as number).toISOString().slice(0, 10) },
          participantsOnly: true,
        },
        ctx.now,
      );
    }
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: 'proposal.threshold_reached',
      entityType: 'proposal',
      entityId: row.id,
      after: { supports: row.supports, threshold: row.threshold, answerDueAt: due },
      at: ctx.now,
    });
  }
  return { ...row, threshold_reached_at: ctx.now, answer_due_at: owed ? due : row.answer_due_at };
}

/**
 * Sends the answer promise the events of these proposals that are settled at `now` (answered, or
 * past due unanswered). Idempotent: each proposal's event has one external id, so a second call
 * changes nothing. Runs after the caller's transaction (ingest has its own).
 */
export async function recordAnswerEvents(
  db: Db,
  org: OrganizationsTable,
  rows: Pick<ProposalsTable, 'id' | 'answer_due_at' | 'answered_at'>[],
  now: number,
): Promise<number> {
  const events: TEventInput[] = [];
  for (const row of rows) {
    const event = answerEvent(row.answer_due_at, row.answered_at, now);
    if (event) events.push({ externalId: answerEventId(row.id), occurredAt: new Date(event.occurredAt).toISOString(), good: event.good });
  }
  if (events.length === 0) return 0;
  const settings = await loadVoiceSettings(db, org.id);
  if (!settings.answerPromiseId) return 0;
  const promise = await findPromise(db, org.id, settings.answerPromiseId);
  // A retired answer promise takes no events; the next proposal to reach its threshold makes a new one.
  if (!promise || promise.status === 'retired') return 0;
  const result = await ingestEvents({ db, org, actor: ANSWER_ACTOR, now }, settings.answerPromiseId, events);
  return result.accepted;
}

/**
 * Settles owed answers at `now`, in every organization or one: a proposal past its due time with
 * no answer gives the answer promise a bad event at the due time; an answer whose event is missing
 * (the process stopped between the answer and its event) gives it now. Only proposals whose event
 * the promise lacks are read, so running it every minute costs one indexed query when nothing is
 * due. Returns how many events were recorded.
 */
export async function settleOverdueProposals(db: Db, now: number, orgId?: string): Promise<number> {
  const rows = await listUnsettledAnswers(db, now, orgId);
  const byOrg = new Map<string, typeof rows>();
  for (const row of rows) byOrg.set(row.org_id, [...(byOrg.get(row.org_id) ?? []), row]);
  let recorded = 0;
  for (const [id, items] of byOrg) {
    recorded += await recordAnswerEvents(db, await loadOrgById(db, id), items, now);
  }
  return recorded;
}
