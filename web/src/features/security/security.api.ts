import { ApiError, api, type Page } from '../../shared/api/client';

/** One session of the signed-in person, as GET /api/v1/auth/sessions lists it. */
export interface AccountSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  idleExpiresAt: string;
  ip: string | null;
  userAgent: string | null;
  browser: string | null;
  isCurrent: boolean;
}

export const securityApi = {
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ endedSessions: number }>('/api/v1/auth/password', { currentPassword, newPassword }),
  sessions: (cursor?: string) => api.get<Page<AccountSession>>('/api/v1/auth/sessions', { cursor }),
  endSession: (id: string) => api.delete(`/api/v1/auth/sessions/${encodeURIComponent(id)}`),
  endOtherSessions: () => api.post<{ endedSessions: number }>('/api/v1/auth/sessions/end-others'),
  requestReset: (email: string) => api.post<{ accepted: true }>('/api/v1/auth/password-reset', { email }, { ignoreUnauthenticated: true }),
  confirmReset: (token: string, password: string) =>
    api.post<{ ok: true }>('/api/v1/auth/password-reset/confirm', { token, password }, { ignoreUnauthenticated: true }),
};

/**
 * The server names field errors in English; the account's own ones are put into the interface
 * language here (the shared table knows the general ones, such as the password's length).
 */
export function localizeAccountError(error: unknown, t: (key: string) => string): unknown {
  if (!(error instanceof ApiError)) return error;
  const messages: [RegExp, string][] = [
    [/^wrong current password$/, t('security.password.wrongCurrent')],
    [/must differ from the current password/, t('security.password.sameAsCurrent')],
  ];
  const fields = error.fields.map((field) => {
    const known = messages.find(([pattern]) => pattern.test(field.message));
    return known ? { ...field, message: known[1] } : field;
  });
  return new ApiError(error.status, error.code, error.message, fields);
}

/** Seconds to wait from a `rate_limited` error ("… try again in 12 s"), or null for any other error. */
export function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'rate_limited') return null;
  const match = /try again in (\d+) s/.exec(error.message);
  return match ? Number(match[1]) : null;
}
