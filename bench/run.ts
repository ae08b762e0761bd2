/**
 * `npm run bench`: requests/s and p99 latency of GET /healthz and of an authenticated list
 * endpoint, beside a bare node:http server returning the same bytes, and the server's RSS at idle
 * and under load. BENCH_SECONDS (default 10) sets each run's length. Later modules add scenarios.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, load, rssMb, start, table, waitFor } from './harness.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = mkdtempSync(path.join(tmpdir(), 'cc-bench-'));
const env = { CLIENTOCRACY_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? '', CLIENTOCRACY_LOG: '0' };
const cli = path.resolve('bin/clientocracy.mjs');

const port = await freePort();
const server = start('node', [cli, 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
const children = [server];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('exit', stop);

try {
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/healthz`);
  const token = execFileSync('node', [cli, 'token', 'create', '--org', 'stroydom', '--scopes', 'teams:read', '--name', 'bench'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop() as string;
  const auth = { authorization: `Bearer ${token}` };
  const listPath = '/api/v1/orgs/stroydom/teams';

  // The baseline answers exactly the bytes the product answers.
  const responses: Record<string, { contentType: string; body: string }> = {};
  for (const [p, headers] of [
    ['/healthz', {}],
    [listPath, auth],
  ] as const) {
    const res = await fetch(`${base}${p}`, { headers });
    if (!res.ok) throw new Error(`${p} answered ${res.status}`);
    responses[p] = { contentType: res.headers.get('content-type') ?? 'application/json', body: await res.text() };
  }
  const file = path.join(dataDir, 'responses.json');
  writeFileSync(file, JSON.stringify(responses));
  const barePort = await freePort();
  const bare = start('node', ['bench/bare-server.mjs', String(barePort), file]);
  children.push(bare);
  const bareBase = `http://127.0.0.1:${barePort}`;
  await waitFor(`${bareBase}/healthz`);

  const idleRss = rssMb(server.pid as number);
  const rows: (string | number)[][] = [['scenario', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'peak RSS MiB']];
  const fmt = (n: number) => n.toFixed(0);
  let healthRatio = 0;
  let listRatio = 0;
  for (const [name, p, headers] of [
    ['GET /healthz', '/healthz', {}],
    [`GET ${listPath} (token)`, listPath, auth],
  ] as const) {
    const product = await load(`${base}${p}`, server.pid as number, seconds, headers);
    const baseline = await load(`${bareBase}${p}`, bare.pid as number, seconds, headers);
    rows.push([
      name,
      'clientocracy',
      fmt(product.rps),
      product.p50,
      product.p99,
      product.errors,
      product.non2xx,
      product.peakRssMb.toFixed(1),
    ]);
    rows.push([
      name,
      'bare node:http',
      fmt(baseline.rps),
      baseline.p50,
      baseline.p99,
      baseline.errors,
      baseline.non2xx,
      baseline.peakRssMb.toFixed(1),
    ]);
    if (p === '/healthz') healthRatio = product.rps / baseline.rps;
    else listRatio = product.rps / baseline.rps;
  }
  const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
  process.stdout.write(`\nClientocracy benchmark — ${db}, ${seconds} s per run, 20 connections, ${new Date().toISOString()}\n\n`);
  process.stdout.write(`${table(rows)}\n\n`);
  process.stdout.write(`server RSS at idle: ${idleRss.toFixed(1)} MiB; after load: ${rssMb(server.pid as number).toFixed(1)} MiB\n`);
  process.stdout.write(
    `throughput vs bare node:http — /healthz: ${(healthRatio * 100).toFixed(0)}%, authenticated list: ${(listRatio * 100).toFixed(0)}%\n`,
  );
} finally {
  stop();
  rmSync(dataDir, { recursive: true, force: true });
}
