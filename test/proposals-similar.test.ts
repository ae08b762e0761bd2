/**
 * Similar proposals before a new one: the staff endpoint ranks the organization's open
 * proposals by similarity to a text (Russian and English), never another organization's; the
 * portal's form shows them after the first submit, with "submit anyway" to make it all the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/access/permissions.js';
import type { OrgContext } from '../src/modules/context.js';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.context.js';
import { createProposal } from '../src/modules/proposals/proposal.service.js';
import { orgContext, type TwoOrgs } from './fixtures.js';
import { createTestApp, errorOf, type SignedInAgent, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let member: SignedInAgent;
let benches: string;
let cookie: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;

async function as(org: 'a' | 'b', role: Role): Promise<OrgContext> {
  const person = orgs[org].users[role];
  return { ...(await orgContext(t.db, orgs[org].slug, { type: 'user', id: person.id, label: person.email }, Date.now())), role };
}

function portalPost(form: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: `/c/${orgs.a.slug}/proposals/new?lang=ru`,
    remoteAddress: '10.91.0.1',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'ru' },
    payload: new URLSearchParams(form).toString(),
    cookies: { [CLIENT_COOKIE]: cookie },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  const ctx = await as('a', 'admin');
  benches = (await createProposal(ctx, { title: 'Поставьте лавки во дворе дома', body: 'Пожилым негде присесть' })).id;
  await createProposal(ctx, { title: 'Уберите мусор во дворе', body: 'Контейнеры переполнены' });
  await createProposal(ctx, { title: 'Open on Saturdays', body: 'Many of us work on weekdays' });
  await createProposal(await as('b', 'admin'), { title: 'Установить лавочки во дворе', body: 'Их лавочки' });
  const signIn = await t.app.inject({ method: 'POST', url: `/c/${orgs.a.slug}/invite/${orgs.a.invitation.token}` });
  cookie = signIn.cookies.find((c) => c.name === CLIENT_COOKIE)?.value as string;
});
afterAll(() => t?.close());

describe('similar proposals', () => {
  it('finds «Поставьте лавки во дворе дома» for «Установить лавочки во дворе», not the rubbish one nor another organization’s', async () => {
    const res = await member.get(`${A()}/proposals/similar?text=${encodeURIComponent('Установить лавочки во дворе')}`);
    expect(res.statusCode, show(res)).toBe(200);
    const body = res.json();
    expect(body.items.map((x: { id: string }) => x.id)).toEqual([benches]);
    expect(body.items[0]).toMatchObject({ title: 'Поставьте лавки во дворе дома', status: 'open', supports: 0 });
    expect(body.items[0].score).toBeGreaterThanOrEqual(0.25);
    expect(body.compared).toBe(3);
  });

  it('in English too', async () => {
    const res = await member.get(`${A()}/proposals/similar?text=${encodeURIComponent('Please open on Saturday mornings')}`);
    expect(res.json().items.map((x: { title: string }) => x.title)).toEqual(['Open on Saturdays']);
  });

  it('pages the similar ones like every list: best first, a cursor to the rest', async () => {
    const ctx = await as('a', 'admin');
    const made = [];
    for (const place of ['у подъезда', 'на детской площадке', 'у остановки'])
      made.push((await createProposal(ctx, { title: `Поставьте лавки ${place}`, body: 'Пожилым негде присесть' })).id);
    const text = encodeURIComponent('Поставьте лавки');
    const whole = (await member.get(`${A()}/proposals/similar?text=${text}&limit=20`)).json();
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.length).toBeGreaterThanOrEqual(4);
    const first = (await member.get(`${A()}/proposals/similar?text=${text}&limit=2`)).json();
    expect(first.items).toEqual(whole.items.slice(0, 2));
    expect(first.nextCursor).not.toBeNull();
    const second = (await member.get(`${A()}/proposals/similar?text=${text}&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toEqual(whole.items.slice(2, 4));
    expect(made.every((id) => whole.items.some((x: { id: string }) => x.id === id))).toBe(true);
    await Promise.all(made.map((id) => t.db.deleteFrom('proposals').where('id', '=', id).execute()));
  });

  it('refuses an empty text naming it', async () => {
    const res = await member.get(`${A()}/proposals/similar?text=`);
    expect([400, 422]).toContain(res.statusCode);
    expect(errorOf(res).fields.map((f) => f.path)).toContain('text');
  });

  it('the portal form shows the similar ones first; "submit anyway" makes the proposal', async () => {
    const form = { title: 'Установить лавочки во дворе', body: 'Чтобы было где посидеть' };
    const first = await portalPost(form);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Похожие предложения уже есть');
    expect(first.body).toContain('Поставьте лавки во дворе дома');
    expect(first.body).toContain(`/c/${orgs.a.slug}/proposals/${benches}`);
    expect(first.body).toContain('name="confirm" value="1"');
    expect(first.body).toContain('Всё равно отправить');
    expect(first.body).toContain('value="Установить лавочки во дворе"');
    const count = async () =>
      (await t.db.selectFrom('proposals').select('id').where('org_id', '=', orgs.a.id).where('title', '=', form.title).execute()).length;
    expect(await count()).toBe(0);

    const anyway = await portalPost({ ...form, confirm: '1' });
    expect(anyway.statusCode).toBe(303);
    expect(await count()).toBe(1);
  });

  it('a proposal like no other goes straight through', async () => {
    const res = await portalPost({ title: 'Почините лифт в подъезде', body: 'Не работает неделю' });
    expect(res.statusCode).toBe(303);
  });
});
