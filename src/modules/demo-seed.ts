import type { Db } from '../db/schema.js';
import { demoSeedersOf, seedDemoWith } from './demo/demo.service.js';
import { MODULES } from './registry.js';

/** Seeds the demo organizations with every module's part (see seedDemoWith). */
export function seedDemo(db: Db, now: number, publicUrl?: string): Promise<string[]> {
  return seedDemoWith(demoSeedersOf(MODULES), db, now, publicUrl);
}
