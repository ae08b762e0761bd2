import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAccepted, isWebhookUrl, nextAttemptAt, retryDelayMs, signBody, verifySignature, webhookBody } from './webhooks.js';

const SECOND = 1000;
const HOUR = 3600 * SECOND;

describe('signature', () => {
  it('is sha256=<hex HMAC-SHA256 of the exact body with the secret>', () => {
    const body = '{"id":"1","type":"ping"}';
    expect(signBody('s3cret', body)).toBe(`sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`);
    // The RFC 4231-style known answer: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
    expect(signBody('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('verifies only the same body with the same secret', () => {
    const body = '{"a":"привет"}';
    const signature = signBody('k', body);
    expect(verifySignature('k', body, signature)).toBe(true);
    expect(verifySignature('k', `${body} `, signature)).toBe(false);
    expect(verifySignature('other', body, signature)).toBe(false);
    expect(verifySignature('k', body, 'sha256=short')).toBe(false);
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
