import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AuditPage } from './features/audit/audit-page';
import { ForgotPasswordPage } from './features/auth/forgot-password-page';
import { RequireSession, StartRedirect } from './features/auth/guards';
import { ResetPasswordPage } from './features/auth/reset-password-page';
import { SetupPage } from './features/auth/setup-page';
import { SignInPage } from './features/auth/sign-in-page';
import { ClientsPage } from './features/clients/clients-page';
import { DecisionPage } from './features/decisions/decision-page';
import { DueForReviewPage } from './features/decisions/due-for-review-page';
import { CanvasesPage } from './features/discovery/canvases-page';
import { SegmentWorkspacePage } from './features/discovery/segment-workspace-page';
import { SegmentsPage } from './features/discovery/segments-page';
import { RightsFlowPage } from './features/governance/rights-flow-page';
import { MembershipsPage } from './features/memberships/memberships-page';
import { FormerRoundRedirect, RoundPage } from './features/participation/round-page';
import { PromisePage } from './features/promises/promise-page';
import { PromisesPage } from './features/promises/promises-page';
import { ProposalPage } from './features/proposals/proposal-page';
import { SecurityPage } from './features/security/security-page';
import { SettingsPage } from './features/settings/settings-page';
import { TeamPage } from './features/teams/team-page';
import { TeamsPage } from './features/teams/teams-page';
import { TokensPage } from './features/tokens/tokens-page';
import { VoicePage } from './features/voice/voice-page';
import { NotFoundPage } from './shared/layout/not-found-page';
import { OrgLayout } from './shared/layout/org-layout';
import { LoadingState } from './shared/ui/states';

// The chart library is large: it loads with the canvas editor, not with the rest of the app.
const CanvasEditorPage = lazy(() => import('./features/discovery/canvas-editor-page').then((m) => ({ default: m.CanvasEditorPage })));
// The economics pages load when first opened, their charts later still.
const OrgEconomicsPage = lazy(() => import('./features/economics/org-economics-page').then((m) => ({ default: m.OrgEconomicsPage })));
const TeamEconomicsPage = lazy(() => import('./features/economics/team-economics-page').then((m) => ({ default: m.TeamEconomicsPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route path="setup" element={<SetupPage />} />
      <Route path="forgot-password" element={<ForgotPasswordPage />} />
      <Route path="reset-password" element={<ResetPasswordPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<StartRedirect />} />
        <Route path="security" element={<SecurityPage />} />
        <Route path="o/:org" element={<OrgLayout />}>
          <Route index element={<Navigate to="teams" replace />} />
          <Route path="teams" element={<TeamsPage />} />
          <Route path="teams/:id" element={<TeamPage />} />
          <Route
            path="teams/:id/economics"
            element={
              <Suspense fallback={<LoadingState />}>
                <TeamEconomicsPage />
              </Suspense>
            }
          />
          <Route path="rights" element={<RightsFlowPage />} />
          <Route path="people" element={<MembershipsPage />} />
          <Route path="clients" element={<ClientsPage />} />
          <Route path="segments" element={<SegmentsPage />} />
          <Route path="segments/:id" element={<SegmentWorkspacePage />} />
          <Route path="canvases" element={<CanvasesPage />} />
          <Route
            path="canvases/:id"
            element={
              <Suspense fallback={<LoadingState />}>
                <CanvasEditorPage />
              </Suspense>
            }
          />
          <Route path="promises" element={<PromisesPage />} />
          <Route path="promises/:id" element={<PromisePage />} />
          <Route path="decisions/:id" element={<DecisionPage />} />
          <Route path="reviews" element={<DueForReviewPage />} />
          <Route
            path="economics"
            element={
              <Suspense fallback={<LoadingState />}>
                <OrgEconomicsPage />
              </Suspense>
            }
          />
          <Route path="voice" element={<VoicePage />} />
          <Route path="proposals/:id" element={<ProposalPage />} />
          <Route path="participation-rounds/:id" element={<RoundPage />} />
          <Route path="reserve-rounds/:id" element={<FormerRoundRedirect />} />
          <Route path="tokens" element={<TokensPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
