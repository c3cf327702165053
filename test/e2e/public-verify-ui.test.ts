import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeBrand, makeOrg, makeUser, submissionFor, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// The public verification page in a real browser (#21): it resolves the number printed on the PDF
// however it is typed, says revoked with its date and reason and never "eligible", and shows the
// analysis a buyer checks only to those the API answers in full (#22 finding 4: numbers are
// sequential, so anonymous visitors see no PCR, chemistry or weights). Whoever holds the PDF reads
// its contents on /verify, from the signed credential itself. Actions confirm with a toast, and a
// rule's refusal (a future effective date) is said in the reader's language.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let producer: TestUser;
let exchange: TestUser;
let brand: Awaited<ReturnType<typeof makeBrand>>;
let amended: Json; // version 2, its first version superseded
let revoked: Json;
let toRevoke: Json;
let pcr: string;
const REASON = 'Cast withdrawn after a laboratory error';
const consoleErrors: string[] = [];

async function call(method: 'GET' | 'POST', url: string, who?: TestUser, payload?: Json) {
  return server.app.inject({ method, url, ...(who ? { headers: { cookie: who.cookie } } : {}), ...(payload ? { payload } : {}) });
}

async function issue(): Promise<Json> {
  const res = await call('POST', '/api/v1/certificates', producer, submissionFor(brand));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Json>();
}

/** The number as someone might type it from the paper: lower case, a space for the dash, digits in groups. */
const typed = (number: string): string => `${number.slice(0, 2).toLowerCase()} ${number.slice(3, 8)} ${number.slice(8)}`;

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  const db = server.ctx.db;
  const producerOrg = await makeOrg(db, 'producer', 'Andes Copper SA');
  producer = await makeUser(server.ctx, producerOrg.id, 'member');
  exchange = await makeUser(server.ctx, (await makeOrg(db, 'exchange', 'Metal Exchange')).id, 'member');
  brand = await makeBrand(server.ctx, producerOrg.id, 'CA');

  const first = await issue();
  pcr = first.pcr as string;
  const amend = await call('POST', `/api/v1/certificates/${first.id}/amendments`, producer, {
    reason: 'Analysis re-run by the laboratory',
    certificate: submissionFor(brand, { pcr }, 2),
  });
  expect(amend.statusCode, amend.body).toBe(201);
  amended = amend.json<Json>();
  expect(amended.version).toBe(2);

  revoked = await issue();
  const r = await call('POST', `/api/v1/certificates/${revoked.id}/revocation`, producer, { reason: REASON });
  expect(r.statusCode, r.body).toBe(200);
  toRevoke = await issue();
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

async function open(locale = 'en-GB'): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale });
  const page = await newPage(context, consoleErrors);
  return { page, close: () => context.close() };
}

async function signIn(who: TestUser): Promise<{ page: Page; close: () => Promise<void> }> {
  const session = await open();
  await session.page.goto('/sign-in');
  await session.page.getByLabel('Email').fill(who.email);
  await session.page.getByLabel('Password').fill(TEST_PASSWORD);
  await session.page.getByLabel('Password').press('Enter');
  await session.page.getByRole('heading', { name: /Welcome/ }).waitFor();
  return session;
}

