import type { ModuleManifest } from '../module.js';
import { PORTAL_PAGES, registerPortalRoutes } from './portal.routes.js';

export const portalModule = {
  name: 'portal',
  pages: { register: registerPortalRoutes, documented: PORTAL_PAGES },
} as const satisfies ModuleManifest;
