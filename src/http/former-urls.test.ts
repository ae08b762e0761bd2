import { describe, expect, it } from 'vitest';
import { rewriteFormerUrl } from './former-urls.js';

const RULES = [{ from: /^\/api\/v1\/orgs\/([^/]+)\/reserve-(rounds|projects)(?=\/|$)/, to: '/api/v1/orgs/$1/participation-$2' }];

describe('rewriteFormerUrl', () => {
  it.each([
    ['/api/v1/orgs/acme/reserve-rounds', '/api/v1/orgs/acme/participation-rounds'],
    ['/api/v1/orgs/acme/reserve-rounds/r1/open?x=1', '/api/v1/orgs/acme/participation-rounds/r1/open?x=1'],
    ['/api/v1/orgs/acme/reserve-projects/p1/status', '/api/v1/orgs/acme/participation-projects/p1/status'],
    // Not a former URL: the reserve fund, a longer segment, a query that merely mentions one.
    ['/api/v1/orgs/acme/reserve', '/api/v1/orgs/acme/reserve'],
    ['/api/v1/orgs/acme/reserve-roundsx', '/api/v1/orgs/acme/reserve-roundsx'],
    ['/api/v1/orgs/acme/teams?next=/api/v1/orgs/acme/reserve-rounds', '/api/v1/orgs/acme/teams?next=/api/v1/orgs/acme/reserve-rounds'],
  ])('%s → %s', (url, routed) => {
    expect(rewriteFormerUrl(RULES, url)).toBe(routed);
  });
});
