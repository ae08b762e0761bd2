import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Client voice: clients in segments and confirming their e-mail, the outbox of e-mail,
 * the organization's voice settings, surveys and feedback responses, proposals with their supports
 * (one per client, enforced by the primary key), reports for moderation, client polls on decisions
 * with one ballot per client, and participatory allocation of the reserve fund (rounds, candidate
 * projects, budget ballots). Counters (supports, reports) are stored so lists stay fast.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
  const org = (c: ColumnDefinitionBuilder) => c.notNull().references('organizations.id');
  const zero = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

  await db.schema.alterTable('clients').addColumn('email_confirmed_at', 'bigint').execute();
  // `staff` (added by the organization) or `self` (registered in the portal).
  await db.schema
    .alterTable('clients')
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('staff'))
    .execute();
  // `invite` (made by staff), `confirm` (self-registration), `sign_in` (a link asked for by e-mail).
  await db.schema
    .alterTable('client_invitations')
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('invite'))
    .execute();
  // The address the link was e-mailed to; redeeming such a link confirms that address.
  await db.schema.alterTable('client_invitations').addColumn('sent_to', 'text').execute();
  // A poll's result shown beside the chosen option; choosing against the clients needs this rationale.
  await db.schema.alterTable('decisions').addColumn('client_rationale', 'text').execute();

  await db.schema
    .createTable('client_segments')
    .addColumn('org_id', 'text', org)
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id'))
    .addColumn('created_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('client_segments_pk', ['client_id', 'segment_id'])
    .execute();
  await db.schema.createIndex('client_segments_segment').on('client_segments').columns(['org_id', 'segment_id']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('to_email', 'text', notNull)
    .addColumn('subject', 'text', notNull)
    .addColumn('body', 'text', notNull)
    // What the message is about, e.g. `client.confirm`, `proposal.answered`.
    .addColumn('topic', 'text', notNull)
    // `pending` (stays so while no SMTP is configured: read it in the app or with the CLI), `sent`, `failed`.
    .addColumn('status', 'text', notNull)
    .addColumn('attempts', 'integer', zero)
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('outbox_org').on('outbox').columns(['org_id', 'created_at']).execute();
  await db.schema.createIndex('outbox_status').on('outbox').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('voice_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('allow_registration', 'integer', zero)
    .addColumn('require_confirmed_email', 'integer', zero)
    // `count` (threshold_value supports) or `share` (threshold_value basis points of the segment's clients).
    .addColumn('threshold_kind', 'text', notNull)
    .addColumn('threshold_value', 'integer', notNull)
    .addColumn('response_days', 'integer', notNull)
    // The team that owes answers and the promise that measures it, made on first need.
    .addColumn('answer_team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('answer_promise_id', 'text', (c) => c.references('promises.id'))
    .addColumn('hide_after_reports', 'integer', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('kind', 'text', notNull)
    .addColumn('question', 'text', notNull)
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('touchpoint', 'text')
    // The public link's key; anyone with it may answer (rate limited).
    .addColumn('public_key', 'text', (c) => c.notNull().unique())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('surveys_org').on('surveys').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('survey_id', 'text', (c) => c.references('surveys.id'))
    .addColumn('kind', 'text', notNull)
    // Null: the client skipped the score (counts in n of nothing).
    .addColumn('score', 'integer')
    .addColumn('comment', 'text', notNull)
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('touchpoint', 'text')
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    // `link`, `portal` or `api`.
    .addColumn('source', 'text', notNull)
    .addColumn('answered_at', 'bigint', notNull)
    .addColumn('pain_id', 'text', (c) => c.references('pains.id'))
    .addColumn('triaged_by', 'text')
    .addColumn('triaged_at', 'bigint')
    .addColumn('reply', 'text')
    .addColumn('replied_by', 'text')
    .addColumn('replied_at', 'bigint')
    .addColumn('reports', 'integer', zero)
    .addColumn('hidden_at', 'bigint')
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('feedback_org_kind').on('feedback').columns(['org_id', 'kind', 'answered_at']).execute();
  await db.schema.createIndex('feedback_subject').on('feedback').columns(['org_id', 'subject_type', 'subject_id', 'answered_at']).execute();
  await db.schema.createIndex('feedback_client').on('feedback').columns(['org_id', 'client_id', 'answered_at']).execute();

  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('title', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('segment_id', 'text', (c) => c.references('segments.id'))
    .addColumn('author_client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('author_user_id', 'text')
    .addColumn('author_label', 'text', notNull)
    // open, under_consideration, accepted, declined, implemented, merged
    .addColumn('status', 'text', notNull)
    .addColumn('supports', 'integer', zero)
    // Supports of the last 7 days (trending), and the oldest of them: when it leaves the window the
    // count is taken again. Stored, so trending is an indexed read like the others.
    .addColumn('recent_supports', 'integer', zero)
    .addColumn('recent_oldest_at', 'bigint')
    // The threshold in force when the proposal was made (supports needed).
    .addColumn('threshold', 'integer', notNull)
    .addColumn('threshold_reached_at', 'bigint')
    .addColumn('answer_due_at', 'bigint')
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'bigint')
    .addColumn('answered_by', 'text')
    // promise, experiment or decision
    .addColumn('implemented_type', 'text')
    .addColumn('implemented_id', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('reports', 'integer', zero)
    .addColumn('hidden_at', 'bigint')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('proposals_supported').on('proposals').columns(['org_id', 'supports', 'id']).execute();
  await db.schema.createIndex('proposals_newest').on('proposals').columns(['org_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('proposals_trending').on('proposals').columns(['org_id', 'recent_supports', 'id']).execute();
  await db.schema.createIndex('proposals_recent_oldest').on('proposals').columns(['org_id', 'recent_oldest_at']).execute();
  await db.schema.createIndex('proposals_due').on('proposals').columns(['answer_due_at']).execute();

  await db.schema
    .createTable('proposal_supports')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('org_id', 'text', org)
    .addColumn('created_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('proposal_supports_pk', ['proposal_id', 'client_id'])
    .execute();
  await db.schema.createIndex('proposal_supports_recent').on('proposal_supports').columns(['org_id', 'created_at']).execute();
  await db.schema.createIndex('proposal_supports_time').on('proposal_supports').columns(['proposal_id', 'created_at']).execute();
  await db.schema.createIndex('proposal_supports_client').on('proposal_supports').columns(['org_id', 'client_id']).execute();

  await db.schema
    .createTable('content_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    // proposal or feedback
    .addColumn('subject_type', 'text', notNull)
    .addColumn('subject_id', 'text', notNull)
    // A client, or a hash of the reporter's IP when not signed in: one report per reporter.
    .addColumn('reporter', 'text', notNull)
    .addColumn('reason', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('resolved_at', 'bigint')
    // kept (shown again) or removed (stays hidden)
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text')
    .addUniqueConstraint('content_reports_once', ['subject_type', 'subject_id', 'reporter'])
    .execute();
  await db.schema.createIndex('content_reports_open').on('content_reports').columns(['org_id', 'resolved_at']).execute();

  await db.schema
    .createTable('polls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('question', 'text', notNull)
    // JSON array of segment ids whose clients may vote.
    .addColumn('segment_ids', 'text', notNull)
    .addColumn('opens_at', 'bigint', notNull)
    .addColumn('closes_at', 'bigint', notNull)
    .addColumn('quorum', 'integer')
    .addColumn('hide_results', 'integer', zero)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('polls_decision').on('polls').columns(['org_id', 'decision_id']).execute();

  await db.schema
    .createTable('poll_ballots')
    .addColumn('poll_id', 'text', (c) => c.notNull().references('polls.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('org_id', 'text', org)
    // JSON by kind: {option} | {options:[]} | {scores:[]} | {ranking:[]}
    .addColumn('ballot', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('poll_ballots_pk', ['poll_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('pb_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('title', 'text', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('budget_minor', 'bigint', notNull)
    // greedy or mes
    .addColumn('method', 'text', notNull)
    .addColumn('segment_ids', 'text', notNull)
    .addColumn('opens_at', 'bigint', notNull)
    .addColumn('closes_at', 'bigint', notNull)
    // draft, open (between the dates), allocated
    .addColumn('status', 'text', notNull)
    // JSON of both methods' results, frozen when allocated.
    .addColumn('result', 'text')
    .addColumn('allocated_at', 'bigint')
    .addColumn('allocated_by', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('pb_projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', org)
    .addColumn('round_id', 'text', (c) => c.notNull().references('pb_rounds.id'))
    .addColumn('title', 'text', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('cost_minor', 'bigint', notNull)
    // project or experiment
    .addColumn('kind', 'text', notNull)
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    // candidate, funded, not_funded, in_progress, done
    .addColumn('status', 'text', notNull)
    .addColumn('allocation_id', 'text', (c) => c.references('reserve_allocations.id'))
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema.createIndex('pb_projects_round').on('pb_projects').columns(['org_id', 'round_id']).execute();

  await db.schema
    .createTable('pb_ballots')
    .addColumn('round_id', 'text', (c) => c.notNull().references('pb_rounds.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('org_id', 'text', org)
    // JSON array of approved project ids, their cost within the budget.
    .addColumn('project_ids', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('pb_ballots_pk', ['round_id', 'client_id'])
    .execute();
}
