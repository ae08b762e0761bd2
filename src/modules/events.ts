import type { Tx } from '../db/schema.js';
import type { Actor, OrgContext } from './context.js';

/**
 * In-process domain events: a lower module announces what happened and a higher one reacts, so
 * neither imports the other both ways (modules stay acyclic; see test/architecture/no-cycles.test.ts).
 *
 * Subscribers run one after another, in the order they were installed, inside the publisher's
 * transaction (`tx`): a reaction commits or rolls back with the change that caused it, and a
 * subscriber that throws refuses the whole change, as a direct call did. Work that must wait for
 * the commit is handed back through `afterCommit` and run by the publisher once it has committed.
 *
 * Publishing an event nobody subscribed to throws outside production: a forgotten
 * `installSubscriptions()` must fail loudly, not skip a reaction.
 */

/** Every event, by name, with what its subscribers receive. */
export interface DomainEvents {
  /**
   * Grants were revoked (a revocation cascades down the delegation chain): promises that needed one
   * of those rights lose their backing.
   */
  'grants.revoked': { orgId: string; grantIds: string[]; now: number; actor: Actor };
  /** A team's capability was deleted; `name` names it in what its loss is reported as, the row being gone. */
  'capability.deleted': { orgId: string; capabilityId: string; name: string; now: number; actor: Actor };
  /**
   * A decision is being taken (announced before its row is written, in its transaction): the
   * proposals it settles are answered with its rationale. A subscriber that throws refuses the decision.
   */
  'decision.taken': {
    ctx: OrgContext;
    decision: { id: string; title: string };
    /** Index of the option chosen (a reserve request funded by that option is allocated). */
    chosenOption: number;
    /** The proposals it settles, in the order of the request (`settles.<i>` names the one at fault). */
    settles: readonly { proposalId: string; outcome: 'accepted' | 'declined' }[];
    /** The decision's rationale: the settled proposals' answer. */
    rationale: string;
    /** Who decided, as records show it. */
    decidedBy: string;
  };
}

export type DomainEventName = keyof DomainEvents;

/** Work a subscriber leaves for after the publisher's transaction has committed. */
export type AfterCommit = () => Promise<void>;

export type EventHandler<E extends DomainEventName> = (
  tx: Tx,
  event: DomainEvents[E],
  afterCommit: (work: AfterCommit) => void,
) => Promise<void>;

/** One reaction of a module to an event; `name` says which (it appears in errors). */
export type Subscription = { [E in DomainEventName]: { event: E; name: string; handle: EventHandler<E> } }[DomainEventName];

const handlers = new Map<DomainEventName, { name: string; handle: EventHandler<DomainEventName> }[]>();

/** Adds a reaction; the same `name` on the same event twice is a mistake and throws. */
export function subscribe(subscription: Subscription): void {
  const list = handlers.get(subscription.event) ?? [];
  if (list.some((h) => h.name === subscription.name)) {
    throw new Error(`event "${subscription.event}": "${subscription.name}" is subscribed twice`);
  }
  list.push({ name: subscription.name, handle: subscription.handle as EventHandler<DomainEventName> });
  handlers.set(subscription.event, list);
}

/** True when a reaction of that name is installed (installing stays idempotent). */
export function isSubscribed(event: DomainEventName, name: string): boolean {
  return handlers.get(event)?.some((h) => h.name === name) ?? false;
}

/** What a publisher runs once its transaction has committed: the subscribers' later work, in order. */
export interface Published {
  runAfterCommit(): Promise<void>;
}

/**
 * Announces `event` inside `tx`: each subscriber runs in turn and is awaited; the first to throw
 * stops the rest and the error reaches the publisher (which rolls back).
 */
export async function publish<E extends DomainEventName>(tx: Tx, event: E, payload: DomainEvents[E]): Promise<Published> {
  const list = handlers.get(event) ?? [];
  if (list.length === 0 && process.env.NODE_ENV !== 'production') {
    throw new Error(`event "${event}" has no subscriber: installSubscriptions() (src/modules/subscriptions.ts) was not called`);
  }
  const later: AfterCommit[] = [];
  for (const handler of list) await handler.handle(tx, payload, (work) => later.push(work));
  return {
    async runAfterCommit() {
      for (const work of later) await work();
    },
  };
}

/**
 * A question a lower module asks and a higher module answers (the lower one declares the shape, the
 * higher one provides it): the answer is needed, so it is a port rather than an event.
 */
export interface Port<T> {
  readonly name: string;
  /** The implementation; throws when none was provided (`installSubscriptions()` not called). */
  get(): T;
  provide(implementation: T): void;
}

/** Declares a port; the module that answers provides it from its subscriptions list. */
export function definePort<T>(name: string): Port<T> {
  let implementation: T | null = null;
  return {
    name,
    get() {
      if (implementation === null) {
        throw new Error(`port "${name}" has no provider: installSubscriptions() (src/modules/subscriptions.ts) was not called`);
      }
      return implementation;
    },
    provide(next) {
      implementation = next;
    },
  };
}

/** A module's answer to another's port, ready to install. */
export interface Provision {
  port: string;
  install(): void;
}

/** Pairs a port with its implementation for a module's subscriptions list. */
export function provide<T>(port: Port<T>, implementation: T): Provision {
  return { port: port.name, install: () => port.provide(implementation) };
}

/** What a module installs: its reactions to events and its answers to ports. */
export type ModuleSubscription = Subscription | Provision;
