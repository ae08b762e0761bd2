/**
 * Steps 1–3 through the API: segments, pains ranked by priority, fit, value map links, the strategy
 * canvas with its derived ERRC grid, the SVG, and CSV import — with the figures the issue fixes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwoOrgs } from './fixtures.js';
import { type Agent, createTestApp, errorOf, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let a: Agent;
let b: Agent;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const B = () => `/api/v1/orgs/${orgs.b.slug}`;

async function created(res: Awaited<ReturnType<Agent['post']>>): Promise<{ id: string } & Record<string, unknown>> {
  expect(res.statusCode, show(res)).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  a = t.withToken(orgs.a.token.secret);
  b = t.withToken(orgs.b.token.secret);
});
afterAll(() => t.close());

describe('segments, pains and fit', () => {
  let segmentId: string;
  const pains: Record<string, string> = {};

  beforeAll(async () => {
    segmentId = (await created(await a.post(`${A()}/segments`, { name: 'First-time builders', kind: 'customer', sizeEstimate: 1200 }))).id;
    for (const [key, severity, frequency] of [
      ['five', 5, 2],
      ['three', 3, 5],
      ['two', 2, 1],
    ] as const) {
      pains[key] = (await created(await a.post(`${A()}/segments/${segmentId}/pains`, { text: `pain ${key}`, severity, frequency }))).id;
    }
  });

  it('shows "no pains" as fit 0 with hasPains false, not 100%', async () => {
    const empty = await created(await a.post(`${A()}/segments`, { name: 'Empty', kind: 'citizen' }));
    const fit = (await a.get(`${A()}/segments/${empty.id}/fit`)).json();
    expect(fit).toMatchObject({ fit: 0, hasPains: false, totalSeverity: 0, unanswered: [] });
  });

  it('lists pains by priority = severity × frequency', async () => {
    const res = await a.get(`${A()}/segments/${segmentId}/pains`);
    expect(res.json().items.map((p: { text: string; priority: number }) => [p.text, p.priority])).toEqual([
      ['pain three', 15],
      ['pain five', 10],
      ['pain two', 2],
    ]);
  });

  it('computes fit 0.7 when the severity-5 and severity-2 pains are answered by relievers', async () => {
    await created(
      await a.post(`${A()}/segments/${segmentId}/value-items`, { kind: 'reliever', name: 'Fixed estimate', targetIds: [pains.five] }),
    );
    await created(
      await a.post(`${A()}/segments/${segmentId}/value-items`, {
        kind: 'reliever',
        name: 'Photo report',
        targetIds: [pains.two, pains.five],
      }),
    );
    const fit = (await a.get(`${A()}/segments/${segmentId}/fit`)).json();
    expect(fit.fit).toBeCloseTo(0.7, 10);
    expect(fit.unanswered.map((p: { id: string }) => p.id)).toEqual([pains.three]);
    const workspace = (await a.get(`${A()}/segments/${segmentId}/workspace`)).json();
    expect(workspace.fit.fit).toBeCloseTo(0.7, 10);
    expect(workspace.pains.find((p: { id: string }) => p.id === pains.five).answeredBy).toHaveLength(2);
  });

  it('retiring an answered pain takes it out of the ratio', async () => {
    expect((await a.patch(`${A()}/pains/${pains.two}`, { status: 'retired' })).statusCode).toBe(200);
    expect((await a.get(`${A()}/segments/${segmentId}/fit`)).json().fit).toBeCloseTo(5 / 8, 10);
    await a.patch(`${A()}/pains/${pains.two}`, { status: 'open' });
  });

  it('refuses a link to an unknown pain, naming the field', async () => {
    const res = await a.post(`${A()}/segments/${segmentId}/value-items`, {
      kind: 'reliever',
      name: 'x',
      targetIds: [pains.three, 'no-such-pain'],
    });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields[0]?.path).toBe('targetIds.1');
  });

  it('refuses a link to a pain of another organization, naming the field, and changes nothing', async () => {
    const bSegment = await created(await b.post(`${B()}/segments`, { name: 'B segment', kind: 'customer' }));
    const bPain = await created(await b.post(`${B()}/segments/${bSegment.id}/pains`, { text: 'B pain', severity: 4, frequency: 4 }));
    const res = await a.post(`${A()}/segments/${segmentId}/value-items`, { kind: 'reliever', name: 'cross', targetIds: [bPain.id] });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields[0]?.path).toBe('targetIds.0');
    const items = (await a.get(`${A()}/segments/${segmentId}/value-items`)).json().items;
    expect(items.map((i: { name: string }) => i.name)).not.toContain('cross');
    // And B's pain cannot be read or changed through A's organization.
    expect((await a.patch(`${A()}/pains/${bPain.id}`, { severity: 1 })).statusCode).toBe(404);
  });

  it('refuses severity 6 and a product linked to pains, naming the field', async () => {
    const bad = await a.post(`${A()}/segments/${segmentId}/pains`, { text: 'x', severity: 6, frequency: 1 });
    expect(bad.statusCode).toBe(422);
    expect(errorOf(bad).fields[0]?.path).toBe('severity');
    const product = await a.post(`${A()}/segments/${segmentId}/value-items`, { kind: 'product', name: 'House', targetIds: [pains.five] });
    expect(errorOf(product).fields[0]?.path).toBe('targetIds');
  });

  it('counts evidence per pain', async () => {
    await created(
      await a.post(`${A()}/evidence`, {
        subjectType: 'pain',
        subjectId: pains.three,
        kind: 'interview',
        text: 'said so',
        source: 'visit',
        date: '2026-09-12',
      }),
    );
    await created(
      await a.post(`${A()}/evidence`, { subjectType: 'pain', subjectId: pains.three, kind: 'metric', text: '7 of 19', date: '2026-10-01' }),
    );
    const pain = (await a.get(`${A()}/segments/${segmentId}/pains`)).json().items.find((p: { id: string }) => p.id === pains.three);
    expect(pain.evidenceCount).toBe(2);
    const bad = await a.post(`${A()}/evidence`, {
      subjectType: 'pain',
      subjectId: pains.three,
      kind: 'rumour',
      text: 'x',
      date: '2024-02-31',
    });
    expect(
      errorOf(bad)
        .fields.map((f) => f.path)
        .sort(),
    ).toEqual(['date', 'kind']);
  });
});

describe('strategy canvas', () => {
  let segmentId: string;
  let canvasId: string;
  const canvas = {
    name: 'Us vs. them',
    competitors: [{ name: 'Usual builder' }],
    factors: [
      { name: 'Hidden extras', current: 6, target: 0, competitorLevels: [7] },
      { name: 'Paperwork', current: 8, target: 4, competitorLevels: [8] },
      { name: 'Progress reports', current: 3, target: 9, competitorLevels: [3] },
      { name: 'House passport', current: 0, target: 9, competitorLevels: [0] },
      { name: 'Price', current: 6, target: 6, competitorLevels: [5] },
    ],
  };

  beforeAll(async () => {
    segmentId = (await created(await a.post(`${A()}/segments`, { name: 'Canvas segment', kind: 'customer' }))).id;
    canvasId = (await created(await a.post(`${A()}/canvases`, { segmentId, name: 'Us vs. them' }))).id;
  });

  it('derives eliminate, reduce, raise, create and unchanged from the curves', async () => {
    const res = await a.request({ method: 'PUT', url: `${A()}/canvases/${canvasId}`, body: canvas });
    expect(res.statusCode, show(res)).toBe(200);
    const saved = res.json();
    expect(saved.factors.map((f: { name: string; action: string }) => [f.name, f.action])).toEqual([
      ['Hidden extras', 'eliminate'],
      ['Paperwork', 'reduce'],
      ['Progress reports', 'raise'],
      ['House passport', 'create'],
      ['Price', 'unchanged'],
    ]);
    const byName = (id: string) => saved.factors.find((f: { id: string }) => f.id === id).name;
    expect(saved.errc.create.map(byName)).toEqual(['House passport']);
  });

  it('keeps factor ids across saves and reorders', async () => {
    const before = (await a.get(`${A()}/canvases/${canvasId}`)).json();
    const reversed = [...before.factors]
      .reverse()
      .map((f: { id: string; name: string; current: number; target: number; competitorLevels: number[] }) => ({
        id: f.id,
        name: f.name,
        current: f.current,
        target: f.target,
        competitorLevels: f.competitorLevels,
      }));
    const res = await a.request({
      method: 'PUT',
      url: `${A()}/canvases/${canvasId}`,
      body: { ...canvas, competitors: before.competitors, factors: reversed },
    });
    expect(res.json().factors.map((f: { id: string }) => f.id)).toEqual(reversed.map((f) => f.id));
  });

  it.each([
    ['level 11', { current: 11 }, 'factors.0.current'],
    ['level −1', { target: -1 }, 'factors.0.target'],
    ['missing competitor level', { competitorLevels: [] }, 'factors.0.competitorLevels'],
  ])('refuses %s naming the field, and keeps the saved canvas', async (_name, change, path) => {
    const before = (await a.get(`${A()}/canvases/${canvasId}`)).json();
    const body = { ...canvas, factors: [{ ...canvas.factors[0], ...change }, ...canvas.factors.slice(1)] };
    const res = await a.request({ method: 'PUT', url: `${A()}/canvases/${canvasId}`, body });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields.map((f) => f.path)).toContain(path);
    expect((await a.get(`${A()}/canvases/${canvasId}`)).json()).toEqual(before);
  });

  it('lists canvases with their segment and factor count, filtered by segment', async () => {
    const list = (await a.get(`${A()}/canvases?segmentId=${segmentId}`)).json();
    expect(list.items).toEqual([expect.objectContaining({ id: canvasId, segmentId, segmentName: 'Canvas segment', factorCount: 5 })]);
  });

  it('refuses a canvas for a segment of another organization', async () => {
    const bSegment = (await b.get(`${B()}/segments`)).json().items[0];
    const res = await a.post(`${A()}/canvases`, { segmentId: bSegment.id, name: 'stolen' });
    expect(errorOf(res).fields[0]?.path).toBe('segmentId');
  });

  it('renders an SVG with the factor names and localized legend', async () => {
    const en = await a.get(`${A()}/canvases/${canvasId}.svg?lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(en.body).toContain('<svg');
    expect(en.body).toContain('House passport');
    expect(en.body).toContain('Target offer');
    const ru = await a.get(`${A()}/canvases/${canvasId}.svg?lang=ru`);
    expect(ru.body).toContain('Целевое предложение');
    expect((await b.get(`${B()}/canvases/${canvasId}.svg`)).statusCode).toBe(404);
  });
});

describe('CSV import', () => {
  let segmentId: string;
  beforeAll(async () => {
    segmentId = (await created(await a.post(`${A()}/segments`, { name: 'Survey segment', kind: 'customer' }))).id;
  });

  it('imports nothing when any row is invalid and names each row and column', async () => {
    const csv = 'type,text,severity,frequency,importance\npain,Ok pain,5,4,\nneed,Ok need,,,3\npain,Bad pain,9,1,\nwish,?,1,1,\n';
    const res = await a.post(`${A()}/segments/${segmentId}/import`, { csv });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields.map((f) => f.path)).toEqual(['row 4.severity', 'row 5.type']);
    expect((await a.get(`${A()}/segments/${segmentId}/pains`)).json().items).toEqual([]);
  });

  it('imports a Russian survey export with semicolons and quoted text', async () => {
    const csv = 'тип;текст;серьёзность;частота;важность;где\nболь;"Долго ждать; очень";5;4;;офис\nпотребность;Понять сроки;;;4;\n';
    const res = await a.post(`${A()}/segments/${segmentId}/import`, { csv });
    expect(res.json()).toEqual({ imported: true, needs: 1, pains: 1 });
    const pain = (await a.get(`${A()}/segments/${segmentId}/pains`)).json().items[0];
    expect(pain).toMatchObject({
      text: 'Долго ждать; очень',
      severity: 5,
      frequency: 4,
      priority: 20,
      contextWhere: 'офис',
      evidenceCount: 0,
    });
  });
});

describe('deleting a segment', () => {
  it('removes its needs, pains, evidence, value map and canvases, and leaves other segments alone', async () => {
    const keep = await created(await a.post(`${A()}/segments`, { name: 'Keep me', kind: 'partner' }));
    const keepPain = await created(await a.post(`${A()}/segments/${keep.id}/pains`, { text: 'kept', severity: 2, frequency: 2 }));
    const gone = await created(await a.post(`${A()}/segments`, { name: 'Delete me', kind: 'customer' }));
    const pain = await created(await a.post(`${A()}/segments/${gone.id}/pains`, { text: 'x', severity: 3, frequency: 3 }));
    await created(
      await a.post(`${A()}/evidence`, { subjectType: 'pain', subjectId: pain.id, kind: 'observation', text: 'seen', date: '2026-11-01' }),
    );
    await created(await a.post(`${A()}/segments/${gone.id}/value-items`, { kind: 'reliever', name: 'r', targetIds: [pain.id] }));
    const canvas = await created(await a.post(`${A()}/canvases`, { segmentId: gone.id, name: 'c' }));
    expect((await a.delete(`${A()}/segments/${gone.id}`)).statusCode).toBe(204);
    expect((await a.get(`${A()}/segments/${gone.id}`)).statusCode).toBe(404);
    expect((await a.get(`${A()}/canvases/${canvas.id}`)).statusCode).toBe(404);
    expect((await a.get(`${A()}/evidence?subjectId=${pain.id}`)).json().items).toEqual([]);
    for (const table of ['pains', 'value_items', 'value_links', 'canvases', 'evidence'] as const) {
      const rows = await t.db.selectFrom(table).selectAll().where('org_id', '=', orgs.a.id).execute();
      expect(JSON.stringify(rows)).not.toContain(gone.id);
    }
    expect((await a.get(`${A()}/segments/${keep.id}/pains`)).json().items.map((p: { id: string }) => p.id)).toEqual([keepPain.id]);
  });
});

describe('canvas SVG caching', () => {
  it('answers 304 to the ETag of an unchanged canvas and a new ETag after a change', async () => {
    const segment = await created(await a.post(`${A()}/segments`, { name: 'Etag segment', kind: 'customer' }));
    const canvas = await created(await a.post(`${A()}/canvases`, { segmentId: segment.id, name: 'Etag' }));
    const first = await a.get(`${A()}/canvases/${canvas.id}.svg`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await a.request({ method: 'GET', url: `${A()}/canvases/${canvas.id}.svg`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    const body = { name: 'Etag', competitors: [], factors: [{ name: 'Speed', current: 2, target: 5, competitorLevels: [] }] };
    await a.request({ method: 'PUT', url: `${A()}/canvases/${canvas.id}`, body });
    const changed = await a.request({ method: 'GET', url: `${A()}/canvases/${canvas.id}.svg`, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('Speed');
    expect(changed.headers.etag).not.toBe(etag);
  });
});

describe('hardening found in review', () => {
  let segmentId: string;
  beforeAll(async () => {
    segmentId = (await created(await a.post(`${A()}/segments`, { name: 'Hardening', kind: 'customer' }))).id;
  });

  it('refuses "constructor" and "__proto__" as row types instead of dropping the rows silently', async () => {
    const csv = 'type,text,severity,frequency\nconstructor,ghost,5,1\n__proto__,ghost,5,1\npain,real,3,1\n';
    const res = await a.post(`${A()}/segments/${segmentId}/import`, { csv });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields.map((f) => f.path)).toEqual(['row 2.type', 'row 3.type']);
    expect((await a.get(`${A()}/segments/${segmentId}/pains`)).json().items).toEqual([]);
  });

  it('names the line of the file (blank lines count) and the column as the header spells it', async () => {
    const csv = 'Тип;Текст;Серьёзность;Частота\nболь;a;5;1\n\nболь;b;9;1\n';
    const res = await a.post(`${A()}/segments/${segmentId}/import`, { csv });
    expect(errorOf(res).fields).toEqual([
      { path: 'row 4.Серьёзность', code: 'out_of_range', params: { minimum: 1, maximum: 5 }, message: 'must be 1–5' },
    ]);
  });

  it('pages a re-ranked list from the last row seen and refuses a forged offset', async () => {
    for (const [text, severity] of [
      ['p1', 5],
      ['p2', 4],
      ['p3', 3],
    ] as const) {
      await created(await a.post(`${A()}/segments/${segmentId}/pains`, { text, severity, frequency: 1 }));
    }
    const first = (await a.get(`${A()}/segments/${segmentId}/pains?limit=2`)).json();
    expect(first.items.map((p: { text: string }) => p.text)).toEqual(['p1', 'p2']);
    // A new top pain arrives between the pages: the second page still starts after p2.
    await created(await a.post(`${A()}/segments/${segmentId}/pains`, { text: 'p0', severity: 5, frequency: 5 }));
    const second = (await a.get(`${A()}/segments/${segmentId}/pains?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((p: { text: string }) => p.text)).toEqual(['p3']);
    const forged = Buffer.from(JSON.stringify([-3, 'x'])).toString('base64url');
    const res = await a.get(`${A()}/segments/${segmentId}/pains?limit=2&cursor=${forged}`);
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields[0]?.path).toBe('cursor');
  });

  it('refuses half of a UTF-16 surrogate pair, which the two databases would store differently', async () => {
    const res = await a.post(`${A()}/segments`, { name: 'lone \ud800 half', kind: 'customer' });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields[0]?.path).toBe('name');
    expect((await a.post(`${A()}/segments`, { name: 'emoji 🏠 whole', kind: 'customer' })).statusCode).toBe(201);
  });

  it('refuses a factor id given twice, naming it', async () => {
    const canvas = await created(await a.post(`${A()}/canvases`, { segmentId, name: 'Twice' }));
    const saved = (
      await a.request({
        method: 'PUT',
        url: `${A()}/canvases/${canvas.id}`,
        body: { name: 'Twice', competitors: [], factors: [{ name: 'A', current: 1, target: 2, competitorLevels: [] }] },
      })
    ).json();
    const factor = saved.factors[0];
    const body = {
      name: 'Twice',
      competitors: [],
      factors: [
        { id: factor.id, name: 'A', current: 1, target: 2, competitorLevels: [] },
        { id: factor.id, name: 'B', current: 1, target: 2, competitorLevels: [] },
      ],
    };
    const res = await a.request({ method: 'PUT', url: `${A()}/canvases/${canvas.id}`, body });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).fields[0]?.path).toBe('factors.1.id');
  });

  it('serves concurrent saves of one canvas without a 500, and the last saved state is whole', async () => {
    const canvas = await created(await a.post(`${A()}/canvases`, { segmentId, name: 'Busy' }));
    const body = (n: number) => ({
      name: 'Busy',
      competitors: [{ name: 'Rival' }],
      factors: [
        { name: 'Speed', current: n % 11, target: 5, competitorLevels: [3] },
        { name: 'Price', current: 4, target: 4, competitorLevels: [6] },
      ],
    });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, n) => a.request({ method: 'PUT', url: `${A()}/canvases/${canvas.id}`, body: body(n) })),
    );
    for (const res of answers) expect([200, 409], show(res)).toContain(res.statusCode);
    const final = (await a.get(`${A()}/canvases/${canvas.id}`)).json();
    expect(final.factors.map((f: { name: string }) => f.name)).toEqual(['Speed', 'Price']);
    expect(final.competitors).toHaveLength(1);
    expect(final.factors.every((f: { competitorLevels: number[] }) => f.competitorLevels.length === 1)).toBe(true);
  });
});
