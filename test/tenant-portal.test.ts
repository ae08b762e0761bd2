/**
 * Tenant isolation in the client portal, swept over every page the OpenAPI document lists
 * under `/c/{org}` (PORTAL_PAGES and the portal's own), so a new page joins by construction. A client
 * signed into A's portal is nobody on B's: on every page of B, GET and POST, they get exactly what an
 * anonymous visitor gets — the same answer, no more of B's texts, the same changes to B (a public form
 * such as a survey link takes anyone's answer). On A's pages with B's ids in the path or the form they
 * get a 4xx, see nothing of B and change nothing of B. Nothing answers 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_COOKIE, PORTAL_PAGES } from '../src/modules/portal/portal.routes.js';
import { snapshotOrg, type TwoOrgs } from './fixtures.js';
import { createTestApp, type Response, show, type TestApp } from './harness.js';
import { fillPath, type Page, pagesOf, resourceOf, servedRoutes } from './operations.js';
import { PORTAL_FORMS, PORTAL_QUERIES, type PortalSeed, portalRequest, seedPortal } from './portal-sweep.js';

let t: TestApp;
let orgs: TwoOrgs;
let seedA: PortalSeed;
let seedB: PortalSeed;
let pages: Page[];

// Each visitor posts from an address of its own: the portal's per-address limits stay out of the way.
const A_CLIENT_IP = '198.51.100.10';
const ANONYMOUS_IP = '198.51.100.20';

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  seedA = await seedPortal(t, orgs.a);
  seedB = await seedPortal(t, orgs.b);
  // Signing out last: it is swept like every page, and must not end the sweeping client's session early.
  pages = pagesOf(t.openapi)
    .filter((page) => page.path.startsWith('/c/{org}'))
    .sort((x, y) => Number(x.path.endsWith('/logout')) - Number(y.path.endsWith('/logout')));
});

afterAll(async () => {
  await t?.close();
});

/** What a path parameter of a portal page names: `proposal`, `poll`, `reserve-round`, `promise`, `key`, `invite`. */
const kindOfParam = (page: Page, param: string) => resourceOf(page.path, param) || param;

function urlOf(page: Page, slug: string, params: Record<string, string>, query?: Record<string, string>): string {
  const values = Object.fromEntries(page.pathParams.map((p) => [p, p === 'org' ? slug : (params[kindOfParam(page, p)] ?? '')]));
  return `${fillPath(page.path, values)}${query ? `?${new URLSearchParams(query)}` : ''}`;
}

/** The texts among `texts` a response shows, in its page or where it redirects to. */
function textsIn(res: Response, texts: string[]): string[] {
  return texts.filter((text) => res.body.includes(text) || String(res.headers.location ?? '').includes(text));
}

/** Whether a form holds any of A's ids (a segment, a team, a promise, a project, within `team:<id>`). */
function carriesIds(form: Record<string, string | string[]>): boolean {
  return Object.values(form)
    .flat()
    .some((value) => Object.values(seedA.formIds).some((id) => value.includes(id)));
}

/** Rows added, changed and removed per table between two snapshots, e.g. `feedback +1`. */
function changes(before: Record<string, unknown[]>, after: Record<string, unknown[]>): { summary: string[]; added: string } {
  const summary: string[] = [];
  let added = '';
  for (const table of Object.keys(after)) {
    const key = (row: unknown) => String((row as { id?: unknown }).id ?? JSON.stringify(row));
    const old = new Map((before[table] ?? []).map((row) => [key(row), JSON.stringify(row)]));
    const now = new Map(after[table]!.map((row) => [key(row), JSON.stringify(row)]));
    const plus = [...now.keys()].filter((k) => !old.has(k));
    const changed = [...now.keys()].filter((k) => old.has(k) && old.get(k) !== now.get(k)).length;
    const minus = [...old.keys()].filter((k) => !now.has(k)).length;
    if (plus.length || changed || minus) summary.push(`${table} +${plus.length} ~${changed} -${minus}`);
    added += plus.map((k) => now.get(k)).join('\n');
  }
  return { summary, added };
}

