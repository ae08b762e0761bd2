/**
 * Tables of figures download from the screen: "Скачать" on the promises page
 * gives a Russian CSV (BOM, `;`, decimal commas) and an Excel workbook whose attainment cells are
 * percent-formatted numbers — the same figures the status API answers.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatPercentText } from '../src/core/tables/format.js';
import { apiSignIn, type Session } from './support/api.js';
import { screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';
const ORG = 'stroydom';

const app = startDemoApp();

async function apiGet<T>(session: Session, path: string): Promise<T> {
  const response = await fetch(`${app.url}${path}`, { headers: { cookie: session.cookie } });
  if (!response.ok) throw new Error(`GET ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A published demo promise with events, and its attainment as the status API gives it. */
async function measuredPromise(session: Session): Promise<{ title: string; attainment: number }> {
  const list = await apiGet<{ items: { id: string; title: string }[] }>(session, `/api/v1/orgs/${ORG}/promises?status=published&limit=100`);
  for (const promise of list.items) {
    const status = await apiGet<{ attainment: number | null }>(session, `/api/v1/orgs/${ORG}/promises/${promise.id}/status`);
    if (status.attainment !== null) return { title: promise.title, attainment: status.attainment };
  }
  throw new Error('no measured promise in the demo');
}

async function download(page: Page, item: 'csv' | 'xlsx', menu = 'download-menu') {
  await page.getByTestId(menu).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`${menu}-${item}`).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('downloading the promises list', () => {
  it('gives a Russian CSV and an Excel workbook with the figures of the screen', async () => {
    const session = await apiSignIn(app.url, DEMO_EMAIL, DEMO_PASSWORD);
    const expected = await measuredPromise(session);
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, app.url, DEMO_EMAIL, DEMO_PASSWORD);
    await page.goto(`${app.url}/app/o/${ORG}/promises`);
    await page.getByTestId('promises-table').waitFor();
    await expect(page.getByRole('button', { name: /^Скачать/ }).isVisible()).resolves.toBe(true);
    await page.getByTestId('download-menu').click();
    await page.getByTestId('download-menu-xlsx').waitFor();
    await screenshot(page, 'downloads-menu');
    await page.keyboard.press('Escape');

    const csv = await download(page, 'csv');
    expect(csv.name).toMatch(new RegExp(`^promises-${ORG}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]?.split(';').slice(0, 3)).toEqual(['Обещание', 'Вид', 'Этап']);
    const row = lines.find((line) => line.startsWith(`${expected.title};`) || line.startsWith(`"${expected.title}`));
    expect(row).toBeDefined();
    expect(row).toContain(`;${formatPercentText(expected.attainment, 2, ',')};`);

    const xlsx = await download(page, 'xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const headers = (sheet?.getRow(1).values ?? []) as unknown[];
    const attainmentColumn = headers.indexOf('Выполнение');
    let cell: ExcelJS.Cell | undefined;
    sheet?.eachRow((r, index) => {
      if (index > 1 && r.getCell(1).value === expected.title) cell = r.getCell(attainmentColumn);
    });
    expect(cell?.value).toBe(Number(expected.attainment.toFixed(4)));
    expect(cell?.numFmt).toBe('0.00%');
    await context.close();
  });
});

describe('the other tables of figures', () => {
  it('download in English from the economics and client-voice screens', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, app.url, DEMO_EMAIL, DEMO_PASSWORD);
    // The language switch holds for the page; a full load follows the person's saved language.
    const inEnglish = async (url: string, ready: string) => {
      await page.goto(url);
      await page.getByTestId(ready).waitFor();
      await page.getByText('EN', { exact: true }).click();
      await page
        .getByRole('button', { name: /^Download/ })
        .first()
        .waitFor();
    };
    await inEnglish(`${app.url}/app/o/${ORG}/economics?tab=teams`, 'teams-comparison');
    const economics = await download(page, 'csv', 'download-economics');
    expect(economics.name).toMatch(new RegExp(`^economics-\\d{4}-\\d{2}-${ORG}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const header = economics.bytes.toString('utf8').slice(1).split('\r\n')[0];
    expect(header?.split(',').slice(0, 3), header).toEqual(['Month', 'Team', 'Revenue (RUB)']);

    await inEnglish(`${app.url}/app/o/${ORG}/economics?tab=ledger`, 'ledger');
    const ledger = await download(page, 'xlsx', 'download-ledger');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(ledger.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Month', 'Team', 'Kind', 'Amount']);
    if (sheet.rowCount > 1) {
      expect(typeof sheet.getRow(2).getCell(4).value).toBe('number');
      expect(sheet.getRow(2).getCell(4).numFmt).toBe('"₽"#,##0.00');
    }

    await inEnglish(`${app.url}/app/o/${ORG}/voice?tab=proposals`, 'proposals-tab');
    await screenshot(page, 'downloads-proposals-en');
    const proposals = await download(page, 'csv', 'download-proposals');
    const lines = proposals.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]?.split(',').slice(0, 4)).toEqual(['Proposal', 'Segment', 'Author', 'Status']);
    expect(lines.length).toBeGreaterThan(1);
    await context.close();
  });
});
