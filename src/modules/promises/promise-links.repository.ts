/**
 * What a promise links to, looked up to check the links: the promisee segment, the pains it answers,
 * the capabilities and decision rights it needs. Ids are looked up in batches (one query per 500).
 */
import type { Tx } from '../../db/schema.js';

const CHUNK = 500;

export async function segmentExists(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const row = await tx.selectFrom('segments').select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** The segment of each of the pains found, by pain id. */
export async function findPainSegments(tx: Tx, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx
      .selectFrom('pains')
      .select(['id', 'segment_id'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) found.set(r.id, r.segment_id);
  }
  return found;
}

/** Which of the ids are capabilities, or decision rights, of the organization. */
export async function findExistingIds(
  tx: Tx,
  orgId: string,
  table: 'capabilities' | 'decision_rights',
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx
      .selectFrom(table)
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** The names of the capabilities, or decision rights, of the organization among the ids, by id. */
export async function findNames(
  tx: Tx,
  orgId: string,
  table: 'capabilities' | 'decision_rights',
  ids: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await tx
      .selectFrom(table)
      .select(['id', 'name'])
      .where('org_id', '=', orgId)
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}
