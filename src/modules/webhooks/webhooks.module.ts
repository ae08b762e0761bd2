import type { ModuleManifest } from '../module.js';
import { registerWebhookRoutes } from './webhook.routes.js';

export const webhooksModule = {
  name: 'webhooks',
  routes: [registerWebhookRoutes],
} as const satisfies ModuleManifest;
