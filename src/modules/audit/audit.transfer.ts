import { z } from 'zod';
import { derived, derivedOrNull, id, int, storedJson } from '../export-columns.js';
import { exportedTable, type ModuleTables } from '../module.js';

/** The organization's audit log travels whole: who did what, before and after. */
export const AUDIT_TABLES = {
  exported: {
    audit: exportedTable({
      table: 'audit_log',
      orderBy: ['at', 'id'],
      file: z.array(
        z.object({
          id,
          org_id: id,
          at: int,
          actor_type: z.enum(['user', 'token', 'client', 'system']),
          actor_id: derivedOrNull,
          actor_label: derived,
          action: derived,
          entity_type: derived,
          entity_id: derived,
          before_json: storedJson.nullable(),
          after_json: storedJson.nullable(),
        }),
      ),
    }),
  },
} as const satisfies ModuleTables;
