import { z } from 'zod';
import { ROLES } from '../../core/access/permissions.js';
import { ZEmail } from '../common.schema.js';
import { LOCALES, ZOrganization } from '../orgs/org.schema.js';

export const ZLogin = z.object({
  email: ZEmail,
  password: z.string().min(1, 'must not be empty').max(200),
});
export type TLogin = z.output<typeof ZLogin>;

export const ZUser = z.object({ id: z.string(), email: z.string(), name: z.string(), locale: z.enum(LOCALES).nullable() });

export const ZMe = z.object({
  user: ZUser,
  organizations: z.array(ZOrganization.extend({ role: z.enum(ROLES) })),
  csrfToken: z.string(),
});

export const ZUpdateMe = z.object({ locale: z.enum(LOCALES).nullable() });
