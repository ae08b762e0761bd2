import { z } from 'zod';
import { ZId, ZName, ZPageQuery, ZTime } from '../common.schema.js';
import { ZOverrideField } from '../teams/override.schema.js';

export const HOLDER_TYPES = ['team', 'role'] as const;
export const GRANTED_BY = ['organization', 'council', 'delegation'] as const;

const ZDescription = z.string().trim().max(4000).default('');
const ZReason = z.string().trim().min(1, 'say why').max(2000);

export const ZCreateRole = z
  .object({
    name: ZName,
    purpose: ZDescription,
    accountabilities: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
    override: ZOverrideField,
  })
  .meta({ id: 'CreateRole' });
export const ZUpdateRole = z
  .object({ name: ZName, purpose: z.string().trim().max(4000), accountabilities: z.array(z.string().trim().min(1).max(500)).max(50) })
  .partial()
  .extend({ override: ZOverrideField })
  .refine((v) => Object.keys(v).some((k) => k !== 'override'), {
    message: 'send at least one field to change',
    params: { code: 'nothing_to_change' },
  })
  .meta({ id: 'UpdateRole' });
export type TCreateRole = z.output<typeof ZCreateRole>;
export type TUpdateRole = z.output<typeof ZUpdateRole>;

export const ZRole = z
  .object({
    id: z.string(),
    teamId: z.string(),
    name: z.string(),
    purpose: z.string(),
    accountabilities: z.array(z.string()),
    members: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Role' });
export type TRole = z.output<typeof ZRole>;

export const CAPACITY_PERS = ['week'] as const;
export const ZCapacity = z
  .object({
    value: z.number().min(0).max(1e12).nullable(),
    unit: z.string().trim().max(100),
    per: z
      .enum(CAPACITY_PERS)
      .nullable()
      .optional()
      .describe(
        "'week': value is how many (in unit) the team can do a week, a whole number ≥ 1, compared with the demand of the promises that need it; null: an amount that is not a rate",
      ),
  })
  .refine((c) => !c.per || (c.value !== null && Number.isInteger(c.value)), {
    message: 'a capacity per week is a whole number',
    path: ['value'],
    params: { code: 'not_integer' },
  })
  .refine((c) => !c.per || c.value === null || c.value >= 1, {
    message: 'a capacity per week is at least 1',
    path: ['value'],
    params: { code: 'too_small', minimum: 1 },
  });
export const ZCreateCapability = z
  .object({
    name: ZName,
    description: ZDescription,
    capacity: ZCapacity.default({ value: null, unit: '' }),
    evidence: z.string().trim().max(2000).default(''),
    override: ZOverrideField,
  })
  .meta({ id: 'CreateCapability' });
export const ZUpdateCapability = z
  .object({ name: ZName, description: z.string().trim().max(4000), capacity: ZCapacity, evidence: z.string().trim().max(2000) })
  .partial()
  .extend({ override: ZOverrideField })
  .refine((v) => Object.keys(v).some((k) => k !== 'override'), {
    message: 'send at least one field to change',
    params: { code: 'nothing_to_change' },
  })
  .meta({ id: 'UpdateCapability' });
export type TCreateCapability = z.output<typeof ZCreateCapability>;
export type TUpdateCapability = z.output<typeof ZUpdateCapability>;

export const ZCapability = z
  .object({
    id: z.string(),
    teamId: z.string(),
    name: z.string(),
    description: z.string(),
    capacity: z.object({ value: z.number().nullable(), unit: z.string(), per: z.enum(CAPACITY_PERS).nullable() }),
    evidence: z.string(),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Capability' });
export type TCapability = z.output<typeof ZCapability>;

export const ZCreateRight = z.object({ name: ZName, description: ZDescription }).meta({ id: 'CreateRight' });
export const ZUpdateRight = ZCreateRight.partial().refine((v) => Object.keys(v).length > 0, {
  message: 'send at least one field to change',
  params: { code: 'nothing_to_change' },
});
export const ZRight = z
  .object({ id: z.string(), name: z.string(), description: z.string(), createdAt: ZTime, updatedAt: ZTime })
  .meta({ id: 'Right' });
export type TRight = z.output<typeof ZRight>;

export const ZLimits = z.object({
  spendingCap: z
    .number()
    .int('must be whole minor units')
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .nullable()
    .default(null)
    .describe('minor units per decision; null: no cap'),
  scope: z.string().trim().max(2000).nullable().default(null),
});

export const ZCreateGrant = z
  .object({
    rightId: ZId,
    holderType: z.enum(HOLDER_TYPES),
    holderId: ZId,
    parentGrantId: ZId.nullable()
      .default(null)
      .describe('the grant this one is sub-delegated from; null for a grant by the organization or the council'),
    limits: ZLimits.default({ spendingCap: null, scope: null }),
    reason: z.string().trim().max(2000).default(''),
    onBehalfOf: z
      .enum(['organization', 'council'])
      .optional()
      .describe(
        'who grants a right that is not sub-delegated: an admin may grant on behalf of the council (recorded as the council’s grant, the admin as actor); a council member grants as the council. Default: the council for a council member, else the organization. Not with parentGrantId (422)',
      ),
  })
  .meta({ id: 'CreateGrant' });
export type TCreateGrant = z.output<typeof ZCreateGrant>;

export const ZDelegateGrant = ZCreateGrant.omit({ rightId: true, parentGrantId: true, onBehalfOf: true }).meta({ id: 'DelegateGrant' });
export type TDelegateGrant = z.output<typeof ZDelegateGrant>;

export const ZNarrowGrant = z.object({ limits: ZLimits, reason: ZReason }).meta({ id: 'NarrowGrant' });
export const ZRevokeGrant = z.object({ reason: ZReason }).meta({ id: 'RevokeGrant' });

export const ZGrant = z
  .object({
    id: z.string(),
    rightId: z.string(),
    rightName: z.string(),
    holderType: z.enum(HOLDER_TYPES),
    holderId: z.string(),
    holderName: z.string().describe('a team’s name, or "Team / Role" for a role'),
    holderTeamId: z.string().describe('the holder team, or the team of the holder role'),
    holderTeamName: z.string(),
    holderRoleName: z.string().nullable().describe('the role’s own name; null when a team holds the grant'),
    parentGrantId: z.string().nullable(),
    grantedBy: z.enum(GRANTED_BY),
    limits: z.object({ spendingCap: z.number().nullable(), scope: z.string().nullable() }),
    active: z.boolean().describe('not revoked, and every grant above it is active'),
    createdAt: ZTime,
    revokedAt: ZTime.nullable(),
  })
  .meta({ id: 'Grant' });
export type TGrant = z.output<typeof ZGrant>;

export const ZGrantEvent = z
  .object({
    id: z.string(),
    grantId: z.string(),
    kind: z.enum(['granted', 'narrowed', 'revoked']),
    actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }),
    reason: z.string(),
    limits: z.object({ spendingCap: z.number().nullable(), scope: z.string().nullable() }),
    at: ZTime,
  })
  .meta({ id: 'GrantEvent' });

export const ZGrantQuery = ZPageQuery.extend({
  rightId: ZId.optional(),
  holderType: z.enum(HOLDER_TYPES).optional(),
  holderId: ZId.optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const ZAddRoleMember = z.object({ userId: ZId, override: ZOverrideField }).meta({ id: 'AddRoleMember' });
