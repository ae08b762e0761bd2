import { AppError, fieldError } from '../../core/errors.js';
import { orgContext, parse, unknownCommand } from '../cli-kit.js';
import type { CliCommand } from '../module.js';
import { ZCreateToken } from './token.schema.js';
import { createToken } from './token.service.js';

export const TOKENS_COMMANDS: CliCommand[] = [
  {
    name: 'token',
    scope: 'organization',
    help: `  token create --org SLUG --scopes all|SCOPE,SCOPE [--name NAME]
                            Create an API token; the token alone is the last line of stdout.`,
    options: { scopes: { type: 'string' }, name: { type: 'string' } },
    async run(db, input) {
      if (input.sub !== 'create') throw unknownCommand(input);
      const { values, now } = input;
      const ctx = await orgContext(db, values.org, now);
      if (!values.scopes)
        throw new AppError('validation_failed', '--scopes: required (all, or a comma-separated list)', [
          fieldError('scopes', 'required', 'required'),
        ]);
      const body = parse(ZCreateToken, {
        name: values.name ?? `cli ${new Date(now).toISOString()}`,
        scopes: values.scopes
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      });
      const token = await createToken(ctx, body);
      return {
        stderr: [`token ${token.name} for ${ctx.org.slug} with scopes: ${token.scopes.join(', ')}`, 'shown once; keep it secret'],
        stdout: token.token,
      };
    },
  },
];
