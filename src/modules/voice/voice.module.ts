import type { ModuleManifest } from '../module.js';
import { seedDemoVoice } from './voice.demo.js';
import { VOICE_PERMISSIONS } from './voice.permissions.js';
import { registerVoiceRoutes } from './voice.routes.js';
import { VOICE_TABLES } from './voice.transfer.js';

export const voiceModule = {
  name: 'voice',
  permissions: VOICE_PERMISSIONS,
  demo: [{ label: 'client voice', seed: seedDemoVoice }],
  tables: VOICE_TABLES,
  routes: [registerVoiceRoutes],
} as const satisfies ModuleManifest;
