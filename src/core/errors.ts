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
  // Clients' influence binds (issue 17): touched segments asked first; a binding poll decides.
  clients_not_asked: { status: 409, exit: 3 },
  clients_decided: { status: 409, exit: 3 },
  poll_quorum_not_reached: { status: 409, exit: 3 },
  // Delegated authority holds (issue 17): acting over a team that holds a delegated right from above
  // needs an override with a reason; without one these answer, naming the `override` field.
  right_delegated: { status: 409, exit: 3 },
  team_autonomy: { status: 409, exit: 3 },
  // A promise nobody can keep stays an intention: publishing it names what is missing.
  backing_missing: { status: 422, exit: 1 },
  // A closed period is frozen: its inputs change only after an admin reopens it with a reason.
  period_closed: { status: 409, exit: 3 },
  // Teams keep their own books (issue 17): a month an admin locked takes changes from admins only;
  // a reserve request whose decision is taken needs the money in the reserve.
  inputs_locked: { status: 409, exit: 3 },
  reserve_insufficient: { status: 409, exit: 3 },
  payload_too_large: { status: 413, exit: 1 },
  unsupported_media_type: { status: 415, exit: 1 },
  rate_limited: { status: 429, exit: 1 },
  db_unavailable: { status: 503, exit: 4 },
  internal: { status: 500, exit: 1 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * What is wrong with one field, as a code a client translates (with `params`), so rewording the
 * English `message` never breaks a translation. One code per meaning: the message says it in words.
 */
export const FIELD_ERROR_CODES = [
  // Shape of a value (mostly from the schemas)
  'required', // missing or empty
  'too_long', // text: params.maximum characters
  'too_short', // text: params.minimum characters
  'too_big', // number: params.maximum (params.inclusive false: strictly below it)
  'too_small', // number: params.minimum (params.inclusive false: strictly above it)
  'too_many', // list: params.maximum items
  'too_few', // list: params.minimum items
  'not_integer',
  'too_precise', // params.decimals after the point
  'invalid_type', // params.expected: number, string, boolean, array, object…
  'invalid_email',
  'invalid_url',
  'invalid_date', // a date, date-time or month that does not parse or does not exist
  'invalid_format', // another format; params.format names it
  'invalid_option', // params.values: the allowed ones
  'unrecognized_keys', // params.keys
  'slug_format',
  'time_zone',
  'currency',
  'unstorable', // a NUL character or a broken UTF-16 pair
  'malformed_json',
  'invalid_cursor',
  'invalid', // a rule of the schema that only the message states
  // What a value refers to
  'not_found', // params.entity: team, segment, promise…
  'taken', // unique: params.entity already has this value
  'given_twice',
  'nothing_to_change',
  'in_use', // params.entity is still referred to by other records (params.by: grant, agreement…)
  'already_member', // params.of: organization, team, role
  'not_member', // params.of: organization, team, segment
  'last_admin',
  'self_reference', // a team promising, asking or trading with itself; a proposal merged into itself
  'wrong_kind', // refers to something of another kind than the rule needs (params.expected)
  'mismatch', // refers to something that belongs elsewhere (another segment, another right)
  'not_applicable', // this field does not apply to this kind of thing: leave it out
  'one_of', // send one of params.fields, not both (or neither)
  'unnecessary', // nothing to do: what it asks for is already there
  // State and time
  'wrong_status', // the record's state forbids it; params.status names the state
  'period_closed',
  'inputs_locked', // an admin locked the month's inputs before closing: only admins change them
  'locked', // frozen by what happened since (params.by: advice given, clients polled)
  'not_open', // the window opens later (params.opensAt)
  'closed', // the window has closed
  'not_closed', // the window or period has not closed yet
  'in_past', // must not be in the past
  'in_future', // must not be in the future
  'not_in_future', // must be in the future (after now or today)
  'out_of_order', // must come after params.after or before params.before
  'out_of_range', // params.minimum to params.maximum
  // Rules of the domain
  'sum_mismatch', // the parts must add up to params.expected; they add up to params.actual
  'exceeds_reserve', // more than the reserve holds (params.available, minor units)
  'over_budget', // more than the budget (params.budget, minor units; params.total)
  'government_only', // allowed only in an organization of kind government (params.kind: this one's)
  'backing_missing', // params.entity: capability or right the team must hold
  'not_held', // the team or person does not hold the right
  'not_allowed', // the actor may not set this field
  'no_email', // the client has no e-mail address
  'wrong_password',
  'wrong_credentials',
  'same_password',
  'invalid_link',
  'no_rows',
  'missing_column', // params.column
  'unknown_column', // params.column
  'csv_format', // the CSV cannot be read (quotes, encoding…)
  'busy', // in use by a running server
  'not_empty', // the target already holds something
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** What a translation interpolates: numbers, names, lists of allowed values. */
export type FieldErrorParams = Record<string, string | number | boolean | (string | number)[] | null>;

export interface FieldError {
  path: string;
  code: FieldErrorCode;
  params: FieldErrorParams;
  /** The same in English words, for people reading the API answer or a log. */
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

/** One field error; `params` defaults to none. */
export function fieldError(path: string, code: FieldErrorCode, message: string, params: FieldErrorParams = {}): FieldError {
  return { path, code, params, message };
}

/** A conflict on one field, e.g. a slug or an e-mail that is already taken (`taken`). */
export function conflict(path: string, code: FieldErrorCode, message: string, params: FieldErrorParams = {}): AppError {
  return new AppError('conflict', `${path}: ${message}`, [fieldError(path, code, message, params)]);
}

/** A validation error on one field, produced by domain rules the schema cannot express. */
export function invalidField(path: string, code: FieldErrorCode, message: string, params: FieldErrorParams = {}): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, [fieldError(path, code, message, params)]);
}
