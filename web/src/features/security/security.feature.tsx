import type { WebFeature } from '../../shared/feature';
import { SecurityPage } from './security-page';

export const securityFeature: WebFeature = {
  name: 'security',
  accountPages: [{ path: 'security', element: <SecurityPage /> }],
};
