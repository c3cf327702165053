import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateFile, type Generated } from '../../bench/generate-certificates.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { tempDir } from '../fixtures/imports.ts';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// Bulk import and CBAM visibility in a real browser against a real server. Every page visited is
// watched for console errors; the suite fails if any appear.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Distinctive CBAM figures, so their absence from a page means something.
const DIRECT = '7.319';
const INDIRECT = '0.847';
const TOTAL = '8.166';
const cbamReport = {
  periodKind: 'annual',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  installation: 'Fjord smelter',
  installationCountry: 'NO',
  productionRoute: 'primary',
  cnCode: '7601',
  directEmissions: DIRECT,
  indirectEmissions: INDIRECT,
  electricityConsumption: '14.2',
  electricityEmissionFactor: '0.028',
  valueType: 'actual',
  methodology: 'IAI-CF',
  verificationStatus: 'in_progress',
  verifier: 'Nordic Verification AS',
};

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let dataDir: string;
let producer: TestUser;
let exchange: TestUser;
let trader: TestUser;
let traderOrgId: string;
let brand: Awaited<ReturnType<typeof makeBrand>>;
let certificate: { id: string; number: string };
let csv: Buffer;
let generated: Generated;
const consoleErrors: string[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  dataDir = tempDir('assay-e2e-import-');
  server = await startServer({ ASSAY_DATA_DIR: dataDir });
  const org = await makeOrg(server.ctx.db, 'producer', 'Fjord Aluminium AS');
  producer = await makeUser(server.ctx, org.id, 'member');
  exchange = await makeUser(server.ctx, (await makeOrg(server.ctx.db, 'exchange', 'Metal Exchange')).id, 'member');
  traderOrgId = (await makeOrg(server.ctx.db, 'trader', 'Harbour Trading Ltd')).id;
  trader = await makeUser(server.ctx, traderOrgId, 'member');
  brand = await makeBrand(server.ctx, org.id, 'AH', 'NO');

  const post = async (url: string, payload: Json, who = producer) => {
    const res = await server.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    return res.json<Json>();
  };
  certificate = (await post('/api/v1/certificates', submissionFor(brand))) as { id: string; number: string };
  await post(`/api/v1/brands/${brand.id}/cbam-reports`, cbamReport);
  await post(`/api/v1/brands/${brand.id}/sourcing-tracks`, {
    track: 'D',
    effectiveFrom: '2026-01-01',
    secondaryMaterials: { declaration: 'Remelted post-consumer scrap from Norwegian collection schemes.' },
  });

  // Three casts of the brand, the second with a chemistry value over the limit (one bad row).
  const file = path.join(dataDir, 'upload.csv');
  generated = await generateFile(file, {
    brands: [{ code: brand.code, metal: 'AH', shapes: brand.shapes, country: brand.plant.country }],
    certificates: 3,
    badShare: 1 / 3,
    seed: 11,
    maxBundles: 1,
    pcrPrefix: 'E2E',
  });
  expect(generated.bad).toHaveLength(1);
  csv = fs.readFileSync(file);
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  expect(consoleErrors, 'console errors in the browser').toEqual([]);
});

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

/** Opens a page and waits until the app has asked the API which CBAM reports the caller may read. */
async function openAndSign(page: Page, url: string): Promise<void> {
  const searched = page.waitForResponse((r) => r.url().includes('/api/v1/cbam-reports?'));
  await page.goto(url);
  await searched;
  await page.waitForLoadState('networkidle');
}

