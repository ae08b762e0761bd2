import { z } from 'zod';
import { ZName } from '../common.schema.js';
import { derived, id, idOrNull, int, intOrNull, jsonOf, textOf } from '../export-columns.js';
import { exportedTable, type ModuleTables } from '../module.js';
import { ZCreateToken } from './token.schema.js';

/** API tokens travel as hashes (never the secrets): integrations keep working after a move. */
export const TOKENS_TABLES = {
  exported: {
    apiTokens: exportedTable({
      table: 'api_tokens',
      orderBy: ['created_at', 'id'],
      file: z.array(
        z.object({
          id,
          org_id: id,
          name: textOf(ZName),
          prefix: derived,
          token_hash: derived,
          scopes: jsonOf(ZCreateToken.shape.scopes),
          created_by: idOrNull,
          created_at: int,
          last_used_at: intOrNull,
          revoked_at: intOrNull,
        }),
      ),
    }),
  },
} as const satisfies ModuleTables;
