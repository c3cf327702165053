import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeUser, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { warrantFor } from '../fixtures/pledges.ts';
import { warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// A pledge in a real browser against a real server: the holder proposes it, the lender accepts it
// from its home page, the holder sees the warrant locked with the reason naming the pledge, the
// lender's due-diligence check says "pledged", the lender releases it and all is free again.
// Every page visited is watched for console errors.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let w: WarehouseWorld;
let lender: TestUser;
let warrant: Json;
const consoleErrors: string[] = [];
const LENDER = 'Harbour Bank plc';

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  w = await warehouseWorld(server.app, server.ctx);
  lender = await makeUser(server.ctx, (await makeOrg(server.ctx.db, 'lender', LENDER)).id, 'member');
  warrant = await warrantFor(server.app, w, w.traderOrg);
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

afterEach(() => {
  expect(consoleErrors, 'console errors in the browser').toEqual([]);
});

async function signIn(user: TestUser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
  const page = await newPage(context, consoleErrors);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  return { page, close: () => context.close() };
}

const holdingRow = (page: Page) => page.locator(`[data-testid="holdings"] tr[data-asset="${warrant.number}"]`);

describe('a pledge, from proposal to release', () => {
  let pledge = '';

  it('the holder proposes a pledge of its warrant to a lender', async () => {
    const { page, close } = await signIn(w.trader);
    try {
      await page.getByRole('link', { name: 'Pledges' }).click();
      await page.getByRole('heading', { name: 'Pledges', level: 1 }).waitFor();
      await page.getByLabel(new RegExp(`^${warrant.number}`)).check();
      await page.getByLabel('Lender').selectOption({ label: LENDER });
      await page.getByLabel('Amount').fill('150000');
      await page.getByLabel('Reference').fill('Facility HB-2026-12');
      await page.getByLabel('Maturity').fill('2027-06-30');
      await page.getByRole('button', { name: 'Propose', exact: true }).click();
      const done = page.getByText(/^Pledge PL-\d{10} proposed$/);
      await done.waitFor();
      pledge = /PL-\d{10}/.exec((await done.textContent()) ?? '')![0];
      await page.locator(`[data-testid="my-pledges"] tr[data-pledge="${pledge}"]`).getByText('Proposed').waitFor();
      expect(await holdingRow(page).textContent()).toContain(`Proposed in ${pledge}`);
    } finally {
      await close();
    }
  });

  it('the lender accepts it from its home page; its due-diligence check then says pledged', async () => {
    const { page, close } = await signIn(lender);
    try {
      await page.getByRole('heading', { name: 'Proposals to accept' }).waitFor();
      await page.getByRole('button', { name: `Accept pledge ${pledge}` }).click();
      const row = page.locator(`[data-testid="pledges-active"] tr[data-pledge="${pledge}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain(warrant.number);
      expect(await row.textContent()).toContain('Active');
      await page.getByLabel('Warrant or receipt').fill(warrant.number);
      await page.getByRole('button', { name: 'Check' }).click();
      await page.getByTestId('due-diligence-result').getByText(`${warrant.number} is pledged`).waitFor();
      expect(await page.getByTestId('due-diligence-result').textContent()).toContain(`Under your pledge ${pledge}`);
    } finally {
      await close();
    }
  });

  it('the holder sees the warrant locked, each reason naming the pledge', async () => {
    const { page, close } = await signIn(w.trader);
    try {
      await page.goto('/pledges');
      const reasons = holdingRow(page).getByTestId('lock-reasons');
      await reasons.waitFor();
      const text = (await reasons.textContent()) ?? '';
      for (const what of ['a transfer', 'a cancellation', 'a load-out', 'another pledge']) expect(text).toContain(`is pledged under ${pledge}: ${what} needs`);
      // In another language the page follows; the server's reasons stay as they are.
      await page.getByTestId('language').selectOption('zh-Hant');
      await page.getByRole('heading', { name: '質押', level: 1 }).waitFor();
      await page.getByRole('heading', { name: '您持有的資產' }).waitFor();
      await page.getByTestId('language').selectOption('en');
    } finally {
      await close();
    }
  });

  it('the lender releases it, and the warrant is free again', async () => {
    const lenderSession = await signIn(lender);
    try {
      await lenderSession.page.getByRole('button', { name: `Release pledge ${pledge}` }).click();
      await lenderSession.page.getByText('No active pledges.').waitFor();
      await lenderSession.page.getByLabel('Warrant or receipt').fill(warrant.number);
      await lenderSession.page.getByRole('button', { name: 'Check' }).click();
      await lenderSession.page.getByTestId('due-diligence-result').getByText(`${warrant.number} is free`).waitFor();
    } finally {
      await lenderSession.close();
    }
    const { page, close } = await signIn(w.trader);
    try {
      await page.goto('/pledges');
      await holdingRow(page).waitFor();
      await expect.poll(async () => holdingRow(page).textContent()).toContain('Free');
      expect(await holdingRow(page).getByTestId('lock-reasons').count()).toBe(0);
      await page.locator(`[data-testid="my-pledges"] tr[data-pledge="${pledge}"]`).getByText('Released').waitFor();
    } finally {
      await close();
    }
  });
});
