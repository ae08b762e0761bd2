import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiPost, apiSignIn } from './support/api.js';
import { screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';

const app = startDemoApp();

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
  const page = await context.newPage();
  return { context, page };
}

function nav(page: Page) {
  return page.getByRole('navigation');
}

describe('the staff app', () => {
  it('an admin signs in, switches the language, creates a team and finds it in the audit log', async () => {
    const { context, page } = await newPage();
    const url = app.url;

    await signIn(page, url, DEMO_EMAIL, DEMO_PASSWORD);
    await screenshot(page, '01-signed-in');

    // Open СтройДом through the organization switcher: a Russian organization, so the interface is Russian.
    await page.getByTestId('org-switcher').click();
    await page.getByRole('menuitem', { name: /СтройДом/ }).click();
    await page.waitForURL(/\/app\/o\/stroydom\/teams$/);
    await expect.poll(() => nav(page).getByRole('link', { name: 'Команды' }).isVisible()).toBe(true);
    await screenshot(page, '02-stroydom-russian');

    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => nav(page).getByRole('link', { name: 'Teams' }).isVisible()).toBe(true);
    expect(await nav(page).getByRole('link', { name: 'Команды' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Teams', level: 1 }).isVisible()).toBe(true);
    await screenshot(page, '03-english');

    await page.getByText('RU', { exact: true }).click();
    await expect.poll(() => nav(page).getByRole('link', { name: 'Команды' }).isVisible()).toBe(true);
    expect(await nav(page).getByRole('link', { name: 'Teams' }).count()).toBe(0);
    await screenshot(page, '04-back-to-russian');

    const teamName = `Команда приёмки ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'Создать команду' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Новая команда' });
    await dialog.getByLabel('Название').fill(teamName);
    await dialog.getByLabel('Назначение').fill('Принимаем готовый дом вместе с клиентом и закрываем замечания за неделю.');
    await screenshot(page, '05-create-team-form');
    await dialog.getByRole('button', { name: 'Создать команду' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('teams-table').getByRole('row').filter({ hasText: teamName });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Автономная команда');
    await screenshot(page, '06-team-in-list');

    await nav(page).getByRole('link', { name: 'Журнал изменений' }).click();
    await page.waitForURL(/\/app\/o\/stroydom\/audit$/);
    const entry = page.locator('tr[data-action="team.created"]').filter({ hasText: teamName });
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.textContent()).toContain(DEMO_EMAIL);
    // The newest entry is first.
    expect(await page.getByTestId('audit-table').locator('tbody tr').first().getAttribute('data-action')).toBe('team.created');
    await entry.getByRole('button', { name: 'Показать изменения' }).click();
    await expect.poll(() => page.getByRole('cell', { name: teamName }).count()).toBeGreaterThan(0);
    await screenshot(page, '07-audit-team-created');
    await context.close();
  });

  it('a viewer sees the teams but no button to create one', async () => {
    const url = app.url;
    const admin = await apiSignIn(url, DEMO_EMAIL, DEMO_PASSWORD);
    const viewer = { email: `viewer-${Date.now()}@stroydom.example`, password: 'viewer-viewer-1' };
    await apiPost(url, admin, '/api/v1/orgs/stroydom/memberships', { ...viewer, name: 'Вера Наблюдатель', role: 'viewer' });

    const { context, page } = await newPage();
    await signIn(page, url, viewer.email, viewer.password);
    await page.waitForURL(/\/app\/o\/stroydom\/teams$/);
    await expect.poll(() => page.getByTestId('teams-table').getByRole('row').filter({ hasText: 'Продажи' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Создать команду' }).count()).toBe(0);
    expect(await page.getByTestId('current-role').textContent()).toBe('Наблюдатель');
    // Tokens are for admins only, so the section is not offered at all.
    expect(await nav(page).getByRole('link', { name: 'API-токены' }).count()).toBe(0);
    await screenshot(page, '08-viewer-teams');
    await context.close();
  });
});
