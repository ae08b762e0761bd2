/** Client voice rows for the export/import tests (every voice table and column holds a value), and older files. */
import { newId } from '../src/core/ids.js';
import type { Db } from '../src/db/schema.js';
import { issueClientLink } from '../src/modules/clients/client.service.js';
import type { OrgContext } from '../src/modules/context.js';
import { EXPORT, SECTIONS, sectionsOf, type TExportFile } from '../src/modules/export-file.js';

/** The sections of client voice (the modules that came with it): files written before it have none. */
export const VOICE_KEYS = EXPORT.sections
  .filter((section) => ['voice', 'feedback', 'proposals', 'polls', 'participation'].includes(section.module))
  .map((section) => [section.key, section.spec.table] as const);

/** Columns client voice added to tables that existed before it. */
const VOICE_COLUMNS = [
  ['clients', 'email_confirmed_at'],
  ['clients', 'origin'],
  ['clientInvitations', 'purpose'],
  ['clientInvitations', 'sent_to'],
  ['decisions', 'client_rationale'],
] as const;

/**
 * Client voice rows, written directly (the voice demos may make some, this does not rely on them) so
 * that every voice table and every nullable column of it holds a value, each foreign key pointing at
 * a row of the organization: segments, pains, teams, promises, decisions, reserve allocations.
 */
