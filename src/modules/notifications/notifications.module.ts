import type { ModuleManifest } from '../module.js';
import { registerNotificationRoutes } from './notification.routes.js';

export const notificationsModule = {
  name: 'notifications',
  routes: [registerNotificationRoutes],
} as const satisfies ModuleManifest;
