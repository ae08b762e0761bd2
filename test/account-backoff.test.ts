/**
 * Progressive sign-in backoff: an attacker guessing one account's password is slowed down more and
 * more — from one address, and from many — while the owner, on a browser that signed in before
 * (its device cookie) or from an address they signed in from (a usual address), still signs in at
 * once. Cookies and usual addresses from before a password change stop counting. The bounds on
 * guesses a day are computed, not guessed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACCOUNT_POLICY, attemptsWithin, DEVICES_POLICY } from '../src/core/auth/login-backoff.js';
import { buildServer } from '../src/http/server.js';
import { pruneAccounts } from '../src/modules/auth/auth.prune.js';
import { atAddressOf, type Browser, cookieOf, newPerson, PASSWORD, type Person, signInFrom } from './account-support.js';
import { Agent } from './agent.js';
import { expectApiError } from './expect-api.js';
import { createTestApp, show, type TestApp } from './harness.js';

const DAY = 24 * 3_600_000;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

afterEach(() => {
  vi.useRealTimers();
});

function login(agent: Agent, person: Person, password: string) {
  return agent.post('/api/v1/auth/login', { email: person.email, password });
}

/** Starts fake time on a whole second (or minute), so Retry-After (whole seconds) lands exactly on the end of a wait. */
function startClock(unit = 1000): number {
  vi.useFakeTimers({ toFake: ['Date'] });
  const start = Math.ceil(Date.now() / unit) * unit;
  vi.setSystemTime(start);
  return start;
}

/** The owner's usual browser: it signed in once before the attack, and keeps its device cookie. */
async function ownersBrowser(person: Person): Promise<Agent> {
  const { deviceCookie } = await signInFrom(t.app, person.email, PASSWORD);
  expect(deviceCookie).toBeDefined();
  return new Agent(t.app, {}, { cc_device: deviceCookie as string });
}

describe('from one address', () => {
  // One address may make 10 attempts a minute whatever the e-mail (a separate, fixed-window limit):
  // the steps below fall in separate minutes so that limit stays out of the way.
  it('the attacker waits 1, 2, 4, 8 s after the fifth failure; the owner on their device signs in meanwhile', async () => {
    const person = await newPerson(t.db);
    const owner = await ownersBrowser(person);
    const start = startClock(60_000);
    const attacker = t.anonymous();
    for (let i = 0; i < 5; i++) expect((await login(attacker, person, `guess-${i}`)).statusCode).toBe(401);
    const waits: string[] = [];
    const first = await login(attacker, person, PASSWORD);
    expectApiError(first, 429, 'rate_limited');
    waits.push(first.headers['retry-after'] as string);
    // One millisecond early is still too early.
    vi.setSystemTime(start + 999);
    expect((await login(attacker, person, 'one-more-guess')).statusCode).toBe(429);
    for (let minute = 1; minute <= 3; minute++) {
      vi.setSystemTime(start + minute * 60_000);
      expect((await login(attacker, person, `guess-after-wait-${minute}`)).statusCode).toBe(401);
      const blocked = await login(attacker, person, PASSWORD);
      expectApiError(blocked, 429, 'rate_limited');
      waits.push(blocked.headers['retry-after'] as string);
    }
    expect(waits).toEqual(['1', '2', '4', '8']);
    const owners = await login(owner, person, PASSWORD);
    expect(owners.statusCode, show(owners)).toBe(200);
  });

  it('a right password after some typos resets the count of the e-mail and address', async () => {
    const person = await newPerson(t.db);
    const start = startClock(60_000);
    const browser = t.anonymous();
    for (let round = 0; round < 3; round++) {
      vi.setSystemTime(start + round * 60_000);
      for (let i = 0; i < 4; i++) expect((await login(browser, person, `typo-${i}`)).statusCode).toBe(401);
      expect((await login(browser, person, PASSWORD)).statusCode, `round ${round}`).toBe(200);
    }
  });
});

