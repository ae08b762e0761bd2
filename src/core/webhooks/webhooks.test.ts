import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isAccepted,
  isWebhookUrl,
  nextAttemptAt,
  retryDelayMs,
  SECRET_OVERLAP_MS,
  signingSecrets,
  signWebhook,
  verifyWebhookSignature,
  webhookBody,
} from './webhooks.js';

const SECOND = 1000;
const HOUR = 3600 * SECOND;

describe('signature', () => {
  // 2025-12-01T00:00:00Z; the digests below were computed with `openssl dgst -sha256 -hmac`.
  const t = 1764547200;
  const body = '{"id":"e1","type":"ping"}';
  const NEW = '56457bbe476fed521c07b60fb328b0998503de896963e31fda9869d770e3a360';
  const OLD = '7371e43bdcb019a324cdae9a1d9581067636fde7ce854c0faf1618efa7a4f274';

  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, one v1 per secret', () => {
    const independent = createHmac('sha256', 'whsec_k3y').update(`${t}.${body}`).digest('hex');
    expect(independent).toBe(NEW);
    expect(signWebhook(['whsec_k3y'], body, t)).toBe(`t=1764547200,v1=${NEW}`);
    expect(signWebhook(['whsec_k3y', 'whsec_old'], body, t)).toBe(`t=1764547200,v1=${NEW},v1=${OLD}`);
  });

  it('verifies the same body signed with a valid secret within 5 minutes either way', () => {
    const header = `t=${t},v1=${NEW}`;
    expect(verifyWebhookSignature(header, body, 'whsec_k3y', t)).toBe(true);
    expect(verifyWebhookSignature(header, Buffer.from(body), ['other', 'whsec_k3y'], t + 300)).toBe(true);
    expect(verifyWebhookSignature(header, body, 'whsec_k3y', t - 300)).toBe(true);
    // During a rotation a receiver holding either secret accepts.
    const both = signWebhook(['whsec_k3y', 'whsec_old'], body, t);
    expect(verifyWebhookSignature(both, body, 'whsec_old', t)).toBe(true);
    expect(verifyWebhookSignature(both, body, 'whsec_k3y', t)).toBe(true);
    expect(verifyWebhookSignature(` t=${t} , v1=${NEW} `, body, 'whsec_k3y', t)).toBe(true);
  });

  it.each([
    ['a tampered body', `t=${t},v1=${NEW}`, `${body} `, t],
    ['another secret', `t=${t},v1=${OLD}`, body, t],
    ['a replay 5 minutes and a second later', `t=${t},v1=${NEW}`, body, t + 301],
    ['a timestamp from the future', `t=${t},v1=${NEW}`, body, t - 301],
    ['a changed timestamp', `t=${t + 1},v1=${NEW}`, body, t],
    ['no timestamp', `v1=${NEW}`, body, t],
    ['two timestamps', `t=${t},t=${t + 1},v1=${NEW}`, body, t],
    ['no signature', `t=${t}`, body, t],
    ['a short signature', `t=${t},v1=${NEW.slice(0, 10)}`, body, t],
    ['the old sha256= format', `sha256=${NEW}`, body, t],
    ['garbage', 't=,v1=,=,,,===', body, t],
    ['an empty header', '', body, t],
    ['a missing header', undefined, body, t],
    ['a repeated header (an array)', [`t=${t},v1=${NEW}`], body, t],
    ['a non-numeric timestamp', `t=1e9,v1=${NEW}`, body, t],
  ])('refuses %s, without throwing', (_case, header, candidate, now) => {
    expect(verifyWebhookSignature(header, candidate, 'whsec_k3y', now)).toBe(false);
  });

  it('signs with the previous secret too until 24 hours after the rotation, then with the new one alone', () => {
    const rotatedAt = 1_000_000;
    const endpoint = { secret: 'new', previousSecret: 'old', previousSecretExpiresAt: rotatedAt + SECRET_OVERLAP_MS };
    expect(SECRET_OVERLAP_MS).toBe(24 * HOUR);
    expect(signingSecrets(endpoint, rotatedAt)).toEqual(['new', 'old']);
    expect(signingSecrets(endpoint, rotatedAt + 24 * HOUR - 1)).toEqual(['new', 'old']);
    expect(signingSecrets(endpoint, rotatedAt + 24 * HOUR)).toEqual(['new']);
    expect(signingSecrets({ secret: 'only', previousSecret: null, previousSecretExpiresAt: null }, rotatedAt)).toEqual(['only']);
  });
});

describe('body', () => {
  it('has id, type, createdAt as ISO-8601, organization and data, in that order', () => {
    const body = webhookBody({
      id: 'e1',
      type: 'ping',
      createdAt: Date.UTC(2026, 10, 1, 10),
      organization: { id: 'o', slug: 's' },
      data: { x: 1 },
    });
    expect(body).toBe(
      '{"id":"e1","type":"ping","createdAt":"2026-11-01T10:00:00.000Z","organization":{"id":"o","slug":"s"},"data":{"x":1}}',
    );
  });
});

describe('retries', () => {
  it.each([
    [1, 30 * SECOND],
    [2, 60 * SECOND],
    [3, 120 * SECOND],
    [7, 1920 * SECOND],
    [8, HOUR],
    [40, HOUR],
  ])('after %i failed attempts the next waits %i ms', (failures, delay) => {
    expect(retryDelayMs(failures)).toBe(delay);
  });

  it('never schedules past 24 hours after the event, and gives up from then on', () => {
    const created = 0;
    expect(nextAttemptAt(created, 1, 10 * SECOND)).toBe(40 * SECOND);
    expect(nextAttemptAt(created, 30, 23.5 * HOUR)).toBe(24 * HOUR);
    expect(nextAttemptAt(created, 31, 24 * HOUR)).toBeNull();
    expect(nextAttemptAt(created, 31, 25 * HOUR)).toBeNull();
  });

  it('counts any 2xx as accepted, and nothing else', () => {
    expect([200, 201, 204, 299].every(isAccepted)).toBe(true);
    expect([null, 199, 301, 404, 500].some(isAccepted)).toBe(false);
  });
});

describe('endpoint URL', () => {
  it.each([
    ['https://example.com/hook', true],
    ['http://127.0.0.1:8080/x?y=1', true],
    ['ftp://example.com/hook', false],
    ['javascript:alert(1)', false],
    ['https://user:pass@example.com/', false],
    ['/relative', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(isWebhookUrl(url)).toBe(ok);
  });
});
