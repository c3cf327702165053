import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// The prompt calendar and the carry calculator in a real browser against a real server (public
// pages: no sign-in). Every page visited is watched for console errors.

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const consoleErrors: string[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
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

/**
 * Chromium logs every 4xx answer as "Failed to load resource". Where a test provokes one on purpose,
 * it takes exactly those entries out; anything else still fails.
 */
function expectRefusals(status: number, count: number): void {
  const refusal = `Failed to load resource: the server responded with a status of ${status}`;
  const matching = consoleErrors.filter((e) => e.includes(refusal));
  expect(matching, `expected ${count} refused request(s) with status ${status}`).toHaveLength(count);
  for (const m of matching) consoleErrors.splice(consoleErrors.indexOf(m), 1);
}

const cell = (page: Page, date: string) => page.locator(`[data-testid="month-calendar"] td[data-date="${date}"]`);

describe('prompt calendar', () => {
  it('marks the prompts of a trade date and the closures on a month calendar', async () => {
    const { context, page } = await open('/market/calendar?metal=NI&date=2026-12-02');
    try {
      await page.getByRole('heading', { name: 'Prompt calendar and carries' }).waitFor();
      await expect.poll(() => page.getByTestId('prompt-summary').textContent()).toMatch(/133 prompts/);
      await page.getByRole('link', { name: 'Prompt calendar' }).waitFor(); // in the main navigation
      await expect.poll(() => cell(page, '2026-12-25').textContent()).toMatch(/Closed: Christmas Day/);
      expect(await cell(page, '2026-12-28').textContent()).toMatch(/Closed: Boxing Day \(substitute day\)/);
      expect(await cell(page, '2026-12-03').getAttribute('data-kinds')).toBe('tom');
      expect(await cell(page, '2026-12-04').getAttribute('data-kinds')).toBe('cash daily');
      expect(await cell(page, '2026-12-16').getAttribute('data-kinds')).toBe('daily monthly');
      expect(await cell(page, '2026-12-05').getAttribute('data-kinds')).toBe('');
      // On to March: the three-month date.
      for (const month of ['January 2027', 'February 2027', 'March 2027']) {
        await page.getByRole('button', { name: 'Next month' }).click();
        await page.getByRole('heading', { name: month }).waitFor();
      }
      await expect.poll(() => cell(page, '2027-03-02').getAttribute('data-kinds')).toBe('daily 3M');
      await page.getByRole('button', { name: 'Next month' }).click();
      await page.getByRole('heading', { name: 'April 2027' }).waitFor();
      // April: weekly Wednesdays, Good Friday (26 March) already behind; Easter is in March in 2027.
      await expect.poll(() => cell(page, '2027-04-07').getAttribute('data-kinds')).toBe('weekly');
      expect(await cell(page, '2027-04-21').getAttribute('data-kinds')).toBe('weekly monthly');
    } finally {
      await context.close();
    }
  });

  it('flags an unconfirmed horizon, and a closed trade date is explained', async () => {
    const { context, page } = await open('/market/calendar?metal=AA&date=2026-12-02');
    try {
      await page.getByText(/monthly horizon of this metal \(27 months\) is a default/).waitFor();
      await page.goto('/market/calendar?metal=NI&date=2026-12-25');
      await page.getByRole('alert').getByText(/not a business day/).waitFor();
      expectRefusals(400, 1);
    } finally {
      await context.close();
    }
  });

  it('prices a carry exactly, says who pays whom and charts the two legs', async () => {
    const { context, page } = await open('/market/calendar?metal=NI&date=2026-12-02');
    try {
      await page.getByRole('heading', { name: 'Carry calculator' }).waitFor();
      await expect.poll(() => page.getByLabel('Near prompt').inputValue()).toBe('2026-12-04');
      expect(await page.getByLabel('Far prompt').inputValue()).toBe('2027-03-02');
      await page.getByLabel('Near price (US$/t)').fill('15000');
      await page.getByLabel('Far price (US$/t)').fill('15120.25');
      await page.getByLabel('Lots').fill('2');
      await page.getByLabel('Lend (sell near, buy far)').check();
      await page.getByRole('button', { name: 'Price the carry' }).click();
      await page.getByTestId('carry-result').waitFor();
      // Nickel lots are 6 t: 12 t × 120.25 = 1,443; lending in contango pays.
      expect(await page.getByTestId('carry-net-per-tonne').textContent()).toBe('-120.25');
      expect(await page.getByTestId('carry-net').textContent()).toBe('-1,443');
      expect(await page.getByTestId('carry-payment').textContent()).toBe('The lender pays the borrower US$120.25 a tonne, US$1,443 in total.');
      await page.getByTestId('carry-chart').locator('svg').waitFor();
      expect(await page.getByTestId('carry-chart').getAttribute('aria-label')).toMatch(/Near leg .*Sell at US\$15,000 a tonne; far leg .*Buy at US\$15,120\.25/);

      // A price that is not a plain decimal is refused beside its field.
      await page.getByLabel('Far price (US$/t)').fill('15120,25');
      await page.getByRole('button', { name: 'Price the carry' }).click();
      // In plain words from the rule's code, the code itself in small print for support.
      await page.getByText('This is not in the expected format.').waitFor();
      await page.getByText('code: invalid_format').waitFor();
      expectRefusals(400, 1);
    } finally {
      await context.close();
    }
  });

  it('speaks Traditional and Simplified Chinese', async () => {
    const { context, page } = await open('/market/calendar?metal=CA&date=2026-12-02');
    try {
      await page.getByTestId('language').selectOption('zh-Hant');
      await page.getByRole('heading', { name: '交割日曆與跨期交易' }).waitFor();
      await page.getByRole('heading', { name: '跨期交易計算器' }).waitFor();
      await page.getByTestId('language').selectOption('zh-Hans');
      await page.getByRole('heading', { name: '交割日历与跨期交易' }).waitFor();
      await page.getByTestId('language').selectOption('en');
    } finally {
      await context.close();
    }
  });
});