describe('from many addresses', () => {
  it('20 failures from 20 addresses slow the account for every new address — not for the owner’s device', async () => {
    const person = await newPerson(t.db);
    const owner = await ownersBrowser(person);
    startClock();
    for (let i = 0; i < 20; i++) expect((await login(t.anonymous(), person, `guess-${i}`)).statusCode).toBe(401);
    expectApiError(await login(t.anonymous(), person, 'guess-21'), 429, 'rate_limited');
    // A new browser is slowed down too, even with the right password: it cannot be told from the attacker.
    expect((await login(t.anonymous(), person, PASSWORD)).statusCode).toBe(429);
    // The owner's device is not, and its success does not lift the attacker's wait.
    expect((await login(owner, person, PASSWORD)).statusCode).toBe(200);
    expect((await login(owner, person, PASSWORD)).statusCode).toBe(200);
    expect((await login(t.anonymous(), person, 'guess-22')).statusCode).toBe(429);
  });

  it('a device cookie of another account, or a forged one, is no exemption', async () => {
    const victim = await newPerson(t.db);
    const attackerAccount = await newPerson(t.db);
    const { deviceCookie: attackersOwn } = await signInFrom(t.app, attackerAccount.email, PASSWORD);
    startClock();
    for (let i = 0; i < 20; i++) expect((await login(t.anonymous(), victim, `guess-${i}`)).statusCode).toBe(401);
    const withOwnCookie = new Agent(t.app, {}, { cc_device: attackersOwn as string });
    expect((await login(withOwnCookie, victim, 'guess')).statusCode).toBe(429);
    const [nonce] = (attackersOwn as string).split('.');
    const forged = new Agent(t.app, {}, { cc_device: `${nonce}.${'A'.repeat(43)}` });
    expect((await login(forged, victim, 'guess')).statusCode).toBe(429);
  });

  it(`an attacker rotating addresses gets ${attemptsWithin(ACCOUNT_POLICY, DAY)} guesses in 24 hours (10 a minute allowed 14,400)`, async () => {
    const person = await newPerson(t.db);
    const owner = await ownersBrowser(person);
    const start = startClock();
    let now = start;
    let guesses = 0;
    let refused = 0;
    while (now < start + DAY) {
      // A new address for every attempt, trying again the moment the last answer says it may.
      const res = await login(t.anonymous(), person, `guess-${guesses}`);
      if (res.statusCode === 401) {
        guesses += 1;
        continue;
      }
      expect(res.statusCode, show(res)).toBe(429);
      refused += 1;
      now += Number(res.headers['retry-after']) * 1000;
      vi.setSystemTime(now);
    }
    expect(guesses).toBe(124);
    expect(refused).toBeGreaterThan(90);
    // All day long, the owner's device signed in at once.
    expect((await login(owner, person, PASSWORD)).statusCode).toBe(200);
  }, 60_000);

  it('of many attempts racing for the one a wait allows, exactly one is taken', async () => {
    const person = await newPerson(t.db);
    const start = startClock();
    for (let i = 0; i < 20; i++) expect((await login(t.anonymous(), person, `guess-${i}`)).statusCode).toBe(401);
    vi.setSystemTime(start + 1_000);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(t.anonymous(), person, `parallel-${i}`)));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([401, ...Array(11).fill(429)]);
  });
});

/** Twenty failures from twenty new addresses: the account-wide count now makes every untrusted attempt wait. */
async function driveAccountCountUp(person: Person): Promise<void> {
  for (let i = 0; i < 20; i++) expect((await login(t.anonymous(), person, `guess-${i}`)).statusCode).toBe(401);
  expectApiError(await login(t.anonymous(), person, 'guess-21'), 429, 'rate_limited');
}

const NEW_PASSWORD = 'second-password-longer';

/** What the owner does to shut out whoever knew the password; the device cookie their browser gets back, and the password then. */
const shutOuts: Record<string, (person: Person, owner: Browser) => Promise<{ deviceCookie: string | undefined; password: string }>> = {
  'a password change': async (_person, owner) => {
    const res = await owner.agent.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode, show(res)).toBe(200);
    // The intruder's four sessions end.
    expect(res.json()).toEqual({ endedSessions: 4 });
    return { deviceCookie: cookieOf(res, 'cc_device'), password: NEW_PASSWORD };
  },
  'a password reset': async (person) => {
    expect((await t.anonymous().post('/api/v1/auth/password-reset', { email: person.email })).statusCode).toBe(202);
    const mail = await t.db.selectFrom('outbox').select('body').where('to_email', '=', person.email).executeTakeFirstOrThrow();
    const token = /reset-password\?token=([A-Za-z0-9_-]{43})/.exec(mail.body)?.[1] as string;
    const res = await t.anonymous().post('/api/v1/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
    expect(res.statusCode, show(res)).toBe(200);
    return { deviceCookie: cookieOf(res, 'cc_device'), password: NEW_PASSWORD };
  },
  'signing out everywhere else': async (_person, owner) => {
    const res = await owner.agent.post('/api/v1/auth/sessions/end-others');
    expect(res.statusCode, show(res)).toBe(200);
    expect(res.json()).toEqual({ endedSessions: 4 });
    return { deviceCookie: cookieOf(res, 'cc_device'), password: PASSWORD };
  },
};

