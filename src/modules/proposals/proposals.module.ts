import type { ModuleManifest } from '../module.js';
import { registerProposalRoutes } from './proposal.routes.js';

export const proposalsModule = {
  name: 'proposals',
  routes: [registerProposalRoutes],
} as const satisfies ModuleManifest;
