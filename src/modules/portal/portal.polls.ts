import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.js';
import type { DocumentedPage } from '../../http/openapi.js';

/** The portal pages of this section, listed in the OpenAPI document as pages. */
export const POLLS_PAGES: DocumentedPage[] = [];

export function registerPortalPolls(_app: FastifyInstance, _deps: AppDeps): void {}
