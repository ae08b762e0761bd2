/**
 * An acknowledged event is durable: the server is killed with SIGKILL in the middle of a
 * stream of batches; after a restart every acknowledged event is counted exactly once, the counters
 * agree with the stored events, and sending everything again (the client's retry) counts nothing twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { createPostgresDatabase } from './harness.js';
import { BIN, freePort, ROOT, startServeProcess } from './server-process.js';

const BATCH = 500;

let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return { ...inherited, CLIENTOCRACY_DATA_DIR: dataDir, ...(databaseUrl && { DATABASE_URL: databaseUrl }), ...extra };
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: env() });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

function startServer(port: number): Promise<ChildProcess> {
  return startServeProcess(env(), port);
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'clientocracy-durability-'));
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabase(process.env.DATABASE_URL);
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
});

afterAll(async () => {
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durability of ingest', () => {
  it('counts every acknowledged event exactly once after a SIGKILL mid-stream', async () => {
    await run(['demo']);
    const token = (await run(['token', 'create', '--org', 'stroydom', '--scopes', 'all'])).trim().split('\n').pop() as string;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1/orgs/stroydom`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let server = await startServer(port);
    const promises = (await (await fetch(`${base}/promises?kind=internal`, { headers })).json()) as {
      items: { id: string; terms: { metric: { kind: string } } }[];
    };
    const promise = promises.items.find((p) => p.terms.metric.kind === 'ratio')!;
    const before = (await (await fetch(`${base}/promises/${promise.id}/status`, { headers })).json()) as { total: number };

    const batches: { externalId: string; occurredAt: string; good: boolean }[][] = [];
    for (let b = 0; b < 40; b++) {
      batches.push(
        Array.from({ length: BATCH }, (_, i) => ({
          externalId: `kill-${b}-${i}`,
          occurredAt: new Date(Date.now() - 3_600_000 - (b * BATCH + i) * 1000).toISOString(),
          good: i % 10 !== 0,
        })),
      );
    }
    let acknowledged = 0;
    let killed = false;
    const stream = (async () => {
      for (const batch of batches) {
        try {
          const res = await fetch(`${base}/promises/${promise.id}/events`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ events: batch }),
          });
          if (res.ok && ((await res.json()) as { accepted: number }).accepted === BATCH) acknowledged++;
          else break;
        } catch {
          break; // the connection died with the server
        }
      }
    })();
    // Kill while batches are in flight.
    while (acknowledged < 5) await new Promise((r) => setTimeout(r, 10));
    server.kill('SIGKILL');
    killed = true;
    await stream;
    expect(killed).toBe(true);
    expect(acknowledged).toBeGreaterThanOrEqual(5);
    expect(acknowledged).toBeLessThan(batches.length);

    server = await startServer(port);
    try {
      const after = (await (await fetch(`${base}/promises/${promise.id}/status`, { headers })).json()) as { total: number };
      const added = after.total - before.total;
      // Every acknowledged batch, and at most the one in flight (committed but not acknowledged).
      expect([acknowledged * BATCH, (acknowledged + 1) * BATCH]).toContain(added);

      // The client retries everything: nothing counts twice, and now everything is counted once.
      for (const batch of batches) {
        await fetch(`${base}/promises/${promise.id}/events`, { method: 'POST', headers, body: JSON.stringify({ events: batch }) });
      }
      const final = (await (await fetch(`${base}/promises/${promise.id}/status`, { headers })).json()) as { total: number; good: number };
      expect(final.total - before.total).toBe(batches.length * BATCH);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    // The counters agree with the stored events.
    const database = await openDatabase(databaseUrl ? { databaseUrl } : { sqlitePath: path.join(dataDir, 'clientocracy.sqlite') });
    try {
      const events = await database.db
        .selectFrom('promise_events')
        .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string>('good').as('good')])
        .where('promise_id', '=', promise.id)
        .executeTakeFirstOrThrow();
      const days = await database.db
        .selectFrom('promise_counters')
        .select((eb) => [eb.fn.sum<number | string>('total').as('n'), eb.fn.sum<number | string>('good').as('good')])
        .where('promise_id', '=', promise.id)
        .where('level', '=', 86_400_000)
        .executeTakeFirstOrThrow();
      expect([Number(days.n), Number(days.good)]).toEqual([Number(events.n), Number(events.good)]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
