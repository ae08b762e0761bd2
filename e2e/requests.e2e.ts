import { describe, expect, it } from 'vitest';
import { apiPost, apiSignIn } from './support/api.js';
import { screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';
const ORG = 'stroydom';
const WARRANTY = 'Гарантийный сервис';
const SALES = 'Продажи';

const app = startDemoApp();

describe('requests between teams: a team promises only its own behaviour, others ask it to', () => {
  it('asks another team from the promises page; a request to my team is accepted into a draft internal promise', async () => {
    const url = app.url;
    const session = await apiSignIn(url, DEMO_EMAIL, DEMO_PASSWORD);
    const teams = (await (await fetch(`${url}/api/v1/orgs/${ORG}/teams`, { headers: { cookie: session.cookie } })).json()) as {
      items: { id: string; name: string }[];
    };
    const id = (name: string) => teams.items.find((t) => t.name === name)!.id;
    // The warranty team asks the demo admin's team (Sales) for something, as its members would.
    const incoming = 'Передавать контакты покупателя в день подписания';
    await apiPost(url, session, `/api/v1/orgs/${ORG}/promise-requests`, {
      fromTeamId: id(WARRANTY),
      toTeamId: id(SALES),
      title: incoming,
      statement: 'Чтобы гарантийная служба знала, кому звонить, с первого дня.',
      // The demo admin is not in the warranty team: asking for it takes a reason (issue 17).
      override: { reason: 'Гарантийная служба попросила передать запрос' },
    });

    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, url, DEMO_EMAIL, DEMO_PASSWORD);
    await page.goto(`${url}/app/o/${ORG}/promises?tab=requests`);
    await page.getByTestId('promise-requests').waitFor();

    // Ask the warranty team.
    const asked = 'Выезд на гарантийный осмотр за 3 дня';
    await page.getByTestId('ask-button').click();
    const form = page.getByTestId('request-form');
    // An admin may ask on behalf of any team: the form asks which.
    await form.getByRole('textbox', { name: 'От имени команды' }).click();
    await page.getByRole('option', { name: SALES }).click();
    await form.getByRole('textbox', { name: 'Какую команду просите' }).click();
    await page.getByRole('option', { name: WARRANTY }).click();
    await form.getByRole('textbox', { name: 'О чём просите' }).fill(asked);
    await form.getByRole('textbox', { name: 'Запрос простыми словами' }).fill('Чтобы мы могли обещать клиентам осмотр в течение недели.');
    await form.getByRole('button', { name: 'Отправить запрос' }).click();
    const sent = page.getByTestId('request-card').filter({ hasText: asked });
    await sent.waitFor();
    expect(await sent.getAttribute('data-status')).toBe('open');
    // Sent by my team: nothing to answer here.
    expect(await sent.getByRole('button', { name: 'Принять' }).count()).toBe(0);

    // Received by my team: accept with terms, which makes a draft internal promise.
    const received = page.getByTestId('request-card').filter({ hasText: incoming });
    await received.getByRole('button', { name: 'Принять' }).click();
    const accept = page.getByRole('dialog', { name: 'Принять: пообещать' });
    await accept.waitFor();
    // Measured as good or not, 95% over 30 days: the statement is the request's by default.
    await accept.getByText('Успешно или нет').click();
    await screenshot(page, 'requests-accept-form');
    await accept.getByRole('button', { name: 'Создать черновик обещания' }).click();
    await page.waitForURL(/\/promises\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: incoming }).waitFor();
    await screenshot(page, 'requests-accepted-draft');

    await page.goto(`${url}/app/o/${ORG}/promises?tab=requests`);
    const answered = page.getByTestId('request-card').filter({ hasText: incoming });
    await answered.waitFor();
    expect(await answered.getAttribute('data-status')).toBe('accepted');
    expect(await answered.getByTestId('request-promise').count()).toBe(1);
    await context.close();
  }, 120_000);
});
