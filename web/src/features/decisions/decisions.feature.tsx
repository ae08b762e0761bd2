import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { ReviewIcon } from '../../shared/ui/icons';
import { DecisionPage } from './decision-page';
import { DueForReviewPage } from './due-for-review-page';

export const decisionsFeature: WebFeature = {
  name: 'decisions',
  orgPages: [
    { path: 'decisions/:id', element: <DecisionPage /> },
    { path: 'reviews', element: <DueForReviewPage /> },
  ],
  nav: [{ path: 'reviews', label: tk('reviews.nav'), icon: <ReviewIcon />, permission: 'governance:read', order: 80 }],
};
