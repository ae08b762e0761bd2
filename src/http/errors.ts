import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import { AppError, type ErrorCode, type FieldError } from '../core/errors.js';

/** Turns zod issues into one AppError whose message names the first field and lists them all. */
export function zodToAppError(error: ZodError, where: string): AppError {
  const fields: FieldError[] = error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join('.') : where,
    message: issue.message,
  }));
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
      { path: 'body', message: 'empty JSON body' },
    ]);
  }
  if (status === 400 && (error instanceof SyntaxError || /JSON/i.test(fe?.message ?? ''))) {
    return new AppError('invalid_json', `body: malformed JSON (${fe.message})`, [{ path: 'body', message: 'malformed JSON' }]);
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
