import type { ModuleManifest } from '../module.js';
import { registerTokenRoutes } from './token.routes.js';
import { TOKENS_COMMANDS } from './tokens.cli.js';
import { TOKENS_TABLES } from './tokens.transfer.js';

export const tokensModule = {
  name: 'tokens',
  tables: TOKENS_TABLES,
  routes: [registerTokenRoutes],
  cli: TOKENS_COMMANDS,
} as const satisfies ModuleManifest;
