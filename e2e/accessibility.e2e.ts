/**
 * WCAG 2.1 AA: axe-core on every page of the staff app and the portal in Russian and English (no serious or critical
 * violation, an h1 on every page), and the main flows with the keyboard alone (visible focus, Tab forward, Escape out).
 * About 50 staff and 34 portal pages: one signed-in context per language; on an idle machine the file takes ~2 minutes,
 * so the page-walking tests get a longer timeout than the default for when the machine is busy.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiPost, apiSignIn, type Session } from './support/api.js';
import { type AxeFinding, auditPage, describeFindings, saveFindings } from './support/axe.js';
import { screenshot } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';
const ORG = 'stroydom';
const CLIENT = 'Екатерина Волкова';
const LANGUAGES = ['ru', 'en'] as const;

const app = startDemoApp();

async function get<T>(session: Session, path: string): Promise<T> {
  const response = await fetch(`${app.url}${path}`, { headers: { cookie: session.cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function firstId(session: Session, collection: string): Promise<string> {
  const body = await get<{ items: { id: string }[] }>(session, `/api/v1/orgs/${ORG}/${collection}`);
  const id = body.items[0]?.id;
  if (!id) throw new Error(`the demo organization has no ${collection}`);
  return id;
}

/** Every route of web/src/routes.tsx, with the demo organization's real ids. */
async function staffPaths(admin: Session): Promise<string[]> {
  const [team, segment, canvas, promise, decision, proposal, round] = await Promise.all(
    ['teams', 'segments', 'canvases', 'promises', 'decisions', 'proposals', 'reserve-rounds'].map((c) => firstId(admin, c)),
  );
  const o = `/app/o/${ORG}`;
  return [
    `${o}/teams`,
    `${o}/teams/${team}`,
    `${o}/teams/${team}/economics`,
    `${o}/rights`,
    `${o}/people`,
    `${o}/clients`,
    `${o}/segments`,
    `${o}/segments/${segment}`,
    `${o}/canvases`,
    `${o}/canvases/${canvas}`,
    `${o}/promises`,
    `${o}/promises/${promise}`,
    `${o}/decisions/${decision}`,
    `${o}/reviews`,
    `${o}/economics`,
    `${o}/voice`,
    `${o}/proposals/${proposal}`,
    `${o}/participation-rounds/${round}`,
    `${o}/tokens`,
    `${o}/settings`,
    `${o}/audit`,
    `${o}/no-such-page`,
    '/app/security',
  ];
}

/** Waits until the page has its h1 and nothing is loading any more. */
async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    () => document.querySelectorAll('.mantine-Loader-root, .mantine-Skeleton-root[data-visible]').length === 0,
    null,
    {
      timeout: 15_000,
    },
  );
  await page.waitForTimeout(50);
}

/** Each chart on the page (a `…-chart` test id): "ok" when it has a summary and a table of its figures with rows. */
async function chartsOf(page: Page): Promise<{ id: string; problem: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid$="-chart"]')].map((chart) => {
      const id = chart.dataset.testid ?? '';
      const label = chart.getAttribute('aria-label') ?? '';
      const rows = document.querySelectorAll(`[data-testid="${id}-table"] tbody tr`).length;
      const problem = chart.getAttribute('role') !== 'img' || label.trim() === '' ? 'no summary' : rows === 0 ? 'no table' : 'ok';
      return { id, problem };
    }),
  );
}

/** The focused element shows a focus ring: an outline or a box shadow. */
async function focusIsVisible(page: Page): Promise<{ visible: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { visible: false, what: 'nothing focused' };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40)}"`;
    return { visible: outline || shadow, what };
  });
}

async function expectFocusVisible(page: Page): Promise<void> {
  const focus = await focusIsVisible(page);
  expect(focus.visible, `no visible focus indicator on ${focus.what}`).toBe(true);
}

