import type { ModuleManifest } from '../module.js';
import { registerAgreementDecisionRoutes } from './agreement-decision.routes.js';
import { GOVERNANCE_COMMANDS } from './governance.cli.js';
import { GOVERNANCE_JOBS } from './governance.jobs.js';
import { registerGovernanceRoutes } from './governance.routes.js';
import { GOVERNANCE_TABLES } from './governance.transfer.js';

export const governanceModule = {
  name: 'governance',
  tables: GOVERNANCE_TABLES,
  routes: [registerGovernanceRoutes, registerAgreementDecisionRoutes],
  cli: GOVERNANCE_COMMANDS,
  jobs: GOVERNANCE_JOBS,
} as const satisfies ModuleManifest;
