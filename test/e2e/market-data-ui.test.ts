import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../src/certificates/samples.ts';
import { businessDays } from '../../src/market/service.ts';
import { startOfDay } from '../../src/reports/rules.ts';
import { simulateHistory } from '../../src/reports/simulate.ts';
import { loadHistory, seedParents } from '../../bench/lib/warrant-history.ts';
import { makeOrg, makeUser } from '../factories.ts';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// The public Market data section in a real browser against a real server: a fortnight of warrant
// history at two locations written into the tables, the exchange publishes a week of reports, and
// anyone reads them (table, chart, downloads) and verifies one. Watched for console errors.

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const consoleErrors: string[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  const ctx = server.ctx;
  const parents = await seedParents(ctx, { locations: ['HONGKONG', 'SINGAPORE'], metals: ['CA'], holders: 3 });
  const days = (await businessDays(ctx, { from: '2026-11-02', to: '2026-11-13', asOf: '2026-11-13' })).businessDays.map((day) => ({ day, start: startOfDay(day, 'Europe/London') }));
  await loadHistory(ctx.db, parents, simulateHistory(seededRng(7), { days, places: parents.places.length, holders: parents.holders.length, warrants: 40 }), { statementBytes: 40 });
  const exchange = await makeUser(ctx, (await makeOrg(ctx.db, 'exchange')).id, 'admin');
  for (const date of ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13']) {
    const r = await server.app.inject({ method: 'POST', url: '/api/v1/market-reports', headers: { cookie: exchange.cookie }, payload: { date } });
    if (r.statusCode !== 200) throw new Error(`publish ${date}: ${r.body}`);
  }
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

afterEach(() => {
  expect(consoleErrors, 'console errors in the browser').toEqual([]);
});

async function open(path: string, locale = 'en-GB'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale });
  const page = await newPage(context, consoleErrors);
  await page.goto(path);
  return { context, page };
}

describe('market data', () => {
  it('shows the latest daily stock report with its chart and downloads, and verifies it', async () => {
    const { context, page } = await open('/market-data');
    try {
      await page.getByRole('heading', { name: 'Market data', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Market data' }).waitFor(); // in the main navigation
      const table = page.getByTestId('stock-table');
      await expect.poll(() => table.locator('caption').textContent()).toMatch(/Nov 13, 2026/);
      expect(await table.locator('tbody tr').count()).toBe(2);
      expect(await table.locator('tbody').textContent()).toMatch(/HONGKONG/);
      await expect.poll(() => page.getByTestId('stock-chart').getAttribute('aria-label')).toMatch(/over 5 published days/);
      expect(await page.getByTestId('download-csv').getAttribute('href')).toMatch(/\/api\/v1\/market-reports\/[0-9a-f-]{36}\/export\?format=csv$/);
      const csv = await page.request.get((await page.getByTestId('download-csv').getAttribute('href'))!);
      expect(csv.status()).toBe(200);
      expect((await csv.text()).split(/\r?\n/)[0]).toMatch(/^business_day,location,metal,opening_t/);
      // An earlier day, chosen from the list.
      await page.getByTestId('report-period').selectOption('2026-11-10');
      await expect.poll(() => table.locator('caption').textContent()).toMatch(/Nov 10, 2026/);
      await page.getByTestId('verify-link').click();
      await page.getByRole('heading', { name: 'Verify a market report' }).waitFor();
      await expect.poll(() => page.getByTestId('report-verdict').getAttribute('data-ok')).toBe('true');
      expect(await page.locator('[data-check="reproduced"]').getAttribute('data-status')).toBe('pass');
      expect(await page.locator('[data-check="signature"]').getAttribute('data-status')).toBe('pass');
    } finally {
      await context.close();
    }
  });

  it('shows warrant banding as anonymous positions, in Traditional Chinese', async () => {
    const { context, page } = await open('/market-data?kind=banding', 'zh-Hant');
    try {
      await page.getByRole('heading', { name: '市場數據', level: 1 }).waitFor();
      const table = page.getByTestId('banding-table');
      await expect.poll(() => table.locator('caption').textContent()).toMatch(/延後 3 個營業日/);
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
