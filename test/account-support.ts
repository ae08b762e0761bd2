/** Helpers of the account security tests: fresh people, sign-in from a given browser, cookies of an answer. */
import type { LightMyRequestResponse } from 'fastify';
import { newId } from '../src/core/ids.js';
import type { Db } from '../src/db/schema.js';
import { SESSION_COOKIE } from '../src/http/auth.js';
import { hashPassword } from '../src/modules/auth/password.js';
import { insertUser } from '../src/modules/auth/user.repository.js';
import { Agent } from './agent.js';
import { unique } from './fixtures.js';

export const PASSWORD = 'first-password-of-ten';
let passwordHash: Promise<string> | undefined;

export interface Person {
  id: string;
  email: string;
  name: string;
}

/** A new account with PASSWORD, in no organization unless the caller adds one. */
export async function newPerson(db: Db, locale: 'ru' | 'en' | null = null): Promise<Person> {
  passwordHash ??= hashPassword(PASSWORD);
  const tag = unique();
  const person = { id: newId(), email: `person.${tag}@example.test`, name: `Person ${tag}` };
  const now = Date.now();
  await insertUser(db, { ...person, password_hash: await passwordHash, locale, created_at: now, updated_at: now });
  return person;
}

export function cookieOf(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

/** A browser holding a session: its cookie, its CSRF token, and the device cookie its sign-in set. */
export interface Browser {
  agent: Agent;
  sessionCookie: string;
  deviceCookie: string | undefined;
  /** The address it signed in from. */
  ip: string;
}

/**
 * Signs in from a browser with `headers` (e.g. a User-Agent) and `cookies` (e.g. a device cookie),
 * from `from` when given (its address), else from a new address.
 */
export async function signInFrom(
  app: Agent['app'],
  email: string,
  password: string,
  options: { headers?: Record<string, string>; cookies?: Record<string, string>; from?: Agent } = {},
): Promise<Browser> {
  const from = options.from ?? new Agent(app, options.headers ?? {}, options.cookies ?? {});
  const res = await from.post('/api/v1/auth/login', { email, password });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const sessionCookie = cookieOf(res, SESSION_COOKIE) as string;
  const agent = new Agent(app, options.headers ?? {}, { [SESSION_COOKIE]: sessionCookie }, res.json().csrfToken);
  return { agent, sessionCookie, deviceCookie: cookieOf(res, 'cc_device'), ip: from.remoteAddress };
}

/** Another browser at the same address as `agent` (the same home, office or NAT), holding `cookies`, talking to `app`. */
export function atAddressOf(agent: Agent, cookies: Record<string, string> = {}, app: Agent['app'] = agent.app): Agent {
  return Object.assign(new Agent(app, {}, cookies), { remoteAddress: agent.remoteAddress });
}
