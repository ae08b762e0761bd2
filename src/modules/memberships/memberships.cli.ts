import { orgContext, parse, unknownCommand } from '../cli-kit.js';
import type { CliCommand } from '../module.js';
import { ZCreateMembership } from './membership.schema.js';
import { addMembership } from './membership.service.js';

export const MEMBERSHIPS_COMMANDS: CliCommand[] = [
  {
    name: 'user',
    scope: 'organization',
    help: `  user create --org SLUG --email EMAIL --role ROLE [--name NAME] [--password PASSWORD]
                            Add a person to an organization (a new account needs name and password).`,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    async run(db, input) {
      if (input.sub !== 'create') throw unknownCommand(input);
      const { values } = input;
      const ctx = await orgContext(db, values.org, input.now);
      const body = parse(ZCreateMembership, { email: values.email, role: values.role, name: values.name, password: values.password });
      const m = await addMembership(ctx, body);
      return { stdout: `added ${m.email} to ${ctx.org.slug} as ${m.role}` };
    },
  },
];
