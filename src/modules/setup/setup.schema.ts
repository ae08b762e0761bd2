import { z } from 'zod';
import { ZEmail, ZName, ZPassword } from '../common.schema.js';
import { ZCreateOrganization } from '../orgs/org.schema.js';

export const ZSetup = z
  .object({
    organization: ZCreateOrganization,
    admin: z.object({ email: ZEmail, name: ZName, password: ZPassword }),
  })
  .meta({ id: 'Setup' });
export type TSetup = z.output<typeof ZSetup>;

export const ZSetupStatus = z.object({ needed: z.boolean() }).meta({ id: 'SetupStatus' });
