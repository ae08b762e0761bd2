import type { ModuleManifest } from '../module.js';
import { registerFeedbackRoutes } from './feedback.routes.js';
import { FEEDBACK_TABLES } from './feedback.transfer.js';

export const feedbackModule = {
  name: 'feedback',
  tables: FEEDBACK_TABLES,
  routes: [registerFeedbackRoutes],
} as const satisfies ModuleManifest;
