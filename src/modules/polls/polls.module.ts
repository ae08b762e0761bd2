import type { ModuleManifest } from '../module.js';
import { registerPollRoutes } from './poll.routes.js';
import { POLLS_TABLES } from './polls.transfer.js';

export const pollsModule = {
  name: 'polls',
  tables: POLLS_TABLES,
  routes: [registerPollRoutes],
} as const satisfies ModuleManifest;
