import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSignIn, type Session } from './support/api.js';
import { screenshot, signIn } from './support/browser.js';
import { startDemoApp } from './support/demo-app.js';

const DEMO_EMAIL = 'demo@clientocracy.local';
const DEMO_PASSWORD = 'demo-demo-demo';
const NEW_PASSWORD = 'a-new-demo-password';

const app = startDemoApp();

/** Whether a session made through the API still signs in. */
async function isSignedIn(session: Session): Promise<boolean> {
  const response = await fetch(`${app.url}/api/v1/auth/me`, { headers: { cookie: session.cookie } });
  return response.ok;
}

function sessionRows(page: Page) {
  return page.getByTestId('sessions-table').locator('tbody tr');
}

describe('the Security page', () => {
  it('the demo admin sees their sessions, signs one out, changes the password and signs out everywhere else', async () => {
    const url = app.url;
    // Two other devices signed in to the same account (a laptop and a phone, say).
    const laptop = await apiSignIn(url, DEMO_EMAIL, DEMO_PASSWORD);
    const phone = await apiSignIn(url, DEMO_EMAIL, DEMO_PASSWORD);

    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, url, DEMO_EMAIL, DEMO_PASSWORD);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: /^(Безопасность|Security)$/ }).click();
    await page.waitForURL(/\/app\/security$/);
    await expect.poll(() => sessionRows(page).count()).toBe(3);
    const current = sessionRows(page).filter({ hasText: /Это устройство|This device/ });
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toMatch(/Chrom(e|ium) \d+ · Linux/);
    await screenshot(page, 'security-01-sessions');

    // Sign out one of the other sessions (the oldest: the laptop's), confirming in the dialog.
    await sessionRows(page).last().getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^(Завершить|Sign out)$/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => sessionRows(page).count()).toBe(2);
    expect(await isSignedIn(laptop)).toBe(false);
    expect(await isSignedIn(phone)).toBe(true);
    await screenshot(page, 'security-02-one-signed-out');

    // A wrong current password is named on its field; then the right one changes it.
    const form = page.getByTestId('change-password');
    await form.getByLabel(/^(Текущий пароль|Current password)/).fill('not-the-password');
    await form.getByLabel(/^(Новый пароль|New password)$/).fill(NEW_PASSWORD);
    await form.getByLabel(/^(Новый пароль ещё раз|New password again)/).fill(NEW_PASSWORD);
    await form.getByRole('button', { name: /^(Сменить пароль|Change password)$/ }).click();
    await expect.poll(() => form.getByText(/Это не ваш текущий пароль|This is not your current password/).count()).toBe(1);
    await screenshot(page, 'security-03-wrong-current-password');
    await form.getByLabel(/^(Текущий пароль|Current password)/).fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: /^(Сменить пароль|Change password)$/ }).click();
    await expect.poll(() => page.getByText(/Пароль изменён|Password changed/).count()).toBeGreaterThan(0);
    await expect.poll(() => sessionRows(page).count()).toBe(1);
    expect(await isSignedIn(phone)).toBe(false);
    await screenshot(page, 'security-04-password-changed');

    // Signed in elsewhere again with the new password; "sign out everywhere else" ends it, this page stays signed in.
    const tablet = await apiSignIn(url, DEMO_EMAIL, NEW_PASSWORD);
    await page.reload();
    await expect.poll(() => sessionRows(page).count()).toBe(2);
    await page.getByRole('button', { name: /^(Выйти на всех других устройствах|Sign out everywhere else)$/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^(Выйти на всех других устройствах|Sign out everywhere else)$/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => sessionRows(page).count()).toBe(1);
    expect(await isSignedIn(tablet)).toBe(false);
    await screenshot(page, 'security-05-signed-out-everywhere-else');
    await context.close();
  });

  it('"Forgot password?" on the sign-in page asks for the e-mail and answers the same for any address', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${app.url}/app/sign-in`);
    await page.getByRole('link', { name: 'Forgot password?' }).waitFor();
    await screenshot(page, 'security-06-sign-in-forgot-link');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL(/\/app\/forgot-password$/);
    await page.getByLabel('E-mail').fill('nobody@example.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByText(/If an account has the address nobody@example.test/).count()).toBe(1);
    await screenshot(page, 'security-07-reset-requested');
    await page.goto(`${app.url}/app/reset-password?token=made-up`);
    await page.getByLabel(/^New password$/).fill(NEW_PASSWORD);
    await page.getByLabel(/^New password again$/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect.poll(() => page.getByText(/This link does not work/).count()).toBe(1);
    await screenshot(page, 'security-08-reset-bad-link');
    await context.close();
  });
});
