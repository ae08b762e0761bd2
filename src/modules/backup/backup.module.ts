import type { ModuleManifest } from '../module.js';
import { BACKUP_COMMANDS } from './backup.cli.js';

export const backupModule = {
  name: 'backup',
  cli: BACKUP_COMMANDS,
} as const satisfies ModuleManifest;
