import type { ModuleManifest } from '../module.js';
import { registerAgreementDecisionRoutes } from './agreement-decision.routes.js';
import { registerGovernanceRoutes } from './governance.routes.js';

export const governanceModule = {
  name: 'governance',
  routes: [registerGovernanceRoutes, registerAgreementDecisionRoutes],
} as const satisfies ModuleManifest;
