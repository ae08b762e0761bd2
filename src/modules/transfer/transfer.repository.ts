import type { Db, OrganizationsTable, Tx, UsersTable } from '../../db/schema.js';
import type { ExportedTable } from '../module.js';

/**
 * Queries of the export and import: generic over the tables the modules declare, so a module's new
 * table travels without a line here. Table and column names come from the manifests, never from a file.
 */

/** The rows of one exported table that belong to the organization, in the table's stated order. */
export async function exportRows(db: Db, organization: OrganizationsTable, spec: ExportedTable): Promise<unknown> {
  if (spec.scope === 'organization') return organization;
  if (spec.scope === 'people') {
    let query = db
      .selectFrom('users')
      .selectAll()
      .where('id', 'in', db.selectFrom('memberships').select('user_id').where('org_id', '=', organization.id));
    for (const column of spec.orderBy) query = query.orderBy(column as 'id');
    return query.execute();
  }
  // The table's name is the manifest's; every exported table of a module has `org_id`.
  let query = db
    .selectFrom(spec.table as 'teams')
    .selectAll()
    .where('org_id', '=', organization.id);
  for (const column of spec.orderBy) query = query.orderBy(column as 'id');
  return query.execute();
}

/** The account with this e-mail (lower-cased), if any. */
export async function findUserIdByEmail(tx: Tx, email: string): Promise<string | undefined> {
  return (await tx.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst())?.id;
}

export async function userIdExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function organizationIdExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertUserRow(tx: Tx, user: UsersTable): Promise<void> {
  await tx.insertInto('users').values(user).execute();
}

export async function insertOrganizationRow(tx: Tx, organization: OrganizationsTable): Promise<void> {
  await tx.insertInto('organizations').values(organization).execute();
}

/** Inserts rows checked against the table's section schema, which mirrors the table column for column; 200 per statement. */
export async function insertRows(tx: Tx, table: string, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    if (chunk.length === 0) continue;
    await tx
      .insertInto(table as 'teams')
      .values(chunk as never)
      .execute();
  }
}
