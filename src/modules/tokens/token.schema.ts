import { z } from 'zod';
import { ZName, ZTime } from '../common.schema.js';
import { TOKEN_SCOPES } from '../permissions.js';

export const ZCreateToken = z
  .object({
    name: ZName,
    scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, 'choose at least one scope'),
  })
  .meta({ id: 'CreateToken' });
export type TCreateToken = z.output<typeof ZCreateToken>;

export const ZToken = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('the first characters of the token, to recognise it'),
    scopes: z.array(z.string()),
    createdAt: ZTime,
    lastUsedAt: ZTime.nullable(),
    revokedAt: ZTime.nullable(),
  })
  .meta({ id: 'Token' });
export type TToken = z.output<typeof ZToken>;

/** Returned once, at creation: the secret is stored only as a hash. */
export const ZCreatedToken = ZToken.extend({ token: z.string() }).meta({ id: 'CreatedToken' });
