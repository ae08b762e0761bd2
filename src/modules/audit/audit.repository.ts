import { newSortableId } from '../../core/ids.js';
import { type CursorKey, pageOf } from '../../core/pagination.js';
import type { AuditLogTable, Db, Tx } from '../../db/schema.js';
import type { Actor } from '../context.js';

export interface AuditEntryInput {
  orgId: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  at: number;
}

/** Appends one entry. The only write this table ever receives (triggers refuse update and delete). */
export async function appendAudit(tx: Tx, entry: AuditEntryInput): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      // Sorts by creation within a millisecond: the log lists entries newest first by (at, id).
      id: newSortableId(entry.at),
      org_id: entry.orgId,
      at: entry.at,
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      actor_label: entry.actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: number;
  to?: number;
}

/** Newest first, keyset-paginated on (at, id). */
export async function listAudit(
  db: Db,
  orgId: string,
  filter: AuditFilter,
  after: CursorKey | null,
  limit: number,
): Promise<{ items: AuditLogTable[]; nextCursor: string | null }> {
  let query = db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (after) {
    query = query.where((eb) => eb.or([eb('at', '<', after.t), eb.and([eb('at', '=', after.t), eb('id', '<', after.id)])]));
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (r) => ({ t: r.at, id: r.id }));
}

/** Every entry of an organization, oldest first (export). */
export async function allAudit(db: Db, orgId: string): Promise<AuditLogTable[]> {
  return db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId).orderBy('at').orderBy('id').execute();
}

/** The actions and entity types that occur in an organization's log, for filters. */
export async function auditFacets(db: Db, orgId: string): Promise<{ actions: string[]; entityTypes: string[] }> {
  const actions = await db.selectFrom('audit_log').select('action').distinct().where('org_id', '=', orgId).orderBy('action').execute();
  const types = await db
    .selectFrom('audit_log')
    .select('entity_type')
    .distinct()
    .where('org_id', '=', orgId)
    .orderBy('entity_type')
    .execute();
  return { actions: actions.map((r) => r.action), entityTypes: types.map((r) => r.entity_type) };
}
