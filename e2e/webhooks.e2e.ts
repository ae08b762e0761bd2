/**
 * Webhooks in the staff app: an address inside the network is refused with an
 * explanation; a public one is added and its secret shown once; rotating the secret shows the new
 * one once and says until when the old one still signs.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';

const app = startDemoApp();

describe('webhooks in Settings', () => {
  it('refuses an internal address, adds a public one, and rotates its secret with a 24-hour overlap', async () => {
    const url = app.url;
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, url, 'demo@clientocracy.local', 'demo-demo-demo');
    await page.goto(`${url}/app/o/stroydom/settings`);
    const section = page.getByTestId('webhooks-section');
    await section.getByRole('button', { name: 'Добавить адрес' }).first().click();

    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('URL').fill('http://169.254.169.254/latest/meta-data');
    await dialog.getByLabel('Сработала тревога').check();
    await dialog.getByRole('button', { name: 'Добавить адрес' }).click();
    await expect.poll(() => dialog.getByText(/Вебхуки не отправляются на сам сервер/).count()).toBe(1);
    await screenshot(page, 'webhooks-01-internal-address-refused');

    await dialog.getByLabel('URL').fill('https://status.stroydom.example/hooks/clientocracy');
    await dialog.getByRole('button', { name: 'Добавить адрес' }).click();
    await expect.poll(() => dialog.getByText('Адрес добавлен: скопируйте секрет подписи').count()).toBe(1);
    const first = await dialog.getByRole('textbox').first().inputValue();
    expect(first).toMatch(/^whsec_|^[A-Za-z0-9_-]{20,}/);
    await dialog.getByRole('button', { name: 'Готово' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = section.locator('tr', { hasText: 'status.stroydom.example' });
    await row.getByRole('button', { name: 'Сменить секрет' }).click();
    const confirm = page.getByRole('dialog');
    await expect.poll(() => confirm.getByText(/Текущий продолжит работать 24 часа/).count()).toBe(1);
    await confirm.getByRole('button', { name: 'Сменить секрет' }).click();
    const rotated = page.getByRole('dialog', { name: 'Секрет сменён: скопируйте новый' });
    await rotated.waitFor();
    const second = await rotated.getByRole('textbox').first().inputValue();
    expect(second.length).toBeGreaterThan(20);
    expect(second).not.toBe(first);
    await expect.poll(() => rotated.getByText(/Старый секрет действует до/).count()).toBe(1);
    await screenshot(page, 'webhooks-02-secret-rotated');
    await rotated.getByRole('button', { name: 'Готово' }).click();
    await expect.poll(() => row.getByText(/Старый секрет действует до/).count()).toBe(1);
    await screenshot(page, 'webhooks-03-overlap-in-the-list');
    await context.close();
  });
});
