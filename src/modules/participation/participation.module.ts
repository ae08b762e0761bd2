import type { ModuleManifest } from '../module.js';
import { registerParticipationRoutes } from './participation.routes.js';
import { PARTICIPATION_TABLES } from './participation.transfer.js';

export const participationModule = {
  name: 'participation',
  tables: PARTICIPATION_TABLES,
  routes: [registerParticipationRoutes],
} as const satisfies ModuleManifest;
