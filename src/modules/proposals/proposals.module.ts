import type { ModuleManifest } from '../module.js';
import { registerProposalRoutes } from './proposal.routes.js';
import { PROPOSAL_SUBSCRIPTIONS } from './proposal.subscriptions.js';
import { seedDemoProposals } from './proposals.demo.js';
import { PROPOSALS_JOBS } from './proposals.jobs.js';
import { PROPOSALS_TABLES } from './proposals.transfer.js';

export const proposalsModule = {
  name: 'proposals',
  demo: [{ label: 'proposals', seed: seedDemoProposals }],
  tables: PROPOSALS_TABLES,
  routes: [registerProposalRoutes],
  jobs: PROPOSALS_JOBS,
  subscriptions: PROPOSAL_SUBSCRIPTIONS,
} as const satisfies ModuleManifest;
