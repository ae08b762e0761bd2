/**
 * The public promise board: anyone sees an organization's published client promises —
 * never drafts, internal or retired ones — with the figures the status endpoint computes, as HTML
 * without script and as JSON, cached with an ETag; a signed-in client sees the redress owed to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windowAt } from '../src/core/promises/window.js';
import { createSegment } from '../src/modules/discovery/segment.service.js';
import { ZCreateGrant } from '../src/modules/governance/governance.schema.js';
import { createRight, grantRight } from '../src/modules/governance/rights.service.js';
import { createCapability } from '../src/modules/governance/structure.service.js';
import { CLIENT_COOKIE } from '../src/modules/portal/portal.routes.js';
import { forgetBoards, type TBoard, type TBoardPromise } from '../src/modules/promises/board.service.js';
import { ingestEvents } from '../src/modules/promises/ingest.service.js';
import type { TCreatePromise, TEventInput } from '../src/modules/promises/promise.schema.js';
import { createPromise, createVersion, publishPromise, retirePromise } from '../src/modules/promises/promise.service.js';
import { promiseStatus } from '../src/modules/promises/status.service.js';
import { createTeam } from '../src/modules/teams/team.service.js';
import { orgContext, type TwoOrgs, unique } from './fixtures.js';
import { createTestApp, errorOf, type SignedInAgent, show, type TestApp } from './harness.js';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
const made = {} as Record<'broken' | 'atRisk' | 'kept' | 'noData' | 'draft' | 'internal' | 'retired', string>;
let owners: { id: string; name: string };
let tenants: { id: string; name: string };
/** What the team's client promises declare they are kept with: its capability and a right granted to it. */
let backing: Pick<TCreatePromise, 'requiredCapabilityIds' | 'requiredRightIds'>;
const actor = () => ({ type: 'user' as const, id: orgs.a.users.admin.id, label: orgs.a.users.admin.email });
const ctxA = async () => ({ ...(await orgContext(t.db, orgs.a.slug, actor())), role: 'admin' as const });

