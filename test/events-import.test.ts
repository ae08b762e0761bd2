/**
 * Events from real spreadsheets: a Windows-1251 CSV with `;` and
 * `dd.mm.yyyy HH:MM` times, an .xlsx with Russian headers and Excel serial dates, read through a
 * column mapping (guessed, given, remembered per promise), previewed row by row with errors by row
 * (header = row 1) and column, imported through the idempotent ingest.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedToInstant } from '../src/core/import/dates.js';
import { created, expectApiError as expectError } from './expect-api.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { type Agent, createTestApp, type SignedInAgent, type TestApp } from './harness.js';
import { cp1251, dayAgo, excelSerial } from './import-files.js';

let t: TestApp;
let orgs: TwoOrgs;
let member: SignedInAgent;
let token: Agent;
let segmentId: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;

const promiseBody = (metric: Record<string, unknown>) => ({
  title: `Repairs on time ${unique()}`,
  statement: 'Every repair is finished within 8 hours of work',
  kind: 'client',
  promiserTeamId: orgs.a.team.id,
  promiseeSegmentId: segmentId,
  metric,
  target: 0.9,
  window: { kind: 'rolling', days: 30 },
});
const hours = { kind: 'threshold', op: '<=', threshold: 8, unit: 'hours' };

const file = (fileName: string, bytes: Buffer, extra: Record<string, unknown> = {}) => ({
  fileName,
  contentBase64: bytes.toString('base64'),
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  token = t.withToken(orgs.a.token.secret);
  segmentId = (await created(await member.post(`${A()}/segments`, { name: 'Home owners', kind: 'customer' }))).id;
});
afterAll(() => t.close());

describe('a Windows-1251 CSV with ; and dd.mm.yyyy HH:MM', () => {
  it('previews the rows as read, with errors by row and column, then imports once', async () => {
    const p = await created(await member.post(`${A()}/promises`, promiseBody(hours)));
    const d1 = dayAgo(3);
    const d2 = dayAgo(2);
    const csv = cp1251(
      [
        'Номер заявки;Дата;Часы;Клиент',
        `З-1;${d1.dmy} 15:15;"2,5";${orgs.a.client.email.toUpperCase()}`,
        `З-2;${d2.dmy} 09:00;12;`,
        `З-3;31.02.2026 10:00;3;`,
        `З-4;${d2.dmy} 10:00;много;Нет такого`,
        '',
        `З-5;${d2.dmy};7;${orgs.a.client.externalId}`,
      ].join('\r\n'),
    );
    const body = file('заявки.csv', csv, { timeZone: 'Europe/Moscow' });
    const res = await member.post(`${A()}/promises/${p.id}/events/import/preview`, body);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({
      fileKind: 'csv',
      encoding: 'windows-1251',
      delimiter: ';',
      columns: ['Номер заявки', 'Дата', 'Часы', 'Клиент'],
      metricKind: 'threshold',
      suggestedMapping: { externalId: 'Номер заявки', occurredAt: 'Дата', value: 'Часы', clientId: 'Клиент' },
      mapping: { externalId: 'Номер заявки', occurredAt: 'Дата', value: 'Часы', clientId: 'Клиент' },
      remembered: null,
      timeZone: 'Europe/Moscow',
      dateFormat: 'auto',
      detectedDateFormat: 'dd.mm.yyyy',
      totalRows: 5,
      validRows: 3,
    });
    // Moscow is UTC+3 all year: 15:15 there is 12:15 UTC.
    expect(preview.rows[0]).toEqual({
      row: 2,
      cells: ['З-1', `${d1.dmy} 15:15`, '2,5', orgs.a.client.email.toUpperCase()],
      event: {
        externalId: 'З-1',
        occurredAt: new Date(Date.UTC(d1.y, d1.m - 1, d1.d, 12, 15)).toISOString(),
        good: null,
        value: 2.5,
        clientId: orgs.a.client.id,
        clientName: orgs.a.client.name,
      },
      errors: [],
    });
    expect(preview.rows[4]).toMatchObject({
      row: 7,
      event: { externalId: 'З-5', occurredAt: new Date(Date.UTC(d2.y, d2.m - 1, d2.d) - 3 * 3600_000).toISOString(), value: 7 },
    });
    expect(preview.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [4, 'Дата', 'date_invalid'],
      [5, 'Часы', 'value_invalid'],
      [5, 'Клиент', 'client_unknown'],
    ]);
    expect(preview.errorCount).toBe(3);

    const imported = await member.post(`${A()}/promises/${p.id}/events/import`, body);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ accepted: 3, duplicates: 0, rejectedRows: 2 });
    expect(imported.json().rejected.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [4, 'date_invalid'],
      [5, 'value_invalid'],
      [5, 'client_unknown'],
    ]);
    const events = (await member.get(`${A()}/promises/${p.id}/events`)).json().items;
    expect(events.map((e: { externalId: string }) => e.externalId).sort()).toEqual(['З-1', 'З-2', 'З-5']);
    const first = events.find((e: { externalId: string }) => e.externalId === 'З-1');
    expect(first).toMatchObject({
      value: 2.5,
      good: true,
      clientId: orgs.a.client.id,
      occurredAt: new Date(Date.UTC(d1.y, d1.m - 1, d1.d, 12, 15)).toISOString(),
    });
    expect(events.find((e: { externalId: string }) => e.externalId === 'З-2')).toMatchObject({ good: false });

    // A rerun counts nothing twice.
    expect((await member.post(`${A()}/promises/${p.id}/events/import`, body)).json()).toMatchObject({ accepted: 0, duplicates: 3 });
    const status = (await member.get(`${A()}/promises/${p.id}/status`)).json();
    expect(status).toMatchObject({ good: 2, total: 3 });
  });

  it('reads times without an offset in the organization’s time zone by default', async () => {
    const p = await created(await member.post(`${A()}/promises`, promiseBody(hours)));
    const d = dayAgo(1);
    const body = file('a.csv', Buffer.from(`\ufeffid,date,hours\nx-1,${d.dmy} 15:15,1\n`));
    const preview = (await token.post(`${A()}/promises/${p.id}/events/import/preview`, body)).json();
    expect(preview).toMatchObject({ timeZone: 'Europe/Berlin', encoding: 'utf-8', delimiter: ',' });
    const expected = zonedToInstant({ year: d.y, month: d.m, day: d.d, hour: 15, minute: 15, second: 0 }, 'Europe/Berlin');
    expect(preview.rows[0].event.occurredAt).toBe(new Date(expected).toISOString());
  });
});

describe('an .xlsx with Russian headers and Excel serial dates', () => {
  it('reads serials, date cells, да/нет and clients by name, e-mail or code', async () => {
    const p = await created(await member.post(`${A()}/promises`, promiseBody({ kind: 'ratio' })));
    const named = await created(await member.post(`${A()}/clients`, { name: `Пётр Сидоров ${unique()}`, externalId: `К-${unique()}` }));
    const d1 = dayAgo(4);
    const d2 = dayAgo(3);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Заявки');
    sheet.addRow(['Номер заявки', 'Дата', 'Успешно', 'Клиент']);
    sheet.addRow(['В-1', excelSerial(d1.y, d1.m, d1.d, 15, 15), 'да', named.name]);
    // A date cell: ExcelJS writes the wall-clock time given by the Date's UTC fields.
    sheet.addRow(['В-2', new Date(Date.UTC(d2.y, d2.m - 1, d2.d, 9, 30)), 'НЕТ', named.externalId]);
    sheet.addRow(['В-3', `${d2.dmy} 10:00`, 1, orgs.a.client.email]);
    sheet.addRow(['В-4', 'вчера', 'может быть', null]);
    sheet.getCell('B3').numFmt = 'dd.mm.yyyy hh:mm';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const body = file('Заявки.xlsx', bytes, { timeZone: 'Europe/Moscow' });

    const preview = (await member.post(`${A()}/promises/${p.id}/events/import/preview`, body)).json();
    expect(preview).toMatchObject({
      fileKind: 'xlsx',
      columns: ['Номер заявки', 'Дата', 'Успешно', 'Клиент'],
      metricKind: 'ratio',
      mapping: { externalId: 'Номер заявки', occurredAt: 'Дата', good: 'Успешно', clientId: 'Клиент' },
      detectedDateFormat: 'excel',
      totalRows: 4,
      validRows: 3,
    });
    const events = preview.rows.map((r: { event: unknown }) => r.event);
    expect(events[0]).toEqual({
      externalId: 'В-1',
      occurredAt: new Date(Date.UTC(d1.y, d1.m - 1, d1.d, 12, 15)).toISOString(),
      good: true,
      value: null,
      clientId: named.id,
      clientName: named.name,
    });
    expect(events[1]).toMatchObject({
      occurredAt: new Date(Date.UTC(d2.y, d2.m - 1, d2.d, 6, 30)).toISOString(),
      good: false,
      clientId: named.id,
    });
    expect(events[2]).toMatchObject({
      occurredAt: new Date(Date.UTC(d2.y, d2.m - 1, d2.d, 7, 0)).toISOString(),
      good: true,
      clientId: orgs.a.client.id,
    });
    expect(preview.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [5, 'Дата', 'date_invalid'],
      [5, 'Успешно', 'good_invalid'],
    ]);
    const result = (await member.post(`${A()}/promises/${p.id}/events/import`, body)).json();
    expect(result).toMatchObject({ accepted: 3, duplicates: 0, rejectedRows: 1 });
    expect((await member.get(`${A()}/promises/${p.id}/status`)).json()).toMatchObject({ good: 2, total: 3 });
  });

  it('refuses a file that is no workbook, naming the field', async () => {
    const p = await created(await member.post(`${A()}/promises`, promiseBody({ kind: 'ratio' })));
    const res = await member.post(`${A()}/promises/${p.id}/events/import/preview`, file('x.xlsx', Buffer.from('not a zip')));
    expectError(res, 422, 'validation_failed', 'contentBase64');
  });
});

describe('the mapping', () => {
  it('is remembered per promise and preselected for the next file', async () => {
    const p = await created(await member.post(`${A()}/promises`, promiseBody(hours)));
    const other = await created(await member.post(`${A()}/promises`, promiseBody(hours)));
    const d = dayAgo(1);
    const csv = (id: string) => Buffer.from(`Колонка А\tКолонка Б\tКолонка В\n${id}\t${d.dmy} 08:00\t4\n`);
    const mapping = { externalId: 'Колонка А', occurredAt: 'Колонка Б', value: 'Колонка В' };

    const unguessable = (await member.post(`${A()}/promises/${p.id}/events/import/preview`, file('a.txt', csv('m-1')))).json();
    expect(unguessable).toMatchObject({ delimiter: '\t', mapping: {}, validRows: 0 });
    expect(unguessable.errors.map((e: { field: string; code: string; row: null }) => [e.row, e.field, e.code])).toEqual([
      [null, 'externalId', 'mapping_missing'],
      [null, 'occurredAt', 'mapping_missing'],
      [null, 'value', 'mapping_missing'],
    ]);
    expectError(
      await member.post(`${A()}/promises/${p.id}/events/import`, file('a.txt', csv('m-1'))),
      422,
      'validation_failed',
      'mapping.value',
    );

    const done = await member.post(
      `${A()}/promises/${p.id}/events/import`,
      file('a.txt', csv('m-1'), { mapping, dateFormat: 'dd.mm.yyyy' }),
    );
    expect(done.json()).toMatchObject({ accepted: 1 });

    const again = (await member.post(`${A()}/promises/${p.id}/events/import/preview`, file('b.tsv', csv('m-2')))).json();
    expect(again).toMatchObject({
      mapping,
      dateFormat: 'dd.mm.yyyy',
      remembered: { mapping, timeZone: 'Europe/Berlin', dateFormat: 'dd.mm.yyyy' },
      validRows: 1,
    });
    expect((await member.post(`${A()}/promises/${p.id}/events/import`, file('b.tsv', csv('m-2')))).json()).toMatchObject({ accepted: 1 });
    // Another promise does not share it.
    expect((await member.post(`${A()}/promises/${other.id}/events/import/preview`, file('b.tsv', csv('m-2')))).json()).toMatchObject({
      remembered: null,
      mapping: {},
    });
    // A file whose columns differ gets the guess, not the remembered mapping.
    const guessed = (
      await member.post(`${A()}/promises/${p.id}/events/import/preview`, file('c.csv', Buffer.from(`id;дата;часы\nz;${d.dmy};1\n`)))
    ).json();
    expect(guessed.mapping).toEqual({ externalId: 'id', occurredAt: 'дата', value: 'часы' });
  });

  it('names a column that is not in the file, and refuses bad settings with 422', async () => {
    const p = await created(await member.post(`${A()}/promises`, promiseBody(hours)));
    const body = file('a.csv', Buffer.from('id,date,hours\n1,2026-11-01 10:00,1\n'));
    const wrong = await member.post(`${A()}/promises/${p.id}/events/import`, {
      ...body,
      mapping: { externalId: 'id', occurredAt: 'date', value: 'Часы' },
    });
    expectError(wrong, 422, 'validation_failed', 'mapping.value');
    expectError(
      await member.post(`${A()}/promises/${p.id}/events/import/preview`, { ...body, timeZone: 'Mars/Base' }),
      422,
      'validation_failed',
      'timeZone',
    );
    expectError(
      await member.post(`${A()}/promises/${p.id}/events/import/preview`, { ...body, dateFormat: 'mm/dd' }),
      422,
      'validation_failed',
      'dateFormat',
    );
    expectError(
      await member.post(`${A()}/promises/${p.id}/events/import/preview`, { ...body, contentBase64: '%%%' }),
      422,
      'validation_failed',
      'contentBase64',
    );
    expectError(
      await member.post(`${A()}/promises/${p.id}/events/import/preview`, { ...body, fileName: 'a.pdf' }),
      422,
      'validation_failed',
      'fileName',
    );
    expectError(
      await member.post(`${A()}/promises/${p.id}/events/import/preview`, file('a.csv', Buffer.from('\n\n'))),
      422,
      'validation_failed',
      'contentBase64',
    );
  });

  it('takes a file of a few megabytes', async () => {
    const p = await created(await member.post(`${A()}/promises`, promiseBody(hours)));
    const d = dayAgo(1);
    const lines = ['Номер заявки;Дата;Часы;Комментарий'];
    // About 3 MB: 50,000 rows of some 60 bytes.
    for (let i = 0; i < 50_000; i++) lines.push(`big-${i};${d.dmy} 10:00;1,5;${'к'.repeat(30)}`);
    const res = await member.post(`${A()}/promises/${p.id}/events/import/preview`, file('big.csv', cp1251(lines.join('\n'))));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json()).toMatchObject({ totalRows: lines.length - 1, validRows: lines.length - 1, errorCount: 0 });
    expect(res.json().rows).toHaveLength(20);
  });

  it('keeps to the organization: another organization’s promise is not found', async () => {
    const theirs = t.withToken(orgs.b.token.secret);
    const p = await created(await member.post(`${A()}/promises`, promiseBody(hours)));
    const res = await theirs.post(
      `/api/v1/orgs/${orgs.b.slug}/promises/${p.id}/events/import/preview`,
      file('a.csv', Buffer.from('id\n1\n')),
    );
    expectError(res, 404, 'not_found');
  });
});
