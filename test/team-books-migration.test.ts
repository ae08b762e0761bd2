/**
 * The default reserve rate became 10% (issue 17): organizations that existed before keep the 0% they
 * had, written down by the migration; one created afterwards starts at 10%.
 */
import { readdirSync } from 'node:fs';
import { type Migration, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness.js';

const TEAM_BOOKS = '20261207T2220_team_books';
const FOLDER = new URL('../src/db/migrations/', import.meta.url);
/** Every migration up to this one, read from the folder (the registry in migrate.ts runs them all). */
async function migrationsUpTo(last: string): Promise<Record<string, Migration>> {
  const names = readdirSync(FOLDER)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3))
    .filter((name) => name <= last);
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, (await import(new URL(`${name}.ts`, FOLDER).href)) as Migration])),
  );
}
const migrator = async (db: TestDatabase['db']) => {
  const migrations = await migrationsUpTo(TEAM_BOOKS);
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
};
const before = async () =>
  Object.keys(await migrationsUpTo(TEAM_BOOKS))
    .filter((name) => name < TEAM_BOOKS)
    .sort()
    .at(-1)!;

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});

afterAll(async () => {
  await database?.close();
});

const org = (id: string) => ({
  id,
  slug: id,
  name: id,
  kind: 'business' as const,
  locale: 'en' as const,
  currency: 'EUR',
  time_zone: 'Europe/Berlin',
  created_at: 1,
  updated_at: 1,
});

describe('migration 20261207T2220_team_books', () => {
  it('writes down 0% for an organization that never stored its settings, and leaves stored ones alone', async () => {
    const { db } = database;
    const up = await (await migrator(db)).migrateTo(await before());
    expect(up.error).toBeUndefined();
    await db
      .insertInto('organizations')
      .values([org('old-default'), org('old-own')])
      .execute();
    // The table as it was before this migration and the government pool's: no reserve right, no pool mode.
    const stored = {
      org_id: 'old-own',
      pool_rate_ppm: 250_000,
      reserve_rate_ppm: 70_000,
      fulfillment: 'off',
      updated_at: 5,
      updated_by: null,
    };
    // Typed as never: the columns later migrations add are not there yet.
    await db
      .insertInto('economics_settings')
      .values(stored as never)
      .execute();
    const done = await (await migrator(db)).migrateTo(TEAM_BOOKS);
    expect(done.error).toBeUndefined();
    const rows = await db
      .selectFrom('economics_settings')
      .select(['org_id', 'pool_rate_ppm', 'reserve_rate_ppm'])
      .orderBy('org_id')
      .execute();
    expect(rows.map((r) => [r.org_id, Number(r.pool_rate_ppm), Number(r.reserve_rate_ppm)])).toEqual([
      ['old-default', 200_000, 0],
      ['old-own', 250_000, 70_000],
    ]);
  });
});
