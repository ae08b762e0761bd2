import type { ModuleManifest } from '../module.js';

export const mailModule = {
  name: 'mail',
} as const satisfies ModuleManifest;
