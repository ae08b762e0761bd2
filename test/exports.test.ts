/**
 * Tables of figures download as CSV and .xlsx: the promises list in Russian
 * has the BOM, `;` and decimal commas, in English `,` and points; an .xlsx read back holds real
 * numbers with number formats; money is exact to the kopeck; another organization gets 404.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayIn } from '../src/core/tables/format.js';
import { created } from './expect-api.js';
import { type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type Response, type SignedInAgent, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let outsider: SignedInAgent;
let promiseTitle: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const PERIOD = '2025-03';
const HOUR = 3600 * 1000;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  outsider = await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password);
  const member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  const council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  const segment = await created(await admin.post(`${A()}/segments`, { name: 'Владельцы домов', kind: 'customer' }));
  const capability = await created(await member.post(`${A()}/teams/${orgs.a.team.id}/capabilities`, { name: `Crew ${unique()}` }));
  const right = await created(await admin.post(`${A()}/rights`, { name: `Decide repairs ${unique()}`, description: '' }));
  await created(await council.post(`${A()}/grants`, { rightId: right.id, holderType: 'team', holderId: orgs.a.team.id }));
  promiseTitle = `Ответ за 24 часа; "гарантия" ${unique()}`;
  const promise = await created(
    await member.post(`${A()}/promises`, {
      title: promiseTitle,
      statement: 'Гарантийная служба отвечает на каждую заявку за 24 часа',
      kind: 'client',
      promiserTeamId: orgs.a.team.id,
      promiseeSegmentId: segment.id,
      requiredCapabilityIds: [capability.id],
      requiredRightIds: [right.id],
      metric: { kind: 'ratio' },
      target: 0.95,
      window: { kind: 'rolling', days: 30 },
    }),
  );
  const published = await member.post(`${A()}/promises/${promise.id}/publish`);
  expect(published.statusCode, show(published)).toBe(200);
  // 44 good of 45: attainment 97.777…% → 97.78 %.
  const now = Date.now();
  const events = Array.from({ length: 45 }, (_, i) => ({
    externalId: `case-${i}`,
    occurredAt: new Date(now - (i + 1) * HOUR).toISOString(),
    good: i !== 0,
  }));
  expect((await member.post(`${A()}/promises/${promise.id}/events`, { events })).json()).toMatchObject({ accepted: 45 });
  for (const amountMinor of [10_000_001, 123_456]) {
    await created(
      await admin.post(`${A()}/periods/${PERIOD}/ledger`, { teamId: orgs.a.team.id, kind: 'revenue', amountMinor, note: 'Contracts' }),
    );
  }
});
afterAll(() => t.close());

const bodyOf = (res: Response) => res.rawPayload.toString('utf8');
const rowsOf = (csv: string, separator: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(separator));

async function workbookOf(res: Response): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, index) => {
    if (cell.value === header) found = index;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

describe('the promises list', () => {
  it('in Russian: BOM, `;`, decimal commas, translated headers and statuses, a dated file name', async () => {
    const res = await admin.get(`${A()}/promises/export?format=csv&lang=ru`);
    expect(res.statusCode, show(res)).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const day = dayIn(Date.now(), 'Europe/Berlin');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="promises-${orgs.a.slug}-${day}.csv"`);
    const csv = bodyOf(res);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = rowsOf(csv, ';');
    expect(header?.slice(0, 8)).toEqual(['Обещание', 'Вид', 'Этап', 'Команда-исполнитель', 'Кому обещано', 'Статус', 'Выполнение', 'Цель']);
    expect(rows).toHaveLength(1);
    const line = csv.split('\r\n')[1] ?? '';
    expect(line.startsWith(`"${promiseTitle.replaceAll('"', '""')}";клиентское;опубликовано;`)).toBe(true);
    expect(line).toContain(';Владельцы домов;выполняется;97,78%;95,00%;44;45;');
  });

  it('in English (the organization’s language by default): `,` and points', async () => {
    const csv = bodyOf(await admin.get(`${A()}/promises/export`));
    const [header] = rowsOf(csv, ',');
    expect(header?.slice(0, 3)).toEqual(['Promise', 'Kind', 'Lifecycle']);
    expect(csv).toContain(',client,published,');
    expect(csv).toContain(',kept,97.78%,95.00%,44,45,');
  });

  it('as .xlsx: percentages are percent-formatted numbers, the header bold and frozen', async () => {
    const res = await admin.get(`${A()}/promises/export?format=xlsx&lang=ru`);
    expect(res.statusCode, show(res)).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="promises-.+-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const sheet = await workbookOf(res);
    const attainment = sheet.getRow(2).getCell(columnOf(sheet, 'Выполнение'));
    expect(attainment.value).toBe(0.9778);
    expect(attainment.numFmt).toBe('0.00%');
    const events = sheet.getRow(2).getCell(columnOf(sheet, 'Событий'));
    expect(events.value).toBe(45);
    expect(sheet.getRow(2).getCell(1).value).toBe(promiseTitle);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('follows the person’s language when no lang is asked for, and ?lang over it', async () => {
    const council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
    expect((await council.patch('/api/v1/auth/me', { locale: 'ru' })).statusCode).toBe(200);
    expect(
      bodyOf(await council.get(`${A()}/promises/export`))
        .slice(1)
        .startsWith('Обещание;Вид;'),
    ).toBe(true);
    expect(
      bodyOf(await council.get(`${A()}/promises/export?lang=en`))
        .slice(1)
        .startsWith('Promise,Kind,'),
    ).toBe(true);
  });

  it('filters like the list and refuses an unknown format naming the field', async () => {
    const drafts = bodyOf(await admin.get(`${A()}/promises/export?status=draft`));
    expect(rowsOf(drafts, ',')).toHaveLength(1);
    const bad = await admin.get(`${A()}/promises/export?format=pdf`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('format');
  });

  it('is not there for another organization', async () => {
    expect((await outsider.get(`${A()}/promises/export?format=xlsx`)).statusCode).toBe(404);
    expect((await outsider.get(`${A()}/periods/${PERIOD}/ledger/export`)).statusCode).toBe(404);
  });
});

describe('money stays exact', () => {
  it('the ledger in CSV: 100 000,01 and 1 234,56 to the cent, in both number formats', async () => {
    const ru = rowsOf(bodyOf(await admin.get(`${A()}/periods/${PERIOD}/ledger/export?lang=ru`)), ';');
    expect(ru[0]).toEqual(['Месяц', 'Команда', 'Вид', 'Сумма (EUR)', 'Примечание', 'Записано']);
    expect(ru.slice(1).map((row) => row[3])).toEqual(['100000,01', '1234,56']);
    expect(ru[1]?.slice(0, 3)).toEqual([PERIOD, orgs.a.team.name, 'выручка']);
    const en = rowsOf(bodyOf(await admin.get(`${A()}/periods/${PERIOD}/ledger/export?lang=en`)), ',');
    expect(en.slice(1).map((row) => row[3])).toEqual(['100000.01', '1234.56']);
  });

  it('the ledger in .xlsx: numbers in major units with the currency format', async () => {
    const sheet = await workbookOf(await admin.get(`${A()}/periods/${PERIOD}/ledger/export?format=xlsx&lang=ru`));
    const amount = columnOf(sheet, 'Сумма');
    expect(sheet.getRow(2).getCell(amount).value).toBe(100000.01);
    expect(sheet.getRow(3).getCell(amount).value).toBe(1234.56);
    expect(sheet.getRow(3).getCell(amount).numFmt).toBe('#,##0.00 "€"');
  });

  it('team economics side by side: the same figures as the screen, exact', async () => {
    const screen = (await admin.get(`${A()}/periods/${PERIOD}`)).json();
    const team = screen.teams.find((row: { teamId: string }) => row.teamId === orgs.a.team.id);
    expect(team.revenueMinor).toBe(10_123_457);
    const csv = rowsOf(bodyOf(await admin.get(`${A()}/periods/${PERIOD}/export?lang=ru`)), ';');
    expect(csv[0]?.slice(0, 3)).toEqual(['Месяц', 'Команда', 'Выручка (EUR)']);
    const row = csv.find((cells) => cells[1] === orgs.a.team.name);
    expect(row?.[2]).toBe('101234,57');
    const sheet = await workbookOf(await admin.get(`${A()}/periods/${PERIOD}/export?format=xlsx`));
    const revenue = columnOf(sheet, 'Revenue');
    const values: unknown[] = [];
    sheet.eachRow((r, index) => {
      if (index > 1 && r.getCell(2).value === orgs.a.team.name) values.push(r.getCell(revenue).value);
    });
    expect(values).toEqual([101234.57]);
  });
});
