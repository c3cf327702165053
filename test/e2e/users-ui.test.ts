import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// Users and organisations in a real browser against a real server: the exchange adds an
// organisation and invites its first user; a producer's administrator invites a user, who opens the
// invitation link, chooses a name and password, signs in and lands on the producer's home; people
// who may not manage users see no such form. Every page visited is watched for console errors.

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let producerOrgId: string;
let producerAdmin: TestUser;
let producerMember: TestUser;
let exchangeAdmin: TestUser;
let exchangeMember: TestUser;
const consoleErrors: string[] = [];

const INVITEE_PASSWORD = 'a long invitee passphrase';

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  const db = server.ctx.db;
  producerOrgId = (await makeOrg(db, 'producer', 'Fjord Aluminium AS')).id;
  producerAdmin = await makeUser(server.ctx, producerOrgId, 'admin');
  producerMember = await makeUser(server.ctx, producerOrgId, 'member');
  const exchangeOrgId = (await makeOrg(db, 'exchange', 'Metal Exchange')).id;
  exchangeAdmin = await makeUser(server.ctx, exchangeOrgId, 'admin');
  exchangeMember = await makeUser(server.ctx, exchangeOrgId, 'member');
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

afterEach(() => {
  const errors = consoleErrors.splice(0);
  expect(errors, 'console errors in the browser').toEqual([]);
});

/** Takes out exactly the "Failed to load resource" entries of refusals provoked on purpose. */
function expectRefusals(status: number, count: number): void {
  const refusal = `Failed to load resource: the server responded with a status of ${status}`;
  const matching = consoleErrors.filter((e) => e.includes(refusal));
  expect(matching, `expected ${count} refused request(s) with status ${status}`).toHaveLength(count);
  for (const m of matching) consoleErrors.splice(consoleErrors.indexOf(m), 1);
}

async function anonymous(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
  const page = await newPage(context, consoleErrors);
  return { page, close: () => context.close() };
}

async function signIn(email: string, password = TEST_PASSWORD, page?: Page): Promise<{ page: Page; close: () => Promise<void> }> {
  const session = page ? { page, close: async () => {} } : await anonymous();
  await session.page.goto('/sign-in');
  await session.page.getByLabel('Email').fill(email);
  await session.page.getByLabel('Password').fill(password);
  await session.page.getByLabel('Password').press('Enter');
  await session.page.getByRole('heading', { name: /Welcome/ }).waitFor();
  return session;
}

/** A form field by its label, whether or not the label carries the required-field asterisk. */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`));

/** The text of the messages a field points to with aria-describedby (its error, its hint). */
async function describedText(page: Page, input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  return page.evaluate<string>(`${JSON.stringify(ids)}.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')`);
}

