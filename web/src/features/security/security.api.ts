import { ApiError, api, type Page } from '../../shared/api/client';
import { localizeFields } from '../../shared/api/error-messages';
import { tk } from '../../shared/i18n';

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

/** The account forms' own words for a field error, by code: a wrong current password, the same one again. */
const ACCOUNT_KEYS: Record<string, string> = {
  wrong_password: tk('security.password.wrongCurrent'),
  same_password: tk('security.password.sameAsCurrent'),
};

/** The same error with the account's own field errors in the interface language (the shared table knows the rest). */
export function localizeAccountError(error: unknown): unknown {
  return localizeFields(error, (field) => {
    const key = field.code ? ACCOUNT_KEYS[field.code] : undefined;
    return key ? { key } : undefined;
  });
}

/** Seconds to wait from a `rate_limited` error (its Retry-After header), or null for any other error. */
export function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'rate_limited') return null;
  return error.retryAfter ?? null;
}
