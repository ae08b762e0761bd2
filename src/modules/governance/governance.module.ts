import type { ModuleManifest } from '../module.js';
import { registerAgreementDecisionRoutes } from './agreement-decision.routes.js';
import { seedDemoAgreements } from './agreements.demo.js';
import { GOVERNANCE_COMMANDS } from './governance.cli.js';
import { seedDemoGovernance } from './governance.demo.js';
import { GOVERNANCE_JOBS } from './governance.jobs.js';
import { GOVERNANCE_PERMISSIONS } from './governance.permissions.js';
import { registerGovernanceRoutes } from './governance.routes.js';
import { GOVERNANCE_SUBSCRIPTIONS } from './governance.subscriptions.js';
import { GOVERNANCE_TABLES } from './governance.transfer.js';
import { registerOverrideRoutes } from './override.routes.js';

export const governanceModule = {
  name: 'governance',
  permissions: GOVERNANCE_PERMISSIONS,
  demo: [
    { label: 'governance', seed: seedDemoGovernance },
    { label: 'agreements and decisions', seed: seedDemoAgreements },
  ],
  tables: GOVERNANCE_TABLES,
  routes: [registerGovernanceRoutes, registerAgreementDecisionRoutes, registerOverrideRoutes],
  cli: GOVERNANCE_COMMANDS,
  jobs: GOVERNANCE_JOBS,
  subscriptions: GOVERNANCE_SUBSCRIPTIONS,
} as const satisfies ModuleManifest;
