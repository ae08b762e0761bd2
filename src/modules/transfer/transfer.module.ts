import type { ModuleManifest } from '../module.js';
import { TRANSFER_COMMANDS } from './transfer.cli.js';

export const transferModule = {
  name: 'transfer',
  cli: TRANSFER_COMMANDS,
} as const satisfies ModuleManifest;
