import type { Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { definePort } from '../events.js';
import type { TeamChange, TOverride } from './override.schema.js';

/**
 * Whether a change to a team needs an override of its delegated authority, and recording it. The
 * teams module asks (team members); governance, which knows the rights and depends on teams,
 * answers (`governance/governance.subscriptions.ts`).
 */
export interface TeamAutonomy {
  /**
   * Inside the caller's transaction: refuses the change with 409 `team_autonomy` when it comes from
   * above while the team holds a delegated right and no override reason was sent; records the
   * override (notifying the team) when one was needed and sent; does nothing otherwise.
   */
  guardTeamChange(tx: Tx, ctx: OrgContext, change: TeamChange, override: TOverride | null | undefined, queryReason?: string): Promise<void>;
}

export const TEAM_AUTONOMY = definePort<TeamAutonomy>('teams.team-autonomy');
