import type { ErrorCode } from '../core/errors.js';

/**
 * Refusals an operation answers beyond those its route spec implies (auth, permission, path
 * parameters, body, query — see `buildOpenApi`): the domain's own codes, keyed by `METHOD path`
 * with every path parameter written `{}` so a renamed parameter keeps its entry. Each code is listed
 * under the status ERROR_CODES gives it.
 */
export const OPERATION_ERRORS: Record<string, ErrorCode[]> = {
  'POST /api/v1/auth/login': ['rate_limited'],
  'POST /api/v1/auth/password-reset/confirm': ['rate_limited'],
  'POST /api/v1/auth/password': ['rate_limited'],
  'POST /api/v1/orgs/{}/promises/{}/publish': ['backing_missing', 'conflict'],
  'POST /api/v1/orgs/{}/promises/{}/versions': ['backing_missing', 'conflict'],
  'POST /api/v1/orgs/{}/decisions/{}/decide': [
    'decision_already_taken',
    'too_few_options',
    'decider_lacks_right',
    'above_spending_cap',
    'advice_pending',
    'reserve_insufficient',
  ],
  'POST /api/v1/orgs/{}/decisions': ['too_few_options', 'decider_lacks_right', 'above_spending_cap'],
  'PATCH /api/v1/orgs/{}/decisions/{}': ['too_few_options', 'conflict'],
};

/** Path prefixes whose writes meet a closed economic period (`period_closed`) or a locked one (`inputs_locked`), 409. */
export const PERIOD_CLOSED_PREFIXES = ['/api/v1/orgs/{}/periods/{}/'];
