import type { Registrar } from '../../http/registrar.js';
import { ZOrganization } from '../orgs/org.schema.js';
import { ZSetup, ZSetupStatus } from './setup.schema.js';
import { isSetupNeeded, runSetup } from './setup.service.js';

export function registerSetupRoutes(r: Registrar): void {
  r.add({
    method: 'GET',
    operationId: 'getSetup',
    url: '/api/v1/setup',
    tag: 'setup',
    auth: 'public',
    summary: 'Whether the first-run setup is still needed',
    response: ZSetupStatus,
    handler: async () => ({ needed: await isSetupNeeded(r.deps.db) }),
  });
  r.add({
    method: 'POST',
    operationId: 'completeSetup',
    url: '/api/v1/setup',
    tag: 'setup',
    auth: 'public',
    status: 201,
    summary: 'First run: create the first organization and its admin (409 once set up)',
    body: ZSetup,
    response: ZOrganization,
    handler: async ({ body }) => (await runSetup(r.deps.db, body, Date.now())).organization,
  });
}
