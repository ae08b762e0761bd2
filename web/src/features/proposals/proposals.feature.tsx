import type { WebFeature } from '../../shared/feature';
import { ProposalPage } from './proposal-page';

export const proposalsFeature: WebFeature = {
  name: 'proposals',
  orgPages: [{ path: 'proposals/:id', element: <ProposalPage /> }],
};
