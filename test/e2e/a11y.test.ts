import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoLogins, seedDemoWorld } from '../../src/app/demo-world.ts';
import { ensureWebBuilt, launchBrowser, startServer, type Running } from './harness.ts';

// WCAG 2.2 AA in a real browser: axe-core runs on every page of the web app — public, and signed in as
// each kind of organisation that has pages of its own — in all three languages, over the demo world
// (so lists, badges and detail pages hold real rows). Any serious or critical violation fails the test,
// naming the page, language, rule and elements. The same file renders the pages a buyer or a
// producer opens on a phone at 360 px and checks that nothing scrolls sideways.

const LANGS = ['en', 'zh-Hant', 'zh-Hans'] as const;
const PHONE_WIDTH = 360;

let server: Running;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const ids: Record<string, string | undefined> = {};
const emails: Record<string, string> = {};

async function one(sql: string, params: unknown[] = []): Promise<string | undefined> {
  const r = await server.ctx.db.query<{ v: string }>(sql, params);
  return r.rows[0]?.v;
}

beforeAll(async () => {
  ensureWebBuilt();
  server = await startServer();
  await seedDemoWorld(server.ctx, { certificates: 12 });
  for (const l of await demoLogins(server.ctx.db)) {
    // A member of each kind (the admin where a kind has only admins): one login per kind.
    if (l.role === 'member' || !emails[l.kind]) emails[l.kind] = l.email;
  }
  const orgOf = async (email: string) => one(`SELECT org_id::text AS v FROM users WHERE email = $1`, [email]);
  const producerOrg = await orgOf(emails.producer!);
  const warehouseOrg = await orgOf(emails.warehouse!);
  const traderOrg = await orgOf(emails.trader!);
  const lenderOrg = await orgOf(emails.lender!);
  ids.producerOrg = producerOrg;
  ids.issued = await one(`SELECT id::text AS v FROM certificates WHERE status = 'issued' ORDER BY seq LIMIT 1`);
  ids.issuedNumber = await one(`SELECT number AS v FROM certificates WHERE status = 'issued' ORDER BY seq LIMIT 1`);
  ids.revoked = await one(`SELECT id::text AS v FROM certificates WHERE status = 'revoked' ORDER BY seq LIMIT 1`);
  ids.ownIssued = await one(`SELECT id::text AS v FROM certificates WHERE status = 'issued' AND producer_org_id = $1 ORDER BY seq LIMIT 1`, [producerOrg]);
  ids.brand = await one(`SELECT code AS v FROM brands WHERE status = 'listed' ORDER BY code LIMIT 1`);
  ids.ownBrand = await one(`SELECT code AS v FROM brands WHERE producer_org_id = $1 ORDER BY code LIMIT 1`, [producerOrg]);
  ids.disclosure = await one(`SELECT id::text AS v FROM disclosures ORDER BY seq LIMIT 1`);
  ids.receipt = await one(`SELECT id::text AS v FROM receipts WHERE warehouse_org_id = $1 ORDER BY seq LIMIT 1`, [warehouseOrg]);
  ids.warehouseWarrant = await one(`SELECT id::text AS v FROM warrants WHERE warehouse_org_id = $1 ORDER BY seq LIMIT 1`, [warehouseOrg]);
  ids.traderWarrant = await one(`SELECT id::text AS v FROM warrants WHERE holder_org_id = $1 ORDER BY seq LIMIT 1`, [traderOrg]);
  ids.lenderWarrant = await one(`SELECT id::text AS v FROM warrants WHERE holder_org_id = $1 ORDER BY seq LIMIT 1`, [lenderOrg]);
  ids.anyWarrant = await one(`SELECT id::text AS v FROM warrants ORDER BY seq LIMIT 1`);
  ids.traderStatement = await one(`SELECT id::text AS v FROM rent_statements WHERE holder_org_id = $1 ORDER BY seq LIMIT 1`, [traderOrg]);
  ids.anyStatement = await one(`SELECT id::text AS v FROM rent_statements ORDER BY seq LIMIT 1`);
  ids.report = await one(`SELECT id::text AS v FROM market_reports ORDER BY as_of DESC LIMIT 1`);
  ids.warehouseOrg = warehouseOrg;
  ({ browser, close: closeBrowser } = await launchBrowser());
}, 300_000);

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