describe('the public verification page', () => {
  it('resolves the printed number typed in lower case with spaces; an anonymous visitor sees the checks, not the analysis', async () => {
    const api = await call('GET', `/api/v1/certificates/${encodeURIComponent(typed(amended.number))}`);
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json<Json>()).toMatchObject({ id: amended.id, view: 'minimal' });
    expect(api.json<Json>().pcr).toBeUndefined();

    const { page, close } = await open();
    await page.goto(`/v/${encodeURIComponent(typed(amended.number))}`);
    await page.getByRole('heading', { name: amended.number }).waitFor();
    await page.locator('[data-testid="verdict"][data-ok="true"]').waitFor();
    await page.getByTestId('analysis-hidden').filter({ hasText: 'shown to the producer, the exchange, and the holder and warehouse of the metal' }).waitFor();
    await page.getByTestId('analysis-hidden').getByRole('link', { name: 'Verify a file' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(pcr);
    expect(text).not.toMatch(/uuid/i);
    expect(await page.getByTestId('chemistry-table').count()).toBe(0);
    expect(await page.getByTestId('version-history').count()).toBe(0);
    await close();
  });

  it('says revoked, with its date and the producer’s reason, and not eligible for warranting — by number and by id', async () => {
    const api = (await call('GET', `/api/v1/certificates/${encodeURIComponent(typed(revoked.number))}`)).json<Json>();
    expect(api).toMatchObject({ id: revoked.id, status: 'revoked', warrantEligible: false, revocation: { reason: REASON } });
    // The page writes it as the app does for English (medium date and short time, the browser's zone).
  const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(api.revocation.revokedAt));

    const { page, close } = await open();
    for (const ref of [encodeURIComponent(typed(revoked.number)), revoked.id as string]) {
      await page.goto(`/v/${ref}`);
      await page.getByRole('heading', { name: revoked.number }).waitFor();
      const notice = page.getByTestId('revocation');
      await notice.getByText('This certificate was revoked').waitFor();
      await expect(notice.getByTestId('revocation-reason').innerText()).resolves.toContain(REASON);
      await expect(notice.getByTestId('revoked-at').innerText()).resolves.toContain(when);
      await page.locator('[data-testid="warrant-eligible"][data-eligible="false"]').filter({ hasText: 'No' }).waitFor();
      await page.locator('[data-testid="verdict"][data-ok="false"]').waitFor();
      await page.getByText('Revoked', { exact: true }).first().waitFor();
      expect(await page.getByText('Yes', { exact: true }).count()).toBe(0);
    }
    await close();
  });

  it('shows the producer, signed in, what a buyer checks: PCR, shape, weights, chemistry against the limits, and the version history', async () => {
    const { page, close } = await signIn(producer);
    await page.goto(`/v/${amended.id}`);
    await page.getByRole('heading', { name: amended.number }).waitFor();
    await page.getByText(pcr, { exact: true }).waitFor();
    await page.getByText('Producer and brand').waitFor();
    await page.getByText(`Andes Copper SA · ${brand.code}`, { exact: false }).waitFor();
    await page.getByText(/^net .* kg, gross .* kg, \d+ pieces$/).waitFor();
    // Each element against its limit; copper itself is the purity row (by difference).
    await page.locator('[data-testid="chemistry-table"] tr[data-element="Ag"][data-status="ok"]').filter({ hasText: 'Ag at most 0.0025 %' }).waitFor();
    expect(await page.locator('[data-testid="chemistry-table"] tr[data-element][data-status="ok"]').count()).toBeGreaterThan(3);
    const history = page.getByTestId('version-history');
    await history.locator('tr[data-version="1"]').filter({ hasText: 'superseded by version 2' }).waitFor();
    await history.locator('tr[data-version="2"]').filter({ hasText: 'current' }).waitFor();
    await page.locator('[data-testid="verdict"][data-ok="true"]').waitFor();
    expect(await page.getByTestId('analysis-hidden').count()).toBe(0);
    await close();
  });

  it('shows whoever uploads the PDF what its signed credential says', async () => {
    const pdf = await call('GET', `/api/v1/certificates/${amended.id}/pdf`, producer);
    expect(pdf.statusCode).toBe(200);
    const { page, close } = await open();
    await page.goto('/verify');
    await page.getByTestId('verify-file').setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: pdf.rawPayload });
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.locator('[data-testid="verdict"][data-ok="true"]').waitFor();
    const contents = page.getByTestId('credential-contents');
    await contents.getByRole('heading', { name: 'What the credential says' }).waitFor();
    await contents.getByText(pcr, { exact: true }).waitFor();
    await contents.getByText(/^net .* kg, gross .* kg, \d+ pieces$/).waitFor();
    await contents.locator('[data-testid="chemistry-table"] tr[data-element="Ag"]').filter({ hasText: /^Ag\s*[\d.]+ %/ }).waitFor();
    await close();
  });
});

describe('confirmations and translated refusals', () => {
  it('confirms a revocation with a toast', async () => {
    const { page, close } = await signIn(producer);
    await page.goto(`/certificates/${toRevoke.id}`);
    await page.getByRole('heading', { name: toRevoke.number }).waitFor();
    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke certificate ${toRevoke.number}?` });
    await dialog.getByLabel(/^Reason for revoking/).fill(REASON);
    await dialog.getByRole('button', { name: 'Revoke the certificate' }).click();
    const toast = page.getByTestId('toast');
    await toast.filter({ hasText: `Certificate ${toRevoke.number} revoked.` }).waitFor();
    await expect(toast.first().getAttribute('role')).resolves.toBe('status');
    // The inline notice stays too.
    await page.getByTestId('action-notice').waitFor();
    await close();
  });

  it('says a future effective date is refused in 繁體中文, from the server’s code, with the code for support', async () => {
    const { page, close } = await signIn(exchange);
    await page.goto(`/brands/${brand.id}`);
    await page.getByRole('heading', { name: 'Exchange governance' }).waitFor();
    await page.getByTestId('language').selectOption('zh-Hant');
    await page.waitForFunction(`document.documentElement.lang === 'zh-Hant'`);
    const form = page.getByTestId('status-form');
    await form.locator('textarea').fill('Assay results outside the contract');
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await form.locator('input[type="date"]').fill(tomorrow);
    await form.locator('button[type="submit"]').click();
    const message = form.locator('[data-error-code="future_date"]');
    await message.filter({ hasText: '此日期在未來；請於事情發生當日或之後記錄。' }).waitFor();
    await expect(message.innerText()).resolves.toContain('future_date');
    expect(await form.getByText('must not be in the future').count()).toBe(0);
    // The refusal was provoked on purpose: its "Failed to load resource" console entry is expected.
    const refused = consoleErrors.filter((e) => e.includes('status of 400'));
    expect(refused).toHaveLength(1);
    consoleErrors.splice(consoleErrors.indexOf(refused[0]!), 1);
    await close();
  });
});
