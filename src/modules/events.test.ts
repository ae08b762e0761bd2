import { describe, expect, it, vi } from 'vitest';
import type { Tx } from '../db/schema.js';
import type { Actor } from './context.js';

const tx = {} as Tx;
const actor: Actor = { type: 'system', id: null, label: 'system' };
const revoked = { orgId: 'org', grantIds: ['g1'], now: 1, actor };

/** A registry of its own: the test setup has installed every module's subscribers in the shared one. */
async function freshBus() {
  vi.resetModules();
  return import('./events.js');
}

describe('domain events', () => {
  it('runs subscribers in the order they were installed, then the work left for after the commit', async () => {
    const bus = await freshBus();
    const seen: string[] = [];
    bus.subscribe({ event: 'grants.revoked', name: 'first', handle: async (_tx, e) => void seen.push(`first ${e.grantIds}`) });
    bus.subscribe({
      event: 'grants.revoked',
      name: 'second',
      handle: async (_tx, _e, afterCommit) => {
        seen.push('second');
        afterCommit(async () => void seen.push('after commit'));
      },
    });
    const published = await bus.publish(tx, 'grants.revoked', revoked);
    expect(seen).toEqual(['first g1', 'second']);
    await published.runAfterCommit();
    expect(seen).toEqual(['first g1', 'second', 'after commit']);
  });

  it('stops at the first subscriber that throws, and the publisher gets its error', async () => {
    const bus = await freshBus();
    const seen: string[] = [];
    bus.subscribe({ event: 'grants.revoked', name: 'refuses', handle: async () => Promise.reject(new Error('refused')) });
    bus.subscribe({ event: 'grants.revoked', name: 'never', handle: async () => void seen.push('never') });
    await expect(bus.publish(tx, 'grants.revoked', revoked)).rejects.toThrow('refused');
    expect(seen).toEqual([]);
  });

  it('refuses an event nobody subscribed to, and the same subscriber twice', async () => {
    const bus = await freshBus();
    await expect(bus.publish(tx, 'grants.revoked', revoked)).rejects.toThrow(/no subscriber/);
    const subscription = { event: 'grants.revoked' as const, name: 'once', handle: async () => undefined };
    bus.subscribe(subscription);
    expect(() => bus.subscribe(subscription)).toThrow(/twice/);
    expect(bus.isSubscribed('grants.revoked', 'once')).toBe(true);
  });

  it('answers through a provided port, and says so when none is', async () => {
    const bus = await freshBus();
    const port = bus.definePort<(n: number) => number>('test.double');
    expect(() => port.get()).toThrow(/no provider/);
    bus.provide(port, (n) => n * 2).install();
    expect(port.get()(21)).toBe(42);
  });
});
