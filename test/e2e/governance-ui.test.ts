import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/app/trust-registry.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// The exchange governs brands in a real browser against a real server: it suspends and reinstates a
// brand and rules on its responsible sourcing, each confirmed on the page and shown fresh, and the
// audit then finds nothing wrong. Validation errors are shown per field in the reader's language
// with their code; a failed sign-in is said in that language; "needs attention" clears once the
// rejection is dealt with. Every page visited is watched for console errors.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let exchange: TestUser;
let producer: TestUser;
let brand: Awaited<ReturnType<typeof makeBrand>>;
const consoleErrors: string[] = [];

const post = async (url: string, payload: Json, who: TestUser) => {
  const res = await server.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
  return res.json<Json>();
};

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  const db = server.ctx.db;
  const producerOrgId = (await makeOrg(db, 'producer', 'Fjord Aluminium AS')).id;
  producer = await makeUser(server.ctx, producerOrgId, 'member');
  exchange = await makeUser(server.ctx, (await makeOrg(db, 'exchange', 'Metal Exchange')).id, 'member');
  brand = await makeBrand(server.ctx, producerOrgId, 'AH', 'NO');
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

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('exchange governance in the browser', () => {
  it('suspends and reinstates a brand and rules on its sourcing, each confirmed and shown fresh; the audit then finds nothing', async () => {
    const { page, close } = await signIn(exchange);
    await page.goto(`/brands/${brand.id}`);
    await page.getByRole('heading', { name: 'Exchange governance' }).waitFor();
    const statusForm = page.getByTestId('status-form');
    const header = page.locator('h1').locator('..');

    // Suspend, from yesterday, with a reason.
    await statusForm.getByLabel('Action').selectOption('suspended');
    await statusForm.getByLabel('Reason').fill('Assay results outside the contract for three casts');
    await statusForm.getByLabel('Effective date').fill(yesterday());
    await statusForm.getByRole('button', { name: 'Record the status change' }).click();
    await statusForm.getByTestId('status-done').filter({ hasText: 'Recorded: the brand is now Suspended' }).waitFor();
    await header.getByText('Suspended', { exact: true }).waitFor();
    await page.getByTestId('status-history').locator('tr', { hasText: 'Assay results outside the contract for three casts' }).waitFor();

    // The brand list filters by status, and shows it suspended.
    await page.goto('/brands');
    await page.getByLabel('Status', { exact: true }).selectOption('suspended');
    await page.getByRole('link', { name: brand.code }).waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('listed');
    await page.getByText('Brands shown: 0').waitFor();

    // Reinstate (today): only the actions that change the status are offered.
    await page.goto(`/brands/${brand.id}`);
    await statusForm.getByLabel('Action').waitFor();
    const offered = await statusForm.getByLabel('Action').locator('option').evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    expect(offered).toEqual(['listed', 'delisted']);
    await statusForm.getByLabel('Action').selectOption('listed');
    await statusForm.getByLabel('Reason').fill('Re-tested casts conform; suspension lifted');
    await statusForm.getByRole('button', { name: 'Record the status change' }).click();
    await statusForm.getByTestId('status-done').filter({ hasText: 'Recorded: the brand is now Listed' }).waitFor();
    await header.getByText('Listed', { exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('status-history').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);

    // A responsible-sourcing ruling.
    const ruling = page.getByTestId('ruling-form');
    await ruling.getByLabel('Ruling').selectOption('non_compliant');
    await ruling.getByLabel('Reason').fill('Red Flag Assessment overdue by 60 days');
    await ruling.getByRole('button', { name: 'Record the ruling' }).click();
    await ruling.getByTestId('ruling-done').filter({ hasText: 'Recorded: the brand is ruled' }).waitFor();
    await page.getByText('Red Flag Assessment overdue by 60 days').first().waitFor();
    await close();

    // Signed and logged as the API does it: the audit finds nothing.
    const history = await server.app.inject({ method: 'GET', url: `/api/v1/brands/${brand.id}/status-history` });
    expect(history.json<Json>().items.map((h: Json) => h.status)).toEqual(['listed', 'suspended', 'listed']);
    const sourcing = await server.app.inject({ method: 'GET', url: `/api/v1/brands/${brand.id}/sourcing` });
    expect(sourcing.json<Json>().compliance).toMatchObject({ status: 'non_compliant', reason: 'Red Flag Assessment overdue by 60 days' });
    const audit = await runAudit(server.ctx);
    expect(audit.findings.map((f) => `${f.code} ${f.record}`)).toEqual([]);
    expect(audit.records.brand).toBeGreaterThanOrEqual(1);
  });

  it('publishes a new, effective-dated version of a contract specification, numbered and logged; the audit then finds nothing', async () => {
    const before = (await server.app.inject({ method: 'GET', url: '/api/v1/metals/AH/specs' })).json<Json>().items as Json[];
    const latest = before.at(-1)!;
    const { page, close } = await signIn(exchange);
    await page.goto('/brands');
    await page.getByRole('link', { name: 'Contract specifications' }).click();
    await page.getByRole('heading', { name: 'Contract specifications' }).waitFor();
    await page.getByTestId('spec-versions').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('spec-versions').locator('tbody tr').count()).toBe(before.length);
    const form = page.getByTestId('spec-form');
    const body = form.getByLabel('Specification (JSON)');
    // The form starts from the latest version; the exchange changes one thing and dates it.
    const edited = JSON.parse(await body.inputValue()) as Json;
    expect(edited.qualityStandard).toBe(latest.qualityStandard);
    edited.qualityStandard = `${latest.qualityStandard} (governance test)`;
    await body.fill(JSON.stringify(edited, null, 2));
    const from = new Date().toISOString().slice(0, 10);
    await form.getByLabel('In force from').fill(from);
    await form.getByRole('button', { name: 'Publish the version' }).click();
    await form.getByTestId('spec-done').filter({ hasText: `Published: version ${latest.version + 1} of AH` }).waitFor();
    await page.getByTestId('spec-versions').locator('tr', { hasText: `${latest.qualityStandard} (governance test)` }).waitFor();
    await close();

    const after = (await server.app.inject({ method: 'GET', url: '/api/v1/metals/AH/specs' })).json<Json>().items as Json[];
    expect(after.at(-1)).toMatchObject({ version: latest.version + 1, effectiveFrom: from, qualityStandard: `${latest.qualityStandard} (governance test)` });
    const audit = await runAudit(server.ctx);
    expect(audit.findings.map((f) => `${f.code} ${f.record}`)).toEqual([]);
  });

  it('shows a refused field in plain words in Traditional Chinese, with its code for support, and nothing is recorded', async () => {
    const { page, close } = await signIn(exchange);
    await page.goto(`/brands/${brand.id}`);
    await page.getByTestId('language').selectOption('zh-Hant');
    const statusForm = page.getByTestId('status-form');
    await statusForm.getByLabel('理由').fill('ab');
    await statusForm.getByRole('button', { name: '記錄狀態變更' }).click();
    const reason = statusForm.getByLabel('理由');
    await statusForm.getByText('太短：至少需要 3 個字元。').waitFor();
    const described = await reason.getAttribute('aria-describedby');
    const said = await page.evaluate<string>(`${JSON.stringify(described ?? '')}.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')`);
    expect(said).toContain('太短：至少需要 3 個字元。');
    expect(said).toContain('錯誤代碼：too_short');
    expect(said).not.toMatch(/must NOT have/);
    await statusForm.getByText('部分欄位需要處理：請參閱欄位旁的訊息。').waitFor();
    expectRefusals(400, 1);
    await page.getByTestId('language').selectOption('en');
    await close();
    const history = await server.app.inject({ method: 'GET', url: `/api/v1/brands/${brand.id}/status-history` });
    expect(history.json<Json>().items).toHaveLength(3);
  });

  it('says a failed sign-in in Simplified Chinese', async () => {
    const { page, close } = await open('zh-CN');
    await page.goto('/sign-in');
    await page.getByTestId('language').selectOption('zh-Hans');
    await page.locator('input[type="email"]').fill(exchange.email);
    await page.locator('input[type="password"]').fill('not the password at all');
    await page.locator('input[type="password"]').press('Enter');
    await page.getByTestId('sign-in-failed').filter({ hasText: '电子邮件或密码不正确。' }).waitFor();
    expect(await page.getByTestId('sign-in-failed').textContent()).not.toContain('incorrect');
    expectRefusals(401, 1);
    await page.getByTestId('language').selectOption('en');
    await close();
  });
});

