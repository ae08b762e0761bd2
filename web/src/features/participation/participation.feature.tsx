import type { WebFeature } from '../../shared/feature';
import { FormerRoundRedirect, RoundPage } from './round-page';

export const participationFeature: WebFeature = {
  name: 'participation',
  orgPages: [
    { path: 'participation-rounds/:id', element: <RoundPage /> },
    // Links written before the participatory reserve had one name keep working.
    { path: 'reserve-rounds/:id', element: <FormerRoundRedirect /> },
  ],
};
