import { type ModuleSubscription, provide } from '../events.js';
import { DECISION_POLLS } from '../governance/decision-polls.port.js';
import { askedPolls, clientVerdict, hasPolls } from './poll.tally.js';

/** What polls answer for governance: whether a decision is polled, and what its polls require of the decider. */
export const POLL_SUBSCRIPTIONS: ModuleSubscription[] = [provide(DECISION_POLLS, { hasPolls, clientVerdict, askedPolls })];
