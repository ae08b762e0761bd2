import { lazy, Suspense } from 'react';
import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { LoadingState } from '../../shared/ui/states';
import { EconomicsIcon } from './economics-icon';

// The economics pages load when first opened, their charts later still.
const OrgEconomicsPage = lazy(() => import('./org-economics-page').then((m) => ({ default: m.OrgEconomicsPage })));
const TeamEconomicsPage = lazy(() => import('./team-economics-page').then((m) => ({ default: m.TeamEconomicsPage })));

export const economicsFeature: WebFeature = {
  name: 'economics',
  orgPages: [
    {
      path: 'teams/:id/economics',
      element: (
        <Suspense fallback={<LoadingState />}>
          <TeamEconomicsPage />
        </Suspense>
      ),
    },
    {
      path: 'economics',
      element: (
        <Suspense fallback={<LoadingState />}>
          <OrgEconomicsPage />
        </Suspense>
      ),
    },
  ],
  nav: [{ path: 'economics', label: tk('economics.nav'), icon: <EconomicsIcon />, permission: 'economics:read', order: 90 }],
};
