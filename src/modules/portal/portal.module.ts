import type { ModuleManifest } from '../module.js';
import { PARTICIPATION_PAGES_FORMER_URLS } from './portal.participation.js';
import { PORTAL_PAGES, registerPortalRoutes } from './portal.routes.js';

export const portalModule = {
  name: 'portal',
  formerUrls: PARTICIPATION_PAGES_FORMER_URLS,
  pages: { register: registerPortalRoutes, documented: PORTAL_PAGES },
} as const satisfies ModuleManifest;
