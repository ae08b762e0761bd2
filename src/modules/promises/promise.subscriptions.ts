import type { ModuleSubscription } from '../events.js';
import { refreshBacking } from './backing.service.js';

/** How promises react to governance: a right or a capability lost re-checks every published promise's backing. */
export const PROMISE_SUBSCRIPTIONS: ModuleSubscription[] = [
  {
    event: 'grants.revoked',
    name: 'promises.refresh-backing',
    handle: async (tx, event) => {
      await refreshBacking(tx, event.orgId, event.now, event.actor);
    },
  },
  {
    event: 'capability.deleted',
    name: 'promises.refresh-backing',
    handle: async (tx, event) => {
      await refreshBacking(tx, event.orgId, event.now, event.actor, new Map([[event.capabilityId, event.name]]));
    },
  },
];
