import type { ModuleManifest } from '../module.js';
import { registerBoardRoutes } from './board.routes.js';
import { registerPromiseRoutes } from './promise.routes.js';
import { PROMISE_WEBHOOKS } from './promise.webhooks.js';

export const promisesModule = {
  name: 'promises',
  routes: [registerPromiseRoutes, registerBoardRoutes],
  webhooks: PROMISE_WEBHOOKS,
} as const satisfies ModuleManifest;
