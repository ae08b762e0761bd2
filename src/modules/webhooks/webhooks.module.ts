import type { ModuleManifest } from '../module.js';
import { registerWebhookRoutes } from './webhook.routes.js';
import { WEBHOOKS_JOBS } from './webhooks.jobs.js';
import { WEBHOOKS_PERMISSIONS } from './webhooks.permissions.js';
import { WEBHOOKS_TABLES } from './webhooks.transfer.js';

export const webhooksModule = {
  name: 'webhooks',
  permissions: WEBHOOKS_PERMISSIONS,
  tables: WEBHOOKS_TABLES,
  routes: [registerWebhookRoutes],
  jobs: WEBHOOKS_JOBS,
} as const satisfies ModuleManifest;
