import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeBrand, makeOrg, makeUser, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { call, issueCast, lotRows, type WarehouseWorld } from '../fixtures/warehouse.ts';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// Rent in a real browser against a real server: the warehouse publishes a tariff (one above the
// Hong Kong cap is refused, naming it), the holder sees what its warrant owes and makes a
// statement to 31 March, downloads it, the warehouse endorses it from its queue, and the holder
// then sees the warrant paid; the exchange reads the caps, in Chinese too.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const consoleErrors: string[] = [];
let warehouse: TestUser;
let trader: TestUser;
let exchange: TestUser;
let warrant: Json;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  const { ctx, app } = server;
  const db = ctx.db;
  exchange = await makeUser(ctx, (await makeOrg(db, 'exchange', 'Metal Exchange')).id, 'member');
  const producerOrg = (await makeOrg(db, 'producer', 'Andes Copper SA')).id;
  const warehouseOrg = (await makeOrg(db, 'warehouse', 'Kowloon Metal Storage')).id;
  const traderOrg = (await makeOrg(db, 'trader', 'Harbour Trading Ltd')).id;
  warehouse = await makeUser(ctx, warehouseOrg, 'member');
  trader = await makeUser(ctx, traderOrg, 'member');
  const world = { producer: await makeUser(ctx, producerOrg, 'member'), brand: await makeBrand(ctx, producerOrg, 'CA') } as unknown as WarehouseWorld;
  const facility = await call(app, 'POST', '/api/v1/facilities', exchange, {
    warehouseOrgId: warehouseOrg,
    location: 'HONGKONG',
    name: 'Tsing Yi Shed 3',
    metals: ['CA'],
    minDailyLoadOutTonnes: '60',
    approvedFrom: '2025-02-01',
  });
  expect(facility.statusCode, facility.body).toBe(201);
  const today = new Date().toISOString().slice(0, 10);
  const casts = [await issueCast(app, world, 5, '2500', '2026-10-01'), await issueCast(app, world, 5, '2500', '2026-10-01')];
  const receipt = await call(app, 'POST', '/api/v1/receipts', warehouse, {
    facilityId: facility.json<Json>().id,
    depositorOrgId: traderOrg,
    brand: world.brand.code,
    shape: 'cathodes',
    originCountry: 'CL',
    receivedOn: today,
    bundles: lotRows('L', ...casts),
  });
  expect(receipt.statusCode, receipt.body).toBe(201);
  const issued = await call(app, 'POST', '/api/v1/warrants', warehouse, { lotId: receipt.json<Json>().lots[0].id });
  expect(issued.statusCode, issued.body).toBe(201);
  warrant = issued.json<Json>();
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

function expectRefusals(status: number, count: number): void {
  const refusal = `Failed to load resource: the server responded with a status of ${status}`;
  const matching = consoleErrors.filter((e) => e.includes(refusal));
  expect(matching, `expected ${count} refused request(s) with status ${status}`).toHaveLength(count);
  for (const m of matching) consoleErrors.splice(consoleErrors.indexOf(m), 1);
}

async function signIn(user: TestUser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB', acceptDownloads: true });
  const page = await newPage(context, consoleErrors);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  return { page, close: () => context.close() };
}

