import { isSubscribed, type ModuleSubscription, subscribe } from './events.js';
import { POLL_SUBSCRIPTIONS } from './polls/poll.subscriptions.js';
import { PROMISE_SUBSCRIPTIONS } from './promises/promise.subscriptions.js';
import { PROPOSAL_SUBSCRIPTIONS } from './proposals/proposal.subscriptions.js';

/** Every module's reactions and answers, lowest module first: the order subscribers of one event run in. */
const ALL: readonly ModuleSubscription[][] = [PROMISE_SUBSCRIPTIONS, POLL_SUBSCRIPTIONS, PROPOSAL_SUBSCRIPTIONS];

/**
 * Installs the domain event subscribers and port providers of every module (src/modules/events.ts).
 * Every entry point calls it before serving (the server, the CLI, the test setup); calling it again
 * changes nothing.
 */
export function installSubscriptions(): void {
  for (const list of ALL) {
    for (const entry of list) {
      if ('event' in entry) {
        if (!isSubscribed(entry.event, entry.name)) subscribe(entry);
      } else entry.install();
    }
  }
}
