import type { ModuleManifest } from '../module.js';
import { registerFeedbackRoutes } from './feedback.routes.js';

export const feedbackModule = {
  name: 'feedback',
  routes: [registerFeedbackRoutes],
} as const satisfies ModuleManifest;
