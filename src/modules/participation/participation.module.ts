import type { ModuleManifest } from '../module.js';
import { seedDemoReserve } from './participation.demo.js';
import { PARTICIPATION_FORMER_URLS, registerParticipationRoutes } from './participation.routes.js';
import { PARTICIPATION_TABLES } from './participation.transfer.js';

export const participationModule = {
  name: 'participation',
  demo: [{ label: 'participatory reserve', seed: seedDemoReserve }],
  tables: PARTICIPATION_TABLES,
  routes: [registerParticipationRoutes],
  formerUrls: PARTICIPATION_FORMER_URLS,
} as const satisfies ModuleManifest;
