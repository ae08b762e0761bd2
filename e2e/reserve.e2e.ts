import { describe, expect, it } from 'vitest';
import { apiPost, apiSignIn, type Session } from './support/api.js';
import { screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';
const ORG = 'stroydom';

const app = startDemoApp();

/** Signs a client in through an invitation link, as the portal's button does; returns the portal cookie. */
async function clientCookie(url: string, admin: Session, clientId: string): Promise<string> {
  const invitation = await apiPost<{ url: string }>(url, admin, `/api/v1/orgs/${ORG}/clients/${clientId}/invitations`, {});
  const res = await fetch(`${url}${new URL(invitation.url).pathname}`, { method: 'POST', redirect: 'manual' });
  return res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

describe('the participatory reserve: clients decide, staff allocate', () => {
  it('clients fill budget ballots in the portal; staff compare both methods and allocate by Equal Shares', async () => {
    const url = app.url;
    const admin = await apiSignIn(url, DEMO_EMAIL, DEMO_PASSWORD);
    // The worked example: 1,000.00 ₽; three clients approve A (600) and B (400), two approve C (400).
    const closesAt = Date.now() + 12_000;
    const round = await apiPost<{ id: string }>(url, admin, `/api/v1/orgs/${ORG}/reserve-rounds`, {
      title: 'Малый резерв: проверка',
      description: 'Три проекта, бюджет 1 000 ₽.',
      budgetMinor: 100_000,
      method: 'mes',
      segmentIds: [],
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
    });
    const project = async (title: string, costMinor: number) =>
      (
        await apiPost<{ id: string }>(url, admin, `/api/v1/orgs/${ORG}/reserve-rounds/${round.id}/projects`, {
          title,
          description: '',
          costMinor,
          kind: 'project',
        })
      ).id;
    const a = await project('Проект А', 60_000);
    const b = await project('Проект Б', 40_000);
    const c = await project('Проект В', 40_000);
    await apiPost(url, admin, `/api/v1/orgs/${ORG}/reserve-rounds/${round.id}/open`, {});

    const clients = (
      (await (await fetch(`${url}/api/v1/orgs/${ORG}/clients`, { headers: { cookie: admin.cookie } })).json()) as {
        items: { id: string }[];
      }
    ).items;
    const ballots = [[a, b], [a, b], [a, b], [c], [c]];
    for (const [i, approved] of ballots.entries()) {
      const cookie = await clientCookie(url, admin, clients[i]!.id);
      const form = new URLSearchParams(approved.map((id) => ['projectIds', id]));
      const res = await fetch(`${url}/c/${ORG}/reserve/${round.id}/ballot`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      expect(res.status).toBe(303);
    }
    // Voting ends; then staff allocate.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesAt - Date.now() + 500)));

    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, url, DEMO_EMAIL, DEMO_PASSWORD);
    await page.goto(`${url}/app/o/${ORG}/reserve-rounds/${round.id}`);
    const result = page.getByTestId('round-result');
    await result.waitFor();
    // Greedy by votes funds A and B (3 votes each); Equal Shares funds B and C: the minority is heard.
    const row = (title: string) => page.getByTestId('result-row').filter({ hasText: title });
    await expect(row('Проект А').getByTestId('greedy-cell').textContent()).resolves.toContain('✓');
    await expect(row('Проект А').getByTestId('mes-cell').textContent()).resolves.not.toContain('✓');
    await expect(row('Проект В').getByTestId('greedy-cell').textContent()).resolves.not.toContain('✓');
    await expect(row('Проект В').getByTestId('mes-cell').textContent()).resolves.toContain('✓');
    await screenshot(page, 'reserve-01-both-methods');

    await page.getByRole('button', { name: 'Распределить' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Распределить' }).click();
    await expect.poll(() => page.getByTestId('round-page').getAttribute('data-status')).toBe('allocated');
    const status = (title: string) => page.getByTestId('project-row').filter({ hasText: title }).getAttribute('data-status');
    await expect.poll(() => status('Проект Б')).toBe('funded');
    await expect.poll(() => status('Проект В')).toBe('funded');
    await expect.poll(() => status('Проект А')).toBe('not_funded');
    await screenshot(page, 'reserve-02-allocated');
    await context.close();
  });
});
