import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../factories.ts';
import { call, issueCast, lotRows, warehouseWorld, type WarehouseWorld } from '../fixtures/warehouse.ts';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// The warehouse half of the register in a real browser against a real server: a warehouse clerk
// receives a 25 t lot of copper at a Hong Kong facility and issues its warrant to the depositor; the
// trader who holds it sees it among their warrants and transfers it; anyone can check it on the
// public page /w/{number}, which never names the holder (read once in Traditional Chinese). Every
// page visited is watched for console errors.

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let world: WarehouseWorld;
let cast: Awaited<ReturnType<typeof issueCast>>;
let loose: Awaited<ReturnType<typeof issueCast>>;
let dataDir: string;
const consoleErrors: string[] = [];
const names: Record<string, string> = {};

beforeAll(async () => {
  ensureWebBuilt();
  // Uploaded receipt files are staged in the data directory.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-e2e-warrants-'));
  server = await startServer({ ASSAY_DATA_DIR: dataDir });
  world = await warehouseWorld(server.app, server.ctx, 'CA', 'HONGKONG');
  // 10 bundles of 2,500 kg: one 25 t copper lot.
  cast = await issueCast(server.app, world, 10, '2500');
  // Four bundles that arrive without a lot: off-warrant stock.
  loose = await issueCast(server.app, world, 4, '2400');
  for (const id of [world.traderOrg, world.buyerOrg, world.warehouseOrg]) {
    const r = await server.ctx.db.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [id]);
    names[id] = r.rows[0]!.name;
  }
  ({ browser, close: closeBrowser } = await launchBrowser());
}, 120_000);

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
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

async function signIn(email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
  const page = await newPage(context, consoleErrors);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  return { page, close: () => context.close() };
}

let warrantNumber = '';

