import type { ModuleManifest } from '../module.js';

export const demoModule = {
  name: 'demo',
} as const satisfies ModuleManifest;