describe('rent', () => {
  let statementNumber = '';
  let yearEnd = '';

  it('the warehouse publishes a tariff within the cap; one above it is refused naming the cap', async () => {
    const { page, close } = await signIn(warehouse);
    try {
      await page.getByRole('link', { name: 'Rent', exact: true }).click();
      await page.getByRole('tab', { name: 'Tariffs' }).waitFor();
      await expect.poll(() => page.getByTestId('tariff-cap').textContent()).toContain('Cap for this rate year: 0.61 US$/t/day');
      const form = page.getByTestId('tariff-form');
      await form.getByLabel(/^Rent, US\$ per tonne per day/).fill('0.62');
      await form.getByLabel(/^FOT \(free on truck\), HKD per tonne/).fill('400');
      await form.getByRole('button', { name: 'Publish' }).click();
      await page.getByText(/Rent of 0\.62 US\$\/t\/day is above the cap of 0\.61 US\$\/t\/day for CA at HONGKONG/).waitFor();
      expectRefusals(422, 1);
      await form.getByLabel(/^Rent, US\$ per tonne per day/).fill('0.55');
      await form.getByLabel(/^eCOA registration fee/).fill('10');
      await form.getByRole('button', { name: 'Publish' }).click();
      await page.getByTestId('tariff-published').waitFor();
      await expect.poll(() => page.getByTestId('rent-tariffs').textContent()).toMatch(/Tsing Yi Shed 3.*CA.*0\.55.*400\.00 HKD.*eCOA registration: 10\.00 USD/);
    } finally {
      await close();
    }
  });

  it('the holder sees what its warrant owes and makes a statement to 31 March, as PDF and Excel', async () => {
    const owed = (await call(server.app, 'GET', '/api/v1/rent/outstanding', trader)).json<Json>();
    const account = owed.items[0].rent;
    yearEnd = owed.rateYearEnd;
    const { page, close } = await signIn(trader);
    try {
      // The home page tells the holder what it owes.
      await page.getByTestId('rent-home').getByRole('link', { name: 'Pay rent' }).click();
      const row = page.locator(`[data-testid="rent-outstanding-held"] tr[data-warrant="${warrant.number}"]`);
      await expect.poll(() => row.getByTestId('owed-year').textContent()).toContain(`${Number(account.toRateYearEnd.amount).toLocaleString('en-GB', { minimumFractionDigits: 2 })} USD`);
      await row.getByLabel(`Select ${warrant.number}`).check();
      await page.getByRole('button', { name: 'Make a statement for 1 warrant(s)' }).click();
      const made = page.getByTestId('statement-made');
      await made.waitFor();
      statementNumber = (await made.getByRole('link').textContent())!;
      expect(statementNumber).toMatch(/^RS-\d{10}$/);
      await made.getByRole('link').click();
      await page.getByRole('heading', { name: `Rent statement ${statementNumber}` }).waitFor();
      await expect.poll(() => page.getByTestId('statement-total').textContent()).toContain(`${Number(account.toRateYearEnd.amount).toLocaleString('en-GB', { minimumFractionDigits: 2 })} USD`);
      expect(await page.locator(`[data-testid="statement-lines"] tr[data-warrant="${warrant.number}"]`).textContent()).toContain('0.55 ×');
      const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF' }).click()]);
      expect(pdf.suggestedFilename()).toBe(`${statementNumber}.pdf`);
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel' }).click()]);
      expect(xlsx.suggestedFilename()).toBe(`${statementNumber}.xlsx`);
      await page.getByText('Not yet endorsed').waitFor();
    } finally {
      await close();
    }
  });

  it('the warehouse endorses it from its queue, and the holder then sees the warrant paid to 31 March', async () => {
    const { page, close } = await signIn(warehouse);
    try {
      await page.goto('/rent?tab=queue');
      const row = page.locator(`[data-testid="rent-statements-to-endorse"] tr[data-statement="${statementNumber}"]`);
      await row.getByRole('link', { name: statementNumber }).click();
      await page.getByRole('button', { name: 'Endorse (rent received)' }).click();
      await page.getByTestId('statement-endorsed').waitFor();
      await page.getByText(/Endorsed on/).waitFor();
      await page.goto('/rent?tab=queue');
      await page.getByText('Nothing waits for your endorsement.').waitFor();
    } finally {
      await close();
    }
    const holder = await signIn(trader);
    try {
      await holder.page.goto('/rent');
      const row = holder.page.locator(`[data-testid="rent-outstanding-held"] tr[data-warrant="${warrant.number}"]`);
      await expect.poll(() => row.getByTestId('owed-year').textContent()).toContain('0.00 USD');
      // Paid to the next 31 March, as the app writes dates in English.
      expect(await row.textContent()).toContain(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${yearEnd}T00:00:00Z`)));
      await holder.page.locator('[data-testid="rent-statements-held"]').getByText('Endorsed').waitFor();
    } finally {
      await holder.close();
    }
  });

  it('the exchange reads the caps, in Chinese too, and issues the supervision fee statements of a past month', async () => {
    const { page, close } = await signIn(exchange);
    try {
      await page.goto('/rent');
      const hk = page.locator('[data-testid="rent-caps"] tr[data-cap="HONGKONG/CA"]');
      await expect.poll(() => hk.textContent()).toMatch(/Hong Kong.*0\.61.*470\.00 HKD/);
      await page.getByTestId('language').selectOption('zh-Hant');
      await page.getByRole('heading', { name: '倉租', exact: true }).waitFor();
      await page.getByRole('tab', { name: '監管費' }).click();
      await page.getByLabel('由').fill('2026-01-01');
      await page.getByLabel('至').fill('2026-01-31');
      await page.getByRole('button', { name: '發出結算單' }).click();
      await page.getByTestId('fees-issued').waitFor();
      await expect.poll(() => page.getByTestId('rent-fee-statements').textContent()).toContain('交易所（所有倉庫）');
      await page.getByTestId('language').selectOption('en');
    } finally {
      await close();
    }
  });
});
