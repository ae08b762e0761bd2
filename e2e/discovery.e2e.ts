import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiPost, apiSignIn } from './support/api.js';
import { screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';

const app = startDemoApp();

/** Types a level into the number input named "<curve>: <factor>". */
async function setLevel(page: Page, curve: string, factor: string, level: number): Promise<void> {
  await page.getByRole('textbox', { name: `${curve}: ${factor}`, exact: true }).fill(String(level));
}

describe('steps 1–3: client discovery and value design', () => {
  it('shows the fit and the ranked pains of a segment, then builds a canvas whose ERRC grid follows the curves', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU', acceptDownloads: true });
    const page = await context.newPage();
    const url = app.url;
    await signIn(page, url, DEMO_EMAIL, DEMO_PASSWORD);

    // Step 1: the segments of СтройДом, in Russian (the organization's language).
    await page.goto(`${url}/app/o/stroydom/teams`);
    await page.getByRole('navigation').getByRole('link', { name: 'Потребности клиентов' }).click();
    await page.waitForURL(/\/app\/o\/stroydom\/segments$/);
    await page.getByTestId('segment-card').first().waitFor();
    await screenshot(page, 'discovery-01-segments');

    // Steps 1–3 of one segment: the fit as a percentage, pains highest priority first.
    await page.getByTestId('segment-card').first().getByRole('link').first().click();
    await page.waitForURL(/\/segments\/[^/]+$/);
    await page.getByTestId('fit-panel').waitFor();
    expect(await page.getByTestId('fit-value').textContent()).toMatch(/^\d{1,3}\s?%$/);
    const priorities = (
      await page.getByTestId('pain-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-priority')))
    ).map(Number);
    expect(priorities.length).toBeGreaterThan(1);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(await page.getByTestId('value-map').getByText('Паспорт технических возможностей дома').count()).toBe(1);
    await screenshot(page, 'discovery-02-workspace');

    // Step 2 at segment level: the demo fills the four parts of the context and backs them with a document.
    const contextCard = page.getByTestId('context-card');
    expect(await contextCard.getByTestId('context-filled').textContent()).toBe('Заполнено: 4/4');
    expect(await contextCard.getByTestId('context-regulations').textContent()).toContain('ГК РФ');
    await contextCard.getByTestId('evidence-badge').click();
    await page.getByTestId('evidence-drawer').getByTestId('evidence-item').first().waitFor();
    expect(await page.getByTestId('evidence-drawer').getByTestId('evidence-item').count()).toBe(1);
    await page.keyboard.press('Escape');
    await contextCard.getByRole('button', { name: 'Изменить контекст' }).click();
    const contextDialog = page.getByRole('dialog', { name: 'Контекст сегмента' });
    await contextDialog.getByRole('textbox', { name: 'Рынок' }).fill('');
    await contextDialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => contextCard.getByTestId('context-filled').textContent()).toBe('Заполнено: 3/4');
    await screenshot(page, 'discovery-02b-context');

    // A CSV with a bad row is refused as a whole, and the error names the row and the column.
    await page.getByRole('button', { name: 'Импорт CSV' }).click();
    await page.getByTestId('import-text').fill('тип;текст;серьёзность;частота\nболь;Долго ждать ответа;7;2\n');
    await page.getByRole('button', { name: 'Проверить' }).click();
    await expect.poll(() => page.getByTestId('import-problems').textContent()).toContain('Строка 2, серьёзность: должно быть от 1 до 5');
    await screenshot(page, 'discovery-03-import-errors');
    await page.keyboard.press('Escape');

    // Step 3: a new canvas for this segment.
    await page.getByRole('main').getByRole('link', { name: 'Стратегическая канва' }).click();
    await page.waitForURL(/\/canvases\?segment=/);
    await page.getByRole('button', { name: 'Новая канва' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Новая стратегическая канва' });
    await dialog.getByLabel('Название').fill('Проверка канвы');
    await dialog.getByRole('button', { name: 'Создать канву' }).click();
    await page.waitForURL(/\/canvases\/[^/?]+$/);
    await page.getByTestId('canvas-chart').waitFor();

    await page.getByRole('button', { name: 'Добавить конкурента' }).click();
    await page.getByRole('textbox', { name: 'Конкурент 1', exact: true }).fill('Самострой');
    const factors = ['Скрытые доплаты', 'Скорость ответа', 'Паспорт дома'];
    for (const [i, name] of factors.entries()) {
      await page.getByTestId('factors-editor').getByRole('button', { name: 'Добавить фактор' }).click();
      await page.getByRole('textbox', { name: `Название фактора ${i + 1}`, exact: true }).fill(name);
    }
    // Eliminate: target 0 while offered now; raise: above the current level, offered now; create: offered by nobody.
    await setLevel(page, 'Текущее предложение', 'Скрытые доплаты', 5);
    await setLevel(page, 'Самострой', 'Скрытые доплаты', 6);
    await setLevel(page, 'Текущее предложение', 'Скорость ответа', 3);
    await setLevel(page, 'Целевое предложение', 'Скорость ответа', 8);
    await setLevel(page, 'Самострой', 'Скорость ответа', 4);
    await setLevel(page, 'Целевое предложение', 'Паспорт дома', 7);

    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
    await expect.poll(() => page.getByTestId('errc-eliminate').textContent()).toContain('Скрытые доплаты');
    expect(await page.getByTestId('errc-raise').textContent()).toContain('Скорость ответа');
    expect(await page.getByTestId('errc-create').textContent()).toContain('Паспорт дома');
    expect(await page.getByTestId('canvas-chart').locator('canvas, svg').count()).toBeGreaterThan(0);
    await screenshot(page, 'discovery-04-canvas-built');

    // Saved on the server: a reload shows the same canvas.
    await page.reload();
    await page.getByTestId('factors-table').waitFor();
    expect(await page.getByTestId('factor-row').count()).toBe(3);
    expect(await page.getByTestId('errc-create').textContent()).toContain('Паспорт дома');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Скачать PNG' }).click();
    expect((await download).suggestedFilename()).toBe('Проверка канвы.png');

    // The same screen in English.
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByTestId('errc-grid').textContent()).toContain('Eliminate');
    expect(await page.getByTestId('errc-grid').textContent()).toContain('Create');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Client needs' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Export PNG' }).count()).toBe(1);
    await screenshot(page, 'discovery-05-canvas-english');
    await context.close();
  });

  it('links a pain reliever to a pain by selection, and the fit follows', async () => {
    const url = app.url;
    const admin = await apiSignIn(url, DEMO_EMAIL, DEMO_PASSWORD);
    const base = '/api/v1/orgs/stroydom';
    const segment = await apiPost<{ id: string }>(url, admin, `${base}/segments`, { name: 'Владельцы бань', kind: 'customer' });
    const pain = { contextWhere: '', contextWhen: '', contextWho: '', contextChannel: '' };
    await apiPost(url, admin, `${base}/segments/${segment.id}/pains`, { ...pain, text: 'Баня остывает за час', severity: 3, frequency: 5 });
    await apiPost(url, admin, `${base}/segments/${segment.id}/pains`, {
      ...pain,
      text: 'Нет инструкции к печи',
      severity: 2,
      frequency: 2,
    });
    await apiPost(url, admin, `${base}/segments/${segment.id}/value-items`, { kind: 'reliever', name: 'Утепление по технологии' });

    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, url, DEMO_EMAIL, DEMO_PASSWORD);
    await page.goto(`${url}/app/o/stroydom/segments/${segment.id}`);
    await page.getByTestId('fit-panel').waitFor();
    // The previous test left the demo user on English.
    await page.getByText('RU', { exact: true }).click();
    await expect.poll(() => page.getByTestId('fit-panel').textContent()).toContain('Соответствие');
    expect(await page.getByTestId('fit-value').textContent()).toMatch(/^0\s?%$/);

    await page.getByRole('button', { name: 'Связать с болями' }).click();
    await page.getByTestId('pain-card').filter({ hasText: 'Баня остывает за час' }).click();
    // 3 of 5 severity points are answered now: the server's fit, read again after the change.
    await expect.poll(() => page.getByTestId('fit-value').textContent()).toMatch(/^60\s?%$/);
    expect(await page.getByTestId('unanswered-pains').textContent()).toContain('Нет инструкции к печи');
    expect(await page.getByTestId('unanswered-pains').textContent()).not.toContain('Баня остывает за час');
    await screenshot(page, 'discovery-06-linking');
    await page.getByTestId('linking-banner').getByRole('button', { name: 'Готово' }).click();
    expect(await page.getByTestId('pain-card').first().textContent()).toContain('Утепление по технологии');
    await context.close();
  });
});
