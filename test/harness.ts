/**
 * The test harness: a fresh database per call (SQLite in memory, or a new PostgreSQL database on the
 * server in DATABASE_URL), migrated, with the whole HTTP application built on it and driven by
 * `app.inject` — no port is opened.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { Config } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Db, Dialect } from '../src/db/schema.js';
import { buildServer, type ClientocracyServer } from '../src/http/server.js';
import { Agent, type SignedInAgent, signInAgent } from './agent.js';
import { seedTwoOrgs, type TwoOrgs } from './fixtures.js';

export { Agent, type SignedInAgent } from './agent.js';

export type Response = LightMyRequestResponse;

export interface TestDatabase {
  db: Db;
  dialect: Dialect;
  /** The PostgreSQL connection string of this database; absent on SQLite. */
  url?: string;
  close(): Promise<void>;
}

function randomName(): string {
  return `cc_test_${randomBytes(6).toString('hex')}`;
}

/**
 * Creates an empty PostgreSQL database on the server named by DATABASE_URL and returns its URL;
 * `drop` removes it, closing whatever is still connected to it.
 */
export async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = randomName();
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A fresh, migrated database of the dialect under test. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const database = await openDatabase({ sqlitePath: ':memory:' });
    if (options.migrate !== false) await migrateToLatest(database.db);
    return { db: database.db, dialect: database.dialect, close: () => database.close() };
  }
  const created = await createPostgresDatabase(baseUrl);
  const database = await openDatabase({ databaseUrl: created.url });
  if (options.migrate !== false) await migrateToLatest(database.db);
  return {
    db: database.db,
    dialect: database.dialect,
    url: created.url,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}

/** A configuration for tests: random secret, 1 MB body limit, a temporary data directory. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(path.join(tmpdir(), 'clientocracy-test-')),
    demo: false,
    secret: randomBytes(32).toString('base64url'),
    bodyLimit: 1024 * 1024,
    mailFrom: 'Clientocracy <no-reply@clientocracy.local>',
    publicUrl: 'http://localhost:3000',
    ...overrides,
  };
}

export interface TestApp {
  app: ClientocracyServer;
  db: Db;
  dialect: Dialect;
  config: Config;
  /** The OpenAPI document the server publishes at /api/openapi.json. */
  openapi: Record<string, unknown>;
  close(): Promise<void>;
  /** Signs in through POST /api/v1/auth/login; fails the test when the sign-in is refused. */
  signIn(email: string, password: string): Promise<SignedInAgent>;
  /** Calls with `Authorization: Bearer <token>`. */
  withToken(token: string): Agent;
  /** Calls with no credentials. */
  anonymous(): Agent;
  /** Organizations A and B with one person per role, a team, a client, an invitation and a token each. */
  seedTwoOrgs(): Promise<TwoOrgs>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const app = await buildServer({ db: database.db, dialect: database.dialect, config });
  await app.ready();
  return {
    app,
    db: database.db,
    dialect: database.dialect,
    config,
    openapi: app.openapi,
    async close() {
      await app.close();
      await database.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
    signIn: (email, password) => signInAgent(app, email, password),
    withToken: (token) => new Agent(app, { authorization: `Bearer ${token}` }),
    anonymous: () => new Agent(app, {}),
    seedTwoOrgs: () => seedTwoOrgs(database.db, config.publicUrl),
  };
}

/** Asserts the one error shape of the API and returns it. */
export function errorOf(res: Response): { code: string; message: string; fields: { path: string; message: string }[] } {
  let body: unknown;
  try {
    body = res.json();
  } catch {
    throw new Error(`expected a JSON error body, got ${res.statusCode} ${res.headers['content-type']}: ${res.body.slice(0, 200)}`);
  }
  const error = (body as { error?: unknown }).error as { code?: unknown; message?: unknown; fields?: unknown } | undefined;
  if (
    !error ||
    typeof error.code !== 'string' ||
    typeof error.message !== 'string' ||
    !Array.isArray(error.fields) ||
    !error.fields.every(
      (f) => typeof (f as { path?: unknown }).path === 'string' && typeof (f as { message?: unknown }).message === 'string',
    )
  ) {
    throw new Error(`not the error shape {"error":{"code","message","fields"}}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  return error as { code: string; message: string; fields: { path: string; message: string }[] };
}

/** A short description of a response for assertion messages. */
export function show(res: Response): string {
  return `${res.statusCode} ${res.body.slice(0, 300)}`;
}
