/**
 * `npm run bench`: requests/s and p99 latency of GET /healthz and of an authenticated list
 * endpoint, beside a bare node:http server returning the same bytes, and the server's RSS at idle
 * and under load; then the promise benchmarks (bench/promises.ts); then the proposal benchmarks
 * (bench/proposals.ts), in-process on a fresh database, with no server. BENCH_SECONDS (default 10)
 * sets each run's length; BENCH_ONLY (a comma list of api, ingest, board, status, proposals) runs only
 * those sections, and starts the server only when one of the first four is among them.
 * Later modules add scenarios.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchSelected, freePort, load, rssMb, start, table, waitFor } from './harness.js';
import { runPromiseBenchmarks } from './promises.js';
import { runProposalBenchmarks } from './proposals.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = mkdtempSync(path.join(tmpdir(), 'cc-bench-'));
const env = { CLIENTOCRACY_DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL ?? '', CLIENTOCRACY_LOG: '0' };
const cli = path.resolve('bin/clientocracy.mjs');

const children: ChildProcess[] = [];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('exit', stop);

/** The sections that run against the product's server: it starts here, and stops when they are done. */
async function serverBenchmarks(): Promise<void> {
  const port = await freePort();
  const server = start('node', [cli, 'serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  children.push(server);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/healthz`);
  const token = execFileSync(
    'node',
    [cli, 'token', 'create', '--org', 'stroydom', '--scopes', 'teams:read,discovery:read,governance:read', '--name', 'bench'],
    {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n')
    .pop() as string;
  const auth = { authorization: `Bearer ${token}` };
  const org = '/api/v1/orgs/stroydom';
  const segmentId = ((await (await fetch(`${base}${org}/segments`, { headers: auth })).json()) as { items: { id: string }[] }).items[0]?.id;
  const canvasId = ((await (await fetch(`${base}${org}/canvases`, { headers: auth })).json()) as { items: { id: string }[] }).items[0]?.id;
  if (!segmentId || !canvasId) throw new Error('the demo has no segment or canvas');

  if (benchSelected('api')) {
    // Each scenario beside a bare node:http server answering exactly the bytes the product answers.
    const scenarios: { name: string; path: string; headers: Record<string, string> }[] = [
      { name: 'GET /healthz', path: '/healthz', headers: {} },
      { name: 'GET …/teams (list, token)', path: `${org}/teams`, headers: auth },
      { name: 'GET …/segments/:id/workspace', path: `${org}/segments/${segmentId}/workspace`, headers: auth },
      { name: 'GET …/canvases/:id.svg', path: `${org}/canvases/${canvasId}.svg`, headers: auth },
      { name: 'GET …/decisions (advice, viewer)', path: `${org}/decisions`, headers: auth },
      { name: 'GET …/rights/tree', path: `${org}/rights/tree`, headers: auth },
    ];
    const responses: Record<string, { contentType: string; body: string }> = {};
    for (const scenario of scenarios) {
      const res = await fetch(`${base}${scenario.path}`, { headers: scenario.headers });
      if (!res.ok) throw new Error(`${scenario.path} answered ${res.status}`);
      responses[scenario.path] = { contentType: res.headers.get('content-type') ?? 'application/json', body: await res.text() };
    }
    const file = path.join(dataDir, 'responses.json');
    writeFileSync(file, JSON.stringify(responses));
    const barePort = await freePort();
    const bare = start('node', ['bench/bare-server.mjs', String(barePort), file]);
    children.push(bare);
    const bareBase = `http://127.0.0.1:${barePort}`;
    await waitFor(`${bareBase}/healthz`);

    const idleRss = rssMb(server.pid as number);
    const rows: (string | number)[][] = [['scenario', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'peak RSS MiB', 'bytes']];
    const ratios: string[] = [];
    for (const scenario of scenarios) {
      const product = await load(`${base}${scenario.path}`, server.pid as number, seconds, scenario.headers);
      const baseline = await load(`${bareBase}${scenario.path}`, bare.pid as number, seconds, scenario.headers);
      const bytes = Buffer.byteLength(responses[scenario.path]?.body ?? '');
      for (const [who, r] of [
        ['clientocracy', product],
        ['bare node:http', baseline],
      ] as const) {
        rows.push([scenario.name, who, r.rps.toFixed(0), r.p50, r.p99, r.errors, r.non2xx, r.peakRssMb.toFixed(1), bytes]);
      }
      ratios.push(`${scenario.name}: ${((product.rps / baseline.rps) * 100).toFixed(1)}%`);
    }
    const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
    process.stdout.write(`\nClientocracy benchmark — ${db}, ${seconds} s per run, 20 connections, ${new Date().toISOString()}\n\n`);
    process.stdout.write(`${table(rows)}\n\n`);
    process.stdout.write(`server RSS at idle: ${idleRss.toFixed(1)} MiB; after load: ${rssMb(server.pid as number).toFixed(1)} MiB\n`);
    process.stdout.write(`throughput as a share of bare node:http — ${ratios.join('; ')}\n`);
  }
  await runPromiseBenchmarks({ base, serverPid: server.pid as number, cli, env, dataDir, seconds, children });
  stop();
}

try {
  if ((['api', 'ingest', 'board', 'status'] as const).some(benchSelected)) await serverBenchmarks();
  if (benchSelected('proposals')) await runProposalBenchmarks({ dataDir });
} finally {
  stop();
  rmSync(dataDir, { recursive: true, force: true });
}
