import type { WebFeature } from '../shared/feature';
import { auditFeature } from './audit/audit.feature';
import { authFeature } from './auth/auth.feature';
import { clientsFeature } from './clients/clients.feature';
import { decisionsFeature } from './decisions/decisions.feature';
import { discoveryFeature } from './discovery/discovery.feature';
import { economicsFeature } from './economics/economics.feature';
import { governanceFeature } from './governance/governance.feature';
import { membershipsFeature } from './memberships/memberships.feature';
import { participationFeature } from './participation/participation.feature';
import { promisesFeature } from './promises/promises.feature';
import { proposalsFeature } from './proposals/proposals.feature';
import { securityFeature } from './security/security.feature';
import { settingsFeature } from './settings/settings.feature';
import { teamsFeature } from './teams/teams.feature';
import { tokensFeature } from './tokens/tokens.feature';
import { voiceFeature } from './voice/voice.feature';

/**
 * Every feature of the staff app that has pages or menu entries, one line each: the router
 * (web/src/routes.tsx) and the side menu read this list. Features without pages of their own
 * (feedback, polls, notifications) live inside the pages of others.
 */
export const FEATURES: readonly WebFeature[] = [
  authFeature,
  securityFeature,
  teamsFeature,
  governanceFeature,
  membershipsFeature,
  clientsFeature,
  discoveryFeature,
  promisesFeature,
  decisionsFeature,
  economicsFeature,
  voiceFeature,
  proposalsFeature,
  participationFeature,
  tokensFeature,
  settingsFeature,
  auditFeature,
];
