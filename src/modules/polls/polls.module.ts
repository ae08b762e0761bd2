import type { ModuleManifest } from '../module.js';
import { registerPollRoutes } from './poll.routes.js';

export const pollsModule = {
  name: 'polls',
  routes: [registerPollRoutes],
} as const satisfies ModuleManifest;
