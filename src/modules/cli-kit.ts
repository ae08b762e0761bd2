/**
 * What the modules' CLI commands share: the actor the audit log records them as, the organization
 * named by `--org`, required options and schema parsing with the CLI's error messages. It lives
 * beside the manifests' types, not in src/cli, because src/cli reads the registry that imports the
 * commands: a kit there would make a cycle.
 */
import type { z } from 'zod';
import { AppError, fieldError } from '../core/errors.js';
import type { Db } from '../db/schema.js';
import { zodToAppError } from '../http/errors.js';
import type { Actor, OrgContext } from './context.js';
import type { CommandInput } from './module.js';
import { findOrgBySlug } from './orgs/org.repository.js';

/** Who the audit log says acted when a command wrote. */
export const CLI_ACTOR: Actor = { type: 'system', id: null, label: 'cli' };

/** The options of a command as strings (flags as "true"), by name. */
export type CommandValues = Record<string, string | undefined>;

/** The value parsed by the schema, or the schema's field errors as a validation error (exit 1). */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw zodToAppError(result.error, 'input');
  return result.data;
}

/** The organization `--org` names, with the CLI as actor: `--org` missing exits 1, unknown exits 2. */
export async function orgContext(db: Db, slug: string | undefined, now: number): Promise<OrgContext> {
  if (!slug) throw new AppError('validation_failed', '--org: required', [fieldError('org', 'required', 'required')]);
  const org = await findOrgBySlug(db, slug);
  if (!org) throw new AppError('not_found', `--org: organization ${slug} not found`);
  return { db, org, actor: CLI_ACTOR, now };
}

/** The option's value; missing or empty exits 1 with the hint, e.g. `--id: required (the decision id)`. */
export function required(values: CommandValues, name: string, hint: string): string {
  const value = values[name];
  if (!value) {
    throw new AppError('validation_failed', `--${name}: required (${hint})`, [fieldError(name, 'required', 'required')]);
  }
  return value;
}

/** The error of a subcommand the command does not have (exit 1). */
export function unknownCommand(input: Pick<CommandInput, 'command' | 'sub'>): AppError {
  return new AppError('bad_request', `unknown command "${[input.command, input.sub].filter(Boolean).join(' ')}"; see clientocracy --help`);
}
