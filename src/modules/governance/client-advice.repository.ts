/** Queries of clients' advice on decisions, given through the portal. */
import type { DecisionAdviceMailsTable, DecisionClientAdviceTable, DecisionsTable, Tx } from '../../db/schema.js';

export async function findClientAdvice(
  tx: Tx,
  orgId: string,
  decisionId: string,
  clientId: string,
): Promise<DecisionClientAdviceTable | undefined> {
  return tx
    .selectFrom('decision_client_advice')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('decision_id', '=', decisionId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** Stores the client's advice, replacing an earlier one (one per client and decision). */
export async function upsertClientAdvice(tx: Tx, row: DecisionClientAdviceTable): Promise<void> {
  await tx
    .insertInto('decision_client_advice')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['decision_id', 'client_id'])
        .doUpdateSet({ advice: row.advice, preferred_option: row.preferred_option, updated_at: row.updated_at }),
    )
    .execute();
}

/** Clients' advice on these decisions with the client's name, newest first; decision id → rows. */
export async function listClientAdvice(
  tx: Tx,
  orgId: string,
  decisionIds: string[],
): Promise<Map<string, (DecisionClientAdviceTable & { client_name: string })[]>> {
  const byDecision = new Map<string, (DecisionClientAdviceTable & { client_name: string })[]>();
  for (let i = 0; i < decisionIds.length; i += 500) {
    const rows = await tx
      .selectFrom('decision_client_advice as a')
      .innerJoin('clients as c', (j) => j.onRef('c.id', '=', 'a.client_id').onRef('c.org_id', '=', 'a.org_id'))
      .selectAll('a')
      .select('c.name as client_name')
      .where('a.org_id', '=', orgId)
      .where('a.decision_id', 'in', decisionIds.slice(i, i + 500))
      .orderBy('a.updated_at', 'desc')
      .orderBy('a.id')
      .execute();
    for (const row of rows) byDecision.set(row.decision_id, [...(byDecision.get(row.decision_id) ?? []), row]);
  }
  return byDecision;
}

/** Segments, among `segmentIds`, with at least one client who gave advice on the decision. */
export async function listAdvisedSegmentIds(tx: Tx, orgId: string, decisionId: string, segmentIds: string[]): Promise<Set<string>> {
  if (segmentIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('decision_client_advice as a')
    .innerJoin('client_segments as s', (j) => j.onRef('s.client_id', '=', 'a.client_id').onRef('s.org_id', '=', 'a.org_id'))
    .select('s.segment_id')
    .distinct()
    .where('a.org_id', '=', orgId)
    .where('a.decision_id', '=', decisionId)
    .where('s.segment_id', 'in', segmentIds)
    .execute();
  return new Set(rows.map((r) => r.segment_id));
}

/** Names of the organization's segments with these ids (unknown ids are left out). */
export async function listSegmentNames(tx: Tx, orgId: string, ids: string[]): Promise<{ id: string; name: string }[]> {
  const rows: { id: string; name: string }[] = [];
  for (let i = 0; i < ids.length; i += 500)
    rows.push(
      ...(await tx
        .selectFrom('segments')
        .select(['id', 'name'])
        .where('org_id', '=', orgId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return rows;
}

/** Decisions that touch client segments or ask them for advice, newest first (the portal filters by the client's segments). */
export async function listDecisionsNamingSegments(tx: Tx, orgId: string): Promise<DecisionsTable[]> {
  return tx
    .selectFrom('decisions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('touches_segment_ids', '<>', '[]'), eb('advice_segment_ids', '<>', '[]')]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * Clients of these segments with a confirmed e-mail (those who sign in to the portal by it) who were
 * not yet e-mailed about this decision asking their advice, each once, by name.
 */
export async function listClientsToMailAboutAdvice(
  tx: Tx,
  orgId: string,
  decisionId: string,
  segmentIds: string[],
): Promise<{ id: string; name: string; email: string }[]> {
  if (segmentIds.length === 0) return [];
  const rows = await tx
    .selectFrom('clients as c')
    .innerJoin('client_segments as s', (j) => j.onRef('s.client_id', '=', 'c.id').onRef('s.org_id', '=', 'c.org_id'))
    .leftJoin('decision_advice_mails as m', (j) =>
      j.onRef('m.client_id', '=', 'c.id').onRef('m.org_id', '=', 'c.org_id').on('m.decision_id', '=', decisionId),
    )
    .select(['c.id', 'c.name', 'c.email'])
    .distinct()
    .where('c.org_id', '=', orgId)
    .where('s.segment_id', 'in', segmentIds)
    .where('c.email', 'is not', null)
    .where('c.email_confirmed_at', 'is not', null)
    .where('m.id', 'is', null)
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email as string }));
}

/** Records that these clients were e-mailed about the decision. */
export async function insertAdviceMails(tx: Tx, rows: DecisionAdviceMailsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await tx
      .insertInto('decision_advice_mails')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Ids of the decisions on which the client gave advice. */
export async function listDecisionIdsAdvisedBy(tx: Tx, orgId: string, clientId: string): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('decision_client_advice')
    .select('decision_id')
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .execute();
  return new Set(rows.map((r) => r.decision_id));
}
