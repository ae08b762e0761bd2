/**
 * Issue 14, "Real data goes in": the staff app imports a Russian `.xlsx` and a `;`-separated
 * Windows-1251 CSV with `dd.mm.yyyy HH:MM` times through the mapping step (a column picked by hand,
 * the rest guessed, the mapping remembered next time), previews the rows as read with the errors by
 * row and column in Russian, imports, and the promise and the public board count the new events.
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cp1251, excelSerial } from '../test/import-files.js';
import { apiSignIn, type Session } from './support/api.js';
import { screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';
const ORG = 'stroydom';
const WARRANTY = 'Ответ на гарантийное обращение за 24 часа';
const HANDOVER = 'Дом сдаётся в срок, указанный в договоре';
const MOSCOW_MS = 3 * 3600_000;

const app = startDemoApp();

async function promiseId(session: Session, title: string): Promise<string> {
  const response = await fetch(`${app.url}/api/v1/orgs/${ORG}/promises?limit=100`, { headers: { cookie: session.cookie } });
  const page = (await response.json()) as { items: { id: string; title: string }[] };
  const found = page.items.find((p) => p.title === title);
  if (!found) throw new Error(`no promise ${title}`);
  return found.id;
}

/** A time `minutesAgo` before now as stroydom writes it: Moscow wall time, dd.mm.yyyy HH:MM. */
function moscow(minutesAgo: number): { text: string; y: number; m: number; d: number; h: number; mi: number } {
  const t = new Date(Math.floor((Date.now() - minutesAgo * 60_000) / 60_000) * 60_000 + MOSCOW_MS);
  const [y, m, d, h, mi] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes()];
  const two = (n: number) => String(n).padStart(2, '0');
  return { text: `${two(d)}.${two(m)}.${y} ${two(h)}:${two(mi)}`, y, m, d, h, mi };
}

/** "good из total" as two numbers (Russian digits may be grouped with spaces). */
function counts(text: string | null): [number, number] {
  const match = /(\d[\d\s\u00a0\u202f]*)\s+из\s+(\d[\d\s\u00a0\u202f]*)/.exec(text ?? '');
  if (!match) throw new Error(`no "N из M" in ${text}`);
  return [Number(match[1]!.replace(/\D/g, '')), Number(match[2]!.replace(/\D/g, ''))];
}

/** The promise's cases on the public board, read by a fresh browser (no cached page). */
async function boardCounts(browser: Browser, id: string): Promise<[number, number]> {
  const context = await browser.newContext({ locale: 'ru-RU' });
  try {
    const page = await context.newPage();
    await page.goto(`${app.url}/c/${ORG}/promises`);
    return counts(await page.locator(`#p-${id}`).textContent());
  } finally {
    await context.close();
  }
}

async function chooseFile(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.getByRole('dialog').locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
  await page.getByTestId('import-mapping').waitFor();
}

async function openImport(page: Page, id: string): Promise<void> {
  await page.goto(`${app.url}/app/o/${ORG}/promises/${id}`);
  await page.getByTestId('stat-events').waitFor();
  await page.getByRole('button', { name: 'Загрузить события' }).click();
  await page.getByRole('dialog', { name: 'Загрузить события выполнения из таблицы' }).waitFor();
}

