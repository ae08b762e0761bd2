import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { PeopleIcon } from '../../shared/ui/icons';
import { MembershipsPage } from './memberships-page';

export const membershipsFeature: WebFeature = {
  name: 'memberships',
  // The address is the people of the organization, as the menu says.
  orgPages: [{ path: 'people', element: <MembershipsPage /> }],
  nav: [{ path: 'people', label: tk('nav.people'), icon: <PeopleIcon />, permission: 'members:read', order: 30 }],
};
