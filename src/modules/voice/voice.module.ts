import type { ModuleManifest } from '../module.js';
import { registerVoiceRoutes } from './voice.routes.js';

export const voiceModule = {
  name: 'voice',
  routes: [registerVoiceRoutes],
} as const satisfies ModuleManifest;
