import { z } from 'zod';
import type { AuditLogTable } from '../../db/schema.js';
import type { Registrar } from '../../http/registrar.js';
import { encodeInstant, ZOrgParams, ZPage } from '../common.schema.js';
import { cursorOf } from '../list.js';
import { auditFacets, listAudit } from './audit.repository.js';
import { ZAuditEntry, ZAuditQuery } from './audit.schema.js';

/** Snapshot keys that hold an instant: `at`, `since`, `…At`, `…_at` (camelCase answers and stored rows alike). */
const INSTANT_KEY = /^(at|since)$|At$|_at$/;

/**
 * A snapshot as the API writes it: the entity as it was, its instants (by the key rule above, whole
 * non-negative milliseconds) as ISO 8601 strings like every other answer. Snapshots are stored as the
 * server saw them, so old entries read the same way.
 */
export function snapshotToWire(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => snapshotToWire(item));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, snapshotToWire(v, k)]));
  }
  if (typeof value === 'number' && INSTANT_KEY.test(key) && Number.isSafeInteger(value) && value >= 0) return encodeInstant(value);
  return value;
}

export function toAuditEntry(row: AuditLogTable) {
  return {
    id: row.id,
    at: row.at,
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before_json === null ? null : snapshotToWire(JSON.parse(row.before_json)),
    after: row.after_json === null ? null : snapshotToWire(JSON.parse(row.after_json)),
  };
}

export function registerAuditRoutes(r: Registrar): void {
  r.add({
    method: 'GET',
    operationId: 'listAuditEntries',
    url: '/api/v1/orgs/:org/audit',
    tag: 'audit',
    auth: 'org',
    permission: 'audit:read',
    summary: 'The append-only audit log, newest first, filtered by action, entity, actor and time',
    params: ZOrgParams,
    query: ZAuditQuery,
    response: ZPage(ZAuditEntry),
    handler: async ({ ctx, query }) => {
      const { cursor: _c, limit, ...filter } = query;
      const page = await listAudit(ctx.db, ctx.org.id, filter, cursorOf(query), limit);
      return { items: page.items.map(toAuditEntry), nextCursor: page.nextCursor };
    },
  });
  r.add({
    method: 'GET',
    operationId: 'listAuditFacets',
    url: '/api/v1/orgs/:org/audit/facets',
    tag: 'audit',
    auth: 'org',
    permission: 'audit:read',
    summary: 'The actions and entity types present in the audit log (for filters)',
    params: ZOrgParams,
    response: z.object({ actions: z.array(z.string()), entityTypes: z.array(z.string()) }),
    handler: async ({ ctx }) => auditFacets(ctx.db, ctx.org.id),
  });
}