describe('bulk import in the browser', () => {
  it('imports a CSV with one bad row, shows that row’s error and offers the report downloads', async () => {
    const { page, close } = await signIn(producer);
    await page.getByRole('main').getByRole('link', { name: 'Bulk import' }).click();
    await page.getByRole('heading', { name: 'Bulk import', level: 1 }).waitFor();

    // Templates per metal.
    await page.getByLabel('Metal').selectOption('AH');
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV template' }).click()]);
    expect(template.suggestedFilename()).toBe('assay-import-AH.csv');
    expect(await page.getByRole('link', { name: 'Excel template (.xlsx)' }).getAttribute('href')).toBe('/api/v1/import-templates/AH?format=xlsx');

    // The file picker is a real, focusable button (headless Chromium only opens the chooser on a click).
    await page.getByRole('button', { name: 'Choose a file to import' }).focus();
    expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Choose a file to import');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), page.getByRole('button', { name: 'Choose a file to import' }).click()]);
    await chooser.setFiles({ name: 'casts.csv', mimeType: 'text/csv', buffer: csv });

    await page.locator('[data-testid="import-job"][data-status="completed"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('import-accepted').textContent()).resolves.toContain('2');
    await expect(page.getByTestId('import-rejected').textContent()).resolves.toContain('1');
    await expect(page.getByTestId('import-unchanged').textContent()).resolves.toContain('0');

    const bad = generated.bad[0]!;
    const row = page.locator(`[data-testid="import-errors"] tr[data-row="${bad.row}"][data-column="${bad.column}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(String(bad.row));
    expect(text).toContain(bad.column);
    expect(text).toContain(bad.code);

    const [csvReport] = await Promise.all([page.waitForEvent('download'), page.getByTestId('errors-csv').click()]);
    expect(csvReport.suggestedFilename()).toMatch(/^import-[0-9a-f]{8}-errors\.csv$/);
    const lines = fs.readFileSync((await csvReport.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('row,column,value,code,reason');
    expect(lines.some((l) => l.startsWith(`${bad.row},${bad.column},`))).toBe(true);
    const [xlsxReport] = await Promise.all([page.waitForEvent('download'), page.getByTestId('errors-xlsx').click()]);
    expect(xlsxReport.suggestedFilename()).toMatch(/^import-[0-9a-f]{8}-errors\.xlsx$/);
    await close();
  });

  it('answers the same file dropped again as already uploaded', async () => {
    const { page, close } = await signIn(producer);
    await page.goto('/imports');
    // A real drop event carrying the file, as a drag from the desktop would.
    const handle = await page.evaluateHandle(`(() => {
      const dt = new DataTransfer();
      const bytes = Uint8Array.from(atob('${csv.toString('base64')}'), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], 'again.csv', { type: 'text/csv' }));
      return dt;
    })()`);
    await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer: handle });
    await page.getByTestId('import-duplicate').filter({ hasText: 'nothing was changed' }).waitFor();
    await close();
  });
});

describe('CBAM figures only for those entitled', () => {
  const figures = [DIRECT, INDIRECT, TOTAL];
  const absent = async (page: Page) => {
    const body = (await page.locator('body').textContent()) ?? '';
    for (const f of figures) expect(body, `${page.url()} shows ${f}`).not.toContain(f);
  };

  it('hides the figures from a trader without a grant, on the certificate and the brand page', async () => {
    const { page, close } = await signIn(trader);
    await openAndSign(page, `/certificates/${certificate.id}`);
    await page.getByRole('heading', { name: certificate.number }).waitFor();
    await page.getByTestId('log-inclusion').waitFor();
    expect(await page.getByTestId('certificate-carbon').count()).toBe(0);
    await absent(page);

    await openAndSign(page, `/brands/${brand.id}`);
    await page.getByTestId('current-track').filter({ hasText: 'Track D' }).waitFor();
    await page.getByTestId('cbam-not-visible').filter({ hasText: 'Not visible to you' }).waitFor();
    expect(await page.getByTestId('cbam-current').count()).toBe(0);
    await absent(page);

    // The API itself refuses the trader, so nothing the UI could be tricked into asking would help.
    expect((await page.request.get(`/api/v1/certificates/${certificate.id}/carbon`)).status()).toBe(403);
    expect((await page.request.get(`/api/v1/brands/${brand.id}/cbam-reports`)).status()).toBe(403);
    await close();
  });

  it('shows them to the producer and the exchange, and to the trader once granted', async () => {
    for (const who of [producer, exchange]) {
      const { page, close } = await signIn(who);
      await page.goto(`/certificates/${certificate.id}`);
      const carbon = page.getByTestId('certificate-carbon');
      await carbon.filter({ hasText: 'Carbon (CBAM)' }).waitFor();
      for (const f of figures) await carbon.getByText(f, { exact: true }).waitFor();

      await page.goto(`/brands/${brand.code}`);
      const table = page.getByTestId('cbam-current');
      await table.waitFor();
      await table.getByText(DIRECT, { exact: true }).waitFor();
      await table.getByText(INDIRECT, { exact: true }).waitFor();
      await close();
    }

    const grant = await server.app.inject({
      method: 'POST',
      url: `/api/v1/brands/${brand.id}/cbam-grants`,
      headers: { cookie: producer.cookie },
      payload: { organisationId: traderOrgId, reason: 'Supply contract 2026' },
    });
    expect(grant.statusCode, grant.body).toBe(201);
    const { page, close } = await signIn(trader);
    await page.goto(`/brands/${brand.id}`);
    await page.getByTestId('cbam-current').getByText(DIRECT, { exact: true }).waitFor();
    await page.getByText('Shared with your organisation').waitFor();
    await page.goto(`/certificates/${certificate.id}`);
    await page.getByTestId('certificate-carbon').getByText(TOTAL, { exact: true }).waitFor();
    await close();
  });
});
