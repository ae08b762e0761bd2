import { describe, expect, it } from 'vitest';
import { apiPost, apiSignIn, type Session } from './support/api.js';
import { screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';
const ORG = 'stroydom';
// A homeowner: the open poll on warranty visits is put to her segment.
const CLIENT = 'Екатерина Волкова';
const PROPOSAL = 'Гарантия на кровлю 10 лет вместо 5';
const COMMENT = 'Инженер приехал вовремя и всё объяснил — спасибо!';

const app = startDemoApp();

async function get<T>(session: Session, path: string): Promise<T> {
  const response = await fetch(`${app.url}${path}`, { headers: { cookie: session.cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('client voice: a client is heard, and staff see it', () => {
  it('a client signs in by invitation, gives NPS feedback, supports a proposal and votes; staff see each result', async () => {
    const url = app.url;
    const admin = await apiSignIn(url, DEMO_EMAIL, DEMO_PASSWORD);
    const clients = await get<{ items: { id: string; name: string }[] }>(
      admin,
      `/api/v1/orgs/${ORG}/clients?q=${encodeURIComponent(CLIENT)}`,
    );
    const client = clients.items.find((c) => c.name === CLIENT)!;
    const invitation = await apiPost<{ url: string }>(url, admin, `/api/v1/orgs/${ORG}/clients/${client.id}/invitations`, {});

    // The client, on a phone.
    const phone = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' });
    const page = await phone.newPage();
    await page.goto(`${url}${new URL(invitation.url).pathname}`);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('heading', { name: `Здравствуйте, ${CLIENT}` }).waitFor();

    // NPS feedback on the warranty promise.
    await page.getByRole('link', { name: 'Отзывы' }).click();
    await page.getByRole('link', { name: 'Рекомендация' }).click();
    await page.locator('select[name=subject]').selectOption({ label: 'Ответ на гарантийное обращение за 24 часа' });
    await page.locator('input[name=score][value="9"]').check();
    await page.locator('textarea[name=comment]').fill(COMMENT);
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByRole('status').waitFor();
    await expect(page.getByText(COMMENT).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'client-voice-feedback');

    // Support a proposal that is one support short of its threshold.
    await page.getByRole('link', { name: 'Предложения', exact: true }).click();
    await page.getByRole('link', { name: PROPOSAL }).click();
    await page.getByRole('button', { name: 'Поддержать' }).click();
    await page.getByText('3 из 3').first().waitFor();
    await screenshot(page, 'client-voice-proposal');

    // Vote in the open poll on warranty visits.
    await page.getByRole('link', { name: 'Опросы' }).click();
    await page.getByRole('link', { name: 'Голосовать' }).first().click();
    const pollUrl = page.url();
    await page.locator('input[name=option]').first().check();
    await page.getByRole('button', { name: 'Проголосовать' }).click();
    await page.getByRole('status').waitFor();
    await screenshot(page, 'client-voice-poll');
    await phone.close();

    // Staff see the result of each.
    const pollId = new URL(pollUrl).pathname.split('/').at(-1)!;
    const poll = await get<{ decisionId: string }>(admin, `/api/v1/orgs/${ORG}/polls/${pollId}`);
    const proposals = await get<{ items: { id: string; title: string; supports: number; thresholdReachedAt: number | null }[] }>(
      admin,
      `/api/v1/orgs/${ORG}/proposals?limit=200`,
    );
    const proposal = proposals.items.find((p) => p.title === PROPOSAL)!;
    expect(proposal.supports).toBe(3);
    expect(proposal.thresholdReachedAt).not.toBeNull();

    const desk = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const staff = await desk.newPage();
    await signIn(staff, url, DEMO_EMAIL, DEMO_PASSWORD);
    await staff.goto(`${url}/app/o/${ORG}/voice`);
    const row = staff.getByTestId('feedback-row').filter({ hasText: COMMENT });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(CLIENT);
    await screenshot(staff, 'client-voice-staff-feedback');

    // Triage creates the pain it tags, with its severity and frequency, from the same dialog.
    await row.getByRole('button', { name: 'Привязать к боли' }).click();
    const triage = staff.getByRole('dialog', { name: 'Привязать ответ к боли' });
    await triage.getByRole('textbox', { name: 'Сегмент' }).click();
    await staff.getByRole('option', { name: 'Семьи, строящие первый дом' }).click();
    await triage.getByLabel('Создать новую боль').check();
    await triage.getByRole('textbox', { name: 'Боль — словами клиента' }).fill('Гарантийный выезд приходится ждать больше недели');
    await triage.getByTestId('triage-severity').getByText('4', { exact: true }).click();
    await triage.getByTestId('triage-frequency').getByText('2', { exact: true }).click();
    await screenshot(staff, 'client-voice-staff-triage-new-pain');
    await triage.getByRole('button', { name: 'Создать и привязать' }).click();
    await expect.poll(() => row.getByTestId('pain-tag').textContent()).toContain('Гарантийный выезд приходится ждать больше недели');

    await staff.goto(`${url}/app/o/${ORG}/proposals/${proposal.id}`);
    await staff.getByTestId('proposal-page').getByText('3 из 3').first().waitFor();
    await screenshot(staff, 'client-voice-staff-proposal');

    await staff.goto(`${url}/app/o/${ORG}/decisions/${poll.decisionId}`);
    const turnout = staff.getByTestId('decision-polls').getByTestId('poll-turnout').first();
    await turnout.waitFor();
    // Two homeowners had voted in the demo; hers is the third, which meets the quorum of 3.
    await expect(turnout.textContent()).resolves.toContain('Проголосовали 3 из 4');
    await screenshot(staff, 'client-voice-staff-poll');
    await desk.close();
  });
});
