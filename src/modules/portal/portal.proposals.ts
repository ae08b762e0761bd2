import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.js';
import type { DocumentedPage } from '../../http/openapi.js';

/** The portal pages of this section, listed in the OpenAPI document as pages. */
export const PROPOSALS_PAGES: DocumentedPage[] = [];

export function registerPortalProposals(_app: FastifyInstance, _deps: AppDeps): void {}
