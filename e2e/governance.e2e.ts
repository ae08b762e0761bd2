import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';
const RIGHT = 'Закупать материалы сверх сметы';
const TEAM = 'Гарантийный сервис';

const app = startDemoApp();

/** The diagram's edge of the new right to a holder (`data-holder` is the API's holder name). */
const edge = (page: Page, holder: string) => page.locator(`[data-testid="grant-edge"][data-right="${RIGHT}"][data-holder="${holder}"]`);
/** Text with Intl's no-break and narrow spaces ("50 000 ₽") as plain spaces. */
const plain = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ');
const card = (page: Page, holderText: string) =>
  page.locator(`[data-testid="team-grant"][data-right="${RIGHT}"]`).filter({ hasText: holderText });

describe('steps 5–6: decision rights', () => {
  it('defines a right, grants and passes it on within the cap, then revokes it with a reason: the flow shows it faded', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    const url = app.url;
    await signIn(page, url, DEMO_EMAIL, DEMO_PASSWORD);

    // The council's and organization's view: the rights flow page, from the navigation.
    await page.goto(`${url}/app/o/stroydom/teams`);
    await page.getByRole('navigation').getByRole('link', { name: 'Поток прав' }).click();
    await page.waitForURL(/\/app\/o\/stroydom\/rights$/);
    await page.getByTestId('rights-flow').waitFor();
    expect(await page.locator('[data-testid="grant-edge"][data-right="Решать гарантийные случаи"]').count()).toBe(2);
    await screenshot(page, 'governance-01-flow');

    // A new decision right, defined through the interface.
    await page.getByRole('button', { name: 'Новое право решений' }).click();
    const define = page.getByRole('dialog', { name: 'Новое право решений' });
    await define.getByLabel('Что можно решать').fill(RIGHT);
    await define.getByLabel('Описание').fill('заказывать материалы, которых нет в смете дома');
    await define.getByRole('button', { name: 'Новое право решений' }).click();
    await expect.poll(() => page.getByTestId('grant-list').textContent()).toContain(RIGHT);

    // Granted to the warranty team from its page, on the tab the URL names.
    await page.getByRole('navigation').getByRole('link', { name: 'Команды' }).click();
    await page.getByTestId('teams-table').getByRole('link', { name: TEAM }).click();
    await page.getByRole('tab', { name: 'Права решений' }).click();
    await page.waitForURL(/\?tab=rights$/);
    await page.getByTestId('team-rights').waitFor();
    await page.getByRole('button', { name: 'Выдать право' }).click();
    const grant = page.getByRole('dialog', { name: `Выдать право команде «${TEAM}»` });
    await grant.getByRole('textbox', { name: 'Право решений' }).click();
    await page.getByRole('option', { name: RIGHT }).click();
    // A new grant starts with a cap to fill in, not "no cap"; an admin may grant on behalf of the council.
    expect(await grant.getByLabel('Без лимита').isChecked()).toBe(false);
    await grant.getByRole('radio', { name: 'От имени совета' }).waitFor();
    await grant.getByRole('button', { name: 'Выдать право' }).click();
    await grant.getByTestId('cap-missing').waitFor();
    await screenshot(page, 'governance-01b-grant-cap');
    await grant.getByTestId('cap-input').fill('50000');
    await grant.getByLabel('Рамки').fill('дома на гарантии');
    await grant.getByLabel('Причина').fill('ремонт не ждёт нового согласования сметы');
    await grant.getByRole('button', { name: 'Выдать право' }).click();
    await card(page, 'У команды').waitFor();
    expect(await card(page, 'У команды').getAttribute('data-state')).toBe('active');
    expect(await plain(card(page, 'У команды'))).toContain('до 50 000 ₽');
    expect(await card(page, 'У команды').getByTestId('grant-origin').textContent()).toBe(`СтройДом→${TEAM}`);

    // Passed on to the engineer on duty: a cap wider than the team's is refused on the field, a narrower one goes.
    await card(page, 'У команды').getByRole('button', { name: 'Делегировать' }).click();
    const pass = page.getByRole('dialog', { name: `Делегировать право «${RIGHT}»` });
    await pass.getByRole('textbox', { name: 'Роль', exact: true }).click();
    await page.getByRole('option', { name: 'Дежурный инженер' }).click();
    await pass.getByTestId('cap-input').fill('60000');
    await pass.getByRole('button', { name: 'Делегировать' }).click();
    await expect.poll(() => plain(pass)).toContain('Шире передаваемого права: его лимит 50 000 ₽');
    await screenshot(page, 'governance-02-cap-refused');
    await pass.getByTestId('cap-input').fill('20000');
    await pass.getByRole('button', { name: 'Делегировать' }).click();
    await card(page, 'У роли «Дежурный инженер»').waitFor();
    expect(await card(page, 'У роли «Дежурный инженер»').getByTestId('grant-origin').textContent()).toBe(
      `СтройДом→${TEAM}→Дежурный инженер`,
    );
    await screenshot(page, 'governance-03-team-rights');

    // The flow: an edge from the organization to the team and on to the role, both in force.
    await page.getByRole('link', { name: 'Посмотреть поток прав →' }).click();
    await page.getByTestId('rights-flow').waitFor();
    expect(await edge(page, TEAM).getAttribute('data-active')).toBe('true');
    expect(await edge(page, `${TEAM} / Дежурный инженер`).getAttribute('data-active')).toBe('true');
    expect(await plain(edge(page, TEAM))).toContain('≤ 50 000 ₽');
    await screenshot(page, 'governance-04-flow-granted');

    // Revoked on the team page with a reason: what was passed on from it goes too.
    await page.goBack();
    await card(page, 'У команды').getByRole('button', { name: 'Отозвать' }).click();
    const revoke = page.getByRole('dialog', { name: 'Отозвать право' });
    expect(await revoke.textContent()).toContain('ещё 1 выдача');
    await revoke.getByRole('button', { name: 'Отозвать' }).click();
    await expect.poll(() => revoke.textContent()).toContain('Укажите причину');
    await revoke.getByLabel('Причина').fill('закупки снова идут через снабжение');
    await revoke.getByRole('button', { name: 'Отозвать' }).click();
    await expect.poll(() => card(page, 'У команды').getAttribute('data-state')).toBe('revoked');
    expect(await card(page, 'У команды').getByTestId('grant-state').textContent()).toBe('Отозвано');
    // The revocation cascades: the role's grant is revoked in its own right, not merely cut off.
    expect(await card(page, 'У роли «Дежурный инженер»').getAttribute('data-state')).toBe('revoked');
    await card(page, 'У команды').getByRole('button', { name: 'История' }).click();
    const history = page.getByTestId('grant-history');
    await expect.poll(() => history.locator('[data-testid="grant-event"]').count()).toBe(2);
    expect(await history.textContent()).toContain('Почему: закупки снова идут через снабжение');
    await screenshot(page, 'governance-05-revoked-history');
    await page.keyboard.press('Escape');

    // The flow draws both grants faded; hiding revoked grants takes them off the diagram.
    await page.getByRole('navigation').getByRole('link', { name: 'Поток прав' }).click();
    await page.getByTestId('rights-flow').waitFor();
    expect(await edge(page, TEAM).getAttribute('data-active')).toBe('false');
    expect(await edge(page, TEAM).getAttribute('opacity')).toBe('0.4');
    expect(await edge(page, TEAM).locator('path').getAttribute('stroke-dasharray')).toBe('6 4');
    expect(await edge(page, `${TEAM} / Дежурный инженер`).getAttribute('data-active')).toBe('false');
    expect(await edge(page, TEAM).textContent()).toContain('Отозвано');
    await screenshot(page, 'governance-06-flow-revoked');
    // Mantine draws the switch over a hidden checkbox: its label is what a person clicks.
    await page.getByText('Показывать отозванные', { exact: true }).click();
    await expect.poll(() => page.getByLabel('Показывать отозванные').isChecked()).toBe(false);
    expect(await page.locator(`[data-testid="grant-edge"][data-right="${RIGHT}"]`).count()).toBe(0);
    expect(await page.locator('[data-testid="grant-edge"][data-right="Решать гарантийные случаи"]').count()).toBe(2);

    // The same page in English.
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Rights flow');
    await page.getByText('Show revoked', { exact: true }).click();
    await expect.poll(() => page.getByLabel('Show revoked').isChecked()).toBe(true);
    expect(await page.getByTestId('grant-list').textContent()).toContain('Revoked');
    await screenshot(page, 'governance-07-flow-english');
    await context.close();
  });
});
