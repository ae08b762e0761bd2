/**
 * Partial updates, swept over every PATCH of the OpenAPI document: changing one field leaves every
 * other field as it was (a schema default must not reset an omitted field), and a PATCH with nothing
 * in it changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInAgent } from './agent.js';
import { type OrgFixture, orgContext, unique } from './fixtures.js';
import { createTestApp, type TestApp } from './harness.js';
import { fillPath, type JsonSchema, nonNull, type Operation, operationsOf, paramValues } from './operations.js';
import { fillReserve } from './reserve-fixture.js';
import { bodyFor, createThroughApi, Problems, seedThroughApi } from './sweep.js';

let t: TestApp;
let a: OrgFixture;
let admin: SignedInAgent;
let patches: Operation[];
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  ({ a } = await t.seedTwoOrgs());
  admin = await t.signIn(a.users.admin.email, a.users.admin.password);
  const ops = operationsOf(t.openapi);
  // A participatory round spends the reserve: put something in it first.
  await fillReserve(await orgContext(t.db, a.slug, { type: 'system', id: null, label: 'test' }), '2025-01', 10_000_000);
  ids = await seedThroughApi(admin, ops, a);
  // Clients are polled on the seeded decision's options, which freezes them: PATCH a decision without a poll.
  ids.decision = (await createThroughApi(admin, ops, a, ids, 'decision')) ?? ids.decision!;
  // A round's projects are made at …/participation-rounds/{participationRoundId}/projects and changed at
  // /participation-projects/{participationProjectId}.
  if (ids.project) ids['participation-project'] = ids.project;
  patches = ops.filter((op) => op.method === 'PATCH' && op.auth === 'org' && Object.keys(op.body?.properties ?? {}).length > 1);
});

afterAll(async () => {
  await t?.close();
});

/** Another valid value for a field than `current`, or undefined when the sweep cannot make one. */
function otherValue(schema: JsonSchema, name: string, current: unknown): unknown {
  const s = nonNull(schema);
  if (s.enum) return s.enum.find((v) => v !== current);
  // An instant moves a day later: an opening stays before the closing, a closing stays ahead.
  if (s.format === 'date-time' && typeof current === 'string') return new Date(Date.parse(current) + 86_400_000).toISOString();
  // A documented example other than the current value (dates, a target) is valid by definition.
  const example = s.examples?.find((v) => v !== current);
  if (example !== undefined) return example;
  if (s.type === 'integer' || s.type === 'number') {
    const value = typeof current === 'number' ? current : (s.minimum ?? 1);
    return value + 1 <= (s.maximum ?? Number.MAX_SAFE_INTEGER) ? value + 1 : value - 1;
  }
  if (s.type === 'boolean') return current !== true;
  if (s.type !== 'string') return undefined;
  const known: Record<string, string> = {
    name: `Changed ${unique()}`,
    email: `changed.${unique()}@example.test`,
    externalId: `changed-${unique()}`,
    currency: current === 'RUB' ? 'EUR' : 'RUB',
    timeZone: current === 'Asia/Tokyo' ? 'UTC' : 'Asia/Tokyo',
    date: '2026-02-20',
    // A reference changes to the organization's other team.
    teamId: current === a.team.id ? a.otherTeam.id : a.team.id,
  };
  return known[name] ?? `changed ${unique()}`;
}

describe('partial updates', () => {
  it('sweeps every PATCH with more than one field', () => {
    expect(patches.length).toBeGreaterThanOrEqual(3);
  });

  it('changing one field leaves every other field of the answer as it was', async () => {
    const problems = new Problems();
    for (const op of patches) {
      const url = fillPath(op.path, paramValues(op, a.slug, ids));
      const full = bodyFor(op, a, ids) as Record<string, unknown>;
      const first = await admin.patch(url, full);
      if (first.statusCode !== 200) {
        problems.add(`${op.name} with every field`, first, 'expected 200');
        continue;
      }
      let before = first.json() as Record<string, unknown>;
      for (const [field, schema] of Object.entries(op.body?.properties ?? {})) {
        const value = otherValue(schema, field, before[field]);
        if (value === undefined || !(field in before)) continue;
        // An admin changing a team that holds delegated authority says why, every time (issue 17).
        const res = await admin.patch(url, { [field]: value, ...('override' in full && { override: full.override }) });
        if (res.statusCode !== 200) {
          problems.add(`${op.name} with only ${field}`, res, 'expected 200');
          continue;
        }
        const after = res.json() as Record<string, unknown>;
        const changed = Object.keys(full).filter(
          (key) => key !== field && key in before && JSON.stringify(after[key]) !== JSON.stringify(before[key]),
        );
        if (changed.length) problems.add(`${op.name} with only ${field}`, res, `also changed ${changed.join(', ')}`);
        before = after;
      }
    }
    expect(problems.list).toEqual([]);
  });
});
