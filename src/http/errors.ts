import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { core, ZodError } from 'zod';
import {
  AppError,
  type ErrorCode,
  FIELD_ERROR_CODES,
  type FieldError,
  type FieldErrorCode,
  type FieldErrorParams,
  fieldError,
} from '../core/errors.js';
import { DAY_PATTERN, SLUG_PATTERN } from '../modules/common.schema.js';

/** Patterns of the shared schemas whose breach has a code of its own. */
const PATTERN_CODES = new Map<string, FieldErrorCode>([
  [String(SLUG_PATTERN), 'slug_format'],
  [String(DAY_PATTERN), 'invalid_date'],
]);

const FORMAT_CODES: Record<string, FieldErrorCode> = {
  email: 'invalid_email',
  url: 'invalid_url',
  datetime: 'invalid_date',
  date: 'invalid_date',
  time: 'invalid_date',
  duration: 'invalid_date',
};

const isFieldCode = (code: unknown): code is FieldErrorCode => (FIELD_ERROR_CODES as readonly unknown[]).includes(code);

/** A value a translation can show: numbers stay numbers, anything else becomes its text. */
const primitive = (value: unknown): string | number => (typeof value === 'number' ? value : String(value));

/**
 * The code and params of one zod issue — the one place zod's vocabulary becomes the API's.
 * A missing value is `required` (so is an empty string where one character is the minimum); sizes
 * are named by what they measure (text → `too_long`, number → `too_big`, list → `too_many`); a
 * refinement states its code in `params.code`, else it is `invalid` and its message says the rule.
 */
export function codeOfIssue(issue: core.$ZodIssue): { code: FieldErrorCode; params: FieldErrorParams } {
  switch (issue.code) {
    case 'invalid_type': {
      const missing = 'input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message);
      if (missing) return { code: 'required', params: {} };
      if (issue.expected === 'int') return { code: 'not_integer', params: {} };
      return { code: 'invalid_type', params: { expected: issue.expected } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_many', params: { maximum } };
      return { code: 'too_big', params: { maximum, inclusive: issue.inclusive !== false } };
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? { code: 'required', params: {} } : { code: 'too_short', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_few', params: { minimum } };
      return { code: 'too_small', params: { minimum, inclusive: issue.inclusive !== false } };
    }
    case 'invalid_format': {
      if (issue.format === 'regex') {
        const known = PATTERN_CODES.get(String((issue as { pattern?: unknown }).pattern ?? ''));
        if (known) return { code: known, params: {} };
      }
      const code = FORMAT_CODES[issue.format];
      return code ? { code, params: {} } : { code: 'invalid_format', params: { format: issue.format } };
    }
    case 'not_multiple_of':
      return Number(issue.divisor) === 1
        ? { code: 'not_integer', params: {} }
        : { code: 'invalid', params: { divisor: Number(issue.divisor) } };
    case 'invalid_value':
      return { code: 'invalid_option', params: { values: issue.values.map(primitive) } };
    case 'unrecognized_keys':
      return { code: 'unrecognized_keys', params: { keys: issue.keys } };
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as Record<string, unknown>;
      if (!isFieldCode(code)) return { code: 'invalid', params: {} };
      return { code, params: params as FieldErrorParams };
    }
    default:
      return { code: 'invalid', params: {} };
  }
}

/** One zod issue as a field error; `where` names the field when the issue is about the whole input. */
export function fieldOfIssue(issue: core.$ZodIssue, where: string, path?: string): FieldError {
  const { code, params } = codeOfIssue(issue);
  return fieldError(path ?? (issue.path.length ? issue.path.join('.') : where), code, issue.message, params);
}

/** Turns zod issues into one AppError whose message names the first field and lists them all. */
export function zodToAppError(error: ZodError, where: string): AppError {
  const fields: FieldError[] = error.issues.map((issue) => fieldOfIssue(issue, where));
  const first = fields[0] ?? { path: where, message: 'invalid' };
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  return new AppError('validation_failed', `${first.path}: ${first.message}${more}`, fields);
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields: FieldError[] };
}

/** The one error shape of the API. */
export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, fields: error.fields } };
}

/** Maps anything thrown while handling a request to an AppError; unknown errors become `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError;
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (fe?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return new AppError('payload_too_large', 'body: the request body is larger than the limit');
  }
  if (fe?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return new AppError('unsupported_media_type', 'body: send JSON with Content-Type: application/json');
  }
  if (fe?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new AppError('invalid_json', 'body: the body is empty but Content-Type says JSON', [
      fieldError('body', 'required', 'empty JSON body'),
    ]);
  }
  if (status === 400 && (error instanceof SyntaxError || /JSON/i.test(fe?.message ?? ''))) {
    return new AppError('invalid_json', `body: malformed JSON (${fe.message})`, [fieldError('body', 'malformed_json', 'malformed JSON')]);
  }
  if (status === 404) return new AppError('not_found', fe.message || 'not found');
  if (status >= 400 && status < 500) return new AppError('bad_request', fe.message || 'bad request');
  if (isUniqueViolation(error)) return new AppError('conflict', 'a record with the same unique value already exists');
  if (isForeignKeyViolation(error))
    return new AppError('conflict', 'other records still refer to this one, or it refers to one that is gone');
  if (isConcurrencyFailure(error))
    return new AppError('conflict', 'another change to the same record was saved at the same time; try again');
  if (isDbUnavailable(error)) return new AppError('db_unavailable', 'the database cannot be reached');
  return new AppError('internal', 'internal error');
}

/** True for a foreign-key violation on either database: a safety net behind the services' own checks. */
function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** True for a unique-constraint violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** PostgreSQL deadlock or serialization failure: the other writer won; the caller may retry. */
function isConcurrencyFailure(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === '40P01' || code === '40001';
}

function isDbUnavailable(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === 'ECONNREFUSED' || e?.code === '57P01' || e?.code === 'SQLITE_BUSY';
}

/** Fastify error handler: one shape for every error, 5xx logged with its stack. */
export function handleError(error: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const appError = toAppError(error);
  if (appError.status >= 500) req.log.error({ err: error }, 'request failed');
  if (appError.retryAfter !== undefined) reply.header('retry-after', String(appError.retryAfter));
  void reply.status(appError.status).send(errorBody(appError));
}
