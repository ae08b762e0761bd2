/**
 * The modules' commands, read from the registry: which words the CLI knows, the options it parses,
 * the help's command lines and the dispatch. A command is added in its module's manifest, never here.
 */
import { AppError } from '../core/errors.js';
import type { Db } from '../db/schema.js';
import type { CliCommand, CommandInput, CommandOutput, DatabaseCommand, ModuleManifest } from '../modules/module.js';
import { MODULES } from '../modules/registry.js';

export type { CommandInput, CommandOutput };

type Options = NonNullable<CliCommand['options']>;

/** Every module's commands, in the registry's order. */
export function commandsOf(modules: readonly ModuleManifest[]): CliCommand[] {
  const commands = modules.flatMap((m) => m.cli ?? []);
  const names = new Set<string>();
  for (const command of commands) {
    if (names.has(command.name)) throw new Error(`two modules declare the command "${command.name}"`);
    names.add(command.name);
  }
  return commands;
}

export const CLI_COMMANDS: readonly CliCommand[] = commandsOf(MODULES);

/**
 * The options of every command in one set: the CLI parses them before it knows the command (an option
 * of another command is accepted and ignored), so two commands may share an option only with one type.
 */
export function optionsOf(commands: readonly CliCommand[]): Options {
  const options: Record<string, Options[string]> = {};
  for (const command of commands) {
    for (const [name, option] of Object.entries(command.options ?? {})) {
      const known = options[name];
      if (known && (known.type !== option.type || known.short !== option.short)) {
        throw new Error(`the option --${name} of "${command.name}" differs from another command's`);
      }
      options[name] = option;
    }
  }
  return options;
}

/** The help's lines of the modules' commands, in the registry's order. */
export function helpOf(commands: readonly CliCommand[]): string {
  return commands.map((c) => c.help).join('\n');
}

/**
 * Runs a command on an opened database: the CLI's entry after it opened and migrated it, and the
 * tests' way to run a command in process (`rest` and `modules` default to none and the registry's).
 */
export async function runCommand(
  db: Db,
  input: Omit<CommandInput, 'rest' | 'modules'> & Partial<Pick<CommandInput, 'rest' | 'modules'>>,
): Promise<CommandOutput> {
  const command = CLI_COMMANDS.find((c) => c.name === input.command);
  if (!command || command.scope === 'installation') {
    throw new AppError('bad_request', `unknown command "${[input.command, input.sub].filter(Boolean).join(' ')}"; see clientocracy --help`);
  }
  return (command as DatabaseCommand).run(db, { rest: [], modules: MODULES, ...input });
}