export async function addVoiceRows(db: Db, ctx: OrgContext, adminId: string) {
  const org = ctx.org.id;
  const now = ctx.now;
  const first = async <T extends 'clients' | 'segments' | 'pains' | 'teams' | 'promises' | 'decisions'>(table: T) =>
    db
      .selectFrom(table as 'clients')
      .selectAll()
      .where('org_id', '=', org)
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirstOrThrow();
  const client = await first('clients');
  const segment = await first('segments');
  const pain = await first('pains');
  const team = await first('teams');
  const promise = await first('promises');
  const decision = await first('decisions');
  // A client who registered in the portal and confirmed the address, and the confirmation link e-mailed.
  await db.updateTable('clients').set({ origin: 'self', email_confirmed_at: now }).where('id', '=', client.id).execute();
  await db.transaction().execute((tx) =>
    issueClientLink(tx, ctx, client, {
      purpose: 'confirm',
      expiresInMs: 86_400_000,
      publicUrl: 'http://localhost:3000',
      sendTo: client.email,
    }),
  );
  await db
    .updateTable('decisions')
    .set({ client_rationale: 'Clients preferred the second option; the first keeps the date.' })
    .where('id', '=', decision.id)
    .execute();
  await db
    .insertInto('client_segments')
    .values({ org_id: org, client_id: client.id, segment_id: segment.id, created_at: now })
    .onConflict((oc) => oc.columns(['client_id', 'segment_id']).doNothing())
    .execute();
  const settings = { answer_team_id: team.id, answer_promise_id: promise.id, updated_at: now, updated_by: adminId };
  await db
    .insertInto('voice_settings')
    .values({
      org_id: org,
      allow_registration: 1,
      require_confirmed_email: 1,
      threshold_kind: 'share',
      threshold_value: 500,
      response_days: 10,
      hide_after_reports: 2,
      binding_poll_right_ids: '[]',
      ...settings,
    })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(settings))
    .execute();
  const [surveyA, surveyB] = [newId(), newId()];
  const survey = { org_id: org, active: 1, created_at: now, created_by: adminId, subject_type: null, subject_id: null, touchpoint: null };
  await db
    .insertInto('surveys')
    .values([
      {
        ...survey,
        id: surveyA,
        kind: 'nps',
        question: 'Would you recommend us?',
        subject_type: 'promise',
        subject_id: promise.id,
        public_key: newId(),
      },
      {
        ...survey,
        id: surveyB,
        kind: 'ces',
        question: 'How easy was the handover?',
        touchpoint: 'handover',
        active: 0,
        public_key: newId(),
      },
    ])
    .execute();
  const response = {
    org_id: org,
    comment: '',
    subject_type: null,
    subject_id: null,
    touchpoint: null,
    client_id: null,
    pain_id: null,
    triaged_by: null,
    triaged_at: null,
    reply: null,
    replied_by: null,
    replied_at: null,
    reports: 0,
    hidden_at: null,
    answered_at: now,
    created_at: now,
  };
  const feedbackA = newId();
  await db
    .insertInto('feedback')
    .values([
      {
        ...response,
        id: feedbackA,
        survey_id: surveyA,
        kind: 'nps',
        score: 9,
        comment: 'The foreman called before every visit.',
        subject_type: 'promise',
        subject_id: promise.id,
        client_id: client.id,
        source: 'portal',
        pain_id: pain.id,
        triaged_by: adminId,
        triaged_at: now,
        reply: 'Thank you, we passed it on.',
        replied_by: adminId,
        replied_at: now,
      },
      {
        ...response,
        id: newId(),
        survey_id: surveyB,
        kind: 'ces',
        score: null,
        touchpoint: 'handover',
        source: 'link',
        reports: 2,
        hidden_at: now,
      },
    ])
    .execute();
  const proposal = {
    org_id: org,
    segment_id: null,
    author_client_id: null,
    author_user_id: null,
    supports: 0,
    recent_supports: 0,
    recent_oldest_at: null,
    threshold: 3,
    threshold_reached_at: null,
    answer_due_at: null,
    answer: null,
    answered_at: null,
    answered_by: null,
    implemented_type: null,
    implemented_id: null,
    merged_into_id: null,
    reports: 0,
    hidden_at: null,
    created_at: now,
    updated_at: now,
  };
  const [kept, merged] = [newId(), newId()];
  await db
    .insertInto('proposals')
    .values([
      {
        ...proposal,
        id: kept,
        title: 'Photo report after each stage',
        body: 'Send photos of the site after every stage.',
        segment_id: segment.id,
        author_client_id: client.id,
        author_label: client.name,
        status: 'implemented',
        supports: 1,
        threshold_reached_at: now,
        answer_due_at: now + 14 * 86_400_000,
        answer: 'Yes: a promise now covers it.',
        answered_at: now,
        answered_by: adminId,
        implemented_type: 'promise',
        implemented_id: promise.id,
      },
      {
        ...proposal,
        id: merged,
        title: 'Photos of the site',
        body: 'Same idea.',
        author_user_id: adminId,
        author_label: 'Staff',
        status: 'merged',
        merged_into_id: kept,
        reports: 1,
        hidden_at: now,
      },
    ])
    .execute();
  await db.insertInto('proposal_supports').values({ proposal_id: kept, client_id: client.id, org_id: org, created_at: now }).execute();
  await db
    .insertInto('content_reports')
    .values([
      {
        id: newId(),
        org_id: org,
        subject_type: 'proposal',
        subject_id: merged,
        reporter: client.id,
        reason: 'duplicate',
        created_at: now,
        resolved_at: now,
        resolution: 'kept',
        resolved_by: adminId,
      },
      {
        id: newId(),
        org_id: org,
        subject_type: 'feedback',
        subject_id: feedbackA,
        reporter: 'ip:0f3c',
        reason: 'rude',
        created_at: now,
        resolved_at: null,
        resolution: null,
        resolved_by: null,
      },
    ])
    .execute();
  const poll = newId();
  await db
    .insertInto('polls')
    .values({
      id: poll,
      org_id: org,
      decision_id: decision.id,
      kind: 'ranked',
      question: 'Which option do you prefer?',
      segment_ids: JSON.stringify([segment.id]),
      opens_at: now - 86_400_000,
      closes_at: now + 86_400_000,
      quorum: 2,
      hide_results: 1,
      created_at: now,
      created_by: adminId,
    })
    .execute();
  await db
    .insertInto('poll_ballots')
    .values({
      poll_id: poll,
      client_id: client.id,
      org_id: org,
      ballot: JSON.stringify({ ranking: [1, 0] }),
      created_at: now,
      updated_at: now,
    })
    .execute();
  const [round, funded, notFunded, allocation] = [newId(), newId(), newId(), newId()];
  await db
    .insertInto('reserve_allocations')
    .values({ id: allocation, org_id: org, amount_minor: 120_000, purpose: 'Round: benches', created_at: now, created_by: adminId })
    .execute();
  const method = { funded: [funded], spentMinor: 120_000, leftMinor: 30_000 };
  await db
    .insertInto('pb_rounds')
    .values({
      id: round,
      org_id: org,
      title: 'Round',
      description: 'What to build from the reserve',
      budget_minor: 150_000,
      method: 'mes',
      segment_ids: JSON.stringify([segment.id]),
      opens_at: now - 2 * 86_400_000,
      closes_at: now - 86_400_000,
      status: 'allocated',
      result: JSON.stringify({
        roundId: round,
        method: 'mes',
        greedy: method,
        mes: { ...method, byRule: [funded], completion: [] },
        frozen: true,
      }),
      allocated_at: now,
      allocated_by: adminId,
      created_at: now,
      created_by: adminId,
    })
    .execute();
  const project = { org_id: org, round_id: round, description: '', created_at: now, updated_at: now };
  await db
    .insertInto('pb_projects')
    .values([
      {
        ...project,
        id: funded,
        title: 'Benches',
        cost_minor: 120_000,
        kind: 'project',
        team_id: team.id,
        status: 'funded',
        allocation_id: allocation,
      },
      {
        ...project,
        id: notFunded,
        title: 'Try weekend visits',
        cost_minor: 90_000,
        kind: 'experiment',
        team_id: null,
        status: 'not_funded',
        allocation_id: null,
      },
    ])
    .execute();
  await db
    .insertInto('pb_ballots')
    .values({ round_id: round, client_id: client.id, org_id: org, project_ids: JSON.stringify([funded]), created_at: now, updated_at: now })
    .execute();
}

/**
 * The file as the version before client voice wrote it: version 1 of the format (no promise
 * requests), no voice keys, no voice columns, no manifest.
 */
export function previousVersionOf(file: TExportFile): Record<string, unknown> {
  const old: Record<string, unknown> = JSON.parse(JSON.stringify(file));
  delete old.manifest;
  old.version = 1;
  // Sections of later versions (promise requests, those of issue 17) were not in version 1 files.
  for (const key of SECTIONS) if (!sectionsOf(1).includes(key)) delete old[key];
  for (const [key] of VOICE_KEYS) delete old[key];
  for (const [key, column] of VOICE_COLUMNS) for (const row of old[key] as Record<string, unknown>[]) delete row[column];
  return old;
}
