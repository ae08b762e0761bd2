import type { WebFeature } from '../../shared/feature';
import { tk } from '../../shared/i18n';
import { TeamsIcon } from '../../shared/ui/icons';
import { TeamPage } from './team-page';
import { TeamsPage } from './teams-page';

export const teamsFeature: WebFeature = {
  name: 'teams',
  orgPages: [
    { path: 'teams', element: <TeamsPage /> },
    { path: 'teams/:id', element: <TeamPage /> },
  ],
  nav: [{ path: 'teams', label: tk('nav.teams'), icon: <TeamsIcon />, permission: 'teams:read', order: 10 }],
};