/** The paths to visit, leaving out detail pages whose row the demo world does not hold. */
function pages(list: (string | false | undefined)[]): string[] {
  return list.filter((p): p is string => typeof p === 'string' && !p.includes('undefined'));
}

const PUBLIC = (): string[] =>
  pages([
    '/',
    '/sign-in',
    '/certificates',
    '/brands',
    ids.brand && `/brands/${ids.brand}`,
    ids.brand && `/brands/${ids.brand}/cbam`,
    '/specs',
    '/compare',
    '/disclosures',
    ids.disclosure && `/disclosures/${ids.disclosure}`,
    ids.producerOrg && `/producers/${ids.producerOrg}`,
    '/market/calendar',
    '/rent',
    '/market-data',
    ids.report && `/market-data/reports/${ids.report}/verify`,
    ids.issued && `/v/${ids.issued}`,
    ids.revoked && `/v/${ids.revoked}`,
    ids.anyWarrant && `/w/${ids.anyWarrant}`,
    '/verify',
    '/invitations/accept?token=x',
    '/no-such-page',
  ]);

const SIGNED_IN: Record<string, () => string[]> = {
  exchange: () =>
    pages([
      '/',
      '/certificates',
      ids.issued && `/certificates/${ids.issued}`,
      '/brands',
      ids.brand && `/brands/${ids.brand}`,
      // The exchange's specifications page carries the form that publishes the next version.
      '/specs',
      '/organisations',
      ids.warehouseOrg && `/organisations/${ids.warehouseOrg}`,
      '/network',
      '/warrants',
      ids.anyWarrant && `/warrants/${ids.anyWarrant}`,
      '/warrant-review',
      '/rent',
      '/market-data',
    ]),
  producer: () =>
    pages([
      '/',
      '/certificates',
      ids.ownIssued && `/certificates/${ids.ownIssued}`,
      ids.ownIssued && `/certificates/${ids.ownIssued}/amend`,
      // The public page as its producer sees it: the full view (PCR, chemistry, version history).
      ids.ownIssued && `/v/${ids.ownIssued}`,
      '/certificates/new',
      '/imports',
      ids.ownBrand && `/brands/${ids.ownBrand}`,
      ids.ownBrand && `/brands/${ids.ownBrand}/cbam`,
      '/disclosures',
      '/disclosures/new',
      ids.producerOrg && `/organisations/${ids.producerOrg}`,
      '/warrants',
      '/swaps',
      '/pledges',
    ]),
  warehouse: () =>
    pages([
      '/',
      '/receipts/new',
      '/receipts',
      ids.receipt && `/receipts/${ids.receipt}`,
      '/load-out',
      '/stock',
      '/warrants',
      ids.warehouseWarrant && `/warrants/${ids.warehouseWarrant}`,
      '/rent',
      '/pledges',
      ids.warehouseOrg && `/organisations/${ids.warehouseOrg}`,
    ]),
  trader: () =>
    pages([
      '/',
      '/warrants',
      ids.traderWarrant && `/warrants/${ids.traderWarrant}`,
      '/swaps',
      '/pledges',
      '/rent',
      ids.traderStatement && `/rent/statements/${ids.traderStatement}`,
    ]),
  lender: () => pages(['/', '/warrants', ids.lenderWarrant && `/warrants/${ids.lenderWarrant}`, '/swaps', '/pledges']),
};

