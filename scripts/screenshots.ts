// Regenerates docs/screenshots/*.png: the main pages of the web app at desktop and phone widths,
// in English and Chinese, plus the first page of a certificate PDF. Runs a real server over a
// throwaway in-memory demo world and Debian's Chromium (ASSAY_CHROMIUM overrides the path); Chinese
// pages need a CJK font in the system (apt-get install fonts-noto-cjk), or they show empty boxes.
//
//   npm run screenshots
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createContext } from '../src/app/context.ts';
import { prepareDatabase } from '../src/app/database.ts';
import { demoLogins, DEMO_PASSWORD, seedDemoWorld } from '../src/app/demo-world.ts';
import { buildServer } from '../src/app/server.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite } from '../src/platform/db.ts';

const OUT = path.resolve('docs/screenshots');
const CHROMIUM = process.env.ASSAY_CHROMIUM ?? '/usr/bin/chromium';
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

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

  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors: string[] = [];

  async function shoot(name: string, url: string, opts: { login?: string; lang?: string; prepare?: (p: Page) => Promise<void>; sizes?: (keyof typeof SIZES)[] } = {}) {
    for (const size of opts.sizes ?? (['desktop', 'phone'] as const)) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: SIZES[size], locale: 'en-GB', deviceScaleFactor: 1 });
      if (opts.lang) await context.addInitScript(`localStorage.setItem('assay.lang', ${JSON.stringify(opts.lang)})`);
      if (opts.login) {
        const r = await context.request.post('/api/v1/sessions', { data: { email: opts.login, password: DEMO_PASSWORD } });
        if (!r.ok()) throw new Error(`sign-in failed for ${opts.login}: ${r.status()}`);
      }
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && errors.push(`${name}: ${m.text()}`));
      page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
      await page.goto(url, { waitUntil: 'networkidle' });
      await opts.prepare?.(page);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const file = path.join(OUT, `${name}-${size}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`[shots] ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  }

  await shoot('home-public', '/');
  await shoot('sign-in', '/sign-in', { sizes: ['desktop'] });
  await shoot('home-producer', '/', { login: producerAdmin.email });
  await shoot('home-exchange', '/', { login: exchange.email, sizes: ['desktop'] });
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
  await shoot('brands', '/brands', { sizes: ['desktop'] });
  const brandCode = (await db.query<{ code: string }>(`SELECT code FROM brands WHERE metal = 'CA' ORDER BY code LIMIT 1`)).rows[0]!.code;
  await shoot('brand', `/brands/${brandCode}`, { login: exchange.email, sizes: ['desktop'] });
  await shoot('bulk-import', '/imports', { login: producer.email });
  await shoot('compare', '/compare', { sizes: ['desktop'] });
  await shoot('verify-public', `/v/${cert}`);
  await shoot('verify-public-zh-Hant', `/v/${cert}`, { lang: 'zh-Hant' });
  await shoot('verify-public-zh-Hans', `/v/${cert}`, { lang: 'zh-Hans', sizes: ['phone'] });
  await shoot('verify-upload', '/verify', { sizes: ['desktop'] });

  // The printable certificate, first page.
  const login = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: producer.email, password: DEMO_PASSWORD } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const pdf = await app.inject({ method: 'GET', url: `/api/v1/certificates/${cert}/pdf?lang=zh-Hant`, headers: { cookie } });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-pdf-'));
  fs.writeFileSync(path.join(tmp, 'c.pdf'), pdf.rawPayload);
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', path.join(tmp, 'c.pdf'), path.join(OUT, 'certificate-pdf')]);
  console.log('[shots] docs/screenshots/certificate-pdf.png');
  fs.rmSync(tmp, { recursive: true, force: true });

  await browser.close();
  await app.close();
  await db.close();
  fs.rmSync(config.dataDir, { recursive: true, force: true });
  if (errors.length > 0) {
    console.error(`[shots] console errors:\n${errors.join('\n')}`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
