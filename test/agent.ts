/** A small HTTP client over `app.inject` that keeps credentials, like a browser or an integration would. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/http/auth.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'HEAD';

export interface RequestOptions {
  method: Method;
  url: string;
  /** A JSON value to send; `undefined` sends no body. */
  body?: unknown;
  /** A raw body sent as is, with its own content type (for malformed and non-JSON bodies). */
  raw?: { payload: string | Buffer; contentType: string };
  headers?: Record<string, string>;
}

let addressCounter = 0;

/** A distinct client address per agent, so that per-IP sign-in limits of one test do not touch another. */
function nextAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

export class Agent {
  readonly remoteAddress = nextAddress();

  constructor(
    readonly app: FastifyInstance,
    readonly headers: Record<string, string>,
    readonly cookies: Record<string, string> = {},
    /** Sent as X-CSRF-Token on writes when present. */
    readonly csrfToken?: string,
  ) {}

  async request(options: RequestOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...this.headers };
    if (this.csrfToken && options.method !== 'GET' && options.method !== 'HEAD') headers[CSRF_HEADER] = this.csrfToken;
    const inject: InjectOptions = { method: options.method, url: options.url, remoteAddress: this.remoteAddress, cookies: this.cookies };
    if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      inject.payload = options.raw.payload;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      inject.payload = JSON.stringify(options.body);
    }
    inject.headers = { ...headers, ...options.headers };
    return this.app.inject(inject);
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  post(url: string, body?: unknown) {
    return this.request({ method: 'POST', url, body });
  }

  put(url: string, body?: unknown) {
    return this.request({ method: 'PUT', url, body });
  }

  patch(url: string, body?: unknown) {
    return this.request({ method: 'PATCH', url, body });
  }

  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

export interface SignedInAgent extends Agent {
  readonly csrfToken: string;
  readonly sessionCookie: string;
  readonly userId: string;
  /** The same session without the CSRF header, as a forged cross-site request would be. */
  withoutCsrf(): Agent;
}

/** Signs in with e-mail and password through the API and returns an agent holding the session. */
export async function signInAgent(app: FastifyInstance, email: string, password: string): Promise<SignedInAgent> {
  const anonymous = new Agent(app, {});
  const res = await anonymous.post('/api/v1/auth/login', { email, password });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`sign-in of ${email} set no ${SESSION_COOKIE} cookie`);
  const body = res.json() as { csrfToken: string; user: { id: string } };
  const agent = new Agent(app, {}, { [SESSION_COOKIE]: cookie.value }, body.csrfToken);
  return Object.assign(agent, {
    sessionCookie: cookie.value,
    userId: body.user.id,
    csrfToken: body.csrfToken,
    withoutCsrf: () => new Agent(app, {}, { [SESSION_COOKIE]: cookie.value }),
  });
}