/** Waits until the page has rendered its heading and no query is still loading. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1, main h2').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(`!document.querySelector('.mantine-Loader-root, [aria-busy="true"]')`, undefined, { timeout: 15_000 });
}

async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.evaluate("localStorage.setItem('assay.lang', 'en')");
  await page.reload();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
  return page;
}

interface Finding {
  who: string;
  lang: string;
  path: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function audit(page: Page, who: string, paths: string[], findings: Finding[]): Promise<number> {
  let visited = 0;
  for (const path of paths) {
    // One load per page; the language is switched in place with the header's language control, as a
    // reader would, and each language is audited once it has rendered.
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await settle(page);
    for (const lang of LANGS) {
      await page.getByTestId('language').selectOption(lang);
      await page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(lang)}`);
      await settle(page);
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue;
        findings.push({ who, lang, path, rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n: { target: unknown[]; any: { message: string }[] }) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`) });
      }
      visited++;
    }
  }
  return visited;
}

const report = (findings: Finding[]): string => findings.map((f) => `${f.who} ${f.lang} ${f.path}: ${f.impact} ${f.rule} (${f.help}) at ${f.targets.join(' | ')}`).join('\n');

describe('WCAG 2.2 AA: axe on every page in English, 繁體中文 and 简体中文', () => {
  it('finds no serious or critical violation on the public pages', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    try {
      const page = await context.newPage();
      await page.goto('/');
      const findings: Finding[] = [];
      const visited = await audit(page, 'public', PUBLIC(), findings);
      expect(visited).toBe(PUBLIC().length * LANGS.length);
      expect(report(findings)).toBe('');
    } finally {
      await context.close();
    }
  }, 600_000);

  for (const kind of Object.keys(SIGNED_IN)) {
    it(`finds no serious or critical violation on the pages of a signed-in ${kind}`, async () => {
      expect(emails[kind], `a demo login of kind ${kind}`).toBeDefined();
      const context = await browser.newContext({ baseURL: server.baseUrl });
      try {
        const page = await signIn(context, emails[kind]!);
        const findings: Finding[] = [];
        const paths = SIGNED_IN[kind]!();
        await audit(page, kind, paths, findings);
        expect(report(findings)).toBe('');
      } finally {
        await context.close();
      }
    }, 600_000);
  }
});

describe('visible focus', () => {
  it('rings every control a keyboard reaches on sign-in and the certificate list', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    try {
      const page = await context.newPage();
      const seen: { path: string; element: string; outline: string }[] = [];
      for (const path of ['/sign-in', '/certificates']) {
        await page.goto(path);
        await settle(page);
        for (let i = 0; i < 14; i++) {
          await page.keyboard.press('Tab');
          seen.push({
            path,
            ...(await page.evaluate<{ element: string; outline: string }>(`(() => {
              const el = document.activeElement;
              const cs = getComputedStyle(el);
              const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
              return { element: el.tagName.toLowerCase() + ' ' + label, outline: cs.outlineStyle + ' ' + cs.outlineWidth };
            })()`)),
          });
        }
      }
      // Tab reached the page's controls (links, buttons and fields), and each showed a 2 px outline.
      expect(seen.filter((s) => s.element.startsWith('input')).length).toBeGreaterThan(0);
      // (Past the last control Tab leaves the page and focus falls back to <body>, which draws nothing.)
      expect(seen.filter((s) => !s.element.startsWith('body') && !/^(solid|auto) 2px$/.test(s.outline))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('phones: 360 px wide with no sideways scrolling', () => {
  const overflow = async (page: Page, path: string): Promise<{ path: string; scrollWidth: number }> => {
    await page.goto(path);
    await settle(page);
    return { path, scrollWidth: await page.evaluate<number>('document.documentElement.scrollWidth') };
  };

  it('fits the verification page, sign-in and the certificate list, signed out and as a producer, in every language', async () => {
    expect(ids.issuedNumber).toBeDefined();
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: PHONE_WIDTH, height: 780 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto('/');
      const results: { path: string; scrollWidth: number }[] = [];
      const publicPaths = pages(['/sign-in', '/certificates', `/v/${ids.issued}`, ids.revoked && `/v/${ids.revoked}`]);
      for (const lang of LANGS) {
        await page.evaluate(`localStorage.setItem('assay.lang', ${JSON.stringify(lang)})`);
        for (const p of publicPaths) results.push({ ...(await overflow(page, p)), path: `${lang} ${p}` });
      }
      const signedIn = await signIn(context, emails.producer!);
      for (const lang of LANGS) {
        await signedIn.evaluate(`localStorage.setItem('assay.lang', ${JSON.stringify(lang)})`);
        results.push({ ...(await overflow(signedIn, '/certificates')), path: `producer ${lang} /certificates` });
      }
      expect(results.length).toBe(publicPaths.length * 3 + 3);
      expect(results.filter((r) => r.scrollWidth > PHONE_WIDTH)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
