import type { ModuleManifest } from '../module.js';
import { registerCanvasRoutes } from './canvas.routes.js';
import { registerContextRoutes } from './context.routes.js';
import { DISCOVERY_COMMANDS } from './discovery.cli.js';
import { bindDemoMeasuredFactors, seedDemoDiscovery } from './discovery.demo.js';
import { DISCOVERY_PERMISSIONS } from './discovery.permissions.js';
import { DISCOVERY_TABLES } from './discovery.transfer.js';
import { registerSegmentRoutes } from './segment.routes.js';
import { registerValueRoutes } from './value.routes.js';

export const discoveryModule = {
  name: 'discovery',
  permissions: DISCOVERY_PERMISSIONS,
  demo: [
    { label: 'discovery', seed: seedDemoDiscovery },
    { label: 'canvas factors measured by promises', seed: bindDemoMeasuredFactors, after: 'promises' },
  ],
  tables: DISCOVERY_TABLES,
  routes: [registerSegmentRoutes, registerContextRoutes, registerValueRoutes, registerCanvasRoutes],
  cli: DISCOVERY_COMMANDS,
} as const satisfies ModuleManifest;
