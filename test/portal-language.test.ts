/**
 * The client's language on the portal and the public board: `?lang=` sets it (a cookie),
 * the section menu keeps it, and the board — cached by URL — follows it by redirecting to its URL
 * with `?lang=`, while an explicit `?lang=` always wins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardLocale } from '../src/modules/promises/board.routes.js';
import type { TwoOrgs } from './fixtures.js';
import { createTestApp, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;

const get = (url: string, lang?: string) => t.app.inject({ method: 'GET', url, headers: lang ? { cookie: `cc_lang=${lang}` } : {} });
const htmlLang = (body: string) => /<html lang="(\w+)"/.exec(body)?.[1];
const sectionLinks = (body: string) =>
  [...(/<nav class="sections"[^>]*>(.*?)<\/nav>/s.exec(body)?.[1] ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1] as string);

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  const admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  const patched = await admin.patch(`/api/v1/orgs/${orgs.a.slug}`, { locale: 'ru' });
  expect(patched.statusCode, show(patched)).toBe(200);
});

afterAll(async () => {
  await t.close();
});

describe('the client’s language on the portal and the board', () => {
  it('the board’s language: ?lang first, else a portal choice other than the organization’s (by redirect), else the organization’s', () => {
    const org = { locale: 'ru' as const };
    expect(boardLocale({ lang: 'en' }, { cc_lang: 'ru' }, org)).toEqual({ locale: 'en' });
    expect(boardLocale({ lang: 'ru' }, { cc_lang: 'en' }, org)).toEqual({ locale: 'ru' });
    expect(boardLocale({}, { cc_lang: 'en' }, org)).toEqual({ locale: 'en', redirectTo: 'en' });
    expect(boardLocale({}, { cc_lang: 'ru' }, org)).toEqual({ locale: 'ru' });
    expect(boardLocale({}, { cc_lang: 'de' }, org)).toEqual({ locale: 'ru' });
    expect(boardLocale({}, {}, org)).toEqual({ locale: 'ru' });
  });

  it('?lang=en on the portal is remembered, and every link of the section menu keeps it', async () => {
    const base = `/c/${orgs.a.slug}`;
    const home = await get(`${base}?lang=en`);
    expect(home.statusCode, show(home)).toBe(200);
    expect(htmlLang(home.body)).toBe('en');
    expect(String(home.headers['set-cookie'])).toMatch(/cc_lang=en/);
    const links = sectionLinks(home.body);
    expect(links.length).toBeGreaterThan(2);
    expect(
      links.every((href) => href.endsWith('?lang=en')),
      links.join(' '),
    ).toBe(true);
    expect(links).toContain(`${base}/promises?lang=en`);

    // The organization's own language needs no parameter.
    const russian = await get(base, 'ru');
    expect(htmlLang(russian.body)).toBe('ru');
    expect(sectionLinks(russian.body)).toContain(`${base}/promises`);
  });

  it('the board follows the portal choice: a redirect to ?lang=en, never a cached page in the other language', async () => {
    const board = `/c/${orgs.a.slug}/promises`;
    const redirected = await get(board, 'en');
    expect(redirected.statusCode).toBe(303);
    expect(redirected.headers.location).toBe(`${board}?lang=en`);
    expect(redirected.headers['cache-control']).toBe('no-store');
    expect(redirected.headers.vary).toMatch(/cookie/i);

    const english = await get(`${board}?lang=en`, 'en');
    expect(english.statusCode, show(english)).toBe(200);
    expect(htmlLang(english.body)).toBe('en');
    expect(sectionLinks(english.body)).toContain(`/c/${orgs.a.slug}?lang=en`);
    // Back to Russian from the board: the link names its language, so the cookie does not send the client back.
    expect(english.body).toContain(`href="${board}?lang=ru" lang="ru"`);
    const back = await get(`${board}?lang=ru`, 'en');
    expect(back.statusCode).toBe(200);
    expect(htmlLang(back.body)).toBe('ru');

    const plain = await get(board);
    expect(plain.statusCode).toBe(200);
    expect(htmlLang(plain.body)).toBe('ru');
    expect(plain.headers.vary).toMatch(/cookie/i);
  });
});