/** Ratio events: `count` spread evenly over [from, to), the first `bad` of them bad. */
function ratioEvents(tag: string, from: number, to: number, count: number, bad = 0, clientId?: string): TEventInput[] {
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${tag}-${i}`,
    occurredAt: new Date(from + Math.floor(((to - from) * (i + 0.5)) / count)).toISOString(),
    good: i >= bad,
    ...(clientId && i < bad ? { clientId } : {}),
  }));
}

async function makePromise(input: Partial<TCreatePromise> & { title: string }) {
  const ctx = await ctxA();
  return createPromise(ctx, {
    statement: `${input.title}: the plain words`,
    kind: 'client',
    promiserTeamId: orgs.a.team.id,
    override: { reason: 'An admin acts for the team in this test' },
    promiseeSegmentId: owners.id,
    metric: { kind: 'ratio' },
    target: 0.9,
    window: { kind: 'rolling', days: 30 },
    ...backing,
    painIds: [],
    redress: null,
    ...input,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  // Organization A speaks Russian and counts roubles, so the board is Russian unless asked otherwise.
  const patched = await admin.patch(`/api/v1/orgs/${orgs.a.slug}`, { locale: 'ru', currency: 'RUB', timeZone: 'Europe/Moscow' });
  expect(patched.statusCode, show(patched)).toBe(200);
  const ctx = await ctxA();
  owners = await createSegment(ctx, { name: 'Владельцы квартир', description: '', sizeEstimate: null, kind: 'customer' });
  tenants = await createSegment(ctx, { name: 'Арендаторы', description: '', sizeEstimate: null, kind: 'customer' });
  const crews = await createTeam(ctx, { name: `Crews ${unique()}`, kind: 'autonomous', purpose: '' });
  const capability = await createCapability(ctx, orgs.a.team.id, {
    name: 'Аварийная бригада',
    description: '',
    capacity: { value: 2, unit: 'бригады' },
    evidence: '',
  });
  const right = await createRight(ctx, { name: 'Решать гарантийные случаи', description: '' });
  await grantRight(ctx, ZCreateGrant.parse({ rightId: right.id, holderType: 'team', holderId: orgs.a.team.id, onBehalfOf: 'council' }));
  backing = { requiredCapabilityIds: [capability.id], requiredRightIds: [right.id] };
  const now = Date.now();

  const broken = await makePromise({
    title: 'Answer within a day',
    redress: { kind: 'compensation', amount: 50_000, text: 'We pay back the call-out fee' },
  });
  await publishPromise(ctx, broken.id, { override: { reason: 'An admin acts for the team in this test' } });
  await createVersion(ctx, broken.id, {
    reason: 'Fewer exceptions after the new rota',
    target: 0.95,
    override: { reason: 'An admin acts for the team in this test' },
  });
  // The window before: all good; this window: 20 of 100 bad, one of them the fixture client's.
  await ingestEvents(ctx, broken.id, ratioEvents('past', now - 58 * DAY, now - 32 * DAY, 40));
  await ingestEvents(ctx, broken.id, ratioEvents('now', now - 28 * DAY, now - 2 * HOUR, 100, 20));
  await ingestEvents(ctx, broken.id, [
    { externalId: 'client-bad', occurredAt: new Date(now - 3 * HOUR).toISOString(), good: false, clientId: orgs.a.client.id },
  ]);
  made.broken = broken.id;

  // Well kept over the month, but a burst of misses in the last twenty minutes fires an alert.
  const atRisk = await makePromise({ title: 'Crews arrive on time', target: 0.9 });
  await publishPromise(ctx, atRisk.id, { override: { reason: 'An admin acts for the team in this test' } });
  await ingestEvents(ctx, atRisk.id, ratioEvents('calm', now - 29 * DAY, now - HOUR, 1000));
  await ingestEvents(ctx, atRisk.id, ratioEvents('burst', now - 20 * 60_000, now - 60_000, 30, 30));
  made.atRisk = atRisk.id;

  const kept = await makePromise({
    title: 'Warranty answers in 24 hours',
    promiseeSegmentId: tenants.id,
    metric: { kind: 'threshold', op: '<=', threshold: 24, unit: 'hours' },
    target: 0.95,
    window: { kind: 'calendar', period: 'quarter' },
  });
  await publishPromise(ctx, kept.id, { override: { reason: 'An admin acts for the team in this test' } });
  await ingestEvents(
    ctx,
    kept.id,
    Array.from({ length: 40 }, (_, i) => ({
      externalId: `k${i}`,
      occurredAt: new Date(now - 2 * HOUR - i * 60_000).toISOString(),
      value: 10,
    })),
  );
  // And five in the quarter before, for the sparkline's previous calendar period.
  const quarterStart = windowAt({ kind: 'calendar', period: 'quarter' }, now, 'Europe/Moscow').from;
  await ingestEvents(
    ctx,
    kept.id,
    Array.from({ length: 5 }, (_, i) => ({
      externalId: `q${i}`,
      occurredAt: new Date(quarterStart - (5 + i) * DAY).toISOString(),
      value: 30 - i * 5,
    })),
  );
  made.kept = kept.id;

  const noData = await makePromise({ title: 'Keys handed over on the day' });
  await publishPromise(ctx, noData.id, { override: { reason: 'An admin acts for the team in this test' } });
  made.noData = noData.id;

  made.draft = (await makePromise({ title: 'A draft nobody may see' })).id;
  const internal = await makePromise({
    title: 'Crews report to the warranty team',
    kind: 'internal',
    promiseeSegmentId: undefined,
    promiseeTeamId: crews.id,
    requiredCapabilityIds: [],
    requiredRightIds: [],
  });
  await publishPromise(ctx, internal.id, { override: { reason: 'An admin acts for the team in this test' } });
  made.internal = internal.id;
  const retired = await makePromise({ title: 'A retired promise' });
  await publishPromise(ctx, retired.id, { override: { reason: 'An admin acts for the team in this test' } });
  await ingestEvents(ctx, retired.id, ratioEvents('old', now - 10 * DAY, now - DAY, 10, 5));
  await retirePromise(ctx, retired.id, 'replaced', { reason: 'An admin acts for the team in this test' });
  made.retired = retired.id;
  forgetBoards();
});

afterAll(async () => {
  await t?.close();
});

function get(url: string, headers: Record<string, string> = {}, cookies: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers, cookies });
}

async function boardJson(query = ''): Promise<TBoard> {
  const res = await get(`/api/v1/public/orgs/${orgs.a.slug}/promises${query}`);
  expect(res.statusCode, show(res)).toBe(200);
  return res.json();
}

describe('public promise board', () => {
  it('pages like every list: worst first, a cursor to the rest, each page with its own ETag', async () => {
    const whole = await boardJson();
    expect((whole as TBoard & { nextCursor: string | null }).nextCursor).toBeNull();
    const walked: string[] = [];
    const etags = new Set<string>();
    let cursor: string | null = null;
    do {
      const res = await get(`/api/v1/public/orgs/${orgs.a.slug}/promises?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, show(res)).toBe(200);
      etags.add(String(res.headers.etag));
      const page = res.json() as TBoard & { nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(1);
      expect(page.segments).toEqual(whole.segments);
      walked.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(whole.items.map((p) => p.id));
    expect(etags.size).toBe(walked.length);
    const bad = await get(`/api/v1/public/orgs/${orgs.a.slug}/promises?cursor=garbage`);
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).fields.map((f) => f.path)).toEqual(['cursor']);
  });

  it('shows only the published client promises, worst first, in JSON and HTML, to anyone', async () => {
    const board = await boardJson();
    expect(board.items.map((p) => p.id)).toEqual([made.broken, made.atRisk, made.noData, made.kept]);
    expect(board.items.map((p) => p.status)).toEqual(['broken', 'at_risk', 'no_data', 'kept']);
    expect(board.segments.map((s) => s.name).sort()).toEqual(['Арендаторы', 'Владельцы квартир']);

    const page = await get(`/c/${orgs.a.slug}/promises`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    for (const title of ['Answer within a day', 'Crews arrive on time', 'Warranty answers in 24 hours', 'Keys handed over on the day'])
      expect(page.body).toContain(title);
    for (const hidden of ['A draft nobody may see', 'Crews report to the warranty team', 'A retired promise']) {
      expect(page.body).not.toContain(hidden);
      expect(JSON.stringify(board)).not.toContain(hidden);
    }
    expect((await get(`/c/${orgs.a.slug}/promises/${made.draft}`)).statusCode).toBe(404);
    expect((await get(`/c/${orgs.a.slug}/promises/${made.internal}`)).statusCode).toBe(404);
    expect((await get(`/c/${orgs.a.slug}/promises/${made.retired}`)).statusCode).toBe(404);
  });

  it('gives the attainment and status promiseStatus computes, and the last windows for the sparkline', async () => {
    const board = await boardJson();
    const ctx = await ctxA();
    for (const item of board.items) {
      const status = await promiseStatus(ctx, item.id, Date.now());
      expect(item, item.title).toMatchObject({
        attainment: status.attainment,
        good: status.good,
        total: status.total,
        target: status.target,
        status: status.status,
        alertFiring: status.alerts.some((a) => a.firing),
        unbacked: status.unbacked,
        version: status.version,
      });
      expect(item.sparkline).toHaveLength(8);
      expect(item.sparkline[7]).toBe(status.attainment);
    }
    const broken = board.items.find((p) => p.id === made.broken) as TBoardPromise;
    // 20 of 100 bad plus the client's one: 80/101, under the 95% of version 2.
    expect(broken).toMatchObject({ good: 80, total: 101, target: 0.95, version: 2, status: 'broken' });
    expect(broken.sparkline).toEqual([null, null, null, null, null, null, 1, 80 / 101]);
    expect(broken.versions.map((v) => [v.version, v.reason, v.target])).toEqual([
      [1, '', 0.9],
      [2, 'Fewer exceptions after the new rota', 0.95],
    ]);
    expect(broken.team.name).toBe(orgs.a.team.name);
    expect(broken.segment).toEqual({ id: owners.id, name: 'Владельцы квартир' });
    expect(broken.redress).toEqual({ kind: 'compensation', amount: 50_000, text: 'We pay back the call-out fee' });
    const atRisk = board.items.find((p) => p.id === made.atRisk) as TBoardPromise;
    expect(atRisk.alertFiring).toBe(true);
    expect(atRisk.alerts.length).toBeGreaterThan(0);
    // The quarter before: values 30, 25, 20, 15, 10 hours against "within 24" — three of five kept.
    const kept = board.items.find((p) => p.id === made.kept) as TBoardPromise;
    expect(kept.sparkline).toEqual([null, null, null, null, null, null, 3 / 5, 1]);
    expect(board.items.find((p) => p.id === made.noData)).toMatchObject({ attainment: null, total: 0, sparkline: Array(8).fill(null) });
  });

  it('writes each promise in plain words: percentages, status in words, team, segment, version link, notices', async () => {
    const page = (await get(`/c/${orgs.a.slug}/promises`)).body;
    expect(page).toContain('<html lang="ru"');
    expect(page).toContain('Нарушено');
    expect(page).toContain('Под угрозой: за');
    expect(page).toContain('Пока нет данных');
    expect(page).toContain('Выполняется');
    // Target 95%, attainment 80/101 = 79.2% rounded down to one decimal more than the target has.
    expect(page).toMatch(/95\s?%/);
    expect(page).toMatch(/79,2\s?%/);
    expect(page).toContain(orgs.a.team.name);
    expect(page).toContain(`href="/c/${orgs.a.slug}/promises/${made.broken}#versions">версия 2</a>`);
    expect(page).toMatch(/Компенсация 500\s?₽/);
    expect(page).toContain('<svg role="img"');
    expect(page).not.toMatch(/<script/i);

    const detail = await get(`/c/${orgs.a.slug}/promises/${made.broken}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('История условий');
    expect(detail.body).toContain('Fewer exceptions after the new rota');
    expect(detail.body).toContain('Первые опубликованные условия.');
    expect(detail.body).not.toMatch(/<script/i);
  });

  it('switches to English with ?lang=en, keeping the language in its links', async () => {
    const page = (await get(`/c/${orgs.a.slug}/promises?lang=en`)).body;
    expect(page).toContain('<html lang="en"');
    expect(page).toContain('Our promises to clients');
    expect(page).toContain('Broken');
    expect(page).toContain('At risk: in the last');
    expect(page).toContain(`href="/c/${orgs.a.slug}/promises/${made.broken}?lang=en#versions">version 2</a>`);
    // The language link names its language, so a portal cookie for English does not send the client back.
    expect(page).toContain(`href="/c/${orgs.a.slug}/promises?lang=ru" lang="ru"`);
    const detail = (await get(`/c/${orgs.a.slug}/promises/${made.broken}?lang=en`)).body;
    expect(detail).toContain('History of the terms');
    expect(detail).toContain('First published terms.');
  });

  it('filters by segment, as links on the page and as ?segment in JSON', async () => {
    const board = await boardJson(`?segment=${tenants.id}`);
    expect(board.segment).toBe(tenants.id);
    expect(board.items.map((p) => p.id)).toEqual([made.kept]);
    const page = (await get(`/c/${orgs.a.slug}/promises?segment=${tenants.id}`)).body;
    expect(page).toContain('Warranty answers in 24 hours');
    expect(page).not.toContain('Answer within a day');
    expect(page).toContain(`href="/c/${orgs.a.slug}/promises?segment=${tenants.id}" aria-current="page"`);
    expect(page).toContain(`href="/c/${orgs.a.slug}/promises?segment=${owners.id}"`);
    expect((await boardJson('?segment=no-such-segment')).items).toEqual([]);
  });

  it('sends an ETag and a short public max-age, and answers 304 when it still matches', async () => {
    for (const url of [
      `/api/v1/public/orgs/${orgs.a.slug}/promises`,
      `/c/${orgs.a.slug}/promises`,
      `/c/${orgs.a.slug}/promises?lang=en`,
      `/c/${orgs.a.slug}/promises/${made.kept}`,
    ]) {
      const first = await get(url);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=30');
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      expect((await get(url, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
      expect((await get(url, { 'if-none-match': '"stale"' })).statusCode).toBe(200);
    }
    const ru = await get(`/c/${orgs.a.slug}/promises`);
    const en = await get(`/c/${orgs.a.slug}/promises?lang=en`);
    expect(ru.headers.etag).not.toBe(en.headers.etag);
    // The page is the same for everyone: it sets no cookie a shared cache could hand on.
    expect(en.headers['set-cookie']).toBeUndefined();
  });

  it('changes its ETag when the figures change', async () => {
    const before = (await get(`/api/v1/public/orgs/${orgs.a.slug}/promises`)).headers.etag;
    await ingestEvents(await ctxA(), made.noData, ratioEvents('first', Date.now() - 3 * HOUR, Date.now() - HOUR, 5));
    forgetBoards();
    const after = await get(`/api/v1/public/orgs/${orgs.a.slug}/promises`, { 'if-none-match': before as string });
    expect(after.statusCode).toBe(200);
    expect(after.json().items.find((p: TBoardPromise) => p.id === made.noData)).toMatchObject({ status: 'kept', total: 5 });
  });

  it('answers 404 for an organization that does not exist, as the portal and the API do', async () => {
    const json = await get('/api/v1/public/orgs/no-such-org/promises');
    expect(json.statusCode).toBe(404);
    expect(errorOf(json).code).toBe('not_found');
    const page = await get('/c/no-such-org/promises', { 'accept-language': 'en' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Not found');
    expect((await get(`/c/no-such-org/promises/${made.kept}`)).statusCode).toBe(404);
  });

  it('shows B’s board only B’s promises', async () => {
    const board = (await get(`/api/v1/public/orgs/${orgs.b.slug}/promises`)).json() as TBoard;
    expect(board.items).toEqual([]);
    expect((await get(`/c/${orgs.b.slug}/promises/${made.broken}`)).statusCode).toBe(404);
  });
});

describe('client portal', () => {
  it('links to the board from the portal home', async () => {
    const home = (await get(`/c/${orgs.a.slug}`)).body;
    expect(home).toContain(`href="/c/${orgs.a.slug}/promises"`);
    expect((await get(`/c/${orgs.a.slug}?lang=en`)).body).toContain(`href="/c/${orgs.a.slug}/promises?lang=en"`);
  });

  it('shows a signed-in client the redress owed to them, in the organization’s money', async () => {
    const invite = await admin.post(`/api/v1/orgs/${orgs.a.slug}/clients/${orgs.a.client.id}/invitations`, { expiresInDays: 1 });
    const token = invite.json().token as string;
    const signIn = await t.app.inject({ method: 'POST', url: `/c/${orgs.a.slug}/invite/${token}` });
    expect(signIn.statusCode).toBe(303);
    const cookie = signIn.cookies.find((c) => c.name === CLIENT_COOKIE)?.value as string;
    const page = (await get(`/c/${orgs.a.slug}?lang=ru`, {}, { [CLIENT_COOKIE]: cookie })).body;
    expect(page).toContain('Что вам положено');
    expect(page).toContain('Answer within a day');
    expect(page).toMatch(/Компенсация<\/strong> · <strong>500\s?₽/);
    expect(page).toContain('We pay back the call-out fee');
    expect(page).toContain('Положено с');

    const owed = (await admin.get(`/api/v1/orgs/${orgs.a.slug}/redress?clientId=${orgs.a.client.id}`)).json().items;
    expect(owed).toHaveLength(1);
    expect((await admin.post(`/api/v1/orgs/${orgs.a.slug}/redress/${owed[0].id}/give`, { note: 'paid' })).statusCode).toBe(200);
    const given = (await get(`/c/${orgs.a.slug}?lang=en`, {}, { [CLIENT_COOKIE]: cookie })).body;
    expect(given).toContain('What you are owed');
    expect(given).toContain('Given on');

    // Another client, and anyone not signed in, sees none of it.
    expect((await get(`/c/${orgs.a.slug}`)).body).not.toContain('We pay back the call-out fee');
  });
});
