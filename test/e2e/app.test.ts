import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleSubmission, seededRng } from '../../src/certificates/samples.ts';
import { pdfAttachments, renderCertificatePdf, CREDENTIAL_ATTACHMENT, type PdfCertificate } from '../../src/certificates/pdf.ts';
import type { MetalCode } from '../../src/metals/spec-types.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { ensureWebBuilt, forge, launchBrowser, newPage, qrOfPdf, startServer, type Running } from './harness.ts';

// The web app in a real browser against a real server. Every page visited is watched for console
// errors; the suite fails if any appear.

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let producer: TestUser;
let brand: Awaited<ReturnType<typeof makeBrand>>;
let issued: { id: string; number: string };
const consoleErrors: string[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  const org = await makeOrg(server.ctx.db, 'producer', 'Andes Copper SA');
  producer = await makeUser(server.ctx, org.id, 'member');
  brand = await makeBrand(server.ctx, org.id, 'CA');
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/certificates',
    headers: { cookie: producer.cookie },
    payload: submissionFor(brand),
  });
  expect(res.statusCode).toBe(201);
  issued = res.json<{ id: string; number: string }>();
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

afterEach(() => {
  expect(consoleErrors, 'console errors in the browser').toEqual([]);
});

async function signedInPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
  const page = await newPage(context, consoleErrors);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(producer.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  return { context, page };
}

/** A form field by its label, whether or not the label carries the required-field asterisk. */
const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`));

/** Fills the issue form for the seeded brand from a conforming sample, optionally overriding values. */
async function fillForm(page: Page, opts: { pcr: string; chemistry?: Record<string, string> }) {
  const sample = sampleSubmission(brand.metal as MetalCode, { code: brand.code, shapes: brand.shapes, country: brand.plant.country }, opts.pcr, '2026-01-01', seededRng(7));
  await field(page, 'Brand').selectOption(brand.code);
  await field(page, 'Production cast reference (PCR)').fill(opts.pcr);
  // The chemistry rows arrive with the contract spec of the brand's metal.
  await page.getByLabel('Element in row 1').waitFor();
  const bundle = sample.bundles[0]!;
  await field(page, 'Pieces').fill(String(bundle.pieces));
  await field(page, 'Gross weight (kg)').fill(bundle.grossKg!);
  await field(page, 'Net weight (kg)').fill(bundle.netKg);
  await page.getByLabel('Bundle 1 number').fill(bundle.number);
  await page.getByLabel('Bundle 1 pieces').fill(String(bundle.pieces));
  await page.getByLabel('Bundle 1 net weight (kg)').fill(bundle.netKg);
  await page.getByLabel('Bundle 1 gross weight (kg)').fill(bundle.grossKg!);
  const values = { ...Object.fromEntries(Object.entries(sample.chemistry).map(([el, v]) => [el, v.value])), ...opts.chemistry };
  const rows = await page.locator('tr[data-element]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-element')));
  for (const el of rows) {
    const v = el ? values[el] : undefined;
    if (el && v) await page.getByLabel(`Value of ${el}`, { exact: true }).fill(v);
  }
  await field(page, 'Laboratory').fill('Andes Assay Laboratory');
  await field(page, 'Signatory').fill('M. Rojas');
}

describe('serving the web app from the API process', () => {
  it('answers client routes with the app and keeps JSON 404s for API and trust paths', async () => {
    for (const p of ['/', '/sign-in', `/v/${issued.id}`, `/certificates/${issued.id}`, '/verify']) {
      const res = await fetch(`${server.baseUrl}${p}`);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type'), p).toContain('text/html');
      expect(await res.text(), p).toContain('<div id="root">');
    }
    for (const p of ['/api/v1/nope', '/log/nope', '/docs/nope/x', '/status/x', '/orgs/x', '/.well-known/x', '/schemas/x', '/openapi.json/x', '/healthz/x', '/readyz/x', '/missing.js']) {
      const res = await fetch(`${server.baseUrl}${p}`);
      expect(res.status, p).toBe(404);
      expect((await res.json()) as unknown, p).toMatchObject({ error: { code: 'not_found' } });
    }
    const html = await (await fetch(`${server.baseUrl}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${server.baseUrl}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
  });
});

