import type { ModuleManifest } from '../module.js';
import { seedDemoFeedback } from './feedback.demo.js';
import { FEEDBACK_PERMISSIONS } from './feedback.permissions.js';
import { registerFeedbackRoutes } from './feedback.routes.js';
import { FEEDBACK_TABLES } from './feedback.transfer.js';

export const feedbackModule = {
  name: 'feedback',
  permissions: FEEDBACK_PERMISSIONS,
  demo: [{ label: 'feedback', seed: (ctx, { publicUrl }) => seedDemoFeedback(ctx, publicUrl) }],
  tables: FEEDBACK_TABLES,
  routes: [registerFeedbackRoutes],
} as const satisfies ModuleManifest;
