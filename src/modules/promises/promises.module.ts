import type { ModuleManifest } from '../module.js';
import { registerBoardRoutes } from './board.routes.js';
import { registerPromiseRoutes } from './promise.routes.js';
import { PROMISE_SUBSCRIPTIONS } from './promise.subscriptions.js';
import { PROMISE_WEBHOOKS } from './promise.webhooks.js';
import { PROMISES_COMMANDS } from './promises.cli.js';
import { seedDemoPromises } from './promises.demo.js';
import { PROMISES_JOBS } from './promises.jobs.js';
import { PROMISES_PERMISSIONS } from './promises.permissions.js';
import { PROMISES_TABLES } from './promises.transfer.js';

export const promisesModule = {
  name: 'promises',
  permissions: PROMISES_PERMISSIONS,
  demo: [{ label: 'promises', seed: seedDemoPromises }],
  tables: PROMISES_TABLES,
  routes: [registerPromiseRoutes, registerBoardRoutes],
  webhooks: PROMISE_WEBHOOKS,
  cli: PROMISES_COMMANDS,
  jobs: PROMISES_JOBS,
  subscriptions: PROMISE_SUBSCRIPTIONS,
} as const satisfies ModuleManifest;
