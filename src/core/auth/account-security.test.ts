import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_POLICY,
  attemptsWithin,
  type BackoffPolicy,
  backoffDelayMs,
  countFailure,
  DEVICE_POLICY,
  DEVICES_POLICY,
  PAIR_POLICY,
  waitMs,
} from './login-backoff.js';
import { isUsualAddress, throttleKeysFor, USUAL_ADDRESS_MS } from './login-keys.js';
import { shortUserAgent } from './user-agent.js';

const DAY = 24 * 3_600_000;
const policy: BackoffPolicy = { freeFailures: 3, capMs: 60_000, forgetAfterMs: DAY };

describe('backoff delays', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1_000],
    [4, 2_000],
    [5, 4_000],
    [8, 32_000],
    [9, 60_000],
    [1_000, 60_000],
  ])('after %i failures the wait is %i ms (3 free, 1 minute cap)', (failures, wait) => {
    expect(backoffDelayMs(failures, policy)).toBe(wait);
  });

  it('blocks after a failure beyond the free ones, until the wait has passed', () => {
    let state = null;
    for (let i = 0; i < 3; i++) state = countFailure(state, policy, 1_000);
    expect(state).toEqual({ failures: 3, lastFailureAt: 1_000, blockedUntil: 2_000 });
    expect(waitMs(state, 1_500)).toBe(500);
    expect(waitMs(state, 2_000)).toBe(0);
    state = countFailure(state, policy, 2_000);
    expect(state).toEqual({ failures: 4, lastFailureAt: 2_000, blockedUntil: 4_000 });
  });

  it('forgets a key that has not failed for a day: counting starts from one again', () => {
    const old = { failures: 30, lastFailureAt: 0, blockedUntil: 60_000 };
    expect(countFailure(old, policy, DAY - 1).failures).toBe(31);
    expect(countFailure(old, policy, DAY)).toEqual({ failures: 1, lastFailureAt: DAY, blockedUntil: 0 });
  });

  it('no state waits for nothing', () => {
    expect(waitMs(null, 5)).toBe(0);
  });
});

describe('the bound an attacker faces on one account', () => {
  it('rotating addresses: 124 guesses in the first 24 hours, 96 a day after (was 10 a minute = 14,400)', () => {
    // 20 free, then waits of 1, 2 … 512 s (10 more guesses by 1,023 s), then one each 900 s:
    // 20 + 10 + floor((86,400 − 1,023 − 1) / 900) = 124.
    expect(attemptsWithin(ACCOUNT_POLICY, DAY)).toBe(124);
    expect(attemptsWithin(ACCOUNT_POLICY, 2 * DAY) - attemptsWithin(ACCOUNT_POLICY, DAY)).toBe(96);
  });

  it('one address: 109 guesses in the first 24 hours on the (e-mail, address) pair', () => {
    expect(attemptsWithin(PAIR_POLICY, DAY)).toBe(5 + 10 + 94);
  });

  it('a trusted device has its own, separate count', () => {
    expect(attemptsWithin(DEVICE_POLICY, DAY)).toBe(10 + 10 + 94);
  });

  it('every device cookie of the e-mail together: 134 guesses in the first 24 hours, 96 a day after', () => {
    // 30 free, then waits of 1, 2 … 512 s, then one each 900 s: 30 + 10 + 94 = 134.
    expect(attemptsWithin(DEVICES_POLICY, DAY)).toBe(134);
    expect(attemptsWithin(DEVICES_POLICY, 2 * DAY) - attemptsWithin(DEVICES_POLICY, DAY)).toBe(96);
  });
});

describe('the keys an attempt is counted on', () => {
  const email = 'owner@example.test';
  const ip = '192.0.2.7';
  const keysOf = (device: string | null, isUsual: boolean) =>
    throttleKeysFor({ email, ip, device, isUsualAddress: isUsual }).map((k) => [k.key, k.policy, k.resetOnSuccess]);

  it.each([
    [
      'a device cookie: its own count and all cookies of the e-mail together',
      'n0nce',
      false,
      [
        ['device:n0nce', DEVICE_POLICY, true],
        ['devices:owner@example.test', DEVICES_POLICY, false],
      ],
    ],
    [
      'a device cookie at a usual address: the same',
      'n0nce',
      true,
      [
        ['device:n0nce', DEVICE_POLICY, true],
        ['devices:owner@example.test', DEVICES_POLICY, false],
      ],
    ],
    ['a usual address, no cookie: the pair alone', null, true, [['pair:owner@example.test:192.0.2.7', PAIR_POLICY, true]]],
    [
      'neither: the pair and the e-mail across addresses',
      null,
      false,
      [
        ['pair:owner@example.test:192.0.2.7', PAIR_POLICY, true],
        ['account:owner@example.test', ACCOUNT_POLICY, false],
      ],
    ],
  ])('%s', (_name, device, isUsual, expected) => {
    expect(keysOf(device, isUsual)).toEqual(expected);
  });

  it('an address is usual for 30 days after the last success there, not a millisecond longer', () => {
    expect(USUAL_ADDRESS_MS).toBe(30 * DAY);
    expect(isUsualAddress(5_000, 5_000 + 30 * DAY - 1)).toBe(true);
    expect(isUsualAddress(5_000, 5_000 + 30 * DAY)).toBe(false);
    expect(isUsualAddress(null, 5_000)).toBe(false);
  });
});

describe('short user agents', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Chrome 131 · Windows',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
      'Edge 131 · Windows',
    ],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox 133 · Linux'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      'Safari 18 · iOS',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
      'Safari 17 · macOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 YaBrowser/24.10.1',
      'Yandex Browser 24 · Android',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Chrome 131 · Linux'],
    ['curl/8.5.0', 'curl 8'],
    ['SomethingElse/1.0', null],
    [null, null],
  ])('%s → %s', (ua, expected) => {
    expect(shortUserAgent(ua)).toBe(expected);
  });
});
