import type { ModuleManifest } from '../module.js';
import { registerParticipationRoutes } from './participation.routes.js';

export const participationModule = {
  name: 'participation',
  routes: [registerParticipationRoutes],
} as const satisfies ModuleManifest;
