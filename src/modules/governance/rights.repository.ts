/** Queries of decision rights, their grants, and each grant's history. */
import type { DecisionRightsTable, GrantEventsTable, GrantsTable, Tx } from '../../db/schema.js';

/** The organization's decision rights by name. */
export async function listRightRows(tx: Tx, orgId: string): Promise<DecisionRightsTable[]> {
  return tx.selectFrom('decision_rights').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
}

/** Every right of the organization, id and name (for naming rights in lists). */
export async function listRightNames(tx: Tx, orgId: string): Promise<{ id: string; name: string }[]> {
  return tx.selectFrom('decision_rights').select(['id', 'name']).where('org_id', '=', orgId).execute();
}

export async function findRight(tx: Tx, orgId: string, id: string): Promise<{ id: string } | undefined> {
  return tx.selectFrom('decision_rights').select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function findRightByName(tx: Tx, orgId: string, name: string): Promise<{ id: string } | undefined> {
  return tx.selectFrom('decision_rights').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();
}

export async function insertRight(tx: Tx, row: DecisionRightsTable): Promise<void> {
  await tx.insertInto('decision_rights').values(row).execute();
}

/** All grants of the organization, oldest first (a handful per right; the rules walk them in memory). */
export async function loadGrants(tx: Tx, orgId: string): Promise<GrantsTable[]> {
  return tx.selectFrom('grants').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
}

export async function findGrant(tx: Tx, orgId: string, id: string): Promise<GrantsTable | undefined> {
  return tx.selectFrom('grants').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** The grants with these ids (in no particular order). */
export async function listGrantsByIds(tx: Tx, orgId: string, ids: string[]): Promise<GrantsTable[]> {
  const rows: GrantsTable[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await tx
        .selectFrom('grants')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

/** Grants by right and holder, oldest first. */
export async function listGrantRows(
  tx: Tx,
  orgId: string,
  filter: { rightId?: string; holderType?: 'team' | 'role'; holderId?: string },
): Promise<GrantsTable[]> {
  let q = tx.selectFrom('grants').selectAll().where('org_id', '=', orgId);
  if (filter.rightId) q = q.where('right_id', '=', filter.rightId);
  if (filter.holderType) q = q.where('holder_type', '=', filter.holderType);
  if (filter.holderId) q = q.where('holder_id', '=', filter.holderId);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** An unrevoked grant held by the holder, if any. */
export async function findActiveGrantOfHolder(
  tx: Tx,
  orgId: string,
  holderType: GrantsTable['holder_type'],
  holderId: string,
): Promise<{ id: string } | undefined> {
  return tx
    .selectFrom('grants')
    .select('id')
    .where('org_id', '=', orgId)
    .where('holder_type', '=', holderType)
    .where('holder_id', '=', holderId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertGrant(tx: Tx, row: GrantsTable): Promise<void> {
  await tx.insertInto('grants').values(row).execute();
}

export async function updateGrantRow(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Pick<GrantsTable, 'spending_cap' | 'scope' | 'revoked_at'>> & { updated_at: number },
): Promise<void> {
  await tx.updateTable('grants').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function insertGrantEvent(tx: Tx, row: GrantEventsTable): Promise<void> {
  await tx.insertInto('grant_events').values(row).execute();
}

/** A grant's history, oldest first. */
export async function listGrantEvents(tx: Tx, orgId: string, grantId: string): Promise<GrantEventsTable[]> {
  return tx
    .selectFrom('grant_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('grant_id', '=', grantId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
