import type { Db, OverridesTable, Tx } from '../../db/schema.js';
import type { TPageQuery } from '../common.schema.js';
import { pageByKeyset } from '../list.js';

export async function insertOverride(tx: Tx, row: OverridesTable): Promise<void> {
  await tx.insertInto('overrides').values(row).execute();
}

/** A team's overrides, newest first. */
export async function pageOverridesOfTeam(db: Db, orgId: string, teamId: string, page: TPageQuery) {
  const query = db.selectFrom('overrides').selectAll().where('org_id', '=', orgId).where('team_id', '=', teamId);
  return pageByKeyset<OverridesTable, 'overrides'>(
    query,
    { time: 'created_at', id: 'id', order: 'desc', keyOf: (row) => ({ t: row.created_at, id: row.id }) },
    page,
  );
}

/** The overrides recorded on these subjects (e.g. decisions), oldest first. */
export async function listOverridesOfSubjects(
  db: Db,
  orgId: string,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<OverridesTable[]> {
  if (subjectIds.length === 0) return [];
  const rows: OverridesTable[] = [];
  for (let i = 0; i < subjectIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('overrides')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('subject_type', '=', subjectType)
        .where('subject_id', 'in', subjectIds.slice(i, i + 500))
        .orderBy('created_at')
        .orderBy('id')
        .execute()),
    );
  }
  return rows;
}

/** How many overrides the organization recorded in [from, to). */
export async function countOverridesBetween(db: Db, orgId: string, from: number, to: number): Promise<number> {
  const row = await db
    .selectFrom('overrides')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('org_id', '=', orgId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
