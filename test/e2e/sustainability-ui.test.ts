import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cellOf, filledCbamForm } from '../../src/cbam/excel.ts';
import { makeBrand, makeOrg, makeUser, submissionFor, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// The sustainability screens in a real browser against a real server: CBAM reports (form and
// Excel), grants, visibility, disclosures with evidence and attestations, review queues, charts,
// premium eligibility and certificate revocation. Every page visited is watched for console errors.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY_MS = 86_400_000;
const isoDay = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const YEAR = new Date().getUTCFullYear();

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let producer: TestUser;
let exchange: TestUser;
let trader: TestUser;
let auditor: TestUser;
let producerOrgId: string;
let otherProducerOrgId: string;
let traderOrgId: string;
/** Filed through the UI in these tests. */
let brand: Awaited<ReturnType<typeof makeBrand>>;
/** Carries a CBAM report and a recognised standard from the start: premium eligibility. */
let premiumBrand: Awaited<ReturnType<typeof makeBrand>>;
let certificate: { id: string; number: string };
let rejected: { id: string; number: string };
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
  producerOrgId = (await makeOrg(db, 'producer', 'Fjord Aluminium AS')).id;
  producer = await makeUser(server.ctx, producerOrgId, 'member');
  otherProducerOrgId = (await makeOrg(db, 'producer', 'Andes Copper SA')).id;
  const otherProducer = await makeUser(server.ctx, otherProducerOrgId, 'member');
  exchange = await makeUser(server.ctx, (await makeOrg(db, 'exchange', 'Metal Exchange')).id, 'member');
  traderOrgId = (await makeOrg(db, 'trader', 'Harbour Trading Ltd')).id;
  trader = await makeUser(server.ctx, traderOrgId, 'member');
  auditor = await makeUser(server.ctx, (await makeOrg(db, 'auditor', 'Clearline Assurance Ltd')).id, 'member');
  brand = await makeBrand(server.ctx, producerOrgId, 'AH', 'NO');
  premiumBrand = await makeBrand(server.ctx, producerOrgId, 'AH', 'NO');
  const copper = await makeBrand(server.ctx, otherProducerOrgId, 'CA');

  certificate = (await post('/api/v1/certificates', submissionFor(brand), producer)) as { id: string; number: string };
  // A cast dated in the future is recorded as rejected: the exchange's first queue.
  rejected = (await post('/api/v1/certificates', submissionFor(brand, { productionDate: '2099-01-01' }), producer)) as { id: string; number: string };
  expect((rejected as Json).status).toBe('rejected');

  // Premium: a CBAM report for this year (1.52 + 0.31 = 1.83 tCO2e/t, under the 10 t threshold for
  // aluminium) and a recognised, premium-qualifying standard held by the company.
  await post(
    `/api/v1/brands/${premiumBrand.id}/cbam-reports`,
    {
      periodKind: 'annual',
      periodStart: `${YEAR}-01-01`,
      periodEnd: `${YEAR}-12-31`,
      installation: 'Fjord smelter',
      installationCountry: 'NO',
      productionRoute: 'primary',
      cnCode: '7601',
      directEmissions: '1.52',
      indirectEmissions: '0.31',
      electricityConsumption: '14.2',
      electricityEmissionFactor: '0.022',
      valueType: 'actual',
      methodology: 'IAI-CF',
      verificationStatus: 'verified',
      verifier: 'Nordic Verification AS',
    },
    producer,
  );
  const certification = (standardCode: string, validUntil: string) => ({
    level: 'company',
    topic: 'esg_certification',
    kind: 'certification',
    title: `${standardCode} certificate`,
    standardCode,
    validFrom: isoDay(-300),
    validUntil,
  });
  await post('/api/v1/disclosures', certification('ASI-PS', isoDay(400)), producer);
  await post('/api/v1/disclosures', { level: 'company', topic: 'carbon', kind: 'metric', title: 'Scope 1+2 intensity', value: '1.83', unit: 'tCO2e/t', periodStart: '2025-01-01', periodEnd: '2025-12-31' }, producer);
  // The second producer: a higher carbon intensity, one valid and one expired certification.
  await post('/api/v1/disclosures', certification('COPPER-MARK', isoDay(200)), otherProducer);
  await post('/api/v1/disclosures', certification('ISO14001', isoDay(-10)), otherProducer);
  await post('/api/v1/disclosures', { level: 'company', topic: 'carbon', kind: 'metric', title: 'Scope 1+2 intensity', value: '3.4', unit: 'tCO2e/t', periodStart: '2025-01-01', periodEnd: '2025-12-31' }, otherProducer);
  await post(`/api/v1/brands/${copper.id}/sourcing-tracks`, { track: 'A', effectiveFrom: '2026-01-01', standardCode: 'COPPER-MARK' }, otherProducer);
  await post(`/api/v1/brands/${brand.id}/sourcing-tracks`, { track: 'D', effectiveFrom: '2026-01-01', secondaryMaterials: { declaration: 'Remelted post-consumer scrap.' } }, producer);
  // The exchange rules a brand non-compliant: another queue.
  await post(`/api/v1/brands/${copper.id}/sourcing-compliance`, { status: 'non_compliant', reason: 'Red Flag Assessment overdue' }, exchange);

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

/**
 * Chromium logs every 4xx answer as "Failed to load resource". Where a test provokes one on purpose
 * (the server refusing a bad form), it takes exactly those entries out; anything else still fails.
 */
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

/** A form field by its label, whether or not the label carries the required-field asterisk. */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`));

describe('CBAM reports, visibility and grants', () => {
  it('files a report through the form: a bad field is named beside it, then the fixed report is recorded', async () => {
    const { page, close } = await signIn(producer);
    await page.goto(`/brands/${brand.id}`);
    await page.getByRole('link', { name: 'Manage CBAM reports and access' }).click();
    await page.getByRole('heading', { name: `CBAM reports of ${brand.code}`, level: 1 }).waitFor();

    const form = page.getByTestId('cbam-form');
    // Prefilled from the brand and the exchange's approved methodology.
    expect(await field(form, 'Installation').inputValue()).toBe(brand.plant.name);
    await expect.poll(() => field(form, 'Methodology').inputValue()).toBe('IAI-CF');
    await field(page, 'Reporting period').selectOption('annual');
    await field(page, 'Period start (or the day of a daily update)').fill('2025-01-01');
    await field(page, 'Period end').fill('2025-12-31');
    await field(page, 'Installation country').fill('XX');
    await field(page, 'Production route').selectOption('primary');
    await field(page, 'CN code').fill('7601');
    await field(page, 'Direct emissions (Scope 1, tCO2e/t)').fill('1.64');
    await field(page, 'Indirect emissions (Scope 2, tCO2e/t)').fill('0.29');
    await field(page, 'Electricity consumption (MWh/t)').fill('14.1');
    await field(page, 'Electricity emission factor (tCO2e/MWh)').fill('0.021');
    await field(page, 'Actual or default values').selectOption('actual');
    await field(page, 'Verification status').selectOption('verified');
    await field(page, 'Verifier').fill('Nordic Verification AS');
    await page.getByRole('button', { name: 'Submit the report' }).click();

    // The server's verdict, beside the field it concerns.
    await page.getByTestId('cbam-form-error').filter({ hasText: 'problems in 1 fields' }).waitFor();
    const country = field(page, 'Installation country');
    expect(await country.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await country.getAttribute('aria-describedby')) ?? '';
    const errorText = await page.evaluate<string>(`${JSON.stringify(describedBy)}.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')`);
    // In plain words from the server's rule code (not its English message), the code for support.
    expect(errorText).toContain('Not an ISO 3166-1 two-letter country code (found “XX”).');
    expect(errorText).toContain('(code: not_country)');
    expect(await page.getByTestId('cbam-current').count()).toBe(0);
    expectRefusals(400, 1);

    await country.fill('NO');
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.getByTestId('cbam-recorded').filter({ hasText: 'version 1' }).waitFor();
    const row = page.getByTestId('cbam-current').locator('tr', { hasText: /Jan 1, 2025/ });
    await row.getByText('1.64', { exact: true }).waitFor();
    await close();
  });

  it('uploads the Excel form: a bad cell is shown by sheet and cell, a corrected form is recorded', async () => {
    const { page, close } = await signIn(producer);
    await page.goto(`/brands/${brand.id}/cbam`);
    await page.getByRole('tab', { name: 'Excel form' }).click();
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the blank CBAM form (.xlsx)' }).click()]);
    expect(template.suggestedFilename()).toBe('assay-cbam-form.xlsx');

    const values = {
      brandCode: brand.code,
      periodKind: 'annual',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      installation: 'Fjord smelter',
      installationCountry: 'NO',
      productionRoute: 'primary',
      cnCode: '7601',
      directEmissions: '-1.7',
      indirectEmissions: '0.33',
      electricityConsumption: '14.4',
      electricityEmissionFactor: '0.024',
      valueType: 'actual',
      methodology: 'IAI-CF',
      verificationStatus: 'unverified',
    };
    const upload = async (buffer: Buffer) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Upload a filled form' }).click()]);
      await chooser.setFiles({ name: 'cbam-2024.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    };
    await upload(await filledCbamForm(values));
    const bad = page.locator(`[data-testid="cbam-excel-problems"] tr[data-cell="${cellOf('directEmissions')}"]`);
    await bad.waitFor();
    const text = (await bad.textContent()) ?? '';
    expect(text).toContain(`CBAM report!${cellOf('directEmissions')}`);
    expect(text).toContain('Direct emissions (Scope 1, tCO2e/t)');
    // In plain words from the rule's code, with the code for support.
    expect(text).toContain('Must not be negative (found -1.7).');
    expect(text).toContain('(code: negative_number)');
    await page.getByTestId('cbam-excel-error').filter({ hasText: 'nothing was recorded' }).waitFor();
    expectRefusals(400, 1);

    await upload(await filledCbamForm({ ...values, directEmissions: '1.7' }));
    await page.getByTestId('cbam-excel-recorded').filter({ hasText: 'version 1' }).waitFor();
    expect(await page.getByTestId('cbam-excel-problems').count()).toBe(0);
    await page.getByTestId('cbam-current').locator('tr', { hasText: /Jan 1, 2024/ }).getByText('1.7', { exact: true }).waitFor();
    await close();
  });

  it('grants a trader access, then revokes the grant through a confirmation dialog', async () => {
    const { page, close } = await signIn(producer);
    await page.goto(`/brands/${brand.id}/cbam`);
    await page.getByText('No grants yet.').waitFor();
    await field(page, 'Organisation').selectOption({ label: 'Harbour Trading Ltd (Trader)' });
    // Neither the producer itself nor the exchange is offered: they see the data already.
    const offered = await field(page, 'Organisation').locator('option').allTextContents();
    expect(offered.some((o) => o.startsWith('Fjord Aluminium AS') || o.startsWith('Metal Exchange'))).toBe(false);
    await field(page, 'Reason').fill('Supply contract 2026');
    await page.getByRole('button', { name: 'Grant access' }).click();
    const row = page.locator('[data-testid="cbam-grants"] tr[data-grantee="Harbour Trading Ltd"]');
    await row.filter({ hasText: 'Active' }).waitFor();
    const asTrader = () => server.app.inject({ method: 'GET', url: `/api/v1/brands/${brand.id}/cbam-reports`, headers: { cookie: trader.cookie } });
    expect((await asTrader()).statusCode).toBe(200);

    // The dialog opens with the reason field focused, and Escape closes it without revoking.
    await page.getByRole('button', { name: 'Revoke the grant to Harbour Trading Ltd' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the grant to Harbour Trading Ltd?' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate<string | undefined>('document.activeElement?.tagName')).toBe('TEXTAREA');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await row.filter({ hasText: 'Active' }).waitFor();

    await page.getByRole('button', { name: 'Revoke the grant to Harbour Trading Ltd' }).click();
    await dialog.getByLabel(/^Reason for revoking/).fill('Contract ended');
    await dialog.getByRole('button', { name: 'Revoke the grant' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.filter({ hasText: 'Revoked' }).filter({ hasText: 'Contract ended' }).waitFor();
    expect((await asTrader()).statusCode).toBe(403);
    await close();
  });

  it('publishes the brand’s CBAM data and makes it private again', async () => {
    const { page, close } = await signIn(producer);
    await page.goto(`/brands/${brand.id}/cbam`);
    await page.getByRole('radio', { name: /^Published/ }).check();
    await page.getByRole('button', { name: 'Save visibility' }).click();
    await page.getByRole('status').filter({ hasText: 'The producer publishes this brand’s CBAM data.' }).waitFor();
    expect((await server.app.inject({ method: 'GET', url: `/api/v1/brands/${brand.id}/cbam-reports` })).statusCode).toBe(200);
    await page.getByRole('radio', { name: /^Private/ }).check();
    await page.getByRole('button', { name: 'Save visibility' }).click();
    await page.getByRole('status').filter({ hasText: 'This brand’s CBAM data is private.' }).waitFor();
    expect((await server.app.inject({ method: 'GET', url: `/api/v1/brands/${brand.id}/cbam-reports` })).statusCode).toBe(401);
    await close();
  });
});

describe('disclosures and attestations', () => {
  const title = 'ASI Chain of Custody certificate';

  it('a producer files a restricted disclosure with evidence, naming an auditor, who attests it from their home page', async () => {
    const { page, close } = await signIn(producer);
    await page.getByRole('navigation').getByRole('link', { name: 'Disclosures', exact: true }).click();
    await page.getByRole('link', { name: 'File a disclosure' }).click();
    await page.getByRole('heading', { name: 'File a disclosure', level: 1 }).waitFor();
    await field(page, 'Kind').selectOption('certification');
    await field(page, 'Topic').selectOption('responsible_sourcing');
    await field(page, 'Title').fill(title);
    await field(page, 'Standard').selectOption('ASI-COC');
    await field(page, 'Brand or plant').selectOption('brand');
    await field(page, 'Brand').selectOption(brand.code);
    await field(page, 'Valid from').fill(isoDay(-300));
    await field(page, 'Valid until').fill(isoDay(45));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add evidence files' }).click()]);
    await chooser.setFiles({ name: 'asi-coc-certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 ASI CoC certificate\n') });
    await page.getByTestId('evidence-list').filter({ hasText: 'asi-coc-certificate.pdf' }).waitFor();
    await field(page, 'Auditor asked to attest').selectOption({ label: 'Clearline Assurance Ltd' });
    await page.getByLabel(/^Restricted/).check();
    await page.getByRole('button', { name: 'File the disclosure' }).click();

    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByText('Not attested yet.').waitFor();
    await page.getByRole('link', { name: 'asi-coc-certificate.pdf' }).waitFor();
    await page.locator('[data-expiry="soon"]').filter({ hasText: /Expires in 4[456] days/ }).first().waitFor();
    const url = page.url();

    // The producer's home lists it among the disclosures expiring soon.
    await page.goto('/');
    await page.getByTestId('home-expiries').locator('tr', { hasText: title }).locator('[data-expiry="soon"]').waitFor();
    await close();

    // Restricted: the public does not see it.
    // Anonymous callers get the same 404 as for an unknown disclosure: restricted ones are not announced.
    expect((await server.app.inject({ method: 'GET', url: new URL(url).pathname.replace('/disclosures/', '/api/v1/disclosures/') })).statusCode).toBe(404);

    const a = await signIn(auditor);
    const request = a.page.getByTestId('attestation-requests').locator('tr', { hasText: title });
    await request.waitFor();
    await request.getByRole('link', { name: title }).click();
    await a.page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await field(a.page, 'Statement').fill('Certificate and scope checked against the ASI register.');
    await a.page.getByRole('button', { name: 'Sign the attestation' }).click();
    await a.page.getByTestId('attested-by-us').waitFor();
    const attestation = a.page.getByTestId('attestations').locator('tr', { hasText: 'Clearline Assurance Ltd' });
    await attestation.filter({ hasText: 'Certificate and scope checked against the ASI register.' }).waitFor();
    await a.page.getByTestId('attestation-count').filter({ hasText: 'Attestations: 1' }).waitFor();

    // Answered: no longer among the requests.
    await a.page.goto('/');
    await a.page.getByTestId('attestation-requests').filter({ hasText: 'No attestation requests are waiting.' }).waitFor();
    await a.close();
  });
});

describe('home pages', () => {
  it('shows the exchange its review queues, each from the API', async () => {
    const { page, close } = await signIn(exchange);
    await page.getByRole('heading', { name: 'Review queues' }).waitFor();
    await page.getByTestId('queue-q-rejected').getByRole('link', { name: rejected.number }).waitFor();
    await page.getByTestId('non-compliant').locator('tr', { hasText: 'Red Flag Assessment overdue' }).waitFor();
    // The other producer's ISO 14001 expired ten days ago.
    await page.getByTestId('queue-expiring-list').locator('tr', { hasText: 'ISO14001 certificate' }).locator('[data-expiry="expired"]').waitFor();
    await page.getByTestId('queue-q-brands').getByText('Nothing to review.').waitFor();
    await close();
  });

  it('shows a producer its recent imports', async () => {
    const { page, close } = await signIn(producer);
    await page.getByRole('heading', { name: 'Recent imports' }).waitFor();
    await page.getByText('No imports yet.').waitFor();
    await close();
  });
});

describe('comparison charts', () => {
  it('draws carbon intensity, certifications and tracks beside the table, with text alternatives', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
    const page = await newPage(context, consoleErrors);
    await page.goto(`/compare?producers=${producerOrgId},${otherProducerOrgId}`);
    await page.getByTestId('comparison').waitFor();
    for (const id of ['chart-carbon', 'chart-certifications', 'chart-tracks']) {
      await page.getByTestId(id).locator('svg, canvas').first().waitFor();
    }
    const carbon = (await page.getByTestId('chart-carbon').getAttribute('aria-label')) ?? '';
    expect(carbon).toBe('Bar chart of carbon intensity tCO2e/t: Fjord Aluminium AS: 1.83; Andes Copper SA: 3.4.');
    expect(await page.getByTestId('chart-carbon').getAttribute('role')).toBe('img');
    expect(await page.getByTestId('chart-certifications').getAttribute('aria-label')).toContain('Andes Copper SA: 1 valid, 1 expired, 0 not yet valid');
    expect(await page.getByTestId('chart-tracks').getAttribute('aria-label')).toContain('Andes Copper SA: Track A × 1');
    // The drawing itself carries the figures too.
    await page.getByTestId('chart-carbon').locator('svg text', { hasText: '3.4' }).first().waitFor();

    // Translated, numbers formatted for the language.
    await page.getByLabel('Language').selectOption('zh-Hant');
    await page.getByRole('heading', { name: '圖表' }).waitFor();
    await expect.poll(() => page.getByTestId('chart-carbon').getAttribute('aria-label')).toContain('碳強度長條圖');
    await context.close();
  });
});

describe('premium eligibility and revocation', () => {
  it('shows premium eligibility with its reason to those who may read the CBAM data, and nothing to others', async () => {
    const { page, close } = await signIn(producer);
    await page.goto(`/brands/${premiumBrand.id}`);
    await page
      .getByTestId('premium-reason')
      .filter({ hasText: 'Carbon intensity 1.83 tCO2e/t is within the 10 tCO2e/t threshold and the brand holds ASI-PS' })
      .waitFor();
    await page.getByTestId('premium').getByText('Eligible', { exact: true }).waitFor();
    // Another year: no report covers it.
    await page.getByLabel('Year').selectOption(String(YEAR - 1));
    await page.getByTestId('premium-reason').filter({ hasText: `No carbon report covers ${YEAR - 1}` }).waitFor();
    await close();

    const t = await signIn(trader);
    const searched = t.page.waitForResponse((r) => r.url().includes('/api/v1/cbam-reports?'));
    await t.page.goto(`/brands/${premiumBrand.id}`);
    await searched;
    await t.page.getByTestId('cbam-not-visible').waitFor();
    expect(await t.page.getByTestId('premium').count()).toBe(0);
    await t.close();
  });

  it('revokes a certificate after confirmation; its public page then says revoked', async () => {
    const { page, close } = await signIn(producer);
    await page.goto(`/certificates/${certificate.id}`);
    await page.getByRole('heading', { name: certificate.number }).waitFor();
    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke certificate ${certificate.number}?` });
    // A reason is required.
    await dialog.getByRole('button', { name: 'Revoke the certificate' }).click();
    await dialog.getByText('Give a reason of at least 3 characters.').waitFor();
    await dialog.getByLabel(/^Reason for revoking/).fill('Cast withdrawn after a laboratory error');
    await dialog.getByRole('button', { name: 'Revoke the certificate' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Cast withdrawn after a laboratory error').waitFor();
    expect(await page.getByRole('button', { name: 'Revoke', exact: true }).count()).toBe(0);
    await close();

    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
    const pub = await newPage(context, consoleErrors);
    await pub.goto(`/v/${certificate.id}`);
    await pub.getByRole('heading', { name: certificate.number }).waitFor();
    await pub.getByText('Revoked', { exact: true }).first().waitFor();
    await pub.getByText('This certificate did not pass verification').waitFor();
    await context.close();
  });
});
