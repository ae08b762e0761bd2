/**
 * `clientocracy events import` with the organization's own spreadsheets: a Windows-1251
 * CSV with `;` and `dd.mm.yyyy HH:MM` times through --map, --tz and --date-format; an .xlsx by its
 * extension with the mapping guessed from Russian headers; refused rows named by row as the file
 * counts them (header = row 1), exit 1; a rerun counts nothing twice.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/database.js';
import { createPostgresDatabase } from './harness.js';
import { cp1251, dayAgo, excelSerial } from './import-files.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/clientocracy.mjs');

let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, CLIENTOCRACY_DATA_DIR: dataDir, ...(databaseUrl && { DATABASE_URL: databaseUrl }) };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function openCliDatabase(): Promise<Database> {
  return openDatabase(databaseUrl ? { databaseUrl } : { sqlitePath: path.join(dataDir, 'clientocracy.sqlite') });
}

async function promiseTitled(title: string): Promise<string> {
  const database = await openCliDatabase();
  try {
    return (await database.db.selectFrom('promises').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
  } finally {
    await database.close();
  }
}

async function eventsOf(promiseId: string, prefix: string) {
  const database = await openCliDatabase();
  try {
    return await database.db
      .selectFrom('promise_events')
      .select(['external_id', 'occurred_at', 'value', 'good'])
      .where('promise_id', '=', promiseId)
      .where('external_id', 'like', `${prefix}%`)
      .orderBy('external_id')
      .execute();
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'clientocracy-cli-import-'));
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabase(process.env.DATABASE_URL);
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
  expect((await cli(['demo'])).code).toBe(0);
}, 180_000);

afterAll(async () => {
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('clientocracy events import', () => {
  it('reads a Windows-1251 ; CSV through --map, --tz and --date-format; names refused rows; a rerun counts nothing twice', async () => {
    const promise = await promiseTitled('Ответ на гарантийное обращение за 24 часа');
    const d = dayAgo(2);
    const file = path.join(dataDir, 'заявки.csv');
    writeFileSync(
      file,
      cp1251(
        [
          'Номер заявки;Дата;Часы;Примечание',
          `cli-З-1;${d.dmy} 15:15;"2,5";`,
          `cli-З-2;${d.dmy} 16:00;30;поздно`,
          'cli-З-3;31.02.2026 10:00;3;',
          `cli-З-4;${d.dmy} 17:00;много;`,
        ].join('\r\n'),
      ),
    );
    const args = ['events', 'import', '--org', 'stroydom', '--promise', promise, file];
    const options = ['--map', 'externalId=Номер заявки,occurredAt=Дата,value=Часы', '--tz', 'Europe/Moscow', '--date-format', 'dd.mm.yyyy'];
    const first = await cli([...args, ...options]);
    expect([first.code, first.stdout.trim()]).toEqual([1, 'accepted 2, duplicates 0, rejected 2']);
    expect(first.stderr.trim().split('\n')).toEqual([
      'row 4 (cli-З-3): occurredAt (column "Дата"): not a date and time (ISO, dd.mm.yyyy HH:MM, yyyy-mm-dd HH:MM or an Excel serial): "31.02.2026 10:00"',
      'row 5 (cli-З-4): value (column "Часы"): not a number: "много"',
    ]);
    const events = await eventsOf(promise, 'cli-З-');
    expect(events).toEqual([
      { external_id: 'cli-З-1', occurred_at: Date.UTC(d.y, d.m - 1, d.d, 12, 15), value: 2.5, good: 1 },
      { external_id: 'cli-З-2', occurred_at: Date.UTC(d.y, d.m - 1, d.d, 13, 0), value: 30, good: 0 },
    ]);
    // The mapping is remembered for the promise: the rerun needs no --map and counts nothing twice.
    const again = await cli([...args, '--tz', 'Europe/Moscow']);
    expect([again.code, again.stdout.trim()]).toEqual([1, 'accepted 0, duplicates 2, rejected 2']);
  }, 60_000);

  it('reads an .xlsx by its extension, the mapping guessed from Russian headers, Excel serial dates', async () => {
    const promise = await promiseTitled('Дом сдаётся в срок, указанный в договоре');
    const d = dayAgo(3);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лист1');
    sheet.addRow(['Номер заявки', 'Дата', 'Успешно']);
    sheet.addRow(['cli-X-1', excelSerial(d.y, d.m, d.d, 9, 0), 'да']);
    sheet.addRow(['cli-X-2', excelSerial(d.y, d.m, d.d, 10, 30), 'нет']);
    const file = path.join(dataDir, 'сдача.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const run = await cli(['events', 'import', '--org', 'stroydom', '--promise', promise, file]);
    expect([run.code, run.stdout.trim(), run.stderr]).toEqual([0, 'accepted 2, duplicates 0, rejected 0', '']);
    // stroydom works in Moscow time (UTC+3).
    expect(await eventsOf(promise, 'cli-X-')).toEqual([
      { external_id: 'cli-X-1', occurred_at: Date.UTC(d.y, d.m - 1, d.d, 6, 0), value: null, good: 1 },
      { external_id: 'cli-X-2', occurred_at: Date.UTC(d.y, d.m - 1, d.d, 7, 30), value: null, good: 0 },
    ]);
  }, 60_000);

  it('says which columns the file has when the mapping lacks a field, and refuses a bad --map', async () => {
    const promise = await promiseTitled('Бригада выезжает по гарантийной заявке за 2 дня');
    const file = path.join(dataDir, 'x.csv');
    writeFileSync(file, 'Колонка А;Колонка Б\n1;2\n');
    const run = await cli(['events', 'import', '--org', 'stroydom', '--promise', promise, file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: --map: externalId: required');
    expect(run.stderr).toContain('The file\'s columns: "Колонка А", "Колонка Б"');
    const bad = await cli(['events', 'import', '--org', 'stroydom', '--promise', promise, file, '--map', 'when=Колонка А']);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('--map: "when=Колонка А": write FIELD=COLUMN')]);
    const tz = await cli(['events', 'import', '--org', 'stroydom', '--promise', promise, file, '--tz', 'Mars/Base']);
    expect([tz.code, tz.stderr]).toEqual([1, expect.stringContaining('--tz: must be an IANA time zone')]);
  }, 60_000);
});
