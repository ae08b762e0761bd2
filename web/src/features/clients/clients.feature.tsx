import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { ClientsIcon } from '../../shared/ui/icons';
import { ClientsPage } from './clients-page';

export const clientsFeature: WebFeature = {
  name: 'clients',
  orgPages: [{ path: 'clients', element: <ClientsPage /> }],
  nav: [{ path: 'clients', label: tk('nav.clients'), icon: <ClientsIcon />, permission: 'clients:read', order: 40 }],
};
