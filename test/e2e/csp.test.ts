import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBrand, makeOrg, makeUser, submissionFor, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { ensureWebBuilt, launchBrowser, newPage, startServer, type Running } from './harness.ts';

// Every page of the web app (the routes of web/src/App.tsx), signed out and signed in as the people
// who use it, under the Content-Security-Policy the server sends, which Chromium enforces: no page
// may trip it or log any console error. The API docs (Swagger UI) too. The server runs with the
// default rate limits, as in production.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const people: Record<'producerAdmin' | 'exchangeAdmin' | 'auditor' | 'trader', TestUser> = {} as never;
const ids: Record<string, string> = {};

// Set before any script of the page runs (through the DevTools protocol, which the policy does not
// govern): every violation the page reports is kept for the test to read.
const WATCH_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
  });
`;

const post = async (url: string, payload: Json, who: TestUser) => {
  const res = await server.app.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
  return res.json<Json>();
};

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  const db = server.ctx.db;
  const producerOrg = await makeOrg(db, 'producer', 'Fjord Aluminium AS');
  const exchangeOrg = await makeOrg(db, 'exchange', 'Metal Exchange');
  people.producerAdmin = await makeUser(server.ctx, producerOrg.id, 'admin');
  people.exchangeAdmin = await makeUser(server.ctx, exchangeOrg.id, 'admin');
  people.auditor = await makeUser(server.ctx, (await makeOrg(db, 'auditor', 'Clearline Assurance Ltd')).id, 'admin');
  people.trader = await makeUser(server.ctx, (await makeOrg(db, 'trader', 'Harbour Trading Ltd')).id, 'member');
  const brand = await makeBrand(server.ctx, producerOrg.id, 'AH', 'NO');
  const cert = await post('/api/v1/certificates', submissionFor(brand), people.producerAdmin);
  const evidence = await post(
    '/api/v1/evidence-files',
    { filename: 'water.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF water').toString('base64') },
    people.producerAdmin,
  );
  const disclosure = await post(
    '/api/v1/disclosures',
    { level: 'company', topic: 'carbon', kind: 'metric', title: 'Scope 1+2 intensity', value: '1.83', unit: 'tCO2e/t', periodStart: '2025-01-01', periodEnd: '2025-12-31', evidenceFileIds: [evidence.id] },
    people.producerAdmin,
  );
  Object.assign(ids, { cert: cert.id, number: cert.number, brand: brand.code, producer: producerOrg.id, exchange: exchangeOrg.id, disclosure: disclosure.id });
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

/** Every route of web/src/App.tsx, with real ids. */
const pages = (): string[] => [
  '/',
  '/sign-in',
  '/certificates',
  '/certificates/new',
  `/certificates/${ids.cert}`,
  `/certificates/${ids.cert}/amend`,
  '/brands',
  `/brands/${ids.brand}`,
  `/brands/${ids.brand}/cbam`,
  '/disclosures',
  '/disclosures/new',
  `/disclosures/${ids.disclosure}`,
  `/producers/${ids.producer}`,
  '/compare',
  '/imports',
  '/organisations',
  `/organisations/${ids.producer}`,
  '/pledges',
  '/invitations/accept',
  `/v/${ids.number}`,
  '/verify',
  '/no-such-page',
];

async function visitor(who?: TestUser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
  await context.addInitScript(WATCH_VIOLATIONS);
  const errors: string[] = [];
  const page = await newPage(context, errors);
  if (who) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  }
  return { context, page, errors };
}

/** Opens a page, waits until it has settled and drawn its heading, and returns what it tripped. */
async function visit(page: Page, path: string): Promise<string[]> {
  const res = await page.goto(path, { waitUntil: 'networkidle' });
  expect(res?.status(), path).toBe(200);
  // The policy really is on the document, not only on the API.
  expect(res?.headers()['content-security-policy'], path).toContain("script-src 'self'");
  // Drawn: a heading, or what a page shows instead (an alert, a status line).
  try {
    await page.locator('h1, h2, [role="alert"], [role="status"]').first().waitFor({ timeout: 10_000 });
  } catch {
    return [`nothing drawn: ${(await page.locator('main').innerText()).slice(0, 200)}`];
  }
  return page.evaluate<string[]>('window.__cspViolations');
}

describe('the Content-Security-Policy in Chromium', () => {
  it('would notice a violation: an injected inline script is refused and reported', async () => {
    const { context, page } = await visitor();
    await visit(page, '/');
    const ran = await page.evaluate<boolean>(`(() => {
      window.__ran = false;
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.appendChild(s);
      return window.__ran;
    })()`);
    expect(ran).toBe(false);
    await expect.poll(() => page.evaluate<string[]>('window.__cspViolations')).toEqual([expect.stringContaining('script-src-elem inline')]);
    await context.close();
  });

  // Another organisation's page is the exchange's register: the API refuses it to others (401 signed
  // out, 404 signed in) and the page says so. Chromium logs each refused request as a console error;
  // exactly these are expected, and nothing else.
  const visitors: [string, () => TestUser | undefined, refused?: number][] = [
    ['signed out', () => undefined, 401],
    ['a producer administrator', () => people.producerAdmin],
    ['an exchange administrator', () => people.exchangeAdmin],
    ['an auditor', () => people.auditor, 404],
    ['a trader', () => people.trader, 404],
  ];
  for (const [label, who, refused] of visitors) {
    it(`lets ${label} open every page without a violation or a console error`, async () => {
      const { context, page, errors } = await visitor(who());
      const problems: string[] = [];
      for (const path of pages()) {
        const violations = await visit(page, path);
        problems.push(...violations.map((v) => `${path}: ${v}`));
        const logged = errors.splice(0);
        if (refused && path === `/organisations/${ids.producer}`) {
          const refusal = `Failed to load resource: the server responded with a status of ${refused}`;
          expect(logged.filter((e) => e.includes(refusal)), `${path}: the refusal`).toHaveLength(1);
          logged.splice(logged.findIndex((e) => e.includes(refusal)), 1);
        }
        problems.push(...logged.map((e) => `${path}: ${e}`));
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('keeps the API documentation (Swagger UI) working under its policy', async () => {
    const { context, page, errors } = await visitor();
    const res = await page.goto('/docs', { waitUntil: 'networkidle' });
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { name: /Assay API/ }).waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(await page.evaluate<string[]>('window.__cspViolations')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
