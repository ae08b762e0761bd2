import { z } from 'zod';
import { ZPageQuery, ZTime } from '../common.schema.js';

export const ZAuditQuery = ZPageQuery.extend({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.string().max(100).optional(),
  from: ZTime.optional().describe('an instant, ISO 8601, inclusive'),
  to: ZTime.optional().describe('an instant, ISO 8601, exclusive'),
});

export const ZAuditEntry = z
  .object({
    id: z.string(),
    at: ZTime,
    actor: z.object({ type: z.enum(['user', 'token', 'client', 'system']), id: z.string().nullable(), label: z.string() }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });
