/**
 * The benchmark harness: starts processes, runs autocannon against them, samples their memory.
 * Every scenario runs side by side with a baseline in the same run, so the figures are ratios
 * on this machine rather than absolute promises.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p99: number;
  p50: number;
  errors: number;
  non2xx: number;
  peakRssMb: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resident memory of a process in MiB, read from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export function start(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Runs autocannon for `seconds` with `connections` and samples the server's RSS every 250 ms. */
export async function load(
  url: string,
  pid: number,
  seconds: number,
  headers: Record<string, string> = {},
  connections = 20,
): Promise<LoadResult> {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 250);
  try {
    const result = await autocannon({ url, connections, pipelining: 1, duration: seconds, headers });
    return {
      rps: result.requests.average,
      p99: result.latency.p99,
      p50: result.latency.p50,
      errors: result.errors,
      non2xx: result.non2xx,
      peakRssMb: peak,
    };
  } finally {
    clearInterval(timer);
  }
}

export function table(rows: (string | number)[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length))) ?? [];
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

/** Whether a section runs: every one unless BENCH_ONLY lists some (api, ingest, board, status, proposals). */
export function benchSelected(section: 'api' | 'ingest' | 'board' | 'status' | 'proposals'): boolean {
  const only = process.env.BENCH_ONLY?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return !only?.length || only.includes(section);
}
