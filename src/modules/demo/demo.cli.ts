import { unknownCommand } from '../cli-kit.js';
import type { CliCommand } from '../module.js';
import { demoSeedersOf, seedDemoWith } from './demo.service.js';

export const DEMO_COMMANDS: CliCommand[] = [
  {
    name: 'demo',
    scope: 'database',
    help: `  demo                      Seed the demo organizations (stroydom, mfc, neighbourhood-care);
                            running it again changes nothing.`,
    async run(db, input) {
      if (input.sub) throw unknownCommand(input);
      const created = await seedDemoWith(demoSeedersOf(input.modules), db, input.now, input.publicUrl);
      return { stdout: created.length ? `seeded: ${created.join(', ')}` : 'demo organizations already present; nothing changed' };
    },
  },
];
