import type { ModuleManifest } from '../module.js';
import { seedDemoBudgetedBonus } from './budget.demo.js';
import { ECONOMICS_COMMANDS } from './economics.cli.js';
import { seedDemoEconomics } from './economics.demo.js';
import { ECONOMICS_PERMISSIONS } from './economics.permissions.js';
import { registerEconomicsRoutes } from './economics.routes.js';
import { ECONOMICS_SUBSCRIPTIONS } from './economics.subscriptions.js';
import { ECONOMICS_TABLES } from './economics.transfer.js';

export const economicsModule = {
  name: 'economics',
  permissions: ECONOMICS_PERMISSIONS,
  demo: [
    { label: 'economics', seed: seedDemoEconomics },
    { label: 'budgeted bonus', seed: seedDemoBudgetedBonus },
  ],
  tables: ECONOMICS_TABLES,
  routes: [registerEconomicsRoutes],
  cli: ECONOMICS_COMMANDS,
  subscriptions: ECONOMICS_SUBSCRIPTIONS,
} as const satisfies ModuleManifest;