describe('the Assay web app in Chromium', () => {
  it('lets a producer issue a certificate through the form, using the keyboard', async () => {
    const { context, page } = await signedInPage();
    await page.getByRole('link', { name: 'Issue a certificate' }).first().click();
    await page.getByRole('heading', { name: 'Issue a certificate' }).waitFor();

    // Tab order follows the form: brand, PCR, production date (whose day, month and year segments
    // each take a Tab in Chromium), origin, shape.
    await field(page, 'Brand').focus();
    const order: string[] = [];
    for (let i = 0; i < 8 && order.length < 4; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate<string>(
        "(document.activeElement?.labels?.[0]?.textContent ?? '').replace(/\\s*\\*$/, '').trim()",
      );
      if (order.at(-1) !== label) order.push(label);
    }
    expect(order).toEqual(['Production cast reference (PCR)', 'Production date', 'Country of origin', 'Shape']);

    await fillForm(page, { pcr: `E2E-${Date.now().toString(36).toUpperCase()}` });
    await page.getByTestId('chem-verdict').filter({ hasText: 'The analysis conforms' }).waitFor();
    await expect(page.getByTestId('live-problems').count()).resolves.toBe(0);

    // Submit from the keyboard.
    await page.getByRole('button', { name: 'Issue certificate' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/certificates\/[0-9a-f-]{36}$/);
    await page.getByText('Issued', { exact: true }).first().waitFor();
    await page.getByTestId('chemistry-table').waitFor();
    expect(await page.locator('[data-testid="chemistry-table"] tr[data-status="exceeds"]').count()).toBe(0);
    await page.getByTestId('log-inclusion').locator('[data-status="pass"]').waitFor();
    await context.close();
  });

  it('flags a non-conforming value before submission, and shows the server’s reasons after', async () => {
    const { context, page } = await signedInPage();
    await page.goto('/certificates/new');
    await fillForm(page, { pcr: `BAD-${Date.now().toString(36).toUpperCase()}`, chemistry: { Pb: '0.5' } });

    // Live: the debounced chemistry check names the failing rule on the row and in the checks panel.
    await page.locator('tr[data-element="Pb"][data-status="exceeds"]').waitFor();
    await expect(page.locator('tr[data-element="Pb"]').textContent()).resolves.toContain('Pb at most 0.0005 %');
    await page.getByTestId('live-problems').filter({ hasText: 'Pb 0.5 % exceeds' }).waitFor();
    await page.getByText('Submitting now would be rejected').waitFor();

    // Client-side sums: a wrong piece count is named at once.
    const pieces = field(page, 'Pieces');
    const right = await pieces.inputValue();
    await pieces.fill(String(Number(right) + 1));
    await page.getByTestId('live-problems').filter({ hasText: `Bundles hold ${right} pieces` }).waitFor();
    await pieces.fill(right);

    await page.getByRole('button', { name: 'Issue certificate' }).click();
    const rejection = page.getByTestId('server-rejection');
    await rejection.waitFor();
    await expect(rejection.textContent()).resolves.toContain('chemistry.Pb');
    await expect(rejection.textContent()).resolves.toContain('exceeds');
    await context.close();
  });

  it('opens the public verification page from the certificate’s QR code with every check passing', async () => {
    const pdf = await server.app.inject({ method: 'GET', url: `/api/v1/certificates/${issued.id}/pdf`, headers: { cookie: producer.cookie } });
    expect(pdf.statusCode).toBe(200);
    const url = qrOfPdf(pdf.rawPayload);
    expect(url).toBe(`${server.baseUrl}/v/${issued.id}`);

    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await newPage(context, consoleErrors);
    await page.goto(url!);
    await page.getByRole('heading', { name: issued.number }).waitFor();
    await page.locator('[data-testid="verdict"][data-ok="true"]').waitFor();
    const checks = await page.locator('[data-check]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-check'), e.getAttribute('data-status')]));
    expect(checks.map(([name]) => name)).toEqual(['format', 'signature', 'issuer', 'key_validity', 'schema', 'status', 'log_inclusion', 'witnesses', 'current']);
    for (const [name, status] of checks) expect(status, name!).not.toBe('fail');
    for (const name of ['signature', 'issuer', 'status', 'log_inclusion']) expect(Object.fromEntries(checks)[name!], name).toBe('pass');
    await page.getByText('The producer’s digital signature matches'.replace('’', "'")).first().waitFor();
    await context.close();
  });

  it('verifies uploaded files and names the failing check for an altered credential or PDF', async () => {
    const pdf = (await server.app.inject({ method: 'GET', url: `/api/v1/certificates/${issued.id}/pdf`, headers: { cookie: producer.cookie } }))
      .rawPayload;
    const jwt = pdfAttachments(pdf).get(CREDENTIAL_ATTACHMENT)!.toString('utf8');
    const view = (
      await server.app.inject({ method: 'GET', url: `/api/v1/certificates/${issued.id}`, headers: { cookie: producer.cookie } })
    ).json<PdfCertificate>();
    const alteredPdf = await renderCertificatePdf({
      certificate: view,
      credential: forge(jwt),
      logIndex: 0,
      publicUrl: server.baseUrl,
      lang: 'zh-Hans',
    });

    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
    const page = await newPage(context, consoleErrors);
    await page.goto('/verify');
    const upload = async (name: string, mimeType: string, buffer: Buffer) => {
      await page.getByTestId('verify-file').setInputFiles({ name, mimeType, buffer });
      await page.getByRole('button', { name: 'Verify', exact: true }).click();
    };

    await upload('certificate.pdf', 'application/pdf', pdf);
    await page.locator('[data-testid="verdict"][data-ok="true"]').waitFor();
    await page.getByText('Checked a PDF certificate.').waitFor();

    await upload('altered.jwt', 'application/vc+jwt', Buffer.from(forge(jwt)));
    await page.locator('[data-testid="verdict"][data-ok="false"]').waitFor();
    await page.locator('[data-check="signature"][data-status="fail"]').waitFor();
    await expect(page.getByTestId('verdict').textContent()).resolves.toContain('Failed: Signature');

    await upload('altered.pdf', 'application/pdf', alteredPdf);
    await page.getByText('Checked a PDF certificate.').waitFor();
    await page.locator('[data-testid="verdict"][data-ok="false"]').waitFor();
    await page.locator('[data-check="signature"][data-status="fail"]').waitFor();
    await context.close();
  });

  it('switches to 繁體中文 and 简体中文 at any time, and remembers the choice', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
    const page = await newPage(context, consoleErrors);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Check any metal certificate yourself' }).waitFor();

    await page.getByLabel('Language').selectOption('zh-Hant');
    await page.getByRole('heading', { name: '親自查核任何金屬證書' }).waitFor();
    await page.getByRole('link', { name: '證書' }).first().waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh-Hant');

    await page.getByLabel('語言').selectOption('zh-Hans');
    await page.getByRole('heading', { name: '亲自核查任何金属证书' }).waitFor();
    await page.getByRole('link', { name: '证书' }).first().waitFor();

    // Remembered across a reload, and applied on other pages (dates formatted for the language).
    await page.goto(`/v/${issued.id}`);
    await page.getByText('公开验证').waitFor();
    await page.getByText('逐项检查').waitFor();
    const expectedDate = new Intl.DateTimeFormat('zh-Hans', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-10-01T00:00:00Z'));
    const productionDate = (await server.app.inject({ method: 'GET', url: `/api/v1/certificates/${issued.id}` })).json<{ productionDate: string }>()
      .productionDate;
    if (productionDate === '2026-10-01') await page.getByText(expectedDate).first().waitFor();

    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: 'Every check' }).waitFor();
    await context.close();
  });
});
