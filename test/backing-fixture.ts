/**
 * The backing a client promise publishes with, declared the way an organization would: the team
 * records a capability it really has, the organization defines a decision right and grants it to the
 * team. The result spreads into a promise's body (`requiredCapabilityIds`, `requiredRightIds`).
 */

import type { OrgContext } from '../src/modules/context.js';
import { createRight, grantRight } from '../src/modules/governance/rights.service.js';
import { createCapability } from '../src/modules/governance/structure.service.js';
import type { Agent } from './agent.js';
import { created } from './expect-api.js';
import { unique } from './fixtures.js';

/** What a client promise of the team declares it is kept with: one capability of the team, one right granted to it. */
export interface TeamBacking {
  requiredCapabilityIds: string[];
  requiredRightIds: string[];
}

const names = () => {
  const tag = unique();
  return {
    capability: `Staff on duty ${tag}`,
    right: `Decide how requests are answered ${tag}`,
    description: 'the team decides how and when it answers a request, within its working hours',
  };
};

/**
 * Over the API: `agent` — an admin, or a council person who also works in the team — records the
 * team's capability, defines the right and grants it to the team.
 */
export async function backTeam(agent: Agent, orgSlug: string, teamId: string): Promise<TeamBacking> {
  const base = `/api/v1/orgs/${orgSlug}`;
  const n = names();
  const capability = await created(
    await agent.post(`${base}/teams/${teamId}/capabilities`, {
      name: n.capability,
      capacity: { value: 2, unit: 'people a shift' },
      evidence: 'rota',
      // Needed only when the team already holds a delegated right (issue 17); ignored otherwise.
      override: { reason: 'the test backs the team' },
    }),
  );
  const right = await created(await agent.post(`${base}/rights`, { name: n.right, description: n.description }));
  await created(await agent.post(`${base}/grants`, { rightId: right.id, holderType: 'team', holderId: teamId }));
  return { requiredCapabilityIds: [capability.id], requiredRightIds: [right.id] };
}

/** Through the services, as `ctx` (an admin's or the council's context, or the system's): the same three steps. */
export async function backTeamAs(ctx: OrgContext, teamId: string): Promise<TeamBacking> {
  const n = names();
  const capability = await createCapability(ctx, teamId, {
    name: n.capability,
    description: '',
    capacity: { value: 2, unit: 'people a shift' },
    evidence: 'rota',
    // The team may already hold a delegated right: an admin, not in it, says why (recorded only then).
    override: { reason: 'the fixture backs the team' },
  });
  const right = await createRight(ctx, { name: n.right, description: n.description });
  await grantRight(ctx, {
    rightId: right.id,
    holderType: 'team',
    holderId: teamId,
    parentGrantId: null,
    limits: { spendingCap: null, scope: null },
    reason: '',
  });
  return { requiredCapabilityIds: [capability.id], requiredRightIds: [right.id] };
}
