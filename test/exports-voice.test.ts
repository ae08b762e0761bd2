/**
 * Client voice tables download: feedback figures (NPS, CSAT, CES with n),
 * proposals with their supports and owed answer, and a poll's result per option — worked examples
 * in both number formats; another organization gets 404.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/modules/clients/client.service.js';
import type { OrgContext } from '../src/modules/context.js';
import { castPollBallot } from '../src/modules/polls/ballot.service.js';
import type { SignedInAgent } from './agent.js';
import { created } from './expect-api.js';
import { orgContext, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, type Response, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let outsider: SignedInAgent;
let pollId: string;
let proposalTitle: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const HOUR = 3600 * 1000;

async function adminCtx(): Promise<OrgContext> {
  const person = orgs.a.users.admin;
  return { ...(await orgContext(t.db, orgs.a.slug, { type: 'user', id: person.id, label: person.email })), role: 'admin' };
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  outsider = await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password);
  const council = await t.signIn(orgs.a.users.council.email, orgs.a.users.council.password);
  const member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  // NPS 10, 10, 9, 7, 0: 3 promoters, 1 passive, 1 detractor → (3 − 1) ÷ 5 × 100 = 40.
  // CSAT 5, 4, 2: 2 of 3 → 66.67 %. CES 2 and 3: mean 2.5.
  const answers = [
    ...[10, 10, 9, 7, 0].map((score) => ({ kind: 'nps', score })),
    ...[5, 4, 2].map((score) => ({ kind: 'csat', score })),
    ...[2, 3].map((score) => ({ kind: 'ces', score })),
  ];
  for (const answer of answers) await created(await admin.post(`${A()}/feedback`, { ...answer, answeredAt: '2026-11-02T09:00:00Z' }));

  proposalTitle = `Вечерние выезды; "после 18:00" ${unique()}`;
  await created(await admin.post(`${A()}/proposals`, { title: proposalTitle, body: 'Мастер мог бы приезжать вечером.' }));

  const rightId = (await created(await council.post(`${A()}/rights`, { name: `Warranty cases ${unique()}`, description: '' }))).id;
  await created(
    await council.post(`${A()}/grants`, {
      rightId,
      holderType: 'team',
      holderId: orgs.a.team.id,
      limits: { spendingCap: null },
      reason: 'pilot',
    }),
  );
  const segmentId = (await created(await admin.post(`${A()}/segments`, { name: `Warranty clients ${unique()}`, kind: 'customer' }))).id;
  const options = ['Repair on site', 'Replace the unit', 'Compensate'].map((title) => ({ title, description: '' }));
  const decision = await created(
    await member.post(`${A()}/decisions`, { title: `Warranty ${unique()}`, teamId: orgs.a.team.id, rightId, options }),
  );
  const poll = await created(
    await member.post(`${A()}/decisions/${decision.id}/polls`, {
      kind: 'single',
      question: 'How should we handle warranty repairs?',
      segmentIds: [segmentId],
      closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    }),
  );
  pollId = poll.id;
  // Three ballots: options 1, 3, 3 → totals 1, 0, 2; shares 33.3 %, 0 %, 66.7 %; option 3 wins.
  for (const option of [0, 2, 2]) {
    const ctx = await adminCtx();
    const client = await createClient(ctx, { name: `Voter ${unique()}` });
    await t.db
      .insertInto('client_segments')
      .values({ org_id: orgs.a.id, client_id: client.id, segment_id: segmentId, created_at: Date.now() })
      .execute();
    await castPollBallot({ ...ctx, actor: { type: 'client', id: client.id, label: client.name } }, poll.id, client.id, { option });
  }
});
afterAll(() => t?.close());

const rowsOf = (res: Response, separator: string) =>
  res.rawPayload
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(separator));

describe('feedback figures', () => {
  it('NPS, CSAT and CES with n, in Russian and English number formats', async () => {
    const ru = await admin.get(`${A()}/feedback/summary/export?lang=ru&from=2026-11-01&to=2026-11-30`);
    expect(ru.statusCode, show(ru)).toBe(200);
    expect(rowsOf(ru, ';')).toEqual([
      ['Показатель', 'Ответов', 'Значение', 'Промоутеры', 'Нейтралы', 'Критики'],
      ['NPS', '5', '40,00', '3', '1', '1'],
      ['CSAT', '3', '66,67%', '', '', ''],
      ['CES', '2', '2,50', '', '', ''],
    ]);
    const en = rowsOf(await admin.get(`${A()}/feedback/summary/export?lang=en`), ',');
    expect(en[2]).toEqual(['CSAT', '3', '66.67%', '', '', '']);
    const none = rowsOf(await admin.get(`${A()}/feedback/summary/export?from=2026-12-01&to=2026-12-31`), ',');
    expect(none).toEqual([['Measure', 'Answered', 'Score', 'Promoters', 'Passives', 'Detractors']]);
  });

  it('as .xlsx: CSAT a percent-formatted fraction', async () => {
    const res = await admin.get(`${A()}/feedback/summary/export?format=xlsx&lang=en`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(2).getCell(3).value).toBe(40);
    expect(sheet.getRow(3).getCell(3).value).toBe(0.6667);
    expect(sheet.getRow(3).getCell(3).numFmt).toBe('0.00%');
  });
});

describe('proposals and poll results', () => {
  it('lists proposals with status and supports, quoting a title with the separator', async () => {
    const rows = (await admin.get(`${A()}/proposals/export?lang=ru`)).rawPayload.toString('utf8').split('\r\n');
    expect(rows[0]).toBe('\uFEFFПредложение;Сегмент;Автор;Статус;Поддержали;Порог;Ответить до;Просрочено;Отвечено;Создано');
    const row = rows.find((line) => line.startsWith(`"${proposalTitle.replaceAll('"', '""')}"`));
    expect(row).toMatch(/;открыто;0;\d+;;нет;;\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  });

  it('gives a poll’s totals, shares and winner per option', async () => {
    const res = await admin.get(`${A()}/polls/${pollId}/export?lang=en`);
    expect(res.statusCode, show(res)).toBe(200);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`filename="poll-${orgs.a.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
    expect(rowsOf(res, ',').map((row) => row.slice(1))).toEqual([
      ['No.', 'Option', 'Total', 'Share of ballots', 'Mean score', 'Winner', 'Ballots'],
      ['1', 'Repair on site', '1', '33.3%', '', 'no', '3'],
      ['2', 'Replace the unit', '0', '0.0%', '', 'no', '3'],
      ['3', 'Compensate', '2', '66.7%', '', 'yes', '3'],
    ]);
  });

  it('is not there for another organization', async () => {
    expect((await outsider.get(`${A()}/polls/${pollId}/export`)).statusCode).toBe(404);
    expect((await outsider.get(`${A()}/proposals/export`)).statusCode).toBe(404);
    expect((await outsider.get(`${A()}/feedback/summary/export`)).statusCode).toBe(404);
  });
});