describe('organisations (the exchange)', () => {
  it('an exchange administrator adds an organisation by keyboard, sees a duplicate refused beside its name, and invites its first user', async () => {
    const { page, close } = await signIn(exchangeAdmin.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
    const form = page.getByTestId('organisation-form');

    // Keyboard only: type, Tab between fields (the kind is a producer by default), Enter submits.
    await field(form, 'Name').focus();
    await page.keyboard.type('Baltic Zinc Oy');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate<string>(`document.activeElement?.tagName ?? ''`)).toBe('SELECT');
    expect(await field(form, 'Kind').inputValue()).toBe('producer');
    await page.keyboard.press('Tab');
    await page.keyboard.type('fi');
    expect(await field(form, 'Country').inputValue()).toBe('FI');
    await page.keyboard.press('Enter');

    const created = page.getByTestId('organisation-created');
    await created.filter({ hasText: 'Baltic Zinc Oy (Producer) is on the register.' }).waitFor();
    const row = page.getByTestId('organisations').locator('tr', { hasText: 'Baltic Zinc Oy' });
    await row.getByText('Finland (FI)').waitFor();
    await row.getByText('Producer', { exact: true }).waitFor();

    // The same name again: the server's conflict is shown beside the name field.
    await field(form, 'Name').fill('Baltic Zinc Oy');
    await page.getByRole('button', { name: 'Add the organisation' }).click();
    const name = field(form, 'Name');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(page, name)).toContain('An organisation named "Baltic Zinc Oy" already exists');
    expectRefusals(409, 1);

    // The filter asks the server for one kind.
    await field(page, 'Show').selectOption('auditor');
    await page.getByTestId('organisations').getByText('No organisations of this kind.').waitFor();
    await field(page, 'Show').selectOption('');
    await row.waitFor();

    // Its page: no users yet; the exchange invites its first administrator.
    await row.getByRole('link', { name: 'Baltic Zinc Oy' }).click();
    await page.getByRole('heading', { name: 'Baltic Zinc Oy', level: 1 }).waitFor();
    await page.getByTestId('users').getByText('No users yet.').waitFor();
    const invite = page.getByTestId('invite-form');
    await field(invite, 'Email').fill('anna.virtanen@baltic-zinc.example');
    await field(invite, 'Name').fill('Anna Virtanen');
    await field(invite, 'Role').selectOption('admin');
    await invite.getByRole('button', { name: 'Invite' }).click();
    await page.getByTestId('invitation').filter({ hasText: 'Anna Virtanen (anna.virtanen@baltic-zinc.example) is invited as Administrator.' }).waitFor();
    const invited = page.getByTestId('users').locator('tr', { hasText: 'anna.virtanen@baltic-zinc.example' });
    await invited.getByText('Invitation pending').waitFor();
    await invited.getByText('Administrator').waitFor();

    // The same page in 繁體中文.
    await page.getByTestId('language').selectOption('zh-Hant');
    await page.getByRole('heading', { name: '使用者', level: 2 }).waitFor();
    await page.getByRole('heading', { name: '邀請使用者' }).waitFor();
    await page.getByTestId('language').selectOption('en');
    await close();
  });

  it('an exchange member sees the register without the form; other organisations see neither', async () => {
    const member = await signIn(exchangeMember.email);
    await member.page.goto('/organisations');
    await member.page.getByTestId('organisations').locator('tr', { hasText: 'Fjord Aluminium AS' }).waitFor();
    expect(await member.page.getByTestId('organisation-form').count()).toBe(0);
    // Not an administrator: the organisation's page shows no users and no invitation form.
    await member.page.getByRole('link', { name: 'Fjord Aluminium AS' }).click();
    await member.page.getByText('Its users are managed by its administrators and the exchange’s.').waitFor();
    expect(await member.page.getByTestId('invite-form').count()).toBe(0);
    await member.close();

    const producer = await signIn(producerMember.email);
    expect(await producer.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations' }).count()).toBe(0);
    await producer.page.goto('/organisations');
    await producer.page.getByText('The register of organisations is kept by the exchange.').waitFor();
    expect(await producer.page.getByTestId('organisations').count()).toBe(0);
    await producer.close();
  });
});

