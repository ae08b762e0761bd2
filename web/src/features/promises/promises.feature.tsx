import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { PromiseIcon } from '../../shared/ui/icons';
import { PromisePage } from './promise-page';
import { PromisesPage } from './promises-page';

export const promisesFeature: WebFeature = {
  name: 'promises',
  orgPages: [
    { path: 'promises', element: <PromisesPage /> },
    { path: 'promises/:id', element: <PromisePage /> },
  ],
  nav: [{ path: 'promises', label: tk('promises.nav'), icon: <PromiseIcon />, permission: 'promises:read', order: 70 }],
};