describe('tenant isolation in the client portal', () => {
  it('sweeps every portal page: each documented, each form sampled, each path parameter known', () => {
    const names = pages.map((page) => page.name);
    expect(names.length).toBeGreaterThanOrEqual(25);
    expect(names).toEqual(expect.arrayContaining(PORTAL_PAGES.map((p) => `${p.method} ${p.url.replace(/:(\w+)/g, '{$1}')}`)));
    // A page served but not documented would escape the sweep.
    const served = servedRoutes(t.app.printRoutes({ commonPrefix: false })).filter((r) => r.split(' ')[1]!.startsWith('/c/{org}'));
    expect(served.filter((route) => !names.includes(route))).toEqual([]);
    // A new form or parameter needs a sample in portal-sweep.ts.
    expect(pages.filter((page) => page.method === 'POST' && !PORTAL_FORMS[page.name]).map((page) => page.name)).toEqual([]);
    const params = pages.flatMap((page) => page.pathParams.filter((p) => p !== 'org').map((p) => kindOfParam(page, p)));
    expect(params.filter((kind) => !seedB.params[kind])).toEqual([]);
  });

  it('shows B’s texts to B’s own client, so that their absence below means something', async () => {
    const home = await portalRequest(t.app, { method: 'GET', url: `/c/${orgs.b.slug}`, cookie: seedB.cookie, ip: ANONYMOUS_IP });
    expect(textsIn(home, seedB.privateTexts)).toContain(orgs.b.client.name);
    const feedback = await portalRequest(t.app, {
      method: 'GET',
      url: `/c/${orgs.b.slug}/feedback`,
      cookie: seedB.cookie,
      ip: ANONYMOUS_IP,
    });
    expect(textsIn(feedback, seedB.privateTexts)).toEqual(seedB.privateTexts);
    const seen = new Set<string>();
    for (const page of pages.filter((p) => p.method === 'GET')) {
      const res = await portalRequest(t.app, {
        method: 'GET',
        url: urlOf(page, orgs.b.slug, seedB.params),
        cookie: seedB.cookie,
        ip: ANONYMOUS_IP,
      });
      for (const text of textsIn(res, seedB.publicTexts)) seen.add(text);
    }
    expect([...seen].sort()).toEqual([...seedB.publicTexts].sort());
  });

  it('treats a client of A on every page of B exactly as an anonymous visitor, and changes B only as one would', async () => {
    const problems: string[] = [];
    const textsOfB = [...seedB.publicTexts, ...seedB.privateTexts];
    // B's own ids, and A's unused invitation: a link of A does not sign anyone in at B.
    const params = { ...seedB.params, invite: seedA.params.invite! };
    for (const page of pages) {
      const url = urlOf(page, orgs.b.slug, params);
      const form = () => (page.method === 'POST' ? PORTAL_FORMS[page.name]!(seedB.formIds) : undefined);
      const snapshot = () => (page.method === 'POST' ? snapshotOrg(t.db, orgs.b.id) : Promise.resolve({}));
      const before = await snapshot();
      const asA = await portalRequest(t.app, { method: page.method, url, cookie: seedA.cookie, form: form(), ip: A_CLIENT_IP });
      const between = await snapshot();
      const anonymous = await portalRequest(t.app, { method: page.method, url, form: form(), ip: ANONYMOUS_IP });
      const after = await snapshot();
      const what = `${page.name} on B as A's client`;
      if (asA.statusCode >= 500 || anonymous.statusCode >= 500) problems.push(`${what}: 5xx — ${show(asA)} / anonymous ${show(anonymous)}`);
      if (asA.statusCode !== anonymous.statusCode || asA.headers.location !== anonymous.headers.location) {
        problems.push(
          `${what}: ${asA.statusCode} ${asA.headers.location ?? ''}, anonymously ${anonymous.statusCode} ${anonymous.headers.location ?? ''}`,
        );
      }
      const beyond = textsIn(asA, textsOfB).filter((text) => !textsIn(anonymous, textsOfB).includes(text));
      if (beyond.length) problems.push(`${what}: shows ${beyond.join(', ')}, which an anonymous visitor does not see`);
      if (textsIn(asA, [orgs.a.client.name]).length) problems.push(`${what}: greets A's client as signed in`);
      const byA = changes(before, between);
      const byAnyone = changes(between, after);
      if (byA.summary.join(', ') !== byAnyone.summary.join(', ')) {
        problems.push(
          `${what}: changes B by ${byA.summary.join(', ') || 'nothing'}, anonymously by ${byAnyone.summary.join(', ') || 'nothing'}`,
        );
      }
      if ([orgs.a.id, orgs.a.client.id].some((id) => byA.added.includes(id))) problems.push(`${what}: B's new rows name A's client`);
    }
    expect(problems).toEqual([]);
  });

  it('shows nothing of B and changes nothing of B on A’s pages with B’s ids in the path, the form or the query', async () => {
    const before = await snapshotOrg(t.db, orgs.b.id);
    const textsOfB = [...seedB.publicTexts, ...seedB.privateTexts];
    const problems: string[] = [];
    const visit = async (what: string, page: Page, url: string, form: Record<string, string | string[]> | undefined, refused: boolean) => {
      const res = await portalRequest(t.app, { method: page.method, url, cookie: seedA.cookie, form, ip: A_CLIENT_IP });
      if (res.statusCode >= 500) problems.push(`${what}: 5xx — ${show(res)}`);
      else if (refused && (res.statusCode < 400 || res.statusCode === 429)) problems.push(`${what}: expected a 4xx — got ${show(res)}`);
      const shown = textsIn(res, textsOfB);
      if (shown.length) problems.push(`${what}: shows B's ${shown.join(', ')}`);
      return res;
    };
    for (const page of pages.filter((p) => !p.path.endsWith('/logout'))) {
      const form = PORTAL_FORMS[page.name];
      if (page.pathParams.length > 1) {
        await visit(
          `${page.name} on A with B's ids in the path`,
          page,
          urlOf(page, orgs.a.slug, seedB.params),
          form?.(seedA.formIds),
          true,
        );
      }
      const query = PORTAL_QUERIES[page.name];
      if (query)
        await visit(
          `${page.name} on A with B's ids in the query`,
          page,
          urlOf(page, orgs.a.slug, seedA.params, query(seedB.formIds)),
          undefined,
          false,
        );
      // A form that carries ids, with B's: refused, while the same form with A's own goes through.
      if (!form || !carriesIds(form(seedA.formIds))) continue;
      const url = urlOf(page, orgs.a.slug, seedA.params);
      await visit(`${page.name} on A with B's ids in the form`, page, url, form(seedB.formIds), true);
      const control = await visit(`${page.name} on A with A's own ids in the form`, page, url, form(seedA.formIds), false);
      if (control.statusCode >= 400)
        problems.push(`${page.name} on A with A's own ids: refused too, so the sweep proves nothing — ${show(control)}`);
    }
    expect(problems).toEqual([]);
    expect(await snapshotOrg(t.db, orgs.b.id)).toEqual(before);
  });

  it('signing out at B’s portal with A’s cookie does not end A’s session (it is not B’s to end)', async () => {
    const admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
    const invitation = await admin.post(`/api/v1/orgs/${orgs.a.slug}/clients/${orgs.a.client.id}/invitations`, { expiresInDays: 1 });
    const signIn = await portalRequest(t.app, {
      method: 'POST',
      url: `/c/${orgs.a.slug}/invite/${invitation.json().token}`,
      ip: A_CLIENT_IP,
    });
    const cookie = signIn.cookies.find((c) => c.name === CLIENT_COOKIE)!.value;
    const out = await portalRequest(t.app, { method: 'POST', url: `/c/${orgs.b.slug}/logout`, cookie, ip: A_CLIENT_IP });
    expect(out.statusCode).toBe(303);
    const home = await portalRequest(t.app, { method: 'GET', url: `/c/${orgs.a.slug}`, cookie, ip: A_CLIENT_IP });
    expect(textsIn(home, [orgs.a.client.name])).toEqual([orgs.a.client.name]);
    // At A's own portal it does.
    await portalRequest(t.app, { method: 'POST', url: `/c/${orgs.a.slug}/logout`, cookie, ip: A_CLIENT_IP });
    const after = await portalRequest(t.app, { method: 'GET', url: `/c/${orgs.a.slug}`, cookie, ip: A_CLIENT_IP });
    expect(textsIn(after, [orgs.a.client.name])).toEqual([]);
  });

  it('leaves A’s client signed in at A after all of the above (B’s portal ends nothing of A)', async () => {
    const home = await portalRequest(t.app, { method: 'GET', url: `/c/${orgs.a.slug}`, cookie: seedA.cookie, ip: A_CLIENT_IP });
    expect(home.statusCode).toBe(200);
    expect(textsIn(home, [orgs.a.client.name])).toEqual([orgs.a.client.name]);
  });
});
