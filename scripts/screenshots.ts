// Regenerates docs/screenshots/*.png: the main pages of the web app at desktop and phone widths,
// in English and Chinese, plus the first page of a certificate PDF. Runs a real server over a
// throwaway in-memory demo world and Debian's Chromium (ASSAY_CHROMIUM overrides the path); Chinese
// pages need a CJK font in the system (apt-get install fonts-noto-cjk), or they show empty boxes.
//
//   npm run screenshots
//   npm run screenshots -- users organisations     (only the named shots; the PDF as certificate-pdf)
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createContext } from '../src/app/context.ts';
import { prepareDatabase } from '../src/app/database.ts';
import { demoEmail, demoLogins, DEMO_PASSWORD, seedDemoWorld } from '../src/app/demo-world.ts';
import { buildServer } from '../src/app/server.ts';
import { filledCbamForm } from '../src/cbam/excel.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite } from '../src/platform/db.ts';
import type { App } from '../src/platform/http.ts';

const OUT = path.resolve('docs/screenshots');
const CHROMIUM = process.env.ASSAY_CHROMIUM ?? '/usr/bin/chromium';
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
/** Shot names given on the command line: only those are taken (all when none are given). */
const ONLY = new Set(process.argv.slice(2));
const wanted = (name: string): boolean => ONLY.size === 0 || ONLY.has(name);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  if (spawnSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
  fs.mkdirSync(OUT, { recursive: true });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    ASSAY_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    ASSAY_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'assay-shots-')),
    ASSAY_PUBLIC_URL: baseUrl,
  });
  const db = await openPglite(undefined);
  await prepareDatabase(db);
  const ctx = await createContext(config, db);
  console.log('[shots] seeding a small demo world…');
  await seedDemoWorld(ctx, { certificates: 60, seed: 7 });
  const app = await buildServer(ctx);
  await app.listen({ host: '127.0.0.1', port });

  // A copper producer: its contract limits every element, which makes the richest pages.
  const logins = await demoLogins(db);
  const { id: cert, org } = (
    await db.query<{ id: string; org: string }>(
      `SELECT c.id, o.name AS org FROM certificates c JOIN organisations o ON o.id = c.producer_org_id
        WHERE c.metal = 'CA' AND c.status = 'issued' ORDER BY c.current_version DESC, c.seq DESC LIMIT 1`,
    )
  ).rows[0]!;
  const producer = logins.find((l) => l.organisation === org && l.role === 'member')!;
  const producerAdmin = logins.find((l) => l.organisation === org && l.role === 'admin')!;
  const exchange = logins.find((l) => l.kind === 'exchange' && l.role === 'admin')!;

  console.log('[shots] filing sustainability records…');
  const sustainability = await seedSustainability(app);

  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors: string[] = [];

  // `refusal`: a shot that shows the server refusing input on purpose (Chromium logs that answer as an error).
  // `element`: shoot only this part of the page (a panel) instead of the page.
  async function shoot(
    name: string,
    url: string,
    opts: {
      login?: string;
      lang?: string;
      prepare?: (p: Page) => Promise<void>;
      sizes?: (keyof typeof SIZES)[];
      refusal?: number;
      fullPage?: boolean;
      element?: (p: Page) => Locator;
    } = {},
  ) {
    if (!wanted(name)) return;
    for (const size of opts.sizes ?? (['desktop', 'phone'] as const)) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: SIZES[size], locale: 'en-GB', deviceScaleFactor: 1 });
      if (opts.lang) await context.addInitScript(`localStorage.setItem('assay.lang', ${JSON.stringify(opts.lang)})`);
      if (opts.login) {
        const r = await context.request.post('/api/v1/sessions', { data: { email: opts.login, password: DEMO_PASSWORD } });
        if (!r.ok()) throw new Error(`sign-in failed for ${opts.login}: ${r.status()}`);
      }
      const page = await context.newPage();
      const refused = opts.refusal ? `Failed to load resource: the server responded with a status of ${opts.refusal}` : null;
      page.on('console', (m) => m.type() === 'error' && !(refused && m.text().startsWith(refused)) && errors.push(`${name}: ${m.text()}`));
      page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
      await page.goto(url, { waitUntil: 'networkidle' });
      await opts.prepare?.(page);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const file = path.join(OUT, `${name}-${size}.png`);
      if (opts.element) await opts.element(page).screenshot({ path: file });
      else await page.screenshot({ path: file, fullPage: opts.fullPage ?? true });
      console.log(`[shots] ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  }

  await shoot('home-public', '/');
  await shoot('sign-in', '/sign-in', { sizes: ['desktop'] });
  await shoot('home-producer', '/', { login: producerAdmin.email });
  await shoot('home-exchange', '/', { login: exchange.email });
  await shoot('certificates', '/certificates', { login: producer.email });
  await shoot('certificate', `/certificates/${cert}`, { login: producer.email });
  await shoot('issue-form', '/certificates/new', {
    login: producer.email,
    prepare: async (page) => {
      const brand = page.getByLabel(/^Brand/);
      const copper = await brand.locator('option', { hasText: '(CA)' }).first().getAttribute('value');
      await brand.selectOption(copper!);
      await page.getByLabel(/^Production cast reference/).fill('SHOT-0001');
      await page.getByLabel('Element in row 1').waitFor();
      const el = await page.getByLabel('Element in row 1').inputValue();
      await page.getByLabel(`Value of ${el}`, { exact: true }).fill('0.5');
      await page.getByLabel(/^Pieces/).fill('20');
      await page.getByLabel('Bundle 1 pieces').fill('18');
      await page.getByTestId('live-problems').waitFor();
    },
  });
  await shoot('certificate-revoke', `/certificates/${cert}`, {
    login: producer.email,
    sizes: ['desktop'],
    fullPage: false,
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Revoke', exact: true }).click();
      await page.getByRole('dialog').getByLabel(/^Reason for revoking/).fill('Cast withdrawn after a laboratory error');
    },
  });
  await shoot('brands', '/brands', { sizes: ['desktop'] });
  const brandCode = (await db.query<{ code: string }>(`SELECT code FROM brands WHERE metal = 'CA' ORDER BY code LIMIT 1`)).rows[0]!.code;
  await shoot('brand', `/brands/${brandCode}`, { login: exchange.email, sizes: ['desktop'] });
  await shoot('bulk-import', '/imports', { login: producer.email });
  await shoot('compare', `/compare?producers=${sustainability.compared.join(',')}`, {
    prepare: async (page) => {
      for (const id of ['chart-carbon', 'chart-certifications', 'chart-tracks']) await page.getByTestId(id).locator('svg').first().waitFor();
    },
  });
  await shoot('brand-premium', '/brands/ELDAL', { login: demoEmail('member', 'eldvik') });
  await shoot('cbam-manage', '/brands/ELDAL/cbam', { login: demoEmail('member', 'eldvik') });
  await shoot('cbam-excel-problems', '/brands/ELDAL/cbam', {
    login: demoEmail('member', 'eldvik'),
    sizes: ['desktop'],
    refusal: 400,
    prepare: async (page) => {
      // The tab, then a form whose emission cell is negative and whose unit was edited: problems by cell.
      await page.getByRole('tab', { name: 'Excel form' }).click();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Upload a filled form' }).click()]);
      await chooser.setFiles({ name: 'cbam-2024.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sustainability.badForm });
      await page.getByTestId('cbam-excel-problems').waitFor();
    },
  });
  await shoot('disclosures', '/disclosures', { login: exchange.email });
  await shoot('disclosure', `/disclosures/${sustainability.attested}`, { sizes: ['desktop'] });
  await shoot('disclosure-form', '/disclosures/new', { login: demoEmail('member', 'eldvik'), sizes: ['desktop'] });
  await shoot('home-auditor', '/', { login: demoEmail('member', 'clearline') });
  await shoot('disclosure-attest', `/disclosures/${sustainability.requested}`, { login: demoEmail('member', 'clearline'), sizes: ['desktop'] });
  await shoot('verify-public', `/v/${cert}`);
  await shoot('verify-public-zh-Hant', `/v/${cert}`, { lang: 'zh-Hant' });
  await shoot('verify-public-zh-Hans', `/v/${cert}`, { lang: 'zh-Hans', sizes: ['phone'] });
  await shoot('verify-upload', '/verify', { sizes: ['desktop'] });
  await shoot('organisations', '/organisations', { login: exchange.email, sizes: ['desktop'] });
  // A producer administrator's users, just after inviting someone: the link is shown once.
  await shoot('users', '/', {
    login: producerAdmin.email,
    sizes: ['desktop'],
    element: (page) => page.locator('section[aria-labelledby="users"]'),
    prepare: async (page) => {
      const form = page.getByTestId('invite-form');
      await form.getByLabel(/^Email/).fill('new.chemist@example.com');
      await form.getByLabel(/^Name/).fill('Lucía Fernández');
      await form.getByLabel(/^Role/).selectOption('member');
      await form.getByRole('button', { name: 'Invite' }).click();
      await page.getByTestId('invitation').waitFor();
    },
  });

  // The printable certificate, first page.
  if (wanted('certificate-pdf')) {
    const login = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: producer.email, password: DEMO_PASSWORD } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const pdf = await app.inject({ method: 'GET', url: `/api/v1/certificates/${cert}/pdf?lang=zh-Hant`, headers: { cookie } });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-pdf-'));
    fs.writeFileSync(path.join(tmp, 'c.pdf'), pdf.rawPayload);
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', path.join(tmp, 'c.pdf'), path.join(OUT, 'certificate-pdf')]);
    console.log('[shots] docs/screenshots/certificate-pdf.png');
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  await browser.close();
  await app.close();
  await db.close();
  fs.rmSync(config.dataDir, { recursive: true, force: true });
  if (errors.length > 0) {
    console.error(`[shots] console errors:\n${errors.join('\n')}`);
    process.exit(1);
  }
}

/**
 * Sustainability records for the pages that show them, filed through the API like any producer,
 * exchange or auditor would: disclosures (one awaiting an auditor, one attested), tracks, a
 * compliance ruling, CBAM reports with a re-filed version, grants (one revoked).
 */
async function seedSustainability(app: App): Promise<{ compared: string[]; requested: string; attested: string; badForm: Buffer }> {
  const cookies = new Map<string, string>();
  const cookie = async (email: string): Promise<string> => {
    if (!cookies.has(email)) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email, password: DEMO_PASSWORD } });
      if (r.statusCode >= 300) throw new Error(`sign-in failed for ${email}: ${r.statusCode}`);
      cookies.set(email, String(r.headers['set-cookie']).split(';')[0]!);
    }
    return cookies.get(email)!;
  };
  const call = async (slug: string, method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown) => {
    const r = await app.inject({ method, url, headers: { cookie: await cookie(demoEmail('member', slug)) }, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json<Record<string, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const year = new Date().getUTCFullYear();
  const orgId = async (slug: string) => (await call(slug, 'GET', '/api/v1/me')).organisation.id as string;
  const certification = (standardCode: string, title: string, validUntil: string, extra: Record<string, unknown> = {}) => ({
    level: 'company',
    topic: 'esg_certification',
    kind: 'certification',
    title,
    standardCode,
    validFrom: day(-700),
    validUntil,
    ...extra,
  });
  const carbon = (value: string) => ({
    level: 'company',
    topic: 'carbon',
    kind: 'metric',
    title: 'Scope 1 and 2 carbon intensity',
    value,
    unit: 'tCO2e/t',
    periodStart: `${year - 1}-01-01`,
    periodEnd: `${year - 1}-12-31`,
    methodology: 'GHG Protocol',
  });
  const auditor = await orgId('clearline');

  // Eldvík (aluminium): ASI certified, a low-carbon smelter on track A, CBAM reports and grants.
  await call('eldvik', 'POST', '/api/v1/disclosures', certification('ASI-PS', 'ASI Performance Standard certification', day(420)));
  await call('eldvik', 'POST', '/api/v1/disclosures', certification('ISO14001', 'ISO 14001 certificate, Reyðarströnd', day(34)));
  await call('eldvik', 'POST', '/api/v1/disclosures', carbon('1.9'));
  await call('eldvik', 'POST', '/api/v1/disclosures', { level: 'company', topic: 'energy', kind: 'target', title: 'Renewable electricity share', value: '100', unit: '%', periodEnd: `${year + 2}-12-31` });
  const evidence = await call('eldvik', 'POST', '/api/v1/evidence-files', {
    filename: 'asi-coc-certificate.pdf',
    mediaType: 'application/pdf',
    contentBase64: Buffer.from('%PDF-1.4\n% ASI Chain of Custody certificate (demo)\n').toString('base64'),
  });
  const requested = await call(
    'eldvik',
    'POST',
    '/api/v1/disclosures',
    certification('ASI-COC', 'ASI Chain of Custody certification', day(60), { level: 'brand', brand: 'ELDAL', topic: 'responsible_sourcing', evidenceFileIds: [evidence.id], auditorOrgId: auditor }),
  );
  await call('eldvik', 'POST', '/api/v1/brands/ELDAL/sourcing-tracks', { track: 'A', effectiveFrom: `${year}-01-01`, standardCode: 'ASI-PS' });
  const report = (periodStart: string, periodEnd: string, direct: string, indirect: string) => ({
    periodKind: 'annual',
    periodStart,
    periodEnd,
    installation: 'Eldvík smelter, Reyðarströnd',
    installationCountry: 'IS',
    productionRoute: 'primary',
    cnCode: '7601',
    directEmissions: direct,
    indirectEmissions: indirect,
    electricityConsumption: '14.3',
    electricityEmissionFactor: '0.011',
    valueType: 'actual',
    methodology: 'IAI-CF',
    verificationStatus: 'verified',
    verifier: 'Nordic Verification AS',
  });
  await call('eldvik', 'POST', '/api/v1/brands/ELDAL/cbam-reports', report(`${year - 1}-01-01`, `${year - 1}-12-31`, '1.61', '0.16'));
  await call('eldvik', 'POST', '/api/v1/brands/ELDAL/cbam-reports', report(`${year - 1}-01-01`, `${year - 1}-12-31`, '1.58', '0.16'));
  await call('eldvik', 'POST', '/api/v1/brands/ELDAL/cbam-reports', report(`${year}-01-01`, `${year}-12-31`, '1.52', '0.15'));
  const meridian = await orgId('meridian');
  const lioncity = await orgId('lioncity');
  await call('eldvik', 'POST', '/api/v1/brands/ELDAL/cbam-grants', { organisationId: meridian, reason: 'Offtake contract 2026–2027' });
  const old = await call('eldvik', 'POST', '/api/v1/brands/ELDAL/cbam-grants', { organisationId: lioncity, reason: 'Spot purchase, March' });
  await call('eldvik', 'POST', `/api/v1/brands/ELDAL/cbam-grants/${old.id}/revocation`, { reason: 'Purchase delivered and settled' });

  // Atacama and Copperbelt (copper), Pohjola (nickel): the rest of the comparison.
  const attested = await call('atacama', 'POST', '/api/v1/disclosures', certification('COPPER-MARK', 'The Copper Mark, Punta Salitre', day(300), { auditorOrgId: auditor }));
  await call('clearline', 'POST', `/api/v1/disclosures/${attested.id}/attestations`, { statement: 'Scope and validity checked against The Copper Mark register on site.' });
  await call('atacama', 'POST', '/api/v1/disclosures', certification('ISO45001', 'ISO 45001 certificate', day(-20)));
  await call('atacama', 'POST', '/api/v1/disclosures', carbon('3.1'));
  await call('atacama', 'POST', '/api/v1/brands/ATACU/sourcing-tracks', { track: 'A', effectiveFrom: `${year}-01-01`, standardCode: 'COPPER-MARK' });
  await call('copperbelt', 'POST', '/api/v1/disclosures', certification('JDDS', 'Joint Due Diligence Standard assurance', day(500)));
  await call('copperbelt', 'POST', '/api/v1/disclosures', carbon('4.4'));
  await call('copperbelt', 'POST', '/api/v1/brands/KAFCU/sourcing-tracks', {
    track: 'D',
    effectiveFrom: `${year}-01-01`,
    secondaryMaterials: { declaration: 'Cathode from recycled copper scrap, collected in Zambia.', recycledSharePercent: '64' },
  });
  await call('pohjola', 'POST', '/api/v1/disclosures', carbon('12.6'));
  await call('pohjola', 'POST', '/api/v1/disclosures', certification('IRMA', 'IRMA 75 achievement', day(15)));
  const admin = await cookie(demoEmail('member', 'exchange'));
  const ruling = await app.inject({
    method: 'POST',
    url: '/api/v1/brands/KAFCU/sourcing-compliance',
    headers: { cookie: admin },
    payload: { status: 'non_compliant', reason: 'Annual Red Flag Assessment not filed' },
  });
  if (ruling.statusCode !== 201) throw new Error(`compliance ruling: ${ruling.statusCode} ${ruling.body}`);

  return {
    compared: await Promise.all(['eldvik', 'atacama', 'copperbelt', 'pohjola'].map(orgId)),
    requested: requested.id as string,
    attested: attested.id as string,
    badForm: await filledCbamForm(
      { ...report(`${year - 2}-01-01`, `${year - 2}-12-31`, '-1.7', '0.16'), brandCode: 'ELDAL', verifier: 'Nordic Verification AS' },
      { electricityConsumption: 'kWh/t' },
    ),
  };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
