import { lazy, Suspense } from 'react';
import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { CanvasIcon, NeedsIcon } from '../../shared/ui/icons';
import { LoadingState } from '../../shared/ui/states';
import { CanvasesPage } from './canvases-page';
import { SegmentWorkspacePage } from './segment-workspace-page';
import { SegmentsPage } from './segments-page';

// The chart library is large: it loads with the canvas editor, not with the rest of the app.
const CanvasEditorPage = lazy(() => import('./canvas-editor-page').then((m) => ({ default: m.CanvasEditorPage })));

export const discoveryFeature: WebFeature = {
  name: 'discovery',
  orgPages: [
    { path: 'segments', element: <SegmentsPage /> },
    { path: 'segments/:id', element: <SegmentWorkspacePage /> },
    { path: 'canvases', element: <CanvasesPage /> },
    {
      path: 'canvases/:id',
      element: (
        <Suspense fallback={<LoadingState />}>
          <CanvasEditorPage />
        </Suspense>
      ),
    },
  ],
  nav: [
    { path: 'segments', label: tk('nav.segments'), icon: <NeedsIcon />, permission: 'discovery:read', order: 50 },
    { path: 'canvases', label: tk('nav.canvases'), icon: <CanvasIcon />, permission: 'discovery:read', order: 60 },
  ],
};
