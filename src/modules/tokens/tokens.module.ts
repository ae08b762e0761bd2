import type { ModuleManifest } from '../module.js';
import { registerTokenRoutes } from './token.routes.js';
import { TOKENS_COMMANDS } from './tokens.cli.js';
import { TOKENS_PERMISSIONS } from './tokens.permissions.js';
import { TOKENS_TABLES } from './tokens.transfer.js';

export const tokensModule = {
  name: 'tokens',
  permissions: TOKENS_PERMISSIONS,
  tables: TOKENS_TABLES,
  routes: [registerTokenRoutes],
  cli: TOKENS_COMMANDS,
} as const satisfies ModuleManifest;
