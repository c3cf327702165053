import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/access/password-policy.ts';
import { makeOrg, makeUser, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// What people see when the server refuses them for security's sake, in each of the three
// languages: a password it will not accept (and why), and signing in after too many failures.

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let orgId: string;
let admin: TestUser;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  orgId = (await makeOrg(server.ctx.db, 'producer', 'Fjord Aluminium AS')).id;
  admin = await makeUser(server.ctx, orgId, 'admin');
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

/** The text of the messages a field points to with aria-describedby (its error, its hint). */
async function describedText(page: Page, input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  return page.evaluate<string>(`${JSON.stringify(ids)}.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')`);
}

async function invite(email: string): Promise<string> {
  const res = await server.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${orgId}/users`,
    headers: { cookie: admin.cookie },
    payload: { email, name: 'New Colleague', role: 'member' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return `/invitations/accept#token=${res.json<{ invitationToken: string }>().invitationToken}`;
}

// The browser's language picks the app's (web/src/i18n.ts).
const LANGUAGES = [
  {
    locale: 'en-GB',
    lang: 'en',
    common: 'This password is on a list of common and breached passwords.',
    published: 'This is the demo password, which anyone can read.',
    context: 'This password is too close to your email address or the name of this service.',
    locked: 'Too many failed sign-ins',
  },
  {
    locale: 'zh-TW',
    lang: 'zh-Hant',
    common: '此密碼列於常見及外洩密碼清單中。',
    published: '這是公開的示範密碼，任何人都看得到。',
    context: '此密碼與您的電郵地址或本服務名稱過於相近。',
    locked: '登入失敗次數過多',
  },
  {
    locale: 'zh-CN',
    lang: 'zh-Hans',
    common: '此密码在常见及泄露密码列表中。',
    published: '这是公开的演示密码，任何人都能看到。',
    context: '此密码与您的电子邮箱地址或本服务名称过于相近。',
    locked: '登录失败次数过多',
  },
] as const;

describe('security refusals in the web app, in every language', () => {
  for (const l of LANGUAGES) {
    it(`says why a password is refused, and that signing in is throttled, in ${l.lang}`, async () => {
      const context = await browser.newContext({ baseURL: server.baseUrl, locale: l.locale });
      const errors: string[] = [];
      const page = await newPage(context, errors);
      const email = `mei.${l.lang.toLowerCase()}@fjord.example`;
      await page.goto(await invite(email));
      expect(await page.evaluate<string>('document.documentElement.lang')).toBe(l.lang);
      const [password, confirm] = [page.locator('input[type="password"]').nth(0), page.locator('input[type="password"]').nth(1)];

      const tries: [string, string][] = [
        ['Qwerty 123456', l.common],
        [DEMO_PASSWORD, l.published],
        [`${email.split("@")[0]}!2026!`, l.context],
      ];
      for (const [weak, why] of tries) {
        await password.fill(weak);
        await confirm.fill(weak);
        await confirm.press('Enter');
        await expect.poll(() => describedText(page, password)).toContain(why);
        expect(await password.getAttribute('aria-invalid')).toBe('true');
      }
      // Each refusal was a 400 the browser logs; nothing else went wrong.
      expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
      expect(errors).toHaveLength(tries.length);

      // Signing in: a few wrong passwords, then the server asks to wait, and the page says so.
      errors.length = 0;
      await page.goto('/sign-in');
      await page.locator('input[type="email"]').fill(admin.email);
      const secret = page.locator('input[type="password"]');
      await secret.fill('not the right password');
      const alert = page.getByTestId('sign-in-throttled');
      for (let i = 0; i < 8 && !(await alert.isVisible()); i++) {
        await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/v1/sessions')), secret.press('Enter')]);
      }
      await expect.poll(() => alert.textContent()).toContain(l.locked);
      expect(errors.every((e) => /status of (401|429)/.test(e))).toBe(true);
      await context.close();
      // The administrator is not left locked out for the next language.
      await server.ctx.db.query(`DELETE FROM auth_throttle`);
    });
  }
});

describe('unlocking from the users list', () => {
  it('shows an administrator which user is locked out, and unlocks them', async () => {
    const member = await makeUser(server.ctx, orgId, 'member');
    // Ten failures just now: the state a guessing attack leaves (access/throttle.ts).
    await server.ctx.db.query(`INSERT INTO auth_throttle (scope, subject, failures, last_failure_at) VALUES ('email', $1, 10, now())`, [member.email]);
    const signInAs = () =>
      server.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: member.email, password: TEST_PASSWORD }, remoteAddress: '192.0.2.50' });
    expect((await signInAs()).statusCode).toBe(429);

    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
    const errors: string[] = [];
    const page = await newPage(context, errors);
    await page.goto('/sign-in');
    await page.locator('input[type="email"]').fill(admin.email);
    await page.locator('input[type="password"]').fill(TEST_PASSWORD);
    await page.locator('input[type="password"]').press('Enter');
    const row = page.getByTestId('users').locator('tr', { hasText: member.email });
    await row.getByText('Sign-in locked').waitFor();
    await row.getByRole('button', { name: 'Unlock' }).click();
    await row.getByText('Active').waitFor();
    expect(await row.getByRole('button', { name: 'Unlock' }).count()).toBe(0);
    expect((await signInAs()).statusCode).toBe(201);
    expect(errors).toEqual([]);
    await context.close();
  });
});
