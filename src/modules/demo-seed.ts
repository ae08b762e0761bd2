import type { Db } from '../db/schema.js';
import { seedDemoWith } from './demo/demo.service.js';
import type { ModuleManifest } from './module.js';
import { MODULES } from './registry.js';

/** The demo seeders of these modules, in their order. */
export function demoSeedersOf(modules: readonly ModuleManifest[]) {
  return modules.flatMap((module) => module.demo ?? []);
}

/** Seeds the demo organizations with every module's part (see seedDemoWith). */
export function seedDemo(db: Db, now: number, publicUrl?: string): Promise<string[]> {
  return seedDemoWith(demoSeedersOf(MODULES), db, now, publicUrl);
}
