import { isSubscribed, subscribe } from './events.js';
import type { ModuleManifest } from './module.js';
import { MODULES } from './registry.js';

/**
 * Installs the domain event subscribers and port providers every module's manifest declares
 * (src/modules/events.ts), in the registry's order: the order subscribers of one event run in.
 * Every entry point calls it before serving (the server, the CLI, the test setup); calling it again
 * changes nothing.
 */
export function installSubscriptions(modules: readonly ModuleManifest[] = MODULES): void {
  for (const module of modules) {
    for (const entry of module.subscriptions ?? []) {
      if ('event' in entry) {
        if (!isSubscribed(entry.event, entry.name)) subscribe(entry);
      } else entry.install();
    }
  }
}
