import type { ModuleManifest } from '../module.js';
import { seedDemoReserve } from './participation.demo.js';
import { registerParticipationRoutes } from './participation.routes.js';
import { PARTICIPATION_TABLES } from './participation.transfer.js';

export const participationModule = {
  name: 'participation',
  demo: [{ label: 'participatory reserve', seed: seedDemoReserve }],
  tables: PARTICIPATION_TABLES,
  routes: [registerParticipationRoutes],
} as const satisfies ModuleManifest;
