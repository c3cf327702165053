import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS with a default export: under NodeNext the function is at .default.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AppContext } from '../../src/app/context.ts';
import { buildServer } from '../../src/app/server.ts';
import { LocalMasterKeyWrapper, masterKeyFromBase64 } from '../../src/trust/keystore.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { App } from '../../src/platform/http.ts';
import { freshDatabase } from '../engines.ts';

// The browser tests drive the built web app in Debian's Chromium against a real server: the same
// buildServer as production, listening on 127.0.0.1, over a fresh PGlite database.

export const CHROMIUM = process.env.ASSAY_CHROMIUM ?? '/usr/bin/chromium';

/** Builds web/dist when it is missing or older than web/src (the same script `npm start` runs). */
export function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web app failed');
}

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

export interface Running {
  app: App;
  ctx: AppContext;
  baseUrl: string;
  close: () => Promise<void>;
}

/** `env` overrides the configuration, e.g. a real ASSAY_DATA_DIR for tests that upload imports. */
export async function startServer(env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const db = await freshDatabase('pglite');
  const config = loadConfig({
    ASSAY_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ASSAY_ARGON2_MEMORY_KIB: '1024',
    ASSAY_ARGON2_TIME_COST: '1',
    ASSAY_DATA_DIR: '/nonexistent-test-data-dir',
    ASSAY_PUBLIC_URL: baseUrl,
    ...env,
  });
  const ctx: AppContext = {
    db,
    config,
    now: () => new Date(),
    keyWrapper: new LocalMasterKeyWrapper(masterKeyFromBase64(config.masterKeyBase64!)),
    signingKeys: new Map(),
  };
  const app = await buildServer(ctx);
  await app.listen({ host: '127.0.0.1', port });
  return {
    app,
    ctx,
    baseUrl,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

// Playwright gives every launch a fresh temporary profile (--user-data-dir) and removes it after.
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

/** A page that records every console error and uncaught exception, for the "no console errors" checks. */
export async function newPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  return page;
}

/** Renders the first page of a PDF with poppler and decodes its QR code. */
export function qrOfPdf(pdf: Buffer): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-qr-'));
  try {
    fs.writeFileSync(path.join(dir, 'c.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', path.join(dir, 'c.pdf'), path.join(dir, 'p')]);
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, 'p.png')));
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height)?.data;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same credential with one signed field changed (the signature no longer matches). */
export function forge(jwt: string): string {
  const [h, p, s] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as { credentialSubject: Record<string, unknown> };
  payload.credentialSubject.netWeightKg = '1.000';
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}
