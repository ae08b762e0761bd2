import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { RightsFlowIcon } from '../../shared/ui/icons';
import { RightsFlowPage } from './rights-flow-page';

export const governanceFeature: WebFeature = {
  name: 'governance',
  orgPages: [{ path: 'rights', element: <RightsFlowPage /> }],
  nav: [{ path: 'rights', label: tk('governance.nav.rights'), icon: <RightsFlowIcon />, permission: 'governance:read', order: 20 }],
};
