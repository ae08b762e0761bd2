/**
 * The first screens: the sign-in page speaks the browser's language, a person lands in
 * the organization they used last (first: one in their language), the audit log loads its filters
 * (no 404) and shows actions in words, and first-run setup suggests a Latin short name and the
 * browser's time zone.
 */
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';
import { type RunningServer, startServer } from './support/server.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';

const app = startDemoApp();

async function newPage(browser: Browser, locale: string, timezoneId = 'Europe/Moscow'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale, timezoneId });
  return context.newPage();
}

describe('first screens', () => {
  it('the sign-in page follows the browser: ru is Russian, anything else English', async () => {
    for (const [locale, button] of [
      ['ru-RU', 'Войти'],
      ['de-DE', 'Sign in'],
      ['en-US', 'Sign in'],
    ] as const) {
      const page = await newPage(app.browser, locale);
      await page.goto(`${app.url}/app/sign-in`);
      await page.getByRole('button', { name: button, exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang), locale).toBe(locale.slice(0, 2) === 'ru' ? 'ru' : 'en');
      if (locale === 'de-DE') await screenshot(page, 'first-screens-01-sign-in-german-browser');
      await page.context().close();
    }
  });

  it('after sign-in: an organization in the person’s language, then the one used last', async () => {
    const page = await newPage(app.browser, 'en-US');
    await signIn(page, app.url, DEMO_EMAIL, DEMO_PASSWORD);
    // The demo admin has no language of their own: the English browser picks the English organization.
    await page.waitForURL(/\/app\/o\/neighbourhood-care\/teams$/);
    await page.goto(`${app.url}/app/o/stroydom/teams`);
    await page.getByTestId('teams-table').waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: /^(Sign out|Выйти)$/ }).click();
    await page.waitForURL(/\/app\/sign-in/);
    await signIn(page, app.url, DEMO_EMAIL, DEMO_PASSWORD);
    await page.waitForURL(/\/app\/o\/stroydom\/teams$/);
    await screenshot(page, 'first-screens-02-back-in-last-organization');
    await page.context().close();
  });

  it('the audit log loads its filters without a 404 and shows actions in words', async () => {
    const page = await newPage(app.browser, 'ru-RU');
    await signIn(page, app.url, DEMO_EMAIL, DEMO_PASSWORD);
    // Signed in: no API call of the page may fail.
    const failures: string[] = [];
    page.on('response', (response: Response) => {
      if (response.url().includes('/api/') && response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    const facets = page.waitForResponse((r) => r.url().endsWith('/audit/facets'));
    await page.goto(`${app.url}/app/o/stroydom/audit`);
    expect((await facets).status()).toBe(200);
    const badges = page.getByTestId('audit-table').locator('.mantine-Badge-root');
    await expect.poll(() => badges.count()).toBeGreaterThan(5);
    // Each action's badge is words (the code is only the small print under it).
    const words = await badges.allTextContents();
    expect(words.filter((text) => /^[a-z_]+\.[a-z_]+$/.test(text.trim()))).toEqual([]);
    expect(words.some((text) => /[а-яё]/i.test(text))).toBe(true);
    expect(failures).toEqual([]);
    await screenshot(page, 'first-screens-03-audit');
    await page.context().close();
  });
});

describe('first run', () => {
  let empty: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    empty = await startServer({ demo: false });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await empty?.stop();
  });

  it('setup suggests the short name from a Cyrillic name and takes the browser’s time zone', async () => {
    const page = await newPage(browser, 'ru-RU', 'Asia/Yekaterinburg');
    await page.goto(`${empty.url}/app/`);
    await page.waitForURL(/\/app\/setup$/);
    await page.getByLabel('Название организации').fill('РемонтПро');
    const slug = page.getByLabel(/^Короткое имя/);
    await expect.poll(() => slug.inputValue()).toBe('remontpro');
    await page.getByLabel('Название организации').fill('Ремонт Про Юг');
    await expect.poll(() => slug.inputValue()).toBe('remont-pro-yug');
    expect(await page.getByLabel('Часовой пояс').first().inputValue()).toMatch(/Yekaterinburg|Екатеринбург/);
    await screenshot(page, 'first-screens-04-setup');
    // A short name typed by hand is kept when the name changes.
    await slug.fill('my-own');
    await page.getByLabel('Название организации').fill('РемонтПро');
    expect(await slug.inputValue()).toBe('my-own');
    await page.context().close();
  });
});
