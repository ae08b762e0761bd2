import { lazy } from 'react';

// The chart library is large: it loads with the first feedback chart, not with the rest of the app.
export const FeedbackChart = lazy(() => import('./feedback-chart'));
