/**
 * Reading every event back and correcting one: the promise page
 * lists the events newest first, 50 at a time, and "Show more" reads on; an admin voids a bad event
 * with a reason, the row says who voided it and why, and the attainment is computed again without it.
 */
import { describe, expect, it } from 'vitest';
import { apiSignIn } from './support/api.js';
import { auditPage, describeFindings } from './support/axe.js';
import { screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';
import { apiGet, measuredPromise, ORG } from './support/warranty.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';

const app = startDemoApp();

describe('the events of a promise', () => {
  it('page by 50, and an admin voids a bad one with a reason: the figures follow', async () => {
    const session = await apiSignIn(app.url, DEMO_EMAIL, DEMO_PASSWORD);
    // 60 events an hour apart, newest first; the third newest is the one bad event: 59 of 60 kept.
    const title = 'Ответ на заявку о протечке';
    const id = await measuredPromise(
      app.url,
      session,
      title,
      Array.from({ length: 60 }, (_, i) => i !== 2),
    );
    const badId = `${title}-2`;

    const context = await app.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'ru-RU', bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, app.url, DEMO_EMAIL, DEMO_PASSWORD);
    await page.goto(`${app.url}/app/o/${ORG}/promises/${id}`);
    const stat = page.getByTestId('stat-attainment');
    await expect.poll(() => stat.textContent(), { timeout: 15_000 }).toContain('98,3\u00a0%');

    const rows = page.getByTestId('event-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(50);
    await page.getByTestId('more-events').click();
    await expect.poll(() => rows.count()).toBe(60);
    expect(await page.getByTestId('more-events').count()).toBe(0);

    const bad = rows.filter({ has: page.getByText(badId, { exact: true }) });
    await bad.getByTestId('void-event').click();
    const form = page.getByRole('dialog', { name: 'Аннулировать событие' });
    await expect.poll(() => form.isVisible()).toBe(true);
    const findings = await auditPage(page, 'void event dialog');
    expect(findings, describeFindings(findings)).toEqual([]);
    await screenshot(page, 'events-void-00-dialog');
    await form.getByRole('textbox').fill('Тестовая заявка, отправленная при настройке интеграции');
    await form.getByRole('button', { name: 'Аннулировать событие' }).click();

    await expect.poll(() => bad.getAttribute('data-voided')).toBe('true');
    expect(await bad.getByTestId('void-reason').textContent()).toContain('Тестовая заявка, отправленная при настройке интеграции');
    // 59 of 59: the status is computed again without the voided event.
    await expect.poll(() => stat.textContent(), { timeout: 15_000 }).toContain('100\u00a0%');
    await screenshot(page, 'events-void-01-voided');
    const after = await auditPage(page, 'voided event row');
    expect(after, describeFindings(after)).toEqual([]);

    const status = await apiGet<{ good: number; total: number }>(app.url, session, `/api/v1/orgs/${ORG}/promises/${id}/status`);
    expect(status).toMatchObject({ good: 59, total: 59 });
    const audit = await apiGet<{ items: { action: string; after: { reason?: string } | null }[] }>(
      app.url,
      session,
      `/api/v1/orgs/${ORG}/audit?entityId=${id}&action=promise.event_voided`,
    );
    expect(audit.items).toHaveLength(1);
    await context.close();
  });
});