/** Presses Tab until the focused element matches the selector (at most 20 times). */
async function tabUntil(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function staffContext(lang: (typeof LANGUAGES)[number], findings: AxeFinding[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: lang === 'ru' ? 'ru-RU' : 'en-GB',
    bypassCSP: true,
  });
  const page = await context.newPage();
  // Signed out first: the sign-in and password pages, in the browser's language.
  for (const path of ['/app/sign-in', '/app/forgot-password']) {
    await page.goto(`${app.url}${path}`);
    await settle(page);
    findings.push(...(await auditPage(page, `staff ${lang} ${path}`)));
  }
  const response = await page.request.post(`${app.url}/api/v1/auth/login`, { data: { email: DEMO_EMAIL, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const patched = await page.request.patch(`${app.url}/api/v1/auth/me`, {
    data: { locale: lang },
    headers: { 'x-csrf-token': csrfToken, origin: app.url },
  });
  expect(patched.ok(), await patched.text()).toBe(true);
  return { context, page };
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('every staff page in both languages: an h1 and no serious or critical violation', async () => {
    const admin = await apiSignIn(app.url, DEMO_EMAIL, DEMO_PASSWORD);
    const paths = await staffPaths(admin);
    const findings: AxeFinding[] = [];
    const withoutH1: string[] = [];
    const charts = new Map<string, string[]>();
    for (const lang of LANGUAGES) {
      const { context, page } = await staffContext(lang, findings);
      for (const path of paths) {
        await page.goto(`${app.url}${path}`);
        try {
          await settle(page);
        } catch {
          withoutH1.push(`${lang} ${path}`);
          await screenshot(page, `accessibility-no-h1-${withoutH1.length}`);
          continue;
        }
        expect(await page.evaluate(() => document.documentElement.lang), path).toBe(lang);
        findings.push(...(await auditPage(page, `staff ${lang} ${path}`)));
        for (const chart of await chartsOf(page))
          charts.set(chart.id, [...(charts.get(chart.id) ?? []), `${lang} ${path}: ${chart.problem}`]);
      }
      await context.close();
    }
    saveFindings(findings, 'staff');
    expect(withoutH1, 'staff pages without an h1').toEqual([]);
    // Every chart has a text alternative: a summary (role="img" and aria-label) and its figures as a table.
    expect([...charts.keys()].sort()).toEqual(
      expect.arrayContaining(['canvas-chart', 'efficiency-chart', 'feedback-chart', 'pnl-chart', 'promise-chart']),
    );
    expect([...charts.values()].flat().filter((line) => !line.endsWith(': ok'))).toEqual([]);
    expect(findings, describeFindings(findings)).toEqual([]);
  }, 300_000);

  it('every portal and board page in both languages: no serious or critical violation', async () => {
    const url = app.url;
    const admin = await apiSignIn(url, DEMO_EMAIL, DEMO_PASSWORD);
    const clients = await get<{ items: { id: string; name: string }[] }>(
      admin,
      `/api/v1/orgs/${ORG}/clients?q=${encodeURIComponent(CLIENT)}`,
    );
    const client = clients.items.find((c) => c.name === CLIENT)!;
    const [promise, proposal] = await Promise.all([firstId(admin, 'promises'), firstId(admin, 'proposals')]);
    const surveys = await get<{ items: { url: string; status?: string }[] }>(admin, `/api/v1/orgs/${ORG}/surveys`);
    const survey = surveys.items.find((s) => s.url);
    if (!survey) throw new Error('the demo organization has no survey with a public link');
    const findings: AxeFinding[] = [];
    const c = `/c/${ORG}`;
    const anonymousPaths = [`${c}/sign-in`, `${c}/register`, new URL(survey.url).pathname, `${c}/promises`];
    const clientPaths = [
      c,
      `${c}/promises`,
      `${c}/promises/${promise}`,
      `${c}/proposals`,
      `${c}/proposals/${proposal}`,
      `${c}/proposals/new`,
      `${c}/polls`,
      `${c}/participation-rounds`,
      `${c}/feedback`,
    ];
    for (const lang of LANGUAGES) {
      const context = await app.browser.newContext({ viewport: { width: 1024, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const withLang = (path: string) => `${url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
      for (const path of anonymousPaths) {
        await page.goto(withLang(path));
        findings.push(...(await auditPage(page, `portal ${lang} anonymous ${path}`)));
      }
      // A client signs in by invitation, as in client-voice.e2e.ts; then one context for all the client's pages.
      const invitation = await apiPost<{ url: string }>(url, admin, `/api/v1/orgs/${ORG}/clients/${client.id}/invitations`, {});
      await page.goto(withLang(new URL(invitation.url).pathname));
      findings.push(...(await auditPage(page, `portal ${lang} invitation`)));
      await page.locator('form button[type=submit]').first().click();
      await page.waitForURL(new RegExp(`/c/${ORG}(\\?|$)`));
      for (const path of clientPaths) {
        await page.goto(withLang(path));
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        findings.push(...(await auditPage(page, `portal ${lang} ${path}`)));
      }
      // A poll and a reserve round, found through their lists.
      for (const list of ['polls', 'participation-rounds']) {
        await page.goto(withLang(`${c}/${list}`));
        const link = page.locator(`main a[href*="/${list}/"]`).first();
        if ((await link.count()) > 0) {
          await page.goto(new URL((await link.getAttribute('href'))!, page.url()).href);
          findings.push(...(await auditPage(page, `portal ${lang} ${new URL(page.url()).pathname}`)));
        }
      }
      await context.close();
    }
    saveFindings(findings, 'portal');
    expect(findings, describeFindings(findings)).toEqual([]);
  }, 200_000);

  it('the keyboard alone: sign in, navigate, open and close a dialog, submit a form, with visible focus', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${app.url}/app/sign-in`);
    await page.getByLabel(/^E-mail/).waitFor();

    // Sign in: Tab to the e-mail field, type, Tab to the password, type, Enter.
    let steps = 0;
    while (!(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'email')) && steps++ < 15) {
      await page.keyboard.press('Tab');
    }
    await expectFocusVisible(page);
    await page.keyboard.type(DEMO_EMAIL);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('password');
    await expectFocusVisible(page);
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/app\/o\/[^/]+\//);
    await page.goto(`${app.url}/app/o/${ORG}/teams`);
    await page.locator('h1').first().waitFor();

    // Tab moves forward through the navigation, each link with a visible focus ring, to "Promises"; Enter opens it.
    const navLinks = page.getByRole('navigation').getByRole('link');
    const navCount = await navLinks.count();
    expect(navCount).toBeGreaterThan(5);
    const seen: number[] = [];
    for (steps = 0; steps < 60; steps++) {
      await page.keyboard.press('Tab');
      const index = await navLinks.evaluateAll((links) => links.indexOf(document.activeElement as HTMLElement));
      if (index < 0) continue;
      await expectFocusVisible(page);
      seen.push(index);
      const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (/Promises|Обещания/.test(text)) break;
    }
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/promises$/);
    await page.locator('h1').first().waitFor();

    // A dialog opens with Enter, keeps focus inside while tabbing, and Escape closes it and gives focus back.
    await page.goto(`${app.url}/app/o/${ORG}/teams`);
    const create = page.getByRole('button', { name: /New team|Create team/ }).first();
    await create.waitFor();
    await create.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      await expectFocusVisible(page);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await create.evaluate((b) => b === document.activeElement)).toBe(true);

    // The same dialog again: a team created by typing and Enter alone.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    const teamName = `Keyboard team ${Date.now().toString(36)}`;
    await page.keyboard.type(teamName);
    await tabUntil(page, 'textarea');
    await page.keyboard.type('Everything this team does is done without a mouse.');
    await tabUntil(page, 'button[type=submit]');
    await expectFocusVisible(page);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('teams-table').getByRole('row').filter({ hasText: teamName }).count()).toBe(1);
    await screenshot(page, 'accessibility-keyboard-team');
    await context.close();
  });
});
