/**
 * One error type for the whole product. The core and the services throw it; the HTTP layer and the
 * CLI map its code to a status and an exit code through ERROR_CODES, so neither knows the other.
 */
export const ERROR_CODES = {
  bad_request: { status: 400, exit: 1 },
  invalid_json: { status: 400, exit: 1 },
  validation_failed: { status: 422, exit: 1 },
  unauthenticated: { status: 401, exit: 1 },
  forbidden: { status: 403, exit: 1 },
  csrf_failed: { status: 403, exit: 1 },
  not_found: { status: 404, exit: 2 },
  conflict: { status: 409, exit: 3 },
  // The advice process (M5): each reason a decision cannot be taken has its own code.
  too_few_options: { status: 422, exit: 1 },
  decider_lacks_right: { status: 403, exit: 1 },
  above_spending_cap: { status: 403, exit: 1 },
  advice_pending: { status: 409, exit: 3 },
  decision_already_taken: { status: 409, exit: 3 },
  // A promise nobody can keep stays an intention: publishing it names what is missing.
  backing_missing: { status: 422, exit: 1 },
  // A closed period is frozen: its inputs change only after an admin reopens it with a reason.
  period_closed: { status: 409, exit: 3 },
  payload_too_large: { status: 413, exit: 1 },
  unsupported_media_type: { status: 415, exit: 1 },
  rate_limited: { status: 429, exit: 1 },
  db_unavailable: { status: 503, exit: 4 },
  internal: { status: 500, exit: 1 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  /** Seconds after which a rate-limited caller may retry; only for `rate_limited`. */
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, fields: FieldError[] = [], retryAfter?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
}

/** A not-found error that names what was looked for, e.g. `notFound('team', id)`. */
export function notFound(entity: string, id?: string): AppError {
  return new AppError('not_found', id ? `${entity} ${id} not found` : `${entity} not found`);
}

/** A conflict on one field, e.g. a slug or an e-mail that is already taken. */
export function conflict(path: string, message: string): AppError {
  return new AppError('conflict', `${path}: ${message}`, [{ path, message }]);
}

/** A validation error on one field, produced by domain rules the schema cannot express. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);
}
