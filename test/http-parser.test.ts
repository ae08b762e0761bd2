/** Requests Node's HTTP parser refuses still get the API's one error shape, over a real socket. */
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.js';

let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(() => t.close());

function raw(request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

it('answers raw non-ASCII bytes in the URL with 400 in the error shape', async () => {
  const answer = await raw(Buffer.from('GET /api/v1/orgs/x/clients?q=Лебедев HTTP/1.1\r\nHost: localhost\r\n\r\n', 'utf8'));
  expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
  const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
  expect(body.error.code).toBe('bad_request');
  expect(body.error.message).toMatch(/percent-encode/);
});
