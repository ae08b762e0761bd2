import type { ModuleManifest } from '../module.js';
import { DEMO_COMMANDS } from './demo.cli.js';

export const demoModule = {
  name: 'demo',
  cli: DEMO_COMMANDS,
} as const satisfies ModuleManifest;
