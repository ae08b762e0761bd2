import type { ModuleManifest } from '../module.js';
import { registerPollRoutes } from './poll.routes.js';
import { POLL_SUBSCRIPTIONS } from './poll.subscriptions.js';
import { seedDemoPolls } from './polls.demo.js';
import { POLLS_TABLES } from './polls.transfer.js';

export const pollsModule = {
  name: 'polls',
  demo: [{ label: 'client polls', seed: seedDemoPolls }],
  tables: POLLS_TABLES,
  routes: [registerPollRoutes],
  subscriptions: POLL_SUBSCRIPTIONS,
} as const satisfies ModuleManifest;