describe('needs attention', () => {
  it('clears from the exchange’s queue and the producer’s home once the rejected certificate is submitted again', async () => {
    const submission = submissionFor(brand, { productionDate: '2099-01-01' });
    const rejected = await post('/api/v1/certificates', submission, producer);
    expect(rejected.status).toBe('rejected');

    const ex = await signIn(exchange);
    await ex.page.getByTestId('queue-q-rejected').getByRole('link', { name: rejected.number }).waitFor();
    const pr = await signIn(producer);
    await pr.page.locator('section[aria-labelledby="attention"]').getByRole('link', { name: rejected.number }).waitFor();

    // Dealt with: the same cast submitted again with its real production date, and issued.
    const fixed = await post('/api/v1/certificates', { ...submission, productionDate: '2026-10-01' }, producer);
    expect(fixed.status).toBe('issued');

    await ex.page.reload();
    await ex.page.getByTestId('queue-q-rejected').getByText('No certificates match.').waitFor();
    expect(await ex.page.getByTestId('queue-q-rejected').getByRole('link', { name: rejected.number }).count()).toBe(0);
    await pr.page.reload();
    const attention = pr.page.locator('section[aria-labelledby="attention"]');
    await attention.getByText('No certificates match.').waitFor();
    expect(await attention.getByRole('link', { name: rejected.number }).count()).toBe(0);
    await ex.close();
    await pr.close();
  });
});
