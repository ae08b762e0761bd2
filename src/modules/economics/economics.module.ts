import type { ModuleManifest } from '../module.js';
import { ECONOMICS_COMMANDS } from './economics.cli.js';
import { registerEconomicsRoutes } from './economics.routes.js';
import { ECONOMICS_TABLES } from './economics.transfer.js';

export const economicsModule = {
  name: 'economics',
  tables: ECONOMICS_TABLES,
  routes: [registerEconomicsRoutes],
  cli: ECONOMICS_COMMANDS,
} as const satisfies ModuleManifest;
