/** The example integration (examples/integration.ts) against the OpenAPI document the server publishes. */

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.js';

let app: TestApp;
let doc: Record<string, unknown>;

beforeAll(async () => {
  app = await createTestApp();
  const res = await app.anonymous().get('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  doc = res.json();
});

afterAll(async () => {
  await app?.close();
});

describe('the example integration (examples/integration.ts)', () => {
  it('verifies a webhook the way the server signs it, and refuses a tampered, foreign or stale one', async () => {
    const { verifyWebhook } = await import('../examples/integration.js');
    const { signWebhook } = await import('../src/core/webhooks/webhooks.js');
    const body = '{"id":"d1","type":"promise.status_changed","createdAt":"2026-11-01T10:00:00.000Z","data":{}}';
    const now = Date.parse('2026-11-01T10:00:30Z');
    const t = now / 1000 - 30;
    expect(verifyWebhook(signWebhook(['whsec_new'], body, t), body, 'whsec_new', now)).toBe(true);
    expect(verifyWebhook(signWebhook(['whsec_new', 'whsec_old'], body, t), Buffer.from(body), 'whsec_old', now)).toBe(true);
    expect(verifyWebhook(signWebhook(['whsec_new'], body, t), `${body} `, 'whsec_new', now)).toBe(false);
    expect(verifyWebhook(signWebhook(['whsec_new'], body, t), body, 'whsec_other', now)).toBe(false);
    expect(verifyWebhook(signWebhook(['whsec_new'], body, t - 400), body, 'whsec_new', now)).toBe(false);
    expect(verifyWebhook(undefined, body, 'whsec_new', now)).toBe(false);
  });

  it('is what the README shows: every line of its excerpt is in the example', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const example = readFileSync(new URL('../examples/integration.ts', import.meta.url), 'utf8').split('\n');
    const excerpt = /\*\*Integrating, in one page\.\*\*[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = excerpt.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '// …');
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((line) => !example.includes(line))).toEqual([]);
  });

  it('calls operations the document has, by their paths', () => {
    const example = readFileSync(new URL('../examples/integration.ts', import.meta.url), 'utf8');
    const paths = doc.paths as Record<string, Record<string, { operationId: string }>>;
    const called = [...example.matchAll(/api\.(GET|POST)\('([^']+)'/g)].map(
      (m) => paths[m[2] as string]?.[(m[1] as string).toLowerCase()]?.operationId,
    );
    expect(called).toEqual(['ingestPromiseEvents', 'getPromiseStatus']);
  });
});
