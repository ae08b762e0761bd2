import type { ModuleManifest } from '../module.js';

export const exportsModule = {
  name: 'exports',
} as const satisfies ModuleManifest;
