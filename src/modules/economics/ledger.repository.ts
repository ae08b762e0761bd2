import type { Db, LedgerLinesTable, Tx } from '../../db/schema.js';

/** Adds ledger lines, 200 to a statement (an import may hold thousands). */
export async function insertLedgerLines(tx: Tx, rows: readonly LedgerLinesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await tx
      .insertInto('ledger_lines')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** The period's lines, of one team when given: in the order they were entered (see the comment below). */
export async function listLedgerLines(db: Db, orgId: string, period: string, teamId?: string): Promise<LedgerLinesTable[]> {
  let q = db.selectFrom('ledger_lines').selectAll().where('org_id', '=', orgId).where('period', '=', period);
  if (teamId) q = q.where('team_id', '=', teamId);
  // Lines imported together share their instant: then by kind and amount, largest first.
  return q.orderBy('created_at').orderBy('kind').orderBy('amount_minor', 'desc').orderBy('id').execute();
}

export async function findLedgerLine(tx: Tx, orgId: string, period: string, id: string): Promise<LedgerLinesTable | undefined> {
  return tx
    .selectFrom('ledger_lines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteLedgerLine(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.deleteFrom('ledger_lines').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** The period's ledger summed by team (null: the organization's overhead) and kind. */
export async function sumLedgerByTeamAndKind(
  tx: Tx,
  orgId: string,
  period: string,
): Promise<{ team_id: string | null; kind: LedgerLinesTable['kind']; sum: number }[]> {
  const rows = await tx
    .selectFrom('ledger_lines')
    .select(['team_id', 'kind', (eb) => eb.fn.sum<number>('amount_minor').as('sum')])
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .groupBy(['team_id', 'kind'])
    .execute();
  return rows.map((r) => ({ team_id: r.team_id, kind: r.kind, sum: Number(r.sum) }));
}
