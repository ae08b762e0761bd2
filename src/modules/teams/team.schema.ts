import { z } from 'zod';
import { ZId, ZName, ZTime } from '../common.schema.js';
import { ZOverrideField } from './override.schema.js';

export const TEAM_KINDS = ['autonomous', 'council'] as const;

const ZPurpose = z.string().trim().max(2000);

export const ZCreateTeam = z
  .object({
    name: ZName,
    kind: z.enum(TEAM_KINDS),
    purpose: ZPurpose.default(''),
  })
  .meta({ id: 'CreateTeam' });
export type TCreateTeam = z.output<typeof ZCreateTeam>;

// Built without the default: a partial update must not reset an omitted purpose to ''.
export const ZUpdateTeam = ZCreateTeam.extend({ purpose: ZPurpose })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateTeam' });
export type TUpdateTeam = z.output<typeof ZUpdateTeam>;

export const ZTeamMember = z.object({ userId: z.string(), email: z.string(), name: z.string(), addedAt: ZTime }).meta({ id: 'TeamMember' });
export type TTeamMember = z.output<typeof ZTeamMember>;

export const ZTeam = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(TEAM_KINDS),
    purpose: z.string(),
    memberCount: z.number().int(),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Team' });
export type TTeam = z.output<typeof ZTeam>;

export const ZTeamDetail = ZTeam.extend({ members: z.array(ZTeamMember) }).meta({ id: 'TeamDetail' });

export const ZAddTeamMember = z.object({ userId: ZId, override: ZOverrideField }).meta({ id: 'AddTeamMember' });
