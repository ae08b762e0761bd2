/**
 * Data files are readable by the service alone: the data dir is 0700 and the
 * database, its -wal and -shm and the secret are 0600 — when created, and when an older version left
 * them 0755 / 0644. This process keeps the usual umask (022), so what is checked is the explicit
 * narrowing that opening does, not the CLI's umask (the backup test checks a running server's files).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

let work: string;
const modeOf = (file: string) => statSync(file).mode & 0o777;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'clientocracy-modes-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('data files are private', () => {
  it('a new data dir is 0700; the database, -wal and -shm 0600, also while written to', async () => {
    expect(process.umask() & 0o077).not.toBe(0o077);
    const dir = path.join(work, 'new', 'data');
    const file = path.join(dir, 'clientocracy.sqlite');
    const database = await openDatabase({ sqlitePath: file });
    try {
      await migrateToLatest(database.db);
      expect(modeOf(dir)).toBe(0o700);
      for (const suffix of ['', '-wal', '-shm']) expect([suffix, modeOf(`${file}${suffix}`)]).toEqual([suffix, 0o600]);
    } finally {
      await database.close();
    }
  });

  it('a data dir and database left world-readable by an older version are narrowed when opened', async () => {
    const dir = path.join(work, 'old');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const file = path.join(dir, 'clientocracy.sqlite');
    const old = new SQLite(file);
    old.pragma('journal_mode = WAL');
    old.exec('create table kept (x integer)');
    // -wal and -shm exist while a connection (the old server) has the database open.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) chmodSync(f, 0o644);
    expect(modeOf(file)).toBe(0o644);
    const database = await openDatabase({ sqlitePath: file });
    try {
      expect(modeOf(dir)).toBe(0o700);
      for (const suffix of ['', '-wal', '-shm']) expect([suffix, modeOf(`${file}${suffix}`)]).toEqual([suffix, 0o600]);
    } finally {
      await database.close();
      old.close();
    }
  });

  it('a shared dir (sticky, like /tmp) holding the database is left as it is; the files are still 0600', async () => {
    const shared = path.join(work, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const file = path.join(shared, 'clientocracy.sqlite');
    const database = await openDatabase({ sqlitePath: file });
    try {
      expect(statSync(shared).mode & 0o7777).toBe(0o1777);
      expect(modeOf(file)).toBe(0o600);
    } finally {
      await database.close();
    }
  });

  it('the generated secret is 0600 in a 0700 dir; an older, looser one is narrowed', () => {
    const fresh = path.join(work, 'secret-new');
    loadConfig({ CLIENTOCRACY_DATA_DIR: fresh });
    expect([modeOf(fresh), modeOf(path.join(fresh, 'secret'))]).toEqual([0o700, 0o600]);

    const loose = path.join(work, 'secret-old');
    mkdirSync(loose, { mode: 0o755 });
    chmodSync(loose, 0o755);
    writeFileSync(path.join(loose, 'secret'), 'kept-as-it-was\n', { mode: 0o644 });
    chmodSync(path.join(loose, 'secret'), 0o644);
    expect(loadConfig({ CLIENTOCRACY_DATA_DIR: loose }).secret).toBe('kept-as-it-was');
    expect([modeOf(loose), modeOf(path.join(loose, 'secret'))]).toEqual([0o700, 0o600]);
  });
});
