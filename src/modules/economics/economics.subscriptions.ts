import type { ModuleSubscription } from '../events.js';
import { fundReserveRequest } from './reserve-request.service.js';

/**
 * How economics reacts to governance: a decision taken under the right to spend the reserve, choosing
 * the option its team's request names, allocates the amount in the decision's own transaction.
 */
export const ECONOMICS_SUBSCRIPTIONS: ModuleSubscription[] = [
  {
    event: 'decision.taken',
    name: 'economics.fund-reserve-request',
    handle: async (tx, { ctx, decision, chosenOption }) => fundReserveRequest(tx, ctx, decision.id, chosenOption),
  },
];
