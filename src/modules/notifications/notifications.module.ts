import type { ModuleManifest } from '../module.js';
import { registerNotificationRoutes } from './notification.routes.js';
import { NOTIFICATIONS_TABLES } from './notifications.transfer.js';

export const notificationsModule = {
  name: 'notifications',
  tables: NOTIFICATIONS_TABLES,
  routes: [registerNotificationRoutes],
} as const satisfies ModuleManifest;
