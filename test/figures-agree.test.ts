/**
 * One figure, one way of writing it: the board (its card, its SVG label, its promise
 * page), the client's portal home, the staff app and the CLI write the same attainment and the same
 * money the same way — half up on the exact decimal, at most 1 decimal (src/core/format). The case
 * from the issue: 44 good of 45 = 0.97777… read «97,7 %» on the board (truncated) and «97,78 %» in
 * the staff app; it is «97,8 %» everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, inviteClient } from '../src/modules/clients/client.service.js';
import { runEconomicsCommand } from '../src/modules/economics/economics.cli.js';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.routes.js';
import { forgetBoards } from '../src/modules/promises/board.service.js';
import type { SignedInAgent } from './agent.js';
import { backTeam, type TeamBacking } from './backing-fixture.js';
import { type OrgFixture, orgContext } from './fixtures.js';
import { createTestApp, type TestApp } from './harness.js';

const NBSP = '\u00a0';
let t: TestApp;
let a: OrgFixture;
let admin: SignedInAgent;
let promiseId: string;
let attainment: number;
/** The team's capability and granted right: what its client promises declare, so that they publish. */
let backing: TeamBacking;

beforeAll(async () => {
  t = await createTestApp();
  ({ a } = await t.seedTwoOrgs());
  admin = await t.signIn(a.users.admin.email, a.users.admin.password);
  await t.db.updateTable('organizations').set({ locale: 'ru' }).where('id', '=', a.id).execute();
  backing = await backTeam(admin, a.slug, a.team.id);
  const segment = await admin.post(`/api/v1/orgs/${a.slug}/segments`, { name: 'Владельцы квартир', kind: 'customer' });
  const created = await admin.post(`/api/v1/orgs/${a.slug}/promises`, {
    promiseeSegmentId: segment.json().id,
    title: 'Ответ на заявку в течение часа',
    statement: 'Отвечаем на каждую заявку в течение часа.',
    kind: 'client',
    promiserTeamId: a.team.id,
    override: { reason: 'An admin acts for the team in this test' },
    metric: { kind: 'ratio' },
    target: 0.95,
    window: { kind: 'rolling', days: 30 },
    ...backing,
  });
  expect(created.statusCode, created.body).toBe(201);
  promiseId = created.json().id;
  expect(
    (
      await admin.post(`/api/v1/orgs/${a.slug}/promises/${promiseId}/publish`, {
        override: { reason: 'An admin acts for the team in this test' },
      })
    ).statusCode,
  ).toBe(200);
  const now = Date.now();
  const events = Array.from({ length: 45 }, (_, i) => ({
    externalId: `request-${i}`,
    occurredAt: new Date(now - (i + 1) * 3_600_000).toISOString(),
    good: i !== 7,
  }));
  expect((await admin.post(`/api/v1/orgs/${a.slug}/promises/${promiseId}/events`, { events })).statusCode).toBe(200);
  attainment = (await admin.get(`/api/v1/orgs/${a.slug}/promises/${promiseId}/status`)).json().attainment;
  forgetBoards();
});

afterAll(async () => {
  await t?.close();
});

describe('the same attainment on every surface', () => {
  it('44 of 45 is «97,8 %» on the board, its SVG label, its promise page, the portal and the staff app', async () => {
    expect(attainment).toBeCloseTo(44 / 45, 12);
    const figure = `97,8${NBSP}%`;
    // The staff app's formatters write the same (web/src/features/promises/figures-agree.test.ts).

    const board = (await t.app.inject({ method: 'GET', url: `/c/${a.slug}/promises?lang=ru` })).body;
    const card = board.slice(board.indexOf(`id="p-${promiseId}"`));
    expect(card).toContain(figure);
    expect(card).not.toContain(`97,7${NBSP}%`);
    expect(card).not.toContain('97,78');
    // The SVG trend carries the same figure in its label.
    const label = /<svg role="img" aria-label="([^"]*)"/.exec(card)?.[1] ?? '';
    expect(label).toContain(figure);

    const page = (await t.app.inject({ method: 'GET', url: `/c/${a.slug}/promises/${promiseId}?lang=ru` })).body;
    expect(page).toContain(figure);
    expect(page).not.toContain('97,78');

    const english = (await t.app.inject({ method: 'GET', url: `/c/${a.slug}/promises?lang=en` })).body;
    expect(english).toContain('97.8%');

    // The client's portal home lists the promise with the same figure.
    const ctx = await orgContext(t.db, a.slug, { type: 'user', id: a.users.admin.id, label: a.users.admin.email });
    const client = await createClient({ ...ctx, role: 'admin' }, { name: 'Клиент для сравнения' });
    const invitation = await inviteClient({ ...ctx, role: 'admin' }, client.id, 14, t.config.publicUrl);
    const signIn = await t.app.inject({ method: 'POST', url: `/c/${a.slug}/invite/${invitation.token}` });
    const cookie = signIn.cookies.find((c) => c.name === CLIENT_COOKIE)?.value as string;
    const home = await t.app.inject({ method: 'GET', url: `/c/${a.slug}?lang=ru`, cookies: { [CLIENT_COOKIE]: cookie } });
    expect(home.body).toContain(figure);
    expect(home.body).toContain(`95${NBSP}%`);
  });
});

