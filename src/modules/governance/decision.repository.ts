/** Queries of decision records and the advice asked on them. */
import type { AdviceRequestsTable, DecisionsTable, Tx } from '../../db/schema.js';

export async function findDecision(tx: Tx, orgId: string, id: string): Promise<DecisionsTable | undefined> {
  return tx.selectFrom('decisions').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** The decisions with these ids (in no particular order). */
export async function listDecisionsByIds(tx: Tx, orgId: string, ids: string[]): Promise<DecisionsTable[]> {
  const rows: DecisionsTable[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await tx
        .selectFrom('decisions')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

/**
 * Decisions newest first, by team and by stage of the record: `open` (neither taken nor withdrawn),
 * `decided` (taken, not retired), `retired`; `reviewDueOn` (a calendar day) keeps taken, unretired
 * decisions whose review day is on or before it.
 */
export async function listDecisionRows(
  tx: Tx,
  orgId: string,
  filter: { teamId?: string; stage?: 'open' | 'decided' | 'retired'; reviewDueOn?: string },
): Promise<DecisionsTable[]> {
  let q = tx.selectFrom('decisions').selectAll().where('org_id', '=', orgId);
  if (filter.teamId) q = q.where('team_id', '=', filter.teamId);
  if (filter.stage === 'retired') q = q.where('retired_at', 'is not', null);
  if (filter.stage === 'decided') q = q.where('decided_at', 'is not', null).where('retired_at', 'is', null);
  if (filter.stage === 'open') q = q.where('decided_at', 'is', null).where('retired_at', 'is', null);
  if (filter.reviewDueOn !== undefined)
    q = q.where('decided_at', 'is not', null).where('retired_at', 'is', null).where('review_date', '<=', filter.reviewDueOn);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** Taken, unretired decisions due for review on `today`, with their team's name, for reminders. */
export async function listDueDecisions(tx: Tx, orgId: string, today: string) {
  return tx
    .selectFrom('decisions')
    .innerJoin('teams', 'teams.id', 'decisions.team_id')
    .select(['decisions.id', 'decisions.title', 'decisions.team_id', 'decisions.review_date', 'decisions.decided_by', 'teams.name as team'])
    .where('decisions.org_id', '=', orgId)
    .where('decisions.decided_at', 'is not', null)
    .where('decisions.retired_at', 'is', null)
    .where('decisions.review_date', '<=', today)
    .execute();
}

export async function insertDecision(tx: Tx, row: DecisionsTable): Promise<void> {
  await tx.insertInto('decisions').values(row).execute();
}

export async function updateDecisionRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Omit<DecisionsTable, 'id' | 'org_id' | 'team_id' | 'right_id' | 'created_at'>> & { updated_at: number },
): Promise<void> {
  await tx.updateTable('decisions').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/**
 * Writes `updated_at` on the decision when it is still open (neither taken nor withdrawn) — a write
 * that locks its row until the transaction ends. Returns whether it was open.
 */
export async function touchOpenDecision(tx: Tx, orgId: string, id: string, now: number): Promise<boolean> {
  const result = await tx
    .updateTable('decisions')
    .set({ updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('decided_at', 'is', null)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** As `touchOpenDecision`, for a taken decision not retired (the one a review may follow). */
export async function touchDecidedDecision(tx: Tx, orgId: string, id: string, now: number): Promise<boolean> {
  const result = await tx
    .updateTable('decisions')
    .set({ updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('decided_at', 'is not', null)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Advice asked on each of these decisions, in the order it was asked; decision id → requests. */
export async function listAdviceRequests(tx: Tx, orgId: string, decisionIds: string[]): Promise<Map<string, AdviceRequestsTable[]>> {
  const byDecision = new Map<string, AdviceRequestsTable[]>();
  for (let i = 0; i < decisionIds.length; i += 500) {
    const rows = await tx
      .selectFrom('advice_requests')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('decision_id', 'in', decisionIds.slice(i, i + 500))
      .orderBy('requested_at')
      .orderBy('id')
      .execute();
    for (const row of rows) byDecision.set(row.decision_id, [...(byDecision.get(row.decision_id) ?? []), row]);
  }
  return byDecision;
}

/** Ids of the decisions, among `decisionIds`, with advice still unanswered. */
export async function listDecisionIdsAwaitingAdvice(tx: Tx, orgId: string, decisionIds: string[]): Promise<Set<string>> {
  const waiting = new Set<string>();
  // Bounded chunks keep the statement under every database's limit on bound values.
  for (let i = 0; i < decisionIds.length; i += 500) {
    const rows = await tx
      .selectFrom('advice_requests')
      .select('decision_id')
      .where('org_id', '=', orgId)
      .where('decision_id', 'in', decisionIds.slice(i, i + 500))
      .where('answered_at', 'is', null)
      .execute();
    for (const row of rows) waiting.add(row.decision_id);
  }
  return waiting;
}

export async function insertAdviceRequests(tx: Tx, rows: AdviceRequestsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('advice_requests')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function answerAdviceRequest(
  tx: Tx,
  orgId: string,
  id: string,
  answer: Pick<AdviceRequestsTable, 'answered_at' | 'answered_by' | 'answered_by_label' | 'advice' | 'preferred_option'>,
): Promise<void> {
  await tx.updateTable('advice_requests').set(answer).where('org_id', '=', orgId).where('id', '=', id).execute();
}
