import { z } from 'zod';
import { ROLES } from '../../core/access/permissions.js';
import { ZEmail, ZName, ZPassword, ZTime } from '../common.schema.js';

export const ZRole = z.enum(ROLES).meta({ id: 'MemberRole' });

/** Add a person: an existing account by e-mail, or a new one (then name and password are needed). */
export const ZCreateMembership = z
  .object({
    email: ZEmail,
    role: ZRole,
    name: ZName.optional(),
    password: ZPassword.optional(),
  })
  .meta({ id: 'CreateMembership' });
export type TCreateMembership = z.output<typeof ZCreateMembership>;

export const ZUpdateMembership = z.object({ role: ZRole }).meta({ id: 'UpdateMembership' });
export type TUpdateMembership = z.output<typeof ZUpdateMembership>;

export const ZMembership = z
  .object({
    id: z.string(),
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: ZRole,
    createdAt: ZTime,
  })
  .meta({ id: 'Membership' });
export type TMembership = z.output<typeof ZMembership>;
