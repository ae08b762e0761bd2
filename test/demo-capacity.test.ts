/**
 * The demo's capacity warning: the МФЦ's home-visit team can make 7 visits a week, and its promise
 * of a visit on the agreed day is asked for more (about 1.2 a day, measured over the last four weeks).
 * The promise shows the shortfall on GET …/capacity and carries the `overCapacity` flag from seeding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ClientocracyServer } from '../src/http/server.js';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../src/modules/demo/demo.data.js';
import { seedDemo } from '../src/modules/demo-seed.js';
import { type SignedInAgent, signInAgent } from './agent.js';
import { createTestDatabase, type TestDatabase, testConfig } from './harness.js';

let database: TestDatabase;
let app: ClientocracyServer;
let admin: SignedInAgent;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, Date.now());
  app = await buildServer({ db: database.db, dialect: database.dialect, config: testConfig() });
  admin = await signInAgent(app, DEMO_EMAIL, DEMO_PASSWORD);
}, 240_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the demo’s capacity warning', () => {
  it('the home visits are promised beyond the 7 a week the team can make', async () => {
    const list = await admin.get('/api/v1/orgs/mfc/promises?status=published&limit=100');
    expect(list.statusCode, list.body).toBe(200);
    const visits = list.json().items.find((p: { title: string }) => p.title === 'Выезд на дом в согласованный день');
    expect(visits.overCapacity.capabilities).toEqual([
      expect.objectContaining({ name: 'Выезд на дом', capacityPerWeek: 7, unit: 'выездов' }),
    ]);
    const check = (await admin.get(`/api/v1/orgs/mfc/promises/${visits.id}/capacity`)).json();
    expect(check.demand.source).toBe('measured');
    expect(check.demand.perWeek).toBeGreaterThan(7);
    expect(check.capabilities[0]).toMatchObject({ capacityPerWeek: 7, isOver: true });
    // The only one: no other demo promise is over its capacity.
    const over = list.json().items.filter((p: { overCapacity: unknown }) => p.overCapacity !== null);
    expect(over.map((p: { title: string }) => p.title)).toEqual(['Выезд на дом в согласованный день']);
  });
});
