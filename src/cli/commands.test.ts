import { describe, expect, it } from 'vitest';
import type { CliCommand } from '../modules/module.js';
import { CLI_COMMANDS, commandsOf, helpOf, optionsOf } from './commands.js';

const command = (name: string, options: CliCommand['options'] = {}): CliCommand => ({
  name,
  help: `  ${name}`,
  options,
  scope: 'database',
  run: async () => ({}),
});

describe('the commands the modules declare', () => {
  it('are the CLI’s commands, each under its own name, in the help in the registry’s order', () => {
    expect(CLI_COMMANDS.map((c) => c.name).sort()).toEqual(
      [
        'agreements',
        'backup',
        'canvas',
        'decisions',
        'demo',
        'economics',
        'events',
        'export',
        'import',
        'outbox',
        'periods',
        'restore',
        'reviews',
        'rights',
        'segments',
        'token',
        'user',
      ].sort(),
    );
    const help = helpOf(CLI_COMMANDS);
    for (const c of CLI_COMMANDS) {
      // The usage starts two spaces in, with the command's name; descriptions line up at column 29.
      expect(c.help.startsWith(`  ${c.name} `) || c.help === `  ${c.name}`).toBe(true);
      for (const line of c.help.split('\n')) expect(line.length).toBeLessThanOrEqual(110);
      expect(help).toContain(c.help);
    }
  });

  it('share one option set: an option two commands take has one type', () => {
    const options = optionsOf(CLI_COMMANDS);
    expect(options).toMatchObject({ due: { type: 'boolean' }, id: { type: 'string' }, 'no-manifest': { type: 'boolean' } });
    expect(() => optionsOf([command('a', { due: { type: 'boolean' } }), command('b', { due: { type: 'string' } })])).toThrow(
      'the option --due of "b" differs',
    );
  });

  it('refuses two modules declaring one command', () => {
    expect(() =>
      commandsOf([
        { name: 'one', cli: [command('twice')] },
        { name: 'two', cli: [command('twice')] },
      ]),
    ).toThrow('two modules declare the command "twice"');
  });
});