describe('users and invitations', () => {
  it('a producer administrator invites a user, who accepts through the link, signs in and sees the producer home', async () => {
    const admin = await signIn(producerAdmin.email);
    const { page } = admin;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    const users = page.getByTestId('users');
    await users.locator('tr', { hasText: producerAdmin.email }).getByText('(you)').waitFor();
    await users.locator('tr', { hasText: producerMember.email }).getByText('Active').waitFor();

    const invite = page.getByTestId('invite-form');
    await field(invite, 'Email').fill('mei.lin@fjord.example');
    await field(invite, 'Name').fill('M. Lin');
    expect(await field(invite, 'Role').inputValue()).toBe('member');
    await invite.getByRole('button', { name: 'Invite' }).click();

    // The link is shown once, with a copy button.
    const invitation = page.getByTestId('invitation');
    await invitation.filter({ hasText: 'M. Lin (mei.lin@fjord.example) is invited as Member.' }).waitFor();
    const link = await page.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.baseUrl.replace(/\./g, '\\.')}/invitations/accept#token=[A-Za-z0-9_-]{20,}$`));
    await invitation.getByRole('button', { name: 'Copy link' }).click();
    await invitation.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(link);
    await users.locator('tr', { hasText: 'mei.lin@fjord.example' }).getByText('Invitation pending').waitFor();

    // Inviting the same address again: the server's answer beside the email field.
    await field(invite, 'Email').fill('mei.lin@fjord.example');
    await field(invite, 'Name').fill('Mei Lin');
    await invite.getByRole('button', { name: 'Invite' }).click();
    const email = field(invite, 'Email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(page, email)).toContain('already in use');
    expect(await page.getByTestId('invitation').count()).toBe(0);
    expectRefusals(409, 1);

    // The invitee, in a browser of their own.
    const invitee = await anonymous();
    const p = invitee.page;
    await p.goto(link);
    await p.getByRole('heading', { name: 'Accept your invitation', level: 1 }).waitFor();
    expect(await p.getByLabel(/^Invitation token/).count()).toBe(0);
    await field(p, 'Your name').fill('Mei Lin');
    // Passwords that differ are caught before anything is sent.
    await field(p, 'New password').fill('short pass');
    await field(p, 'Repeat the password').fill('short pas');
    await p.getByRole('button', { name: 'Set my password' }).click();
    const confirm = field(p, 'Repeat the password');
    await expect.poll(() => confirm.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(p, confirm)).toContain('The two passwords are not the same.');
    // Too short: the server says so beside the password.
    await confirm.fill('short pass');
    await confirm.press('Enter');
    const password = field(p, 'New password');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(p, password)).toContain('at least 12 characters');
    expectRefusals(400, 1);

    await password.fill(INVITEE_PASSWORD);
    await confirm.fill(INVITEE_PASSWORD);
    await confirm.press('Enter');
    await p.getByRole('heading', { name: 'Your account is ready' }).waitFor();
    await p.getByRole('link', { name: 'Sign in' }).last().click();
    await signIn('mei.lin@fjord.example', INVITEE_PASSWORD, p);
    await p.getByRole('heading', { name: 'Welcome, Mei Lin', level: 1 }).waitFor();
    await p.getByText('Fjord Aluminium AS · Producer').waitFor();
    await p.getByRole('heading', { name: 'Needs attention' }).waitFor();
    await p.getByRole('link', { name: 'Issue a certificate' }).first().waitFor();
    // A member: no users panel, no invitation form, no API keys.
    expect(await p.getByRole('heading', { name: 'Users' }).count()).toBe(0);
    expect(await p.getByTestId('invite-form').count()).toBe(0);
    expect(await p.getByRole('heading', { name: 'API keys' }).count()).toBe(0);

    // The link works once.
    await p.goto(link);
    await field(p, 'New password').fill(INVITEE_PASSWORD);
    await field(p, 'Repeat the password').fill(INVITEE_PASSWORD);
    await p.getByRole('button', { name: 'Set my password' }).click();
    await p.getByTestId('invitation-gone').waitFor();
    expectRefusals(404, 1);
    await invitee.close();

    // The administrator sees the new user active, under the name they chose.
    await page.reload();
    const row = page.getByTestId('users').locator('tr', { hasText: 'mei.lin@fjord.example' });
    await row.getByText('Active').waitFor();
    await row.getByText('Mei Lin').waitFor();
    await admin.close();
  });

  it('a bare token (as the operator CLI prints it) can be entered on the page', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/v1/organisations/${producerOrgId}/users`,
      headers: { cookie: producerAdmin.cookie },
      payload: { email: 'viewer.ola@fjord.example', name: 'Ola Nordmann', role: 'viewer' },
    });
    expect(res.statusCode).toBe(201);
    const token = res.json<{ invitationToken: string }>().invitationToken;
    const { page, close } = await anonymous();
    await page.goto('/invitations/accept');
    await field(page, 'Invitation token').fill(token);
    await field(page, 'New password').fill(INVITEE_PASSWORD);
    await field(page, 'Repeat the password').fill(INVITEE_PASSWORD);
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByRole('heading', { name: 'Your account is ready' }).waitFor();
    await signIn('viewer.ola@fjord.example', INVITEE_PASSWORD, page);
    // The name from the invitation stays when the invitee leaves theirs empty.
    await page.getByRole('heading', { name: 'Welcome, Ola Nordmann', level: 1 }).waitFor();
    await close();
  });

  it('a non-administrator sees no users panel and no invitation form anywhere', async () => {
    const { page, close } = await signIn(producerMember.email);
    await page.getByRole('heading', { name: 'Needs attention' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByTestId('invite-form').count()).toBe(0);
    await page.goto(`/organisations/${producerOrgId}`);
    await page.getByRole('heading', { name: 'Fjord Aluminium AS', level: 1 }).waitFor();
    await page.getByText('Its users are managed by its administrators and the exchange’s.').waitFor();
    expect(await page.getByTestId('invite-form').count()).toBe(0);
    expect(await page.getByTestId('users').count()).toBe(0);
    await close();
  });
});
