import type { ModuleManifest } from '../module.js';

export const transferModule = {
  name: 'transfer',
} as const satisfies ModuleManifest;