describe('importing the organization’s own spreadsheets', () => {
  it('reads a Windows-1251 ; CSV and a Russian .xlsx through the mapping step; the promise and the board count them', async () => {
    const session = await apiSignIn(app.url, DEMO_EMAIL, DEMO_PASSWORD);
    const warranty = await promiseId(session, WARRANTY);
    const handover = await promiseId(session, HANDOVER);
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, app.url, DEMO_EMAIL, DEMO_PASSWORD);

    // 1. The warranty desk's export: Windows-1251, `;`, dd.mm.yyyy HH:MM in Moscow time, decimal commas;
    //    the hours column's header is not one the import knows, so it is picked by hand.
    const boardBefore = await boardCounts(app.browser, warranty);
    await openImport(page, warranty);
    const [goodBefore, totalBefore] = counts(await page.getByTestId('stat-events').textContent());
    const times = [50, 40, 30, 20, 10].map(moscow);
    const csv = cp1251(
      [
        'Номер заявки;Дата;Затрачено, ч;Комментарий',
        `e2e-Г-1;${times[0]!.text};"3,5";`,
        `e2e-Г-2;${times[1]!.text};30;ждали запчасть`,
        '"e2e-Г-3";31.02.2026 10:00;2;',
        `e2e-Г-4;${times[3]!.text};"12,25";`,
        `e2e-Г-5;${times[4]!.text};"26,5";выходные`,
      ].join('\r\n'),
    );
    await chooseFile(page, 'Гарантия_ноябрь.csv', 'text/csv', csv);
    const dialog = page.getByRole('dialog');
    // Guessed: the id and the time; the value is not, and nothing can be imported yet.
    expect(await dialog.getByRole('textbox', { name: 'Номер строки (номер заявки)' }).inputValue()).toBe('Номер заявки');
    expect(await dialog.getByRole('textbox', { name: 'Дата и время' }).inputValue()).toBe('Дата');
    expect(await dialog.getByRole('textbox', { name: 'Часовой пояс времени без смещения' }).inputValue()).toBe('Europe/Moscow');
    await expect.poll(() => dialog.getByTestId('import-errors').textContent()).toContain('Значение (число): выберите колонку');
    expect(await page.getByTestId('import-submit').isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Значение (число)' }).click();
    await page.getByRole('option', { name: 'Затрачено, ч' }).click();
    // The rows as they will be read, and the one that will not, by row and column.
    await expect.poll(() => dialog.getByTestId('import-preview-row').count()).toBe(5);
    expect(await dialog.getByTestId('import-file-info').textContent()).toContain('кодировка windows-1251, разделитель «;»');
    const first = dialog.locator('[data-testid="import-preview-row"][data-row="2"]');
    const t0 = times[0]!;
    expect(await first.textContent()).toContain(`${String(t0.d).padStart(2, '0')}.${String(t0.m).padStart(2, '0')}.${t0.y}`);
    expect(await first.textContent()).toContain('3,5');
    expect(await dialog.getByTestId('import-errors').textContent()).toContain(
      'Строка 4, колонка «Дата»: не дата и время в выбранном формате — «31.02.2026 10:00»',
    );
    expect(await dialog.getByTestId('import-file-info').textContent()).toContain('5 строк, читается: 4');
    await screenshot(page, 'events-import-01-csv-mapping');
    await page.getByTestId('import-submit').click();
    const result = dialog.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Принято: 4, уже было: 0, отклонено: 1.');
    expect(await result.textContent()).toContain('Строка 4, колонка «Дата»');
    await screenshot(page, 'events-import-02-csv-result');
    await dialog.getByRole('button', { name: 'Закрыть' }).first().click();
    // The promise counts them at once: two of the four took longer than 24 hours.
    await expect.poll(async () => counts(await page.getByTestId('stat-events').textContent())[1]).toBeGreaterThanOrEqual(totalBefore + 2);
    const [goodAfter, totalAfter] = counts(await page.getByTestId('stat-events').textContent());
    // The 30-day window slides while the test runs: old demo events may leave it, never more than a few.
    expect(totalAfter - totalBefore).toBeGreaterThanOrEqual(2);
    expect(totalAfter - totalBefore).toBeLessThanOrEqual(4);
    expect(totalAfter - goodAfter - (totalBefore - goodBefore)).toBeGreaterThanOrEqual(0);
    expect(await page.getByTestId('event-row').filter({ hasText: 'e2e-Г-5' }).count()).toBe(1);
    // The public board too (its cache is a few seconds).
    await expect
      .poll(async () => (await boardCounts(app.browser, warranty))[1] - boardBefore[1], { timeout: 45_000, interval: 2000 })
      .toBeGreaterThanOrEqual(2);

    // The same export next month: the hand-picked column is remembered for the promise.
    await openImport(page, warranty);
    await chooseFile(page, 'Гарантия_декабрь.csv', 'text/csv', csv);
    expect(await dialog.getByRole('textbox', { name: 'Значение (число)' }).inputValue()).toBe('Затрачено, ч');
    expect(await dialog.getByTestId('import-mapping').textContent()).toContain(
      'Выбраны колонки, указанные для этого обещания в прошлый раз.',
    );
    await page.getByTestId('import-submit').click();
    await dialog.getByTestId('import-result').waitFor();
    expect(await dialog.getByTestId('import-result').textContent()).toContain('Принято: 0, уже было: 4, отклонено: 1.');
    await dialog.getByRole('button', { name: 'Закрыть' }).first().click();

    // 2. The site manager's workbook: Russian headers, Excel serial dates, да/нет; all guessed.
    const handoverBoardBefore = await boardCounts(app.browser, handover);
    await openImport(page, handover);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Сдача домов');
    sheet.addRow(['Номер заявки', 'Дата сдачи', 'Успешно']);
    const serial = (minutesAgo: number) => {
      const t = moscow(minutesAgo);
      return excelSerial(t.y, t.m, t.d, t.h, t.mi);
    };
    sheet.addRow(['e2e-Д-1', serial(45), 'да']);
    sheet.addRow(['e2e-Д-2', serial(35), 'Нет']);
    sheet.addRow(['e2e-Д-3', serial(25), 'успешно']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await chooseFile(page, 'Сдача домов.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx);
    expect(await dialog.getByRole('textbox', { name: 'Дата и время' }).inputValue()).toBe('Дата сдачи');
    expect(await dialog.getByRole('textbox', { name: 'Исход (выполнено или нет)' }).inputValue()).toBe('Успешно');
    await expect.poll(() => dialog.getByTestId('import-preview-row').count()).toBe(3);
    expect(await dialog.getByTestId('import-preview').textContent()).toContain('не выполнено');
    expect(await dialog.getByTestId('import-errors').count()).toBe(0);
    await screenshot(page, 'events-import-03-xlsx-preview');
    await page.getByTestId('import-submit').click();
    await dialog.getByTestId('import-result').waitFor();
    expect(await dialog.getByTestId('import-result').textContent()).toContain('Принято: 3, уже было: 0, отклонено: 0.');
    await dialog.getByRole('button', { name: 'Закрыть' }).first().click();
    await expect.poll(async () => page.getByTestId('event-row').filter({ hasText: 'e2e-Д-' }).count()).toBe(3);
    // A quarter's window: nothing leaves it while the test runs.
    await expect
      .poll(async () => (await boardCounts(app.browser, handover))[1] - handoverBoardBefore[1], { timeout: 45_000, interval: 2000 })
      .toBe(3);
    await context.close();
  }, 180_000);
});
