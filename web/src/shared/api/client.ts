/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie, the CSRF
 * token on every write, and the API's single error shape turned into an ApiError.
 */
export interface FieldError {
  path: string;
  /** What is wrong, for translation (`errors.<code>`); absent on an error the browser made itself, already translated. */
  code?: string;
  /** What the translation interpolates, e.g. `{maximum: 200}`. */
  params?: Record<string, unknown>;
  /** The server's English words, or the browser's translated ones. */
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** Seconds to wait before trying again, from a `rate_limited` answer's Retry-After header. */
  readonly retryAfter?: number;

  constructor(status: number, code: string, message: string, fields: FieldError[] = [], retryAfter?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Query = Record<string, string | number | undefined | null>;

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the session's CSRF token (from GET /auth/me or the login answer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The codes of a change refused because a team holds delegated authority and no override reason was sent. */
export const OVERRIDE_CODES = ['team_autonomy', 'right_delegated'] as const;
export type OverrideCode = (typeof OVERRIDE_CODES)[number];
let askOverride: ((code: OverrideCode) => Promise<string | null>) | null = null;

/**
 * Set by the app's override dialog: asked when a change is refused with 409 team_autonomy or
 * right_delegated; a reason sends the change again with it (`override.reason`, or `?overrideReason=`
 * on a DELETE), null gives the refusal back to the form.
 */
export function setOverrideAsker(asker: ((code: OverrideCode) => Promise<string | null>) | null): void {
  askOverride = asker;
}

/** Called when the server answers 401 to anything but the sign-in itself. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; fields?: FieldError[] } };
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    if (body.error?.code)
      return new ApiError(
        response.status,
        body.error.code,
        body.error.message ?? '',
        body.error.fields ?? [],
        Number.isFinite(retryAfter) ? retryAfter : undefined,
      );
  } catch {
    // not JSON: fall through to a generic error
  }
  return new ApiError(response.status, response.status >= 500 ? 'internal' : 'bad_request', response.statusText);
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** The sign-in form handles its own 401 (wrong password) instead of redirecting. */
  ignoreUnauthenticated?: boolean;
}

/** Sends one request to /api/v1…; resolves with the parsed body (undefined for 204), rejects with ApiError. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'the server cannot be reached');
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401 && !options.ignoreUnauthenticated) onUnauthenticated?.();
    if (response.status === 409 && askOverride && (OVERRIDE_CODES as readonly string[]).includes(error.code)) {
      const reason = await askOverride(error.code as OverrideCode);
      if (reason === null) throw error;
      if (method === 'DELETE') return request<T>(method, path, { ...options, query: { ...options.query, overrideReason: reason } });
      const body = typeof options.body === 'object' && options.body !== null ? options.body : {};
      return request<T>(method, path, { ...options, body: { ...body, override: { reason } } });
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** Every item of a paginated list, following `nextCursor` 200 at a time (at most 50 pages), as one `{items}`. */
  getAll: async <T>(path: string, query: Query = {}): Promise<{ items: T[] }> => {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const answer = await request<Page<T>>('GET', path, { query: { ...query, limit: 200, ...(cursor ? { cursor } : {}) } });
      items.push(...answer.items);
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    return { items };
  },
};

/** The URL of an organization's API resource, e.g. `orgPath('stroydom', 'teams', id)`. */
export function orgPath(org: string, ...parts: string[]): string {
  return ['/api/v1/orgs', org, ...parts].map((p, i) => (i === 0 ? p : encodeURIComponent(p))).join('/');
}
