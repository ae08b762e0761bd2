import { type ModuleSubscription, provide } from '../events.js';
import { TEAM_AUTONOMY } from '../teams/team-autonomy.port.js';
import { guardTeamChange } from './override.service.js';

/** Governance answers the teams module's question: may this change to a team go ahead without an override? */
export const GOVERNANCE_SUBSCRIPTIONS: ModuleSubscription[] = [provide(TEAM_AUTONOMY, { guardTeamChange })];