describe('device cookies and usual addresses end with the password', () => {
  it.each(Object.keys(shutOuts))('after %s, a cookie and an address of someone who knew the password exempt no more', async (name) => {
    const person = await newPerson(t.db);
    const owner = await signInFrom(t.app, person.email, PASSWORD);
    // Someone who knows the password today (a leaked password, an ex-staffer) signs in from their
    // own address, keeps the device cookie, and collects more.
    const intruder = t.anonymous();
    const { deviceCookie } = await signInFrom(t.app, person.email, PASSWORD, { from: intruder });
    for (let i = 0; i < 3; i++) await signInFrom(t.app, person.email, PASSWORD, { cookies: { cc_device: deviceCookie as string } });
    const shutOut = await shutOuts[name]!(person, owner);
    startClock();
    await driveAccountCountUp(person);
    // The old cookie, at the address it was issued to, is now one more untrusted attempt.
    const withOldCookie = atAddressOf(intruder, { cc_device: deviceCookie as string });
    expectApiError(await login(withOldCookie, person, 'guess-with-old-cookie'), 429, 'rate_limited');
    // The owner's browser got a cookie of the new epoch: it signs in at once, from any address.
    expect(shutOut.deviceCookie).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
    const ownersNow = new Agent(t.app, {}, { cc_device: shutOut.deviceCookie as string });
    const res = await login(ownersNow, person, shutOut.password);
    expect(res.statusCode, show(res)).toBe(200);
  });

  it(`device cookies, however many, get ${attemptsWithin(DEVICES_POLICY, DAY)} guesses in 24 hours together`, async () => {
    const person = await newPerson(t.db);
    const cookies: string[] = [];
    for (let i = 0; i < 40; i++) cookies.push((await signInFrom(t.app, person.email, PASSWORD)).deviceCookie as string);
    expect(new Set(cookies).size).toBe(40);
    const bound = attemptsWithin(DEVICES_POLICY, DAY);
    const start = startClock();
    let now = start;
    let guesses = 0;
    let attempts = 0;
    while (now < start + DAY && guesses <= bound) {
      // Each cookie in turn, each attempt from a new address, again the moment the last answer allows.
      const browser = new Agent(t.app, {}, { cc_device: cookies[attempts % cookies.length] as string });
      attempts += 1;
      const res = await login(browser, person, `guess-${attempts}`);
      if (res.statusCode === 401) {
        guesses += 1;
        continue;
      }
      expect(res.statusCode, show(res)).toBe(429);
      now += Number(res.headers['retry-after']) * 1000;
      vi.setSystemTime(now);
    }
    expect(guesses).toBe(134);
    expect(bound).toBe(134);
  }, 60_000);
});

describe('the owner’s usual address', () => {
  it('during an attack from many addresses, the owner signs in at once from an address they signed in from — in any app process', async () => {
    const person = await newPerson(t.db);
    const home = t.anonymous();
    await signInFrom(t.app, person.email, PASSWORD, { from: home });
    startClock();
    await driveAccountCountUp(person);
    // A new browser at home (no device cookie: cleared, or never had one) signs in at once …
    expect((await login(home, person, PASSWORD)).statusCode).toBe(200);
    // … through another app process on the same database too …
    const otherProcess = await buildServer({ db: t.db, dialect: t.dialect, config: t.config });
    try {
      expect((await login(atAddressOf(home, {}, otherProcess), person, PASSWORD)).statusCode).toBe(200);
    } finally {
      await otherProcess.close();
    }
    // … while from a new address without a cookie the owner waits like anyone, and the attacker still waits.
    expectApiError(await login(t.anonymous(), person, PASSWORD), 429, 'rate_limited');
    expectApiError(await login(t.anonymous(), person, 'guess-22'), 429, 'rate_limited');
  });

  it('someone at the owner’s usual address (the same NAT) gets that pair’s budget: 5 free failures, then waits', async () => {
    const person = await newPerson(t.db);
    const home = t.anonymous();
    await signInFrom(t.app, person.email, PASSWORD, { from: home });
    startClock();
    await driveAccountCountUp(person);
    const neighbour = atAddressOf(home);
    for (let i = 0; i < 5; i++) expect((await login(neighbour, person, `nat-guess-${i}`)).statusCode).toBe(401);
    const waiting = await login(neighbour, person, 'nat-guess-5');
    expectApiError(waiting, 429, 'rate_limited');
    expect(waiting.headers['retry-after']).toBe('1');
  });

  it('an address is usual for 30 days after the last successful sign-in there, then pruned', async () => {
    const person = await newPerson(t.db);
    const start = startClock();
    const old = t.anonymous();
    await signInFrom(t.app, person.email, PASSWORD, { from: old });
    vi.setSystemTime(start + 1_000);
    const recent = t.anonymous();
    await signInFrom(t.app, person.email, PASSWORD, { from: recent });
    vi.setSystemTime(start + 30 * DAY);
    await driveAccountCountUp(person);
    expectApiError(await login(old, person, PASSWORD), 429, 'rate_limited');
    expect((await login(recent, person, PASSWORD)).statusCode).toBe(200);
    const addressesOf = async () =>
      (await t.db.selectFrom('login_known_addresses').select('ip').where('user_id', '=', person.id).orderBy('ip').execute()).map(
        (r) => r.ip,
      );
    expect(await addressesOf()).toEqual([old.remoteAddress, recent.remoteAddress].sort());
    await pruneAccounts(t.db, start + 30 * DAY);
    expect(await addressesOf()).toEqual([recent.remoteAddress]);
  });
});
