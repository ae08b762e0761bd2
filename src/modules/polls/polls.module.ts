import type { ModuleManifest } from '../module.js';
import { registerPollRoutes } from './poll.routes.js';
import { seedDemoPolls } from './polls.demo.js';
import { POLLS_TABLES } from './polls.transfer.js';

export const pollsModule = {
  name: 'polls',
  demo: [{ label: 'client polls', seed: seedDemoPolls }],
  tables: POLLS_TABLES,
  routes: [registerPollRoutes],
} as const satisfies ModuleManifest;
