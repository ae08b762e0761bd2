import type { ModuleManifest } from '../module.js';
import { registerVoiceRoutes } from './voice.routes.js';
import { VOICE_TABLES } from './voice.transfer.js';

export const voiceModule = {
  name: 'voice',
  tables: VOICE_TABLES,
  routes: [registerVoiceRoutes],
} as const satisfies ModuleManifest;