describe('warrants in the browser', () => {
  it('a warehouse clerk receives a lot, reads its reconciliation and issues its warrant to the depositor', async () => {
    const { page, close } = await signIn(world.warehouse.email);
    try {
      await page.getByRole('link', { name: 'Receive metal' }).first().click();
      await page.getByRole('heading', { name: 'Receive metal', level: 1 }).waitFor();
      // The one approved facility is chosen already; the depositor is the trader.
      await expect.poll(() => page.getByLabel(/^Facility/).inputValue()).toBe(world.facilityId);
      await page.getByLabel(/^Depositor/).selectOption(world.traderOrg);
      await page.getByLabel(/^Brand/).selectOption(world.brand.code);
      await expect.poll(() => page.getByLabel(/^Shape/).inputValue()).not.toBe('');
      expect(await page.getByLabel(/^Country of origin/).inputValue()).toBe('CL');
      // The bundles, pasted as from a spreadsheet (tab-separated: lot, PCR, bundle, pieces, gross, net).
      const pasted = cast.bundles.map((b) => ['A', cast.pcr, b.number, b.pieces, b.grossKg, b.netKg].join('\t')).join('\n');
      await page.getByLabel('Paste rows from a spreadsheet').fill(pasted);
      await page.getByRole('button', { name: 'Add the pasted rows' }).click();
      await expect.poll(() => page.getByTestId('paste-note').textContent()).toMatch(/Rows added: 10/);
      await expect.poll(() => page.getByTestId('receive-totals').textContent()).toMatch(/10 bundles, 25 t net/);
      await page.getByRole('button', { name: 'Record the receipt' }).click();

      // The receipt: reconciled, every bundle conforms, the lot may go on warrant.
      await page.getByTestId('receipt-recorded').waitFor();
      expect(await page.getByTestId('receipt-recorded').textContent()).toMatch(/10 bundles in 1 lots were reconciled; 1 lots may go on warrant/);
      await page.getByText('Every check passed.').waitFor();
      await page.getByRole('button', { name: 'Issue a warrant for lot A' }).click();
      await page.getByTestId('warrant-issued').waitFor();
      const issued = (await page.getByTestId('warrant-issued').textContent()) ?? '';
      expect(issued).toContain(`was issued to ${names[world.traderOrg]}`);
      warrantNumber = /Warrant (\S+) for 25 t/.exec(issued)?.[1] ?? '';
      expect(warrantNumber).not.toBe('');

      // The warehouse's own list shows it stored with them, held by the trader.
      await page.goto('/warrants');
      const row = page.locator(`tr[data-number="${warrantNumber}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('live');
    } finally {
      await close();
    }
  });

  it('a clerk records bundles from a CSV file: a formula cell is refused by row and column, then the file is recorded as off-warrant stock', async () => {
    const { page, close } = await signIn(world.warehouse.email);
    try {
      await page.goto('/receipts/new');
      await page.getByRole('heading', { name: 'Receive metal', level: 1 }).waitFor();
      await expect.poll(() => page.getByLabel(/^Facility/).inputValue()).toBe(world.facilityId);
      await page.getByLabel(/^Brand/).selectOption(world.brand.code);
      await expect.poll(() => page.getByLabel(/^Country of origin/).inputValue()).toBe('CL');
      const csv = (pcrOf: (i: number) => string) =>
        ['lot,pcr,bundleRef,pieces,grossKg,netKg', ...loose.bundles.map((b, i) => ['', pcrOf(i), b.number, b.pieces, b.grossKg, b.netKg].join(','))].join('\r\n') + '\r\n';
      const file = page.getByTestId('receipt-file');
      // A cell a spreadsheet would run as a formula: nothing is written, the row and column are named.
      await file.setInputFiles({ name: 'receipt.csv', mimeType: 'text/csv', buffer: Buffer.from(csv((i) => (i === 1 ? '=1+2' : loose.pcr))) });
      await page.getByRole('button', { name: 'Record from the file' }).click();
      await page.getByTestId('receive-file-refused').waitFor();
      expect(await page.getByTestId('receive-file-refused').textContent()).toMatch(/row 3, column pcr/);
      expectRefusals(400, 1);
      // The same file, clean.
      await file.setInputFiles({ name: 'receipt.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(() => loose.pcr)) });
      await page.getByRole('button', { name: 'Record from the file' }).click();
      await page.getByTestId('receipt-recorded').waitFor();
      expect(await page.getByTestId('receipt-recorded').textContent()).toMatch(/4 bundles in 0 lots were reconciled/);
      await page.getByTestId('off-warrant-lines').waitFor();
      // The off-warrant stock lists them.
      await page.getByRole('link', { name: 'Off-warrant stock' }).first().click();
      await page.getByRole('heading', { name: 'Off-warrant stock', level: 1 }).waitFor();
      await expect.poll(() => page.locator(`tr[data-pcr="${loose.pcr}"]`).count()).toBe(4);
    } finally {
      await close();
    }
  });

  it('the trader sees the warrant with its totals and transfers it to another organisation', async () => {
    expect(warrantNumber).not.toBe('');
    const { page, close } = await signIn(world.trader.email);
    try {
      await page.getByRole('link', { name: 'My warrants' }).first().click();
      await page.getByRole('heading', { name: 'My warrants', level: 1 }).waitFor();
      const row = page.locator(`tr[data-number="${warrantNumber}"]`);
      await row.waitFor();
      expect(await row.textContent()).toMatch(/Live/);
      expect(await row.textContent()).toMatch(/Hong Kong/);
      await expect.poll(() => page.getByTestId('warrant-totals').textContent()).toMatch(/25/);

      await page.getByLabel(`Select ${warrantNumber}`).check();
      await page.getByTestId('selection-actions').getByRole('button', { name: 'Transfer' }).click();
      const form = page.getByTestId('transfer-form');
      await form.waitFor();
      await form.getByLabel(/^Transfer to/).selectOption(world.buyerOrg);
      await form.getByRole('button', { name: 'Continue' }).click();
      await page.getByTestId('transfer-confirm').waitFor();
      await form.getByRole('button', { name: `Transfer 1 to ${names[world.buyerOrg]}` }).click();
      await page.getByText(new RegExp(`now belong to ${names[world.buyerOrg]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).waitFor();
      // No longer ours: gone from the list of warrants we hold.
      await expect.poll(() => page.locator(`tr[data-number="${warrantNumber}"]`).count()).toBe(0);
    } finally {
      await close();
    }
    // The register agrees: the buyer holds it now.
    const r = await server.ctx.db.query<{ holder_org_id: string }>('SELECT holder_org_id FROM warrants WHERE number = $1', [warrantNumber]);
    expect(r.rows[0]?.holder_org_id).toBe(world.buyerOrg);
  });

  it('the public page /w/{number} shows status, location, brand, tonnage and the certificates’ verification, never the holder; in Chinese too', async () => {
    expect(warrantNumber).not.toBe('');
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
    const page = await newPage(context, consoleErrors);
    try {
      await page.goto(`/w/${warrantNumber}`);
      await page.getByText('Live warrant').first().waitFor();
      await page.getByText(/stored on warrant by .* in Hong Kong/).waitFor();
      const body = () => page.locator('main').textContent();
      await expect.poll(body).toContain(world.brand.code);
      await expect.poll(body).toMatch(/25/);
      // The eCOA of its one cast is verified.
      await expect.poll(() => page.getByText('Verified', { exact: true }).count()).toBeGreaterThan(0);
      await page.getByText('Who holds a warrant is private: this page never shows it.').waitFor();
      const text = (await body()) ?? '';
      expect(text).not.toContain(names[world.traderOrg]);
      expect(text).not.toContain(names[world.buyerOrg]);
      expect(await page.getByTestId('warrant-pdf').getAttribute('href')).toMatch(/\/pdf\?lang=zh-Hant$/);
      // Free of pledges, proven against a signed checkpoint, with the bundle to check offline.
      const encumbrance = page.getByTestId('warrant-encumbrance');
      await expect.poll(() => encumbrance.getAttribute('data-encumbrance')).toBe('free');
      expect(await encumbrance.textContent()).toMatch(/Proven free as of checkpoint [\d,]+, signed at/);

      // Traditional Chinese: the same page, its verdict and the PDF in that language.
      await page.getByTestId('language').selectOption('zh-Hant');
      await page.getByText('有效倉單').first().waitFor();
      await page.getByText('倉單的持有人屬私隱資料：此頁面從不顯示。').waitFor();
      expect(await page.getByTestId('warrant-pdf').textContent()).toBe('倉單 PDF（附二維碼）');
      await page.getByTestId('language').selectOption('zh-Hans');
      await page.getByText('有效仓单').first().waitFor();
      expect(await page.getByTestId('warrant-pdf').getAttribute('href')).toMatch(/\/pdf\?lang=zh-Hans$/);
      await page.getByTestId('language').selectOption('en');
    } finally {
      await context.close();
    }
  });

  it('the new holder cancels the warrant for load-out: it joins the facility’s queue, and the public page says so', async () => {
    expect(warrantNumber).not.toBe('');
    const buyer = await signIn(world.buyer.email);
    try {
      const page = buyer.page;
      await page.goto('/warrants');
      await page.locator(`tr[data-number="${warrantNumber}"]`).getByRole('link', { name: warrantNumber }).click();
      await page.getByRole('heading', { name: warrantNumber, level: 1 }).waitFor();
      expect(await page.getByTestId('warrant-pdf').getAttribute('href')).toMatch(/\/api\/v1\/warrants\/.+\/pdf\?lang=zh-Hant$/);
      await page.getByTestId('warrant-actions').getByRole('button', { name: 'Cancel for load-out' }).click();
      await page.getByTestId('cancel-form').getByRole('button', { name: 'Cancel the warrant' }).click();
      await expect.poll(() => page.getByTestId('warrant-message').textContent()).toMatch(new RegExp(`Warrant ${warrantNumber} is cancelled: position 1 in the load-out queue`));
      // Incoming swap offers: none yet, and the page works.
      await page.getByRole('link', { name: 'Swaps' }).first().click();
      await page.getByRole('heading', { name: 'Swaps', level: 1 }).waitFor();
    } finally {
      await buyer.close();
    }
    const clerk = await signIn(world.warehouse.email);
    try {
      await clerk.page.getByRole('link', { name: 'Load-out queue' }).first().click();
      await clerk.page.getByRole('heading', { name: 'Load-out queue', level: 1 }).waitFor();
      await clerk.page.locator(`tr[data-number="${warrantNumber}"]`).waitFor();
    } finally {
      await clerk.close();
    }
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
    const page = await newPage(context, consoleErrors);
    try {
      await page.goto(`/w/${warrantNumber}`);
      await page.getByText('Cancelled for load-out').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('the exchange reads its delivery network, the facility, and the review queue naming a warrant whose certificate was revoked', async () => {
    expect(warrantNumber).not.toBe('');
    // The producer revokes the certificate of the warranted cast after warranting.
    const revoked = await call(server.app, 'POST', `/api/v1/certificates/${cast.id}/revocation`, world.producer, { reason: 'Laboratory error found' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const { page, close } = await signIn(world.exchange.email);
    try {
      await page.getByRole('link', { name: 'Delivery network' }).first().click();
      await page.getByRole('heading', { name: 'Delivery network', level: 1 }).waitFor();
      await page.locator('tr[data-location="HONGKONG"]').waitFor();
      await page.locator(`tr[data-facility="Shed ${world.brand.code}"]`).waitFor();
      await page.getByRole('link', { name: 'Warrant review' }).first().click();
      await page.getByRole('heading', { name: 'Warrants to review', level: 1 }).waitFor();
      const row = page.locator(`tr[data-number="${warrantNumber}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain(cast.number);
    } finally {
      await close();
    }
  });

  it('two holders swap: the trader offers a warrant for the buyer’s, and the buyer accepts the incoming offer', async () => {
    // One more warrant each, issued through the API: the trader's and the buyer's.
    const issueTo = async (orgId: string): Promise<string> => {
      const c = await issueCast(server.app, world, 10, '2500');
      const r = await call(server.app, 'POST', '/api/v1/receipts', world.warehouse, {
        facilityId: world.facilityId,
        depositorOrgId: orgId,
        brand: world.brand.code,
        shape: world.brand.shapes[0],
        originCountry: 'CL',
        receivedOn: new Date().toISOString().slice(0, 10),
        bundles: lotRows('S', c),
      });
      expect(r.statusCode, r.body).toBe(201);
      const wr = await call(server.app, 'POST', '/api/v1/warrants', world.warehouse, { lotId: r.json<{ lots: { id: string }[] }>().lots[0]!.id });
      expect(wr.statusCode, wr.body).toBe(201);
      return wr.json<{ number: string }>().number;
    };
    const ours = await issueTo(world.traderOrg);
    const theirs = await issueTo(world.buyerOrg);

    const trader = await signIn(world.trader.email);
    try {
      const page = trader.page;
      await page.getByRole('link', { name: 'Swaps' }).first().click();
      const form = page.getByTestId('swap-form');
      await form.waitFor();
      await form.getByLabel(/^Counterparty/).selectOption(world.buyerOrg);
      await form.getByLabel(new RegExp(`^${ours} `)).check();
      await form.getByLabel(/^Warrants you ask for/).fill(theirs);
      await form.getByRole('button', { name: 'Offer the swap' }).click();
      await expect.poll(() => page.getByTestId('swap-proposed').textContent()).toBe(`Swap offered to ${names[world.buyerOrg]}.`);
      await expect.poll(() => page.getByTestId('swaps-outgoing').locator('tr[data-status="offered"]').count()).toBe(1);
    } finally {
      await trader.close();
    }

    const buyer = await signIn(world.buyer.email);
    try {
      const page = buyer.page;
      await page.goto('/swaps');
      const offer = page.getByTestId('swaps-incoming').locator('tr[data-status="offered"]');
      await offer.waitFor();
      expect(await offer.textContent()).toContain(ours);
      await offer.getByRole('button', { name: `Accept the offer from ${names[world.traderOrg]}` }).click();
      await expect.poll(() => page.getByTestId('swap-done').textContent()).toBe('Swap accepted: both sides moved.');
      // Now the buyer holds the trader's warrant, and not their own.
      await page.goto('/warrants');
      await page.locator(`tr[data-number="${ours}"]`).waitFor();
      expect(await page.locator(`tr[data-number="${theirs}"]`).count()).toBe(0);
    } finally {
      await buyer.close();
    }
  });

  it('the clerk lists the receipts and loads the cancelled warrant out; the public page then says delivered out', async () => {
    expect(warrantNumber).not.toBe('');
    const { page, close } = await signIn(world.warehouse.email);
    try {
      await page.getByRole('link', { name: 'Receipts' }).first().click();
      await page.getByRole('heading', { name: 'Receipts', level: 1 }).waitFor();
      await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThanOrEqual(4);
      await page.goto('/load-out');
      await page.getByRole('button', { name: `Load out ${warrantNumber}` }).click();
      await page.getByLabel(/^Reference/).fill('TRUCK-HK-0042');
      await page.getByRole('button', { name: 'Record the load-out' }).click();
      await expect.poll(() => page.getByTestId('load-out-done').textContent()).toBe(`Warrant ${warrantNumber} was loaded out.`);
      await expect.poll(() => page.locator(`tr[data-number="${warrantNumber}"]`).count()).toBe(0);
    } finally {
      await close();
    }
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
    const pub = await newPage(context, consoleErrors);
    try {
      await pub.goto(`/w/${warrantNumber}`);
      await pub.getByText('Delivered out').first().waitFor();
    } finally {
      await context.close();
    }
  });
});
