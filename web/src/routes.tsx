import { Navigate, Route, Routes } from 'react-router';
import { RequireSession, StartRedirect } from './features/auth/guards';
import { FEATURES } from './features/registry';
import type { FeatureNavEntry, FeaturePage } from './shared/feature';
import { NotFoundPage } from './shared/layout/not-found-page';
import { OrgLayout } from './shared/layout/org-layout';

const pagesOf = (pick: (feature: (typeof FEATURES)[number]) => FeaturePage[] | undefined) =>
  FEATURES.flatMap((feature) => pick(feature) ?? []).map((page) => <Route key={page.path} path={page.path} element={page.element} />);

/** The side menu of an organization: every feature's entries, in their order. */
const NAV: readonly FeatureNavEntry[] = FEATURES.flatMap((feature) => feature.nav ?? []).sort((a, b) => a.order - b.order);

export function AppRoutes() {
  return (
    <Routes>
      {pagesOf((feature) => feature.publicPages)}
      <Route element={<RequireSession />}>
        <Route index element={<StartRedirect />} />
        {pagesOf((feature) => feature.accountPages)}
        <Route path="o/:org" element={<OrgLayout nav={NAV} />}>
          <Route index element={<Navigate to="teams" replace />} />
          {pagesOf((feature) => feature.orgPages)}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