describe('the same money in the CLI and the staff app', () => {
  it('1 234,56 ₽ of revenue reads the same in the CLI report and the economics page', async () => {
    await t.db.updateTable('organizations').set({ currency: 'RUB' }).where('id', '=', a.id).execute();
    const period = new Date().toISOString().slice(0, 7);
    const line = await admin.post(`/api/v1/orgs/${a.slug}/periods/${period}/ledger`, {
      teamId: a.team.id,
      kind: 'revenue',
      amountMinor: 123_456,
    });
    expect(line.statusCode).toBe(201);
    const ctx = async () => ({
      ...(await orgContext(t.db, a.slug, { type: 'user', id: a.users.admin.id, label: a.users.admin.email })),
      role: 'admin' as const,
    });
    const report = (await runEconomicsCommand('economics report', ctx, { period })) as string;
    // As the economics page writes it (web/src/features/promises/figures-agree.test.ts).
    const money = `1${NBSP}234,56${NBSP}₽`;
    expect(report).toContain(money);
    expect(report).not.toContain('1 234.56');
  });
});

describe('a budget used up exactly', () => {
  it('the board says the allowed misses are used up, not "only 0 % remain"', async () => {
    const segment = await admin.post(`/api/v1/orgs/${a.slug}/segments`, { name: 'Владельцы домов', kind: 'customer' });
    const created = await admin.post(`/api/v1/orgs/${a.slug}/promises`, {
      promiseeSegmentId: segment.json().id,
      title: 'Смета за три дня',
      statement: 'Присылаем смету в течение трёх дней.',
      kind: 'client',
      promiserTeamId: a.team.id,
      override: { reason: 'An admin acts for the team in this test' },
      metric: { kind: 'ratio' },
      target: 0.95,
      window: { kind: 'rolling', days: 30 },
      ...backing,
    });
    const id = created.json().id;
    expect(
      (
        await admin.post(`/api/v1/orgs/${a.slug}/promises/${id}/publish`, {
          override: { reason: 'An admin acts for the team in this test' },
        })
      ).statusCode,
    ).toBe(200);
    // 19 good of 20 at 95 %: attainment equals the target, the budget is consumed exactly.
    const now = Date.now();
    const events = Array.from({ length: 20 }, (_, i) => ({
      externalId: `estimate-${i}`,
      occurredAt: new Date(now - (i + 1) * 6 * 3_600_000).toISOString(),
      good: i !== 19, // the miss is five days old: no alert window (at most 3 days) sees it
    }));
    await admin.post(`/api/v1/orgs/${a.slug}/promises/${id}/events`, { events });
    const status = (await admin.get(`/api/v1/orgs/${a.slug}/promises/${id}/status`)).json();
    expect(status).toMatchObject({ status: 'at_risk', budgetRemaining: 0 });
    forgetBoards();
    const board = (await t.app.inject({ method: 'GET', url: `/c/${a.slug}/promises?lang=ru` })).body;
    const card = board.slice(board.indexOf(`id="p-${id}"`));
    const notice = /<p class="notice" role="status">([^<]*)<\/p>/.exec(card)?.[1] ?? '';
    expect(notice).toContain('допустимые невыполненные случаи исчерпаны');
    expect(notice).not.toMatch(/0\s%/);
  });
});
