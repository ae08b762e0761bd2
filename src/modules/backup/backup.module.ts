import type { ModuleManifest } from '../module.js';

export const backupModule = {
  name: 'backup',
} as const satisfies ModuleManifest;
